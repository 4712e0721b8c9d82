# Benchmark (issue 3): start 10,000 supervised children (GenServers) under a
# DynamicSupervisor, each started and acknowledged before the next.
defmodule Worker do
  use GenServer

  def start_link(n), do: GenServer.start_link(__MODULE__, n)
  def init(n), do: {:ok, n}
end

{:ok, sup} = DynamicSupervisor.start_link(strategy: :one_for_one)

defmodule Starter do
  def run(_sup, 0), do: :ok

  def run(sup, n) do
    {:ok, _pid} = DynamicSupervisor.start_child(sup, {Worker, n})
    run(sup, n - 1)
  end
end

{us, :ok} = :timer.tc(fn -> Starter.run(sup, 10_000) end)
%{active: active} = DynamicSupervisor.count_children(sup)
IO.puts("supervisor: #{active} children started, #{us} us")
