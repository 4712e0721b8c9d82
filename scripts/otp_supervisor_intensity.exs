# More than max_restarts restarts within max_seconds: the supervisor
# gives up, stops its children and exits with :shutdown (defaults: 3
# restarts in 5 seconds).
defmodule Flaky do
  use GenServer

  def start_link(_), do: GenServer.start_link(__MODULE__, nil, name: __MODULE__)
  def init(_), do: {:ok, nil}
  def handle_cast(:crash, _), do: exit(:crashed)
end

defmodule Steady do
  use GenServer

  def start_link(_), do: GenServer.start_link(__MODULE__, nil, name: __MODULE__)
  def init(_), do: {:ok, nil}
end

Process.flag(:trap_exit, true)
{:ok, sup} = Supervisor.start_link([Flaky, Steady], strategy: :one_for_one)
ref = Process.monitor(sup)
steady = Process.whereis(Steady)

for i <- 1..4 do
  IO.inspect({i, is_pid(Process.whereis(Flaky))})
  GenServer.cast(Flaky, :crash)
  Process.sleep(500)
end

receive do
  {:EXIT, ^sup, reason} -> IO.inspect(reason, label: "supervisor exited")
end

receive do
  {:DOWN, ^ref, :process, ^sup, reason} -> IO.inspect(reason, label: "DOWN")
end

IO.inspect(Process.alive?(steady), label: "steady child alive")
IO.inspect(Process.whereis(Flaky))

# Restarts spread out over time stay under the limit.
{:ok, sup} = Supervisor.start_link([Flaky], strategy: :one_for_one, max_restarts: 1, max_seconds: 1)

for _ <- 1..3 do
  GenServer.cast(Flaky, :crash)
  Process.sleep(2500)
end

IO.inspect(Process.alive?(sup), label: "still supervising")
Supervisor.stop(sup)
