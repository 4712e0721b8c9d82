# Getting a process's state back after a crash (the fourth seed).
#
# Two carts under one supervisor, both killed with :kill:
# - BackupCart saves its state in terminate/2, the way the seed's article
#   describes first. terminate/2 runs only when the process is asked to
#   stop and traps exits; a :kill, a crash in another callback's linked
#   process, or a machine that dies never calls it. The items are lost.
# - DurableCart writes its state to :dets after every change, before it
#   replies, and reads it in init/1. Nothing acknowledged is lost.
#
# Then the article's warning: a state restored after a crash may be the
# very thing that made it crash. Rate stores a divisor of 0, crashes on
# it, is restarted with the same divisor, crashes again, until its
# supervisor reaches its restart intensity (3 restarts in 5 seconds) and
# gives up.
defmodule Store do
  def open(table) do
    path = "/tmp/goiex_golden_durable_state_#{table}.dets"
    {:ok, ^table} = :dets.open_file(table, file: String.to_charlist(path))
    table
  end

  def reset(table) do
    File.rm("/tmp/goiex_golden_durable_state_#{table}.dets")
  end

  def load(table, default) do
    case :dets.lookup(open(table), :state) do
      [{:state, state}] -> state
      [] -> default
    end
  end

  def save(table, state), do: :ok = :dets.insert(table, {:state, state})
end

defmodule BackupCart do
  use GenServer

  def start_link(_), do: GenServer.start_link(BackupCart, :ok, name: BackupCart)

  def init(:ok) do
    Process.flag(:trap_exit, true)
    {:ok, Store.load(:backup_cart, [])}
  end

  def handle_call({:add, item}, _from, items), do: {:reply, :ok, [item | items]}
  def handle_call(:items, _from, items), do: {:reply, Enum.reverse(items), items}

  def terminate(_reason, items), do: Store.save(:backup_cart, items)
end

defmodule DurableCart do
  use GenServer

  def start_link(_), do: GenServer.start_link(DurableCart, :ok, name: DurableCart)

  def init(:ok), do: {:ok, Store.load(:durable_cart, [])}

  def handle_call({:add, item}, _from, items) do
    items = [item | items]
    # On disk first, then the reply: once the caller has :ok, the item
    # survives anything.
    Store.save(:durable_cart, items)
    {:reply, :ok, items}
  end

  def handle_call(:items, _from, items), do: {:reply, Enum.reverse(items), items}
end

defmodule Rate do
  use GenServer

  def start_link(_), do: GenServer.start_link(Rate, :ok, name: Rate)

  def init(:ok), do: {:ok, Store.load(:rate, 4)}

  def handle_call({:divisor, d}, _from, _old) do
    Store.save(:rate, d)
    {:reply, :ok, d}
  end

  def handle_cast(:share, divisor) do
    IO.puts("each gets #{div(100, divisor)}")
    {:noreply, divisor}
  end
end

Enum.each([:backup_cart, :durable_cart, :rate], &Store.reset/1)
Process.flag(:trap_exit, true)

{:ok, carts} = Supervisor.start_link([BackupCart, DurableCart], strategy: :one_for_one)

for cart <- [BackupCart, DurableCart], item <- ["tea", "milk"] do
  :ok = GenServer.call(cart, {:add, item})
end

for cart <- [BackupCart, DurableCart] do
  ref = Process.monitor(Process.whereis(cart))
  Process.exit(Process.whereis(cart), :kill)
  receive do {:DOWN, ^ref, _, _, reason} -> IO.inspect(reason, label: "#{inspect(cart)} down") end
end

Process.sleep(100)
IO.inspect(GenServer.call(BackupCart, :items), label: "BackupCart after restart")
IO.inspect(GenServer.call(DurableCart, :items), label: "DurableCart after restart")
Supervisor.stop(carts)

{:ok, sup} = Supervisor.start_link([Rate], strategy: :one_for_one)
GenServer.cast(Rate, :share)
Process.sleep(100)
:ok = GenServer.call(Rate, {:divisor, 0})

for i <- 1..4 do
  IO.inspect({i, is_pid(Process.whereis(Rate))})
  GenServer.cast(Rate, :share)
  Process.sleep(500)
end

receive do
  {:EXIT, ^sup, reason} -> IO.inspect(reason, label: "supervisor exited")
end

IO.inspect(Store.load(:rate, nil), label: "divisor still on disk")
