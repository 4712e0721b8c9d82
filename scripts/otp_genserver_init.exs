# What start_link returns for each shape init/1 can return. The caller
# traps exits, so the exit signal of a server that failed to start
# arrives as a message instead of killing it.
defmodule Starter do
  use GenServer

  def init(:ok), do: {:ok, :ready}
  def init(:continue), do: {:ok, 1, {:continue, :more}}
  def init(:stop), do: {:stop, :no_way}
  def init(:ignore), do: :ignore
  def init(:raise), do: raise("init failed")
  def init(:weird), do: :weird

  def handle_continue(:more, n) do
    IO.puts("handle_continue runs before any message")
    {:noreply, n + 1}
  end

  def handle_call(:get, _from, state), do: {:reply, state, state}
end

Process.flag(:trap_exit, true)

for arg <- [:ok, :continue, :stop, :ignore, :raise, :weird] do
  case GenServer.start_link(Starter, arg) do
    {:ok, pid} -> IO.inspect({arg, :ok, GenServer.call(pid, :get)})
    {:error, {%RuntimeError{message: msg}, [_ | _]}} -> IO.inspect({arg, :error, msg})
    other -> IO.inspect({arg, other})
  end

  receive do
    {:EXIT, _pid, {%RuntimeError{}, _}} -> IO.puts("  EXIT with the exception")
    {:EXIT, _pid, reason} -> IO.inspect(reason, label: "  EXIT")
  after
    50 -> IO.puts("  no EXIT")
  end
end

{:ok, pid} = GenServer.start(Starter, :ok, name: :only_one)
IO.inspect(GenServer.start(Starter, :ok, name: :only_one) == {:error, {:already_started, pid}})
IO.inspect(GenServer.start(Starter, :stop, name: :other))
IO.inspect(Process.whereis(:other))
