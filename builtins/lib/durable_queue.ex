# DurableQueue: a small work queue whose jobs survive crashes and
# restarts, because they live in a :dets file and not in a mailbox.
#
# A mailbox is memory: when a process dies its messages die with it, and
# when the machine restarts every mailbox is gone. A job that must not be
# lost has to be written down before anyone says "got it". So:
#
#   push(queue, job)   writes the job to disk, then returns {:ok, id}.
#                      :dets.insert returns after the write is on disk,
#                      so once push returned, a crash, a kill -9 or a
#                      power cut cannot lose the job.
#   pull(queue)        gives the oldest waiting job to the caller,
#                      {:ok, id, job} (or :empty), and remembers, in
#                      memory only, that the caller is working on it.
#   ack(queue, id)     the caller finished: the job is deleted from disk.
#
# A job leaves the disk only when it is acked. If the worker crashes
# before ack, the queue (which monitors its workers) sees the :DOWN and
# offers the job again; if the whole machine restarts, every job still on
# disk is waiting again, taken or not. That is "at-least-once" delivery:
# no job is lost, but a job can be done twice (the worker did the work,
# then died before its ack arrived). So jobs must be harmless to repeat
# ("idempotent"): "set the balance of order 17 to paid", not "add 10 to
# the balance"; or the worker records which job ids it has finished, in
# the same place it writes its result.
#
# Start it under a supervisor, or on its own:
#
#   {:ok, _} = DurableQueue.start_link(name: :jobs, file: "jobs.dets")
#   {:ok, id} = DurableQueue.push(:jobs, {:send_mail, "ada@example.com"})
#   {:ok, ^id, job} = DurableQueue.pull(:jobs)
#   :ok = DurableQueue.ack(:jobs, id)
#
# The file holds {id, job} for each job not yet acked, and {:next_id, n}
# so that ids keep growing across restarts.
defmodule DurableQueue do
  use GenServer

  # name: the queue's registered name (and its :dets table's name);
  # file: where the jobs live (a string or a charlist; default "NAME.dets").
  def start_link(opts) do
    name = Keyword.fetch!(opts, :name)
    GenServer.start_link(DurableQueue, opts, name: name)
  end

  # Returns {:ok, id} once the job is on disk.
  def push(queue, job) do
    case GenServer.call(queue, {:push, [job]}) do
      {:ok, [id]} -> {:ok, id}
      error -> error
    end
  end

  # Pushes several jobs in one write (one disk transaction, so much
  # faster than one push each): {:ok, ids} once they are all on disk.
  def push_all(queue, jobs) when is_list(jobs), do: GenServer.call(queue, {:push, jobs})

  # {:ok, id, job} or :empty. The job is now the caller's until it acks
  # it or dies.
  def pull(queue), do: GenServer.call(queue, :pull)

  def ack(queue, id), do: GenServer.call(queue, {:ack, id})

  # Every job on disk (not yet acked), oldest first: [{id, job}].
  def pending(queue), do: GenServer.call(queue, :pending)

  # ---- the server ----
  #
  # State: the :dets table; the next id; the ids waiting to be pulled, as
  # a queue in two lists (take from `front`, add to `back`, reverse
  # `back` when `front` runs out); and, in memory only, which worker holds
  # which job and the monitor on each worker.

  def init(opts) do
    name = Keyword.fetch!(opts, :name)
    file = Keyword.get(opts, :file, Atom.to_string(name) <> ".dets")
    file = if is_binary(file), do: String.to_charlist(file), else: file

    case :dets.open_file(name, file: file, type: :set) do
      {:ok, table} ->
        # After a restart every job on disk waits again, taken or not:
        # whoever held it before is gone.
        ids = :dets.select(table, [{{:"$1", :_}, [{:is_integer, :"$1"}], [:"$1"]}])
        next_id =
          case :dets.lookup(table, :next_id) do
            [{:next_id, n}] -> n
            [] -> 1
          end

        {:ok, %{table: table, next_id: next_id, front: Enum.sort(ids), back: [], taken: %{}, workers: %{}}}

      {:error, reason} ->
        {:stop, reason}
    end
  end

  def handle_call({:push, jobs}, _from, state) do
    ids = Enum.to_list(state.next_id..(state.next_id + length(jobs) - 1)//1)
    next_id = state.next_id + length(jobs)

    # One insert, one transaction: the jobs and the new counter reach the
    # disk together, or not at all.
    case :dets.insert(state.table, [{:next_id, next_id} | Enum.zip(ids, jobs)]) do
      :ok ->
        {:reply, {:ok, ids}, %{state | next_id: next_id, back: Enum.reverse(ids, state.back)}}

      {:error, _} = error ->
        {:reply, error, state}
    end
  end

  def handle_call(:pull, {worker, _tag}, state) do
    case take(state) do
      {nil, state} ->
        {:reply, :empty, state}

      {id, state} ->
        [{^id, job}] = :dets.lookup(state.table, id)
        {:reply, {:ok, id, job}, give(state, id, worker)}
    end
  end

  def handle_call({:ack, id}, _from, state) do
    :ok = :dets.delete(state.table, id)
    {:reply, :ok, %{state | taken: Map.delete(state.taken, id)}}
  end

  def handle_call(:pending, _from, state) do
    jobs = :dets.select(state.table, [{{:"$1", :_}, [{:is_integer, :"$1"}], [:"$_"]}])
    {:reply, Enum.sort(jobs), state}
  end

  # A worker died: the jobs it had not acked wait again, first in line.
  def handle_info({:DOWN, _ref, :process, worker, _reason}, state) do
    back = for {id, ^worker} <- state.taken, do: id
    taken = Map.drop(state.taken, back)
    workers = Map.delete(state.workers, worker)
    {:noreply, %{state | front: Enum.sort(back) ++ state.front, taken: taken, workers: workers}}
  end

  defp take(%{front: [id | rest]} = state), do: {id, %{state | front: rest}}
  defp take(%{back: []} = state), do: {nil, state}
  defp take(state), do: take(%{state | front: Enum.reverse(state.back), back: []})

  # Marks the job as the worker's, watching the worker the first time.
  defp give(state, id, worker) do
    workers =
      if Map.has_key?(state.workers, worker),
        do: state.workers,
        else: Map.put(state.workers, worker, Process.monitor(worker))

    %{state | taken: Map.put(state.taken, id, worker), workers: workers}
  end
end
