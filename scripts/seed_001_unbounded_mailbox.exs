# Seed 001 (Message Passing), "The Mailbox": a slow consumer's mailbox grows,
# and Process.info(pid, :message_queue_len) shows it.
slow = spawn(fn ->
  receive do
    :never -> :ok
  end
end)

for i <- 1..10_000, do: send(slow, {:work, i})
Process.sleep(500)
IO.inspect(Process.info(slow, :message_queue_len))
