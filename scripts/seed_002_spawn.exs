# Seed 002 (Long-lived processes): spawn(fn -> 1 + 1 end) returns a pid at
# once; the function runs in the new process, which then exits.
IO.inspect(1 + 1)
IO.inspect(is_pid(self()))
IO.inspect(spawn(fn -> 1 + 1 end))

pid = spawn(fn -> 1 + 1 end)
Process.sleep(500)
IO.inspect(Process.alive?(pid))
