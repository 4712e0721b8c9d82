# The default callbacks of `use GenServer`: an unexpected message is
# logged and dropped; a cast with no handle_cast/2 crashes the server.
defmodule Quiet do
  use GenServer
  def init(state), do: {:ok, state}
end

{:ok, pid} = GenServer.start(Quiet, :state)
send(pid, {:surprise, 1})
Process.sleep(500)
{:ok, _} = GenServer.start(Quiet, :state, name: :quiet)
send(:quiet, :hello)
Process.sleep(500)
IO.inspect(Process.info(pid, :message_queue_len))
ref = Process.monitor(pid)
GenServer.cast(pid, :hi)

receive do
  {:DOWN, ^ref, :process, ^pid, {%RuntimeError{message: msg}, _}} -> IO.puts(msg)
end

Process.sleep(500)
IO.inspect(Quiet.child_spec(:arg))
