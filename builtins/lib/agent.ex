# Agent, written in Elixir: a GenServer whose state is changed by the
# functions its clients send. The function runs inside the agent process,
# so each one sees the state the previous one left.
defmodule Agent do
  def start_link(fun, options \\ []), do: GenServer.start_link(Agent.Server, fun, options)
  def start(fun, options \\ []), do: GenServer.start(Agent.Server, fun, options)

  def get(agent, fun, timeout \\ 5000), do: GenServer.call(agent, {:get, fun}, timeout)

  def get(agent, module, fun, args, timeout \\ 5000) do
    GenServer.call(agent, {:get, {module, fun, args}}, timeout)
  end

  def update(agent, fun, timeout \\ 5000), do: GenServer.call(agent, {:update, fun}, timeout)

  def get_and_update(agent, fun, timeout \\ 5000) do
    GenServer.call(agent, {:get_and_update, fun}, timeout)
  end

  # cast returns at once; the function runs later, in the agent.
  def cast(agent, fun), do: GenServer.cast(agent, {:cast, fun})

  def stop(agent, reason \\ :normal, timeout \\ :infinity), do: GenServer.stop(agent, reason, timeout)
end

defmodule Agent.Server do
  use GenServer

  def init(fun), do: {:ok, run(fun, [])}

  def handle_call({:get, fun}, _from, state), do: {:reply, run(fun, [state]), state}
  def handle_call({:update, fun}, _from, state), do: {:reply, :ok, run(fun, [state])}

  def handle_call({:get_and_update, fun}, _from, state) do
    case run(fun, [state]) do
      {reply, new_state} -> {:reply, reply, new_state}
      other -> {:stop, {:bad_return_value, other}, state}
    end
  end

  def handle_cast({:cast, fun}, state), do: {:noreply, run(fun, [state])}

  # A function, or {module, fun, args} called with the state first.
  defp run({module, fun, args}, extra), do: apply(module, fun, extra ++ args)
  defp run(fun, extra), do: apply(fun, extra)
end
