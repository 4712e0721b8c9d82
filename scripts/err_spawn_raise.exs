# A raise inside a spawned process: that process dies and its report goes to
# stderr; the VM and the main script go on.
pid = spawn(fn -> raise "boom" end)
Process.sleep(500)
IO.inspect(Process.alive?(pid))
IO.puts("main goes on")
