# A raise inside a process started with spawn/3, after it received a message.
defmodule Fragile do
  def wait do
    receive do
      {:divide, a, b} -> IO.inspect(div(a, b))
    end
    wait()
  end
end

pid = spawn(Fragile, :wait, [])
send(pid, {:divide, 10, 2})
Process.sleep(500)
send(pid, {:divide, 1, 0})
Process.sleep(500)
IO.inspect(Process.alive?(pid))
IO.puts("done")
