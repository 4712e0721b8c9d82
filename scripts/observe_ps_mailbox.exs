# Goiex.ps, Goiex.mailbox, Goiex.explain and Goiex.stuck: seed 001's
# selective-receive pitfall seen from outside the process.
defmodule Worker do
  def loop(done) do
    receive do
      {:job, n} ->
        loop(done + n)

      {:total, from} ->
        send(from, {:total, done})
        loop(done)
    end
  end
end

worker = spawn(fn -> Worker.loop(0) end)
Process.register(worker, :worker)
idle = spawn(Worker, :loop, [0])

# Log lines and ticks nobody receives, then some jobs.
for i <- 1..10, do: send(worker, {:log, "line #{i}"})
send(worker, :tick)
Process.sleep(20)
send(worker, {:job, 5})
send(worker, :tick)
send(worker, {:total, self()})

IO.puts("== ps")
Goiex.ps()

IO.puts("\n== ps, largest mailbox first, one row")
Goiex.ps(sort: :message_queue_len, limit: 1)

IO.puts("\n== ps where: a predicate")
Goiex.ps(where: ~S{message_queue_len > 0 and name == "worker"})
Goiex.ps(where: ~S{status == "waiting" and reductions < 5})

IO.puts("\n== a malformed predicate")

try do
  Goiex.ps(where: "message_queue_len >> 2")
rescue
  e in ArgumentError -> IO.puts(e.message)
end

try do
  Goiex.ps(where: ~S{mesage_queue_len > 2})
rescue
  e in ArgumentError -> IO.puts(e.message)
end

IO.puts("\n== the mailbox, before the worker runs")
Goiex.mailbox(:worker, limit: :infinity)

IO.puts("\n== what each receive does")
Goiex.explain(worker)

receive do
  {:total, n} -> IO.puts("total: #{n}")
end

Goiex.explain(:off)

IO.puts("\n== the mailbox now")
Goiex.mailbox(worker)
Goiex.mailbox(idle)
Goiex.stuck()
