# Code examples from the seed article "Message Passing"
# (/work/shared/seeds/001_4ba41140a651b32e.txt), in order.

send(pid, {:hello, "world"})

receive do
  {:hello, name} -> IO.puts("Hello, #{name}!")
end

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

receive do
  {:priority, msg} -> handle_priority(msg)
  {:normal, msg} -> handle_normal(msg)
end

receive do
  {:expected, msg} -> handle(msg)
  other ->
    Logger.warning("unexpected message: #{inspect(other)}")
    # discard, do not loop back into receive
end

receive do
  {:reply, value} -> value
after
  5_000 -> :timeout
end

spawn_link(fn ->
  raise "boom"
end)
# The current process crashes when the spawned one does

Process.flag(:trap_exit, true)

spawn_link(fn ->
  raise "boom"
end)

receive do
  {:EXIT, pid, reason} ->
    IO.inspect(reason, label: "child died")
end

ref = Process.monitor(pid)

receive do
  {:DOWN, ^ref, :process, ^pid, reason} ->
    IO.inspect(reason, label: "monitored process died")
end

defmodule Asker do
  def request(server, payload, timeout \\ 5_000) do
    ref = Process.monitor(server)
    send(server, {:request, self(), ref, payload})

    receive do
      {:response, ^ref, value} ->
        Process.demonitor(ref, [:flush])
        {:ok, value}

      {:DOWN, ^ref, :process, _, reason} ->
        {:error, {:server_died, reason}}
    after
      timeout ->
        Process.demonitor(ref, [:flush])
        {:error, :timeout}
    end
  end
end
