# Many processes: spawn 10,000, let each compute, collect every answer.
parent = self()
before = :erlang.system_info(:process_count)
pids =
  for i <- 1..10_000 do
    spawn(fn ->
      receive do
        :go -> send(parent, {:done, i, i * i})
      end
    end)
  end
IO.inspect(:erlang.system_info(:process_count) - before, label: "new processes")
Enum.each(pids, fn pid -> send(pid, :go) end)

defmodule Sum do
  def collect(0, acc), do: acc
  def collect(n, acc) do
    receive do
      {:done, _i, sq} -> collect(n - 1, acc + sq)
    end
  end
end

IO.inspect(Sum.collect(10_000, 0), label: "sum of squares")
Process.sleep(500)
IO.inspect(Enum.count(pids, &Process.alive?/1), label: "still alive")
IO.inspect(length(Enum.uniq(pids)), label: "distinct pids")
