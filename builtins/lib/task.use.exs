# What `use Task` adds to a module (unless the module writes it). A task
# is :temporary by default: once its work is done it is not restarted.
def child_spec(arg) do
  default = %{id: __MODULE__, start: {__MODULE__, :start_link, [arg]}, restart: :temporary}
  Supervisor.child_spec(default, @__use_opts__)
end
