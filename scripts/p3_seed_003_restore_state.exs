# Seed 003 (On restoring process state): a GenServer that traps exits, hands
# its state to a backup process in terminate/2 and fetches it back in init/1.
# The "# ..." parts of the article are filled in minimally.
defmodule MyApp.Backup do
  use GenServer

  def start_link(_), do: GenServer.start_link(__MODULE__, [], name: __MODULE__)
  def store_state(state), do: GenServer.call(__MODULE__, {:store, state})
  def fetch_state, do: GenServer.call(__MODULE__, :fetch)

  def init(_), do: {:ok, []}
  def handle_call({:store, state}, _from, _old), do: {:reply, :ok, state}
  def handle_call(:fetch, _from, state), do: {:reply, state, state}
end

defmodule MyApp.Server do
  use GenServer

  def start(_), do: GenServer.start(__MODULE__, [], name: __MODULE__)
  def push(value), do: GenServer.call(__MODULE__, {:push, value})
  def values, do: GenServer.call(__MODULE__, :values)

  def init(_) do
    Process.flag(:trap_exit, true)
    state = MyApp.Backup.fetch_state()
    {:ok, state}
  end

  def handle_call({:push, v}, _from, state), do: {:reply, :ok, [v | state]}
  def handle_call(:values, _from, state), do: {:reply, state, state}

  def terminate(_reason, state) do
    MyApp.Backup.store_state(state)
  end
end

{:ok, _} = MyApp.Backup.start_link([])
{:ok, _} = MyApp.Server.start([])
MyApp.Server.push(1)
MyApp.Server.push(2)
IO.inspect(MyApp.Server.values(), label: "before stop")
:ok = GenServer.stop(MyApp.Server, :shutdown)
{:ok, _} = MyApp.Server.start([])
IO.inspect(MyApp.Server.values(), label: "restored")
