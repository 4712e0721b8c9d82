# A call whose server dies before answering, and calls to servers that
# are not there: the caller exits with {reason, {GenServer, :call, ...}}.
defmodule Fragile do
  use GenServer

  def init(_), do: {:ok, 0}

  # Don't answer; stop a little later.
  def handle_call(:wait, _from, state) do
    Process.send_after(self(), :die, 10)
    {:noreply, state}
  end

  def handle_info(:die, state), do: {:stop, :gone, state}
end

catch_exit = fn f ->
  try do
    f.()
  catch
    :exit, reason -> reason
  end
end

{:ok, pid} = GenServer.start(Fragile, nil)
IO.inspect(catch_exit.(fn -> GenServer.call(pid, :wait) end))
Process.sleep(500)
IO.inspect(Process.alive?(pid))
IO.inspect(catch_exit.(fn -> GenServer.call(pid, :wait) end))
IO.inspect(catch_exit.(fn -> GenServer.call(:not_registered, :wait) end))
IO.inspect(catch_exit.(fn -> GenServer.stop(pid) end))
IO.inspect(catch_exit.(fn -> GenServer.call(self(), :me) end))
IO.inspect(Process.info(self(), :messages))
