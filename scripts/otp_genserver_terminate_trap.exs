# Seed 003's pattern: a server that traps exits gets terminate/2 called
# when its parent (the process that start_linked it) exits, and hands
# its state to a backup process there.
defmodule Backup do
  use GenServer

  def start_link(_), do: GenServer.start_link(__MODULE__, nil, name: __MODULE__)
  def init(_), do: {:ok, nil}
  def handle_call({:store, state}, _from, _old), do: {:reply, :ok, state}
  def handle_call(:fetch, _from, state), do: {:reply, state, state}
end

defmodule Worker do
  use GenServer

  def init(start) do
    Process.flag(:trap_exit, true)
    {:ok, GenServer.call(Backup, :fetch) || start}
  end

  def handle_cast({:add, n}, total), do: {:noreply, total + n}

  def terminate(reason, total) do
    IO.inspect({reason, total}, label: "terminate")
    GenServer.call(Backup, {:store, total})
  end
end

{:ok, _} = Backup.start_link(nil)
me = self()

for reason <- [:shutdown, :boom] do
  parent =
    spawn(fn ->
      {:ok, worker} = GenServer.start_link(Worker, 0)
      send(me, {:worker, worker})

      receive do
        :go -> exit(reason)
      end
    end)

  worker =
    receive do
      {:worker, w} -> w
    end

  GenServer.cast(worker, {:add, 10})
  ref = Process.monitor(worker)
  send(parent, :go)

  receive do
    {:DOWN, ^ref, :process, ^worker, why} -> IO.inspect(why, label: "worker exited")
  end

  IO.inspect(GenServer.call(Backup, :fetch), label: "backup holds")
  Process.sleep(500)
end

# Without trap_exit, terminate/2 is not called: the exit signal kills it.
defmodule Plain do
  use GenServer
  def init(_), do: {:ok, nil}
  def terminate(_, _), do: IO.puts("never printed")
end

parent = spawn(fn ->
  {:ok, w} = GenServer.start_link(Plain, nil)
  send(me, {:worker, w})
  receive do
    :go -> exit(:boom)
  end
end)

w = receive do
  {:worker, w} -> w
end

ref = Process.monitor(w)
send(parent, :go)

receive do
  {:DOWN, ^ref, :process, ^w, why} -> IO.inspect(why, label: "plain worker exited")
end
