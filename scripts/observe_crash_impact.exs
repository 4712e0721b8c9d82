# Goiex.tree, Goiex.links and Goiex.crash_impact: predict a link
# cascade, then do it and watch it with Goiex.trace.
defmodule Chain do
  # A process that links to the pid it is given, tells its parent it is
  # ready, and waits.
  def start(parent, link_to) do
    if link_to, do: Process.link(link_to)
    send(parent, {:ready, self()})

    receive do
      :stop -> :ok
    end
  end

  def spawn_ready(link_to) do
    parent = self()
    pid = spawn(fn -> start(parent, link_to) end)

    receive do
      {:ready, ^pid} -> pid
    end
  end
end

defmodule Keeper do
  # Traps exits and reports each one.
  def start(parent) do
    Process.flag(:trap_exit, true)
    send(parent, {:ready, self()})
    loop()
  end

  defp loop do
    receive do
      {:EXIT, pid, reason} ->
        IO.puts("keeper: #{inspect(pid)} exited with #{inspect(reason)}")
        loop()
    end
  end
end

main = self()
keeper = spawn(fn -> Keeper.start(main) end)
receive do: ({:ready, ^keeper} -> :ok)
a = Chain.spawn_ready(keeper)
b = Chain.spawn_ready(a)
c = Chain.spawn_ready(b)
ref = Process.monitor(c)

IO.puts("== the graph")
Goiex.tree()
Goiex.links(b)

IO.puts("\n== predictions")
Goiex.crash_impact(b, :boom)
Goiex.crash_impact(b, :normal)
Goiex.crash_impact(keeper)

IO.puts("\n== doing it: Process.exit(b, :boom)")
Goiex.trace(:all, where: ~S{type in ["exit", "exit_message", "down"]})
Process.exit(b, :boom)

receive do
  {:DOWN, ^ref, :process, ^c, reason} -> IO.puts("main: DOWN of c, #{inspect(reason)}")
end

Process.sleep(10)
Goiex.trace(:off)
Goiex.tree()

IO.puts("\n== a supervisor")

defmodule Counter do
  use GenServer
  def start_link(name), do: GenServer.start_link(__MODULE__, 0, name: name)
  def init(n), do: {:ok, n}
end

{:ok, sup} =
  Supervisor.start_link(
    [
      %{id: :one, start: {Counter, :start_link, [:one]}},
      %{id: :two, start: {Counter, :start_link, [:two]}}
    ],
    strategy: :one_for_one
  )

Process.unlink(sup)
Goiex.tree()
Goiex.crash_impact(:one)
Goiex.trace(:all, where: ~S{type in ["exit", "exit_message", "spawn", "link"]})
Process.exit(Process.whereis(:one), :kill)
Process.sleep(10)
Goiex.trace(:off)
Goiex.tree()
