# DynamicSupervisor, written in Elixir: a supervisor that starts with no
# children and is given them one at a time (start_child/2). Like
# Supervisor, it is a GenServer trapping exits; its children are known by
# pid, and the only strategy is :one_for_one.
defmodule DynamicSupervisor do
  @options [:strategy, :max_seconds, :max_restarts, :max_children, :extra_arguments]

  def start_link(options) when is_list(options) do
    {sup_options, start_options} = Keyword.split(options, @options)
    start_link(Supervisor.Default, init(sup_options), start_options)
  end

  def start_link(module, arg, options \\ []) do
    GenServer.start_link(DynamicSupervisor.Server, {module, arg}, options)
  end

  def init(options) when is_list(options) do
    flags = %{
      strategy: Keyword.get(options, :strategy, :one_for_one),
      intensity: Keyword.get(options, :max_restarts, 3),
      period: Keyword.get(options, :max_seconds, 5),
      max_children: Keyword.get(options, :max_children, :infinity),
      extra_arguments: Keyword.get(options, :extra_arguments, [])
    }

    {:ok, flags}
  end

  def start_child(sup, spec) do
    GenServer.call(sup, {:start_child, Supervisor.child_spec(spec, [])}, :infinity)
  end

  def terminate_child(sup, pid) when is_pid(pid), do: GenServer.call(sup, {:terminate_child, pid}, :infinity)
  def which_children(sup), do: GenServer.call(sup, :which_children, :infinity)
  def count_children(sup), do: GenServer.call(sup, :count_children, :infinity)
  def stop(sup, reason \\ :normal, timeout \\ :infinity), do: GenServer.stop(sup, reason, timeout)
end

# The dynamic supervisor process. Its state holds the flags and a map
# from each child's pid to the spec it was started from.
defmodule DynamicSupervisor.Server do
  use GenServer

  def init({module, arg}) do
    Process.flag(:trap_exit, true)

    case module.init(arg) do
      {:ok, flags} -> {:ok, Map.merge(flags, %{children: %{}, restarts: []})}
      :ignore -> :ignore
      other -> {:stop, {:bad_return, {module, :init, other}}}
    end
  end

  def handle_call({:start_child, spec}, _from, state) do
    child = %{
      start: add_arguments(spec.start, state.extra_arguments),
      restart: Map.get(spec, :restart, :permanent),
      shutdown: Map.get(spec, :shutdown, 5000),
      type: Map.get(spec, :type, :worker),
      modules: Map.get(spec, :modules, [elem(spec.start, 0)])
    }

    if map_size(state.children) >= state.max_children do
      {:reply, {:error, :max_children}, state}
    else
      case start_child(child) do
        {:ok, pid} -> {:reply, {:ok, pid}, %{state | children: Map.put(state.children, pid, child)}}
        other -> {:reply, other, state}
      end
    end
  end

  def handle_call({:terminate_child, pid}, _from, state) do
    case Map.fetch(state.children, pid) do
      {:ok, child} ->
        shutdown(pid, child)
        {:reply, :ok, %{state | children: Map.delete(state.children, pid)}}

      :error ->
        {:reply, {:error, :not_found}, state}
    end
  end

  def handle_call(:which_children, _from, state) do
    {:reply, for({pid, c} <- state.children, do: {:undefined, pid, c.type, c.modules}), state}
  end

  def handle_call(:count_children, _from, state) do
    children = Map.values(state.children)

    counts = %{
      specs: length(children),
      active: length(children),
      supervisors: Enum.count(children, &(&1.type == :supervisor)),
      workers: Enum.count(children, &(&1.type == :worker))
    }

    {:reply, counts, state}
  end

  # extra_arguments: given to every child's start function, before its own.
  defp add_arguments({module, fun, args}, extra), do: {module, fun, extra ++ args}

  defp start_child(%{start: {module, fun, args}}) do
    case apply(module, fun, args) do
      {:ok, pid} -> {:ok, pid}
      {:ok, pid, _info} -> {:ok, pid}
      :ignore -> :ignore
      {:error, reason} -> {:error, reason}
      other -> {:error, other}
    end
  end

  def handle_info({:EXIT, pid, reason}, state) do
    case Map.fetch(state.children, pid) do
      {:ok, child} ->
        state = %{state | children: Map.delete(state.children, pid)}
        normal? = reason in [:normal, :shutdown] or match?({:shutdown, _}, reason)

        case child.restart do
          :permanent -> restart(child, state)
          :transient when not normal? -> restart(child, state)
          _ -> {:noreply, state}
        end

      :error ->
        {:noreply, state}
    end
  end

  def handle_info(_msg, state), do: {:noreply, state}

  # The same restart limit as Supervisor: too many restarts in `period`
  # seconds and the supervisor stops, with its children.
  defp restart(child, state) do
    now = System.monotonic_time(:second)
    restarts = [now | Enum.take_while(state.restarts, &(&1 >= now - state.period))]
    state = %{state | restarts: restarts}

    if length(restarts) > state.intensity do
      {:stop, :shutdown, state}
    else
      case start_child(child) do
        {:ok, pid} -> {:noreply, %{state | children: Map.put(state.children, pid, child)}}
        _ -> restart(child, state)
      end
    end
  end

  def terminate(_reason, state) do
    Enum.each(state.children, fn {pid, child} -> shutdown(pid, child) end)
  end

  # As in Supervisor: :shutdown first, :kill when the shutdown time is up.
  defp shutdown(pid, child) do
    ref = Process.monitor(pid)
    Process.unlink(pid)

    receive do
      {:EXIT, ^pid, _} -> :ok
    after
      0 -> :ok
    end

    Process.exit(pid, if(child.shutdown == :brutal_kill, do: :kill, else: :shutdown))

    receive do
      {:DOWN, ^ref, :process, ^pid, _} -> :ok
    after
      if(child.shutdown == :brutal_kill, do: :infinity, else: child.shutdown) ->
        Process.exit(pid, :kill)

        receive do
          {:DOWN, ^ref, :process, ^pid, _} -> :ok
        end
    end
  end
end
