# Benchmark (issue 5): durable writes to :dets, each acknowledged only
# once it is on disk. In Elixir that is :dets.insert followed by
# :dets.sync (dets buffers writes until then); in goiex :dets.insert
# already returns after its bbolt transaction is committed and fsync'd,
# and sync/1 has nothing left to do. Same program in both.
#
#   one at a time: 1,000 × (insert one object, sync)
#   batched:       100 × (insert a list of 100 objects, sync)
defmodule DetsBench do
  def open(name) do
    path = "/tmp/goiex_bench_dets_#{name}.dets"
    File.rm(path)
    {:ok, ^name} = :dets.open_file(name, file: String.to_charlist(path))
    {name, path}
  end

  def one_at_a_time(t, n) do
    for i <- 1..n do
      :ok = :dets.insert(t, {i, {:job, i, "payload of job #{i}"}})
      :ok = :dets.sync(t)
    end
  end

  def batched(t, batches, size) do
    for b <- 0..(batches - 1) do
      :ok = :dets.insert(t, Enum.map(1..size, fn j -> {b * size + j, {:job, j, "payload of job #{j}"}} end))
      :ok = :dets.sync(t)
    end
  end

  def report(label, n, us), do: IO.puts("#{label}: #{n} objects in #{us} us, #{div(n * 1_000_000, max(us, 1))} per second")
end

{one, one_path} = DetsBench.open(:bench_one)
{us1, _} = :timer.tc(fn -> DetsBench.one_at_a_time(one, 1_000) end)
DetsBench.report("one at a time", 1_000, us1)
:dets.close(one)

{batch, batch_path} = DetsBench.open(:bench_batch)
{us2, _} = :timer.tc(fn -> DetsBench.batched(batch, 100, 100) end)
DetsBench.report("batched by 100", 10_000, us2)
:dets.close(batch)

File.rm(one_path)
File.rm(batch_path)
IO.puts("dets: total #{us1 + us2} us")
