# Seed 001 (Message Passing): with trap_exit, a linked child's crash arrives
# as an {:EXIT, pid, reason} message.
Process.flag(:trap_exit, true)

spawn_link(fn ->
  raise "boom"
end)

# The reason is {exception, stacktrace}; the stacktrace names Elixir's own
# files, so only the exception is printed.
receive do
  {:EXIT, pid, {exception, _stacktrace}} ->
    IO.inspect(exception, label: "child died")
    IO.inspect(is_pid(pid))
end

spawn_link(fn -> exit(:boom) end)

receive do
  {:EXIT, _pid, reason} ->
    IO.inspect(reason, label: "child died")
end

spawn_link(fn -> :finished end)

receive do
  {:EXIT, _pid, reason} ->
    IO.inspect(reason, label: "child died")
end

# Give the crash report time to be written before the run ends.
Process.sleep(500)
