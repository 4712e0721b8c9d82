# A call that times out: the caller exits with
# {:timeout, {GenServer, :call, [server, request, timeout]}}, and the
# reply the server sends afterwards never lands in its mailbox.
defmodule Slow do
  use GenServer

  def init(_), do: {:ok, nil}

  def handle_call({:sleep, ms}, _from, state) do
    Process.sleep(ms)
    {:reply, :done, state}
  end
end

{:ok, pid} = GenServer.start(Slow, nil)

result =
  try do
    GenServer.call(pid, {:sleep, 300}, 100)
  catch
    :exit, reason -> reason
  end

IO.inspect(result == {:timeout, {GenServer, :call, [pid, {:sleep, 300}, 100]}})
{:timeout, {GenServer, :call, [_, request, timeout]}} = result
IO.inspect({request, timeout})
Process.sleep(500)
IO.inspect(Process.info(self(), :messages))
IO.inspect(GenServer.call(pid, {:sleep, 10}))

# The default timeout is 5,000 ms.
result =
  try do
    GenServer.call(pid, {:sleep, 6000})
  catch
    :exit, {reason, {GenServer, :call, [_, _, timeout]}} -> {reason, timeout}
  end

IO.inspect(result)
Process.sleep(2000)
IO.inspect(Process.info(self(), :message_queue_len))
