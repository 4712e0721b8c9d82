# spawn/1, spawn/3, send/2, self/0, receive.
defmodule Worker do
  def start(parent, tag) do
    send(parent, {tag, :started_by_spawn3, self() == parent})
  end

  def square(parent) do
    receive do
      {:square, n} -> send(parent, {:squared, n * n})
    end
  end
end

parent = self()
pid = spawn(fn -> send(parent, {:hello, "from a spawned fn"}) end)
IO.inspect(is_pid(pid))
IO.inspect(pid != self())
receive do
  {:hello, text} -> IO.puts(text)
end

spawn(Worker, :start, [parent, :w])
receive do
  {:w, how, same} -> IO.inspect({how, same})
end

sq = spawn(Worker, :square, [self()])
send(sq, {:square, 12})
receive do
  {:squared, n} -> IO.inspect(n)
end

IO.inspect(send(self(), :send_returns_the_message))
receive do
  m -> IO.inspect(m, label: "got")
end

# Any term can be sent, including functions and pids.
echo = spawn(fn ->
  receive do
    {from, f} -> send(from, {:result, f.(21)})
  end
end)
send(echo, {self(), fn x -> x * 2 end})
receive do
  {:result, v} -> IO.inspect(v)
end

v = receive do
  x -> x
after
  0 -> :mailbox_empty
end
IO.inspect(v)
