# Process.register/2, Process.whereis/1, sending to a name, make_ref/0.
defmodule Counter do
  def loop(n) do
    receive do
      :inc -> loop(n + 1)
      {:get, from} ->
        send(from, {:count, n})
        loop(n)
    end
  end
end

pid = spawn(Counter, :loop, [0])
IO.inspect(Process.register(pid, :counter))
IO.inspect(Process.whereis(:counter) == pid)
IO.inspect(Process.whereis(:nobody))
send(:counter, :inc)
send(:counter, :inc)
send(:counter, {:get, self()})
receive do
  {:count, n} -> IO.inspect(n, label: "count")
end

IO.inspect(Process.register(self(), :main))
send(:main, :to_myself)
receive do
  :to_myself -> IO.puts("received through my registered name")
end
IO.inspect(:counter in Process.registered())

r =
  try do
    send(:unregistered_name, :hello)
  rescue
    e in ArgumentError -> Exception.message(e)
  end
IO.puts(r)

ref = make_ref()
IO.inspect(is_reference(ref))
IO.inspect(ref == ref)
IO.inspect(make_ref() == make_ref())
# A ref tags a request so the reply can be matched exactly.
server = spawn(fn ->
  receive do
    {from, tag, :ping} -> send(from, {tag, :pong})
  end
end)
send(server, {self(), ref, :ping})
receive do
  {^ref, reply} -> IO.inspect(reply)
end
