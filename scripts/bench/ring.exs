# Benchmark (a): a ring of 1,000 processes passing a counter for 1,000,000 hops.
# Runs unchanged in `goiex run --clock=real` and in `elixir`.
defmodule Ring do
  # Each process learns its successor, then forwards the counter until it
  # reaches zero; the process that sees zero tells the main process.
  def start(main) do
    receive do
      {:next, next} -> relay(next, main)
    end
  end

  def relay(next, main) do
    receive do
      {:token, 0} ->
        send(main, :done)
        relay(next, main)

      {:token, n} ->
        send(next, {:token, n - 1})
        relay(next, main)
    end
  end
end

size = 1_000
hops = 1_000_000
main = self()

{us, :done} =
  :timer.tc(fn ->
    pids = for _ <- 1..size, do: spawn(Ring, :start, [main])
    Enum.zip(pids, tl(pids) ++ [hd(pids)])
    |> Enum.each(fn {pid, next} -> send(pid, {:next, next}) end)
    send(hd(pids), {:token, hops})

    receive do
      :done -> :done
    end
  end)

IO.puts("ring: #{size} processes, #{hops} hops, #{us} us")
