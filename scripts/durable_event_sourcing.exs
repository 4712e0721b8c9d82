# Event sourcing: instead of saving the state, save what happened. The
# Account process appends each event to a :dets table ({number, event})
# before it applies it, and init/1 rebuilds the balance by replaying the
# events in order. The state is never stored; it is a fold over the log.
#
# A crash (here a :kill from outside) loses the process and its mailbox,
# not the log: the restarted Account replays it and is where it was. The
# log also answers questions a saved state cannot: how did we get here?
defmodule Account do
  use GenServer

  @file_path "/tmp/goiex_golden_durable_event_sourcing.dets"

  def start_link(_), do: GenServer.start_link(Account, :ok, name: Account)
  def reset, do: File.rm(@file_path)

  def deposit(n), do: GenServer.call(Account, {:record, {:deposited, n}})
  def withdraw(n), do: GenServer.call(Account, {:record, {:withdrew, n}})
  def balance, do: GenServer.call(Account, :balance)
  def history, do: GenServer.call(Account, :history)

  def init(:ok) do
    {:ok, log} = :dets.open_file(:account_log, file: String.to_charlist(@file_path))
    events = events(log)
    balance = Enum.reduce(events, 0, &apply_event/2)
    IO.puts("replayed #{length(events)} events: balance #{balance}")
    {:ok, %{log: log, next: length(events) + 1, balance: balance}}
  end

  def handle_call({:record, event}, _from, state) do
    if valid?(event, state.balance) do
      # Written first: an event that is not in the log never happened.
      :ok = :dets.insert(state.log, {state.next, event})
      balance = apply_event(event, state.balance)
      {:reply, {:ok, balance}, %{state | next: state.next + 1, balance: balance}}
    else
      {:reply, {:error, :insufficient_funds}, state}
    end
  end

  def handle_call(:balance, _from, state), do: {:reply, state.balance, state}
  def handle_call(:history, _from, state), do: {:reply, events(state.log), state}

  # The log in order: {number, event} sorted by number.
  defp events(log) do
    log |> :dets.match_object(:_) |> Enum.sort() |> Enum.map(fn {_n, event} -> event end)
  end

  defp valid?({:withdrew, n}, balance), do: n <= balance
  defp valid?(_event, _balance), do: true

  defp apply_event({:deposited, n}, balance), do: balance + n
  defp apply_event({:withdrew, n}, balance), do: balance - n
end

Account.reset()
{:ok, sup} = Supervisor.start_link([Account], strategy: :one_for_one)

IO.inspect(Account.deposit(100))
IO.inspect(Account.withdraw(30))
IO.inspect(Account.withdraw(500))
IO.inspect(Account.deposit(5))

ref = Process.monitor(Process.whereis(Account))
Process.exit(Process.whereis(Account), :kill)
receive do {:DOWN, ^ref, _, _, reason} -> IO.inspect(reason, label: "Account down") end
Process.sleep(100)

IO.inspect(Account.balance(), label: "balance after restart")
IO.inspect(Account.history(), label: "history")
Supervisor.stop(sup)
