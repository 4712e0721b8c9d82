# :one_for_one restarts the crashed child; :one_for_all stops the others
# and restarts them all; :rest_for_one restarts the crashed child and
# those started after it. Children stop newest first, start oldest first.
defmodule Named do
  use GenServer

  def start_link(id), do: GenServer.start_link(__MODULE__, id, name: id)

  def init(id) do
    Process.flag(:trap_exit, true)
    IO.puts("start #{id}")
    {:ok, id}
  end

  def handle_cast(:crash, id), do: {:stop, :crash, id}
  def terminate(reason, id), do: IO.puts("terminate #{id} #{inspect(reason)}")
end

children = for id <- [:a, :b, :c], do: Supervisor.child_spec({Named, id}, id: id)

for strategy <- [:one_for_one, :one_for_all, :rest_for_one] do
  IO.puts("== #{strategy}")
  {:ok, sup} = Supervisor.start_link(children, strategy: strategy)
  IO.inspect(for {id, pid, :worker, [Named]} <- Supervisor.which_children(sup), is_pid(pid), do: id)
  GenServer.cast(:b, :crash)
  Process.sleep(500)
  Supervisor.stop(sup)
  Process.sleep(500)
end
