# Seed 001 (Message Passing), "Monitors": a {:DOWN, ...} message instead of
# a shared fate.
pid = spawn(fn ->
  receive do
    :crash -> exit(:crashed_on_purpose)
  end
end)

ref = Process.monitor(pid)
send(pid, :crash)

receive do
  {:DOWN, ^ref, :process, ^pid, reason} ->
    IO.inspect(reason, label: "monitored process died")
end

{pid2, ref2} = spawn_monitor(fn -> :done end)
receive do
  {:DOWN, ^ref2, :process, ^pid2, reason} -> IO.inspect(reason, label: "spawn_monitor")
end
