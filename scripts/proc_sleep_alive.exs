# Process.sleep and Process.alive?.
pid = spawn(fn -> Process.sleep(1_000) end)
IO.inspect(Process.alive?(pid), label: "sleeping process alive")
Process.sleep(2_000)
IO.inspect(Process.alive?(pid), label: "after it finished")
IO.inspect(Process.alive?(self()), label: "self")

waiter = spawn(fn ->
  receive do
    :stop -> :ok
  end
end)
Process.sleep(500)
IO.inspect(Process.alive?(waiter), label: "waiting in receive")
send(waiter, :stop)
Process.sleep(500)
IO.inspect(Process.alive?(waiter), label: "after :stop")

t0 = System.monotonic_time(:millisecond)
:timer.sleep(250)
IO.inspect(System.monotonic_time(:millisecond) - t0 >= 250, label: ":timer.sleep waited")
IO.inspect(Process.sleep(0))
