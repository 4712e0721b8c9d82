# A supervisor restarts a crashed counter: a new process (new pid) that
# starts again from its initial state. Then the child-management calls.
defmodule Counter do
  use GenServer

  def start_link(start), do: GenServer.start_link(__MODULE__, start, name: __MODULE__)
  def init(start), do: {:ok, start}
  def handle_call(:inc, _from, n), do: {:reply, n + 1, n + 1}
  def handle_cast(:crash, _n), do: raise("counter crashed")
end

{:ok, sup} = Supervisor.start_link([{Counter, 10}], strategy: :one_for_one)
first = Process.whereis(Counter)
IO.inspect(GenServer.call(Counter, :inc))
IO.inspect(GenServer.call(Counter, :inc))
GenServer.cast(Counter, :crash)
Process.sleep(500)
second = Process.whereis(Counter)
IO.inspect(first != second, label: "new pid")
IO.inspect(GenServer.call(Counter, :inc), label: "state back to initial")

[{Counter, ^second, :worker, [Counter]}] = Supervisor.which_children(sup)
IO.inspect(Supervisor.count_children(sup))
IO.inspect(Supervisor.terminate_child(sup, Counter))
IO.inspect(Supervisor.which_children(sup))
IO.inspect(Supervisor.count_children(sup))
{:ok, third} = Supervisor.restart_child(sup, Counter)
IO.inspect(third == Process.whereis(Counter))
IO.inspect(Supervisor.restart_child(sup, Counter))
IO.inspect(Supervisor.delete_child(sup, Counter))
IO.inspect(Supervisor.terminate_child(sup, Counter))
IO.inspect(Supervisor.delete_child(sup, Counter))
IO.inspect(Supervisor.restart_child(sup, Counter))
IO.inspect(Supervisor.which_children(sup))
{:ok, _} = Supervisor.start_child(sup, {Counter, 0})
IO.inspect(Supervisor.start_child(sup, {Counter, 0}) |> elem(0))
IO.inspect(Supervisor.stop(sup))
IO.inspect(Process.whereis(Counter))
