# Agent: a process holding a state that functions sent to it change.
{:ok, agent} = Agent.start_link(fn -> %{} end)
IO.inspect(Agent.get(agent, & &1))
IO.inspect(Agent.update(agent, &Map.put(&1, :a, 1)))
IO.inspect(Agent.get_and_update(agent, fn s -> {Map.keys(s), Map.put(s, :b, 2)} end))
IO.inspect(Agent.cast(agent, &Map.delete(&1, :a)))
IO.inspect(Agent.get(agent, & &1))
IO.inspect(Agent.get(agent, Map, :get, [:b]))
IO.inspect(Agent.stop(agent))
IO.inspect(Process.alive?(agent))

defmodule Bucket do
  use Agent

  def start_link(items), do: Agent.start_link(fn -> items end, name: __MODULE__)
  def push(item), do: Agent.update(__MODULE__, &[item | &1])
  def all, do: Agent.get(__MODULE__, & &1)
end

IO.inspect(Bucket.child_spec([:x]))
{:ok, _} = Supervisor.start_link([{Bucket, [:x]}], strategy: :one_for_one)
Bucket.push(:y)
IO.inspect(Bucket.all())

result =
  try do
    Agent.get(Bucket, fn _ -> Process.sleep(200) end, 100)
  catch
    :exit, {reason, {GenServer, :call, _}} -> reason
  end

IO.inspect(result)
Process.sleep(300)
IO.inspect(Process.info(self(), :message_queue_len))
