# What `use GenServer` adds to a module: the definitions below that the
# module does not write itself. __MODULE__ is the module using GenServer,
# @__use_opts__ the options given to `use` (restart:, shutdown:, id:…).
@behaviour GenServer

# How a supervisor starts this server: start_link(init_arg).
def child_spec(init_arg) do
  default = %{id: __MODULE__, start: {__MODULE__, :start_link, [init_arg]}}
  Supervisor.child_spec(default, @__use_opts__)
end

# Without an init/1 the argument becomes the state.
def init(init_arg) do
  {:ok, init_arg}
end

def handle_call(_msg, _from, _state) do
  raise "attempted to call GenServer #{inspect(GenServer.__proc__())} but no handle_call/3 clause was provided"
end

def handle_cast(_msg, _state) do
  raise "attempted to cast GenServer #{inspect(GenServer.__proc__())} but no handle_cast/2 clause was provided"
end

# An unexpected message is logged and dropped, so it can't pile up in
# the mailbox.
def handle_info(msg, state) do
  Logger.error(
    "#{inspect(__MODULE__)} #{inspect(GenServer.__proc__())} received unexpected message in handle_info/2: #{inspect(msg)}\n"
  )

  {:noreply, state}
end

def terminate(_reason, _state) do
  :ok
end

def code_change(_old, state, _extra) do
  {:ok, state}
end
