# receive ... after: timeouts, after 0 as a non-blocking poll, draining.
r =
  receive do
    :never_sent -> :got_it
  after
    5_000 -> :timeout
  end
IO.inspect(r)

t0 = System.monotonic_time(:millisecond)
receive do
after
  1_500 -> :ok
end
IO.inspect(System.monotonic_time(:millisecond) - t0 >= 1_500, label: "waited at least 1.5 s")

# after 0: return at once when nothing matches.
poll = fn ->
  receive do
    {:job, n} -> {:job, n}
  after
    0 -> :empty
  end
end
IO.inspect(poll.())
send(self(), {:job, 1})
IO.inspect(poll.())

# Drain every message with after 0, like iex's flush/0.
defmodule Mailbox do
  def drain(acc \\ []) do
    receive do
      msg -> drain([msg | acc])
    after
      0 -> Enum.reverse(acc)
    end
  end
end

for i <- 1..5, do: send(self(), {:n, i})
IO.inspect(Mailbox.drain())
IO.inspect(Mailbox.drain())

# A message that arrives before the timeout wins.
me = self()
spawn(fn ->
  Process.sleep(100)
  send(me, :in_time)
end)
r2 =
  receive do
    :in_time -> :arrived
  after
    1_000 -> :too_late
  end
IO.inspect(r2)

spawn(fn ->
  Process.sleep(2_000)
  send(me, :late)
end)
r3 =
  receive do
    :late -> :arrived
  after
    1_000 -> :gave_up
  end
IO.inspect(r3)
receive do
  :late -> IO.puts("the late message is still delivered afterwards")
end

# The timeout can be a variable and :infinity is allowed.
timeout = 50
IO.inspect(receive(do: (:x -> :x), after: (timeout -> {:after, timeout})))
send(self(), :now)
IO.inspect(receive(do: (:now -> :no_wait), after: (:infinity -> :never)))
