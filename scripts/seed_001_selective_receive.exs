# Seed 001 (Message Passing), "Selective Receive". The article claims the
# priority message is taken first because it matches the first clause. It is
# not: receive takes the OLDEST message that matches ANY clause, so
# {:normal, "first"} is handled first. Elixir prints "normal: first".
defmodule Inbox do
  def handle_priority(msg), do: IO.puts("priority: #{msg}")
  def handle_normal(msg), do: IO.puts("normal: #{msg}")

  def take do
    receive do
      {:priority, msg} -> handle_priority(msg)
      {:normal, msg} -> handle_normal(msg)
    end
  end
end

send(self(), {:normal, "first"})
send(self(), {:priority, "urgent"})

Inbox.take()
Inbox.take()
