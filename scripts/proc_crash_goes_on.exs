# A process that raises dies alone; the others, and the main script, go on.
# Each crash is reported on stderr; a process that exits (rather than
# raises) is not reported.
parent = self()
survivor = spawn(fn ->
  receive do
    :ping -> send(parent, :pong)
  end
end)

crasher = spawn(fn -> raise "boom" end)
Process.sleep(500)
IO.inspect(Process.alive?(crasher), label: "crasher alive")
IO.inspect(Process.alive?(survivor), label: "survivor alive")
send(survivor, :ping)
receive do
  :pong -> IO.puts("survivor still answers")
end

spawn(fn -> 1 / 0 end)
Process.sleep(500)
spawn(fn -> throw(:ball) end)
Process.sleep(500)
spawn(fn -> exit(:quietly) end)
Process.sleep(500)
spawn(fn -> exit(:normal) end)
Process.sleep(500)
IO.puts("main still running")
