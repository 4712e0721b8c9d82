# Seed 001 (Message Passing), "receive with after": nobody replies, so after
# 5 seconds the after clause runs (free under goiex's virtual clock).
result =
  receive do
    {:reply, value} -> value
  after
    5_000 -> :timeout
  end

IO.inspect(result)

# after 0 is a non-blocking poll.
send(self(), {:reply, 42})
polled =
  receive do
    {:reply, value} -> value
  after
    0 -> :nothing
  end
IO.inspect(polled)
