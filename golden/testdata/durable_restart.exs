# Run twice, in the same directory: what the first run wrote to disk is
# there for the second, which is a new OS process with new memory.
#
# A counter GenServer keeps its state in :dets, written in every callback
# and read back in init/1; a DurableQueue keeps a job that a worker took
# but never acked.
defmodule Counter do
  use GenServer

  def start_link(_), do: GenServer.start_link(Counter, :ok, name: Counter)

  def init(:ok) do
    {:ok, _} = :dets.open_file(:counter, file: 'counter.dets')

    count =
      case :dets.lookup(:counter, :count) do
        [{:count, n}] -> n
        [] -> 0
      end

    IO.puts("counter restored: #{count}")
    {:ok, count}
  end

  def handle_call(:bump, _from, count) do
    :ok = :dets.insert(:counter, {:count, count + 1})
    {:reply, count + 1, count + 1}
  end
end

{:ok, _} = Counter.start_link(:ok)
for _ <- 1..3, do: GenServer.call(Counter, :bump)
IO.puts("counter now: #{GenServer.call(Counter, :bump)}")

{:ok, _} = DurableQueue.start_link(name: :jobs, file: "restart_jobs.dets")
IO.inspect(DurableQueue.pending(:jobs), label: "jobs waiting from before")

case DurableQueue.pull(:jobs) do
  {:ok, id, job} ->
    IO.puts("redelivered job #{id}: #{inspect(job)}")
    :ok = DurableQueue.ack(:jobs, id)

  :empty ->
    {:ok, id} = DurableQueue.push(:jobs, {:resize, "cat.png"})
    {:ok, ^id, _} = DurableQueue.pull(:jobs)
    IO.puts("took job #{id} and stopped before ack")
end
