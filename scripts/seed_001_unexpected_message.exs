# Seed 001 (Message Passing): a wildcard clause drains unexpected messages.
# The article logs with Logger.warning; Logger is not part of issue 2, so
# this version prints the same text with IO.puts.
defmodule Drain do
  def handle(msg), do: IO.puts("handled #{inspect(msg)}")

  def once do
    receive do
      {:expected, msg} -> handle(msg)
      other ->
        IO.puts("unexpected message: #{inspect(other)}")
        # discard, do not loop back into receive
    end
  end
end

send(self(), {:surprise, 1})
send(self(), {:expected, :data})
Drain.once()
Drain.once()
IO.inspect(Process.info(self(), :message_queue_len))
