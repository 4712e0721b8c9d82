# Task.async runs a function in a new process; Task.await waits for its
# result (5,000 ms by default) and exits the caller on timeout.
t = Task.async(fn -> 6 * 7 end)
IO.inspect(Task.await(t))
IO.inspect(Map.keys(t))
IO.inspect(t.mfa)

results = Enum.map(1..3, fn i -> Task.async(fn -> i * 10 end) end) |> Enum.map(&Task.await/1)
IO.inspect(results)

slow = Task.async(fn -> Process.sleep(10_000) end)
IO.inspect(Task.yield(slow, 100), label: "yield")

reason =
  try do
    Task.await(slow, 200)
  catch
    :exit, reason -> reason
  end

{:timeout, {Task, :await, [^slow, 200]}} = reason
IO.puts("await timed out")

default =
  try do
    Task.await(Task.async(fn -> Process.sleep(6000) end))
  catch
    :exit, {:timeout, {Task, :await, [_, timeout]}} -> timeout
  end

IO.inspect(default, label: "default timeout")

done = Task.async(fn -> :finished end)
Process.sleep(10)
IO.inspect(Task.yield(done), label: "yield")

{:ok, pid} = Task.start(fn -> IO.puts("started task runs") end)
IO.inspect(is_pid(pid))
Process.sleep(10)

# A task that raises: its crash is logged, and the linked owner gets the
# exit signal (trapped here).
Process.flag(:trap_exit, true)
crashing = Task.async(fn -> raise "task failed" end)

receive do
  {:EXIT, pid, {%RuntimeError{message: msg}, _}} -> IO.inspect({pid == crashing.pid, msg})
end

reason =
  try do
    Task.await(crashing)
  catch
    :exit, {{%RuntimeError{}, _}, {Task, :await, _}} -> :exited_with_the_exception
  end

IO.inspect(reason)
Process.sleep(500)
