# Process.info/2: :message_queue_len, :messages, :status, :current_function.
IO.inspect(Process.info(self(), :message_queue_len))
send(self(), :one)
send(self(), {:two, 2})
IO.inspect(Process.info(self(), :message_queue_len))
IO.inspect(Process.info(self(), :messages))
IO.inspect(Process.info(self(), :status))

defmodule Idle do
  def wait do
    receive do
      :stop -> :ok
    end
  end
end

waiter = spawn(Idle, :wait, [])
send(waiter, :unmatched)
send(waiter, {:also, :unmatched})
Process.sleep(500)
IO.inspect(Process.info(waiter, :status))
IO.inspect(Process.info(waiter, :message_queue_len))
IO.inspect(Process.info(waiter, :messages))
IO.inspect(Process.info(waiter, :current_function))
{:memory, bytes} = Process.info(waiter, :memory)
IO.inspect(is_integer(bytes) and bytes > 0, label: "memory is a positive integer")

sleeper = spawn(fn -> Process.sleep(10_000) end)
Process.sleep(500)
IO.inspect(Process.info(sleeper, :status))

send(waiter, :stop)
Process.sleep(500)
IO.inspect(Process.info(waiter, :status), label: "dead process")
IO.inspect(Process.info(waiter, :messages), label: "dead process")
