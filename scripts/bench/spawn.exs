# Benchmark (c): spawn 1,000,000 processes that each wait in receive, then
# stop them and wait until every one is done. Elixir needs a process limit
# above its default of 262,144: elixir --erl "+P 2000000" spawn.exs
defmodule Waiter do
  def wait(main) do
    receive do
      :stop -> send(main, :stopped)
    end
  end

  def await(0), do: :ok

  def await(n) do
    receive do
      :stopped -> await(n - 1)
    end
  end
end

count = 1_000_000
main = self()

{us, :ok} =
  :timer.tc(fn ->
    pids = for _ <- 1..count, do: spawn(Waiter, :wait, [main])
    Enum.each(pids, fn pid -> send(pid, :stop) end)
    Waiter.await(count)
  end)

IO.puts("spawn: #{count} processes, #{us} us")
