# DurableQueue (builtins/lib/durable_queue.ex): jobs on disk, pulled by
# workers, deleted only when acked. A worker that dies before its ack
# gives its job back: it is delivered again (at least once), so doing a
# job twice must be harmless. goiex's own library; not in Elixir.
path = "/tmp/goiex_golden_durable_queue.dets"
File.rm(path)
{:ok, _} = DurableQueue.start_link(name: :jobs, file: path)

IO.inspect(DurableQueue.push(:jobs, {:resize, "cat.png"}))
IO.inspect(DurableQueue.push_all(:jobs, [{:resize, "dog.png"}, {:mail, "ada"}]))

parent = self()

worker = fn ->
  {:ok, id, job} = DurableQueue.pull(:jobs)
  send(parent, {:working_on, id, job})
  receive do
    :crash -> exit(:worker_crashed)
    :finish -> :ok = DurableQueue.ack(:jobs, id)
  end
  send(parent, {:done, id})
end

w1 = spawn(worker)
receive do {:working_on, id, job} -> IO.inspect({:w1, id, job}) end
w2 = spawn(worker)
receive do {:working_on, id, job} -> IO.inspect({:w2, id, job}) end

send(w1, :crash)
send(w2, :finish)
receive do {:done, id} -> IO.inspect({:w2, :acked, id}) end
Process.sleep(100)

IO.inspect(DurableQueue.pending(:jobs), label: "on disk")
IO.inspect(DurableQueue.pull(:jobs), label: "w1's job, again")
IO.inspect(DurableQueue.pull(:jobs), label: "next")
IO.inspect(DurableQueue.pull(:jobs), label: "then")
