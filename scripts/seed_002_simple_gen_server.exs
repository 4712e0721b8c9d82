# Seed 002 (Long-lived processes): the hand-written SimpleGenServer, with
# iex's flush() replaced by a receive loop that prints each message as
# flush does.
defmodule SimpleGenServer do
  def start do
    initial_state = []
    receive_messages(initial_state)
  end

  def receive_messages(state) do
    receive do
      msg ->
        {:ok, new_state} = handle_message(msg, state)
        receive_messages(new_state)
    end
  end

  def handle_message({:store, value}, state) do
    {:ok, [value | state]}
  end

  def handle_message({:send_all_values, pid}, state) do
    send(pid, {:all_values, state})
    {:ok, state}
  end
end

defmodule Flush do
  def flush do
    receive do
      msg ->
        IO.inspect(msg)
        flush()
    after
      0 -> :ok
    end
  end
end

pid = spawn(SimpleGenServer, :start, [])

send pid, {:store, 23}
send pid, {:store, "hello"}

iex_pid = self()
send pid, {:send_all_values, iex_pid}

Process.sleep(500)
Flush.flush()
