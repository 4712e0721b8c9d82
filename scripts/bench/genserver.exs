# Benchmark (issue 3): 100,000 GenServer.call round trips to one server.
defmodule Counter do
  use GenServer

  def init(n), do: {:ok, n}
  def handle_call(:bump, _from, n), do: {:reply, n + 1, n + 1}
end

{:ok, pid} = GenServer.start_link(Counter, 0)

defmodule Caller do
  def run(_pid, 0, last), do: last
  def run(pid, n, _last), do: run(pid, n - 1, GenServer.call(pid, :bump))
end

{us, result} = :timer.tc(fn -> Caller.run(pid, 100_000, nil) end)
IO.puts("genserver: #{result} calls, #{us} us")
