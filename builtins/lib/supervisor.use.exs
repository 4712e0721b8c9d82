# What `use Supervisor` adds to a module (unless the module writes it).
@behaviour Supervisor

# A supervisor is started by its own supervisor as start_link(init_arg).
def child_spec(init_arg) do
  default = %{id: __MODULE__, start: {__MODULE__, :start_link, [init_arg]}, type: :supervisor}
  Supervisor.child_spec(default, @__use_opts__)
end
