# Code examples from the seed article "Long-lived processes in Elixir"
# (/work/shared/seeds/002_0b0a7e9b9422e1e4.txt). The article lost the
# closing lines of its modules; they are completed here as the prose
# describes them. The iex> lines are included as plain expressions.

self()
1 + 1
spawn(fn -> 1 + 1 end)
pid = spawn(fn -> 1 + 1 end)
Process.alive?(pid)

defmodule LiveLong do
  def run do
    run()
  end
end

pid = spawn(LiveLong, :run, [])
Process.alive?(pid)
Process.info(pid)

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

pid = spawn(SimpleGenServer, :start, [])

send pid, {:store, 23}
send pid, {:store, "hello"}

iex_pid = self()
send pid, {:send_all_values, iex_pid}

flush()
{:all_values, ["hello", 23]}
