# Pushes jobs into a DurableQueue one at a time, for ever, printing each
# id as soon as push/2 has returned: a printed id is an acknowledged job.
# golden/durable_test.go kills this program with SIGKILL mid-burst and
# checks, with durable_kill_check.exs, that every printed id survived.
defmodule Pusher do
  def loop(n) do
    {:ok, id} = DurableQueue.push(:jobs, {:job, n})
    IO.puts("acked #{id}")
    loop(n + 1)
  end
end

{:ok, _} = DurableQueue.start_link(name: :jobs, file: "kill.dets")
Pusher.loop(1)
