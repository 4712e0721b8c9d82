# Selective receive: the OLDEST message that matches ANY clause is taken,
# not the first clause that matches some message. Unmatched messages stay
# in the mailbox, in order.
send(self(), {:normal, "first"})
send(self(), {:priority, "urgent"})
send(self(), {:other, "ignored"})
send(self(), {:normal, "second"})

take = fn ->
  receive do
    {:priority, msg} -> {:priority, msg}
    {:normal, msg} -> {:normal, msg}
  end
end

IO.inspect(take.())
IO.inspect(take.())
IO.inspect(take.())
IO.inspect(Process.info(self(), :messages))

# A receive that names only :priority skips the older :normal messages.
send(self(), {:normal, "third"})
send(self(), {:priority, "late"})
receive do
  {:priority, msg} -> IO.inspect(msg, label: "priority only")
end
IO.inspect(Process.info(self(), :messages))

# Order of clauses only decides which clause handles a given message.
send(self(), {:both, 1})
receive do
  {:both, n} when n > 0 -> IO.puts("first clause wins for the same message")
  {:both, _} -> IO.puts("never")
end
