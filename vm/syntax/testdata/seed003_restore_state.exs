# Code example from the seed post "On restoring process state in Elixir"
# (/work/shared/seeds/003_15aea195e14caea6.txt).

defmodule MyApp.Server do
  use GenServer

  # ...

  def init(_) do
    Process.flag(:trap_exit, true)
    state = MyApp.Backup.fetch_state()
    {:ok, state}
  end

  # ...

  def terminate(_reason, state) do
    MyApp.Backup.store_state(state)
  end
end
