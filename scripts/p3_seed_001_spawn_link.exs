# Seed 001 (Message Passing), "Links": the current process crashes when the
# linked one does. The script dies with the child's exit reason.
IO.puts("before")

spawn_link(fn ->
  raise "boom"
end)
# The current process crashes when the spawned one does

Process.sleep(1_000)
IO.puts("never printed")
