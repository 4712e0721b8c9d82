# What Logger prints when a GenServer crashes: "GenServer X terminating",
# the reason, the last message and the state.
defmodule Crashy do
  use GenServer

  def init(state), do: {:ok, state}

  def handle_cast(:raise, _state), do: raise("boom")
  def handle_cast(:bad_return, _state), do: :oops
  def handle_cast(:exit, _state), do: exit(:bye)
  def handle_info(:stop, state), do: {:stop, :weird, state}
  def handle_info(:normal, state), do: {:stop, :normal, state}
  def handle_info(:shutdown, state), do: {:stop, {:shutdown, :done}, state}
end

watch = fn pid ->
  ref = Process.monitor(pid)

  receive do
    {:DOWN, ^ref, :process, ^pid, reason} -> reason
  end
end

{:ok, pid} = GenServer.start(Crashy, %{count: 1}, name: :crashy)
GenServer.cast(:crashy, :raise)
{%RuntimeError{message: msg}, [_ | _]} = watch.(pid)
IO.inspect(msg, label: "raised")
Process.sleep(500)

for {how, send_it} <- [
      bad_return: &GenServer.cast(&1, :bad_return),
      exit: &GenServer.cast(&1, :exit),
      stop: &send(&1, :stop),
      info_no_clause: &send(&1, :unknown),
      normal: &send(&1, :normal),
      shutdown: &send(&1, :shutdown)
    ] do
  {:ok, pid} = GenServer.start(Crashy, [how])
  send_it.(pid)

  case watch.(pid) do
    {reason, [_ | _]} -> IO.inspect({how, reason})
    reason -> IO.inspect({how, reason})
  end

  Process.sleep(500)
end
