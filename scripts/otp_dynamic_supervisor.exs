# DynamicSupervisor: starts with no children and is given them one by one.
defmodule Worker do
  use GenServer

  def start_link(n), do: GenServer.start_link(__MODULE__, n)
  def init(n), do: {:ok, n}
  def handle_call(:get, _from, n), do: {:reply, n, n}
  def handle_cast(:crash, n), do: {:stop, :crashed, n}
end

{:ok, sup} = DynamicSupervisor.start_link(strategy: :one_for_one, name: :dyn)
IO.inspect(DynamicSupervisor.which_children(:dyn))
{:ok, a} = DynamicSupervisor.start_child(:dyn, {Worker, 1})
{:ok, b} = DynamicSupervisor.start_child(sup, %{id: :ignored, start: {Worker, :start_link, [2]}, restart: :temporary})
IO.inspect(GenServer.call(a, :get) + GenServer.call(b, :get))
IO.inspect(DynamicSupervisor.count_children(sup))
GenServer.cast(a, :crash)
Process.sleep(500)
IO.inspect(Process.alive?(a))
IO.inspect(DynamicSupervisor.count_children(sup))
GenServer.cast(b, :crash)
Process.sleep(500)
IO.inspect(DynamicSupervisor.count_children(sup))
[{:undefined, c, :worker, [Worker]}] = DynamicSupervisor.which_children(sup)
IO.inspect(GenServer.call(c, :get), label: "restarted with its start arguments")
IO.inspect(DynamicSupervisor.terminate_child(sup, c))
IO.inspect(DynamicSupervisor.terminate_child(sup, c))
IO.inspect(DynamicSupervisor.which_children(sup))
IO.inspect(DynamicSupervisor.init(max_children: 2))
