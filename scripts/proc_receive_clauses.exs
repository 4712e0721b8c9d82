# receive with several clauses, guards and pins.
handle = fn ->
  receive do
    {:add, a, b} -> {:sum, a + b}
    {:num, n} when is_integer(n) and n > 100 -> {:big, n}
    {:num, n} when is_integer(n) -> {:small, n}
    {:num, other} -> {:not_integer, other}
    :ping -> :pong
    other -> {:unknown, other}
  end
end

for msg <- [{:add, 1, 2}, {:num, 500}, {:num, 5}, {:num, "x"}, :ping, {:what}] do
  send(self(), msg)
  IO.inspect(handle.())
end

ref = make_ref()
other_ref = make_ref()
send(self(), {other_ref, :not_mine})
send(self(), {ref, :mine})
receive do
  {^ref, value} -> IO.inspect(value, label: "pinned ref")
end
receive do
  {^other_ref, value} -> IO.inspect(value, label: "other ref")
end

expected = :second
send(self(), :first)
send(self(), :second)
receive do
  ^expected -> IO.puts("took the pinned atom first")
end
receive do
  m -> IO.inspect(m, label: "left over")
end

result =
  receive do
    {:never, _} -> :impossible
  after
    10 -> :timed_out
  end
IO.inspect(result)
