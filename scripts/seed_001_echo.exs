# Seed 001 (Message Passing): the echo round trip, verbatim.
defmodule Echo do
  def loop do
    receive do
      {:echo, from, message} ->
        send(from, {:echoed, message})
        loop()
    end
  end
end

echo = spawn(&Echo.loop/0)
send(echo, {:echo, self(), "hi"})

receive do
  {:echoed, msg} -> IO.puts(msg)
end
# hi

# The server keeps looping: it answers again.
send(echo, {:echo, self(), "again"})
receive do
  {:echoed, msg} -> IO.puts(msg)
end
IO.inspect(Process.alive?(echo))
