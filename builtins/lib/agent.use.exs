# What `use Agent` adds to a module (unless the module writes it).
# How a supervisor starts this agent: start_link(arg).
def child_spec(arg) do
  default = %{id: __MODULE__, start: {__MODULE__, :start_link, [arg]}}
  Supervisor.child_spec(default, @__use_opts__)
end
