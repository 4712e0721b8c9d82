# Seed 001 (Message Passing), "send/2 and receive": the first examples.
pid = self()
send(pid, {:hello, "world"})

receive do
  {:hello, name} -> IO.puts("Hello, #{name}!")
end
