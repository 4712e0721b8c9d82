# Reopens the queue durable_kill_push.exs was killed in the middle of,
# and prints the id of every job on disk.
{:ok, _} = DurableQueue.start_link(name: :jobs, file: "kill.dets")

for {id, {:job, _}} <- DurableQueue.pending(:jobs), do: IO.puts("pending #{id}")
IO.puts("done")
