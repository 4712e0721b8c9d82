# restart: :permanent children always come back, :transient ones only
# after a crash, :temporary ones never. Child specs come from modules,
# {module, arg} tuples and maps; `use GenServer, restart: ...` sets the
# default in child_spec/1.
defmodule Job do
  use GenServer, restart: :transient

  def start_link(name), do: GenServer.start_link(__MODULE__, name, name: name)
  def init(name), do: {:ok, name}
  def handle_cast(:finish, name), do: {:stop, :normal, name}
  def handle_cast(:crash, name), do: {:stop, :crashed, name}
end

IO.inspect(Job.child_spec(:x))

children = [
  %{id: :perm, start: {Job, :start_link, [:perm]}, restart: :permanent},
  {Job, :trans},
  Supervisor.child_spec({Job, :temp}, id: :temp, restart: :temporary)
]

{:ok, sup} = Supervisor.start_link(children, strategy: :one_for_one, max_restarts: 10)
show = fn -> IO.inspect(for {id, pid, _, _} <- Supervisor.which_children(sup), do: {id, is_pid(pid)}) end
show.()

for name <- [:perm, :trans, :temp] do
  GenServer.cast(name, :finish)
  Process.sleep(500)
end

show.()
{:ok, _} = Supervisor.restart_child(sup, Job)
GenServer.cast(:trans, :crash)
Process.sleep(500)
show.()
IO.inspect(Supervisor.count_children(sup))
