# Task, written in Elixir: a process that runs one function and sends
# the result back to the process that started it (its owner).
#
# Task.async is spawn_link + monitor; the task replies {ref, result}.
# Task.await is a receive ... after on that reply or on the monitor's
# :DOWN message.
defmodule Task do
  require Logger

  defstruct pid: nil, ref: nil, owner: nil, mfa: nil

  def async(fun) when is_function(fun, 0), do: async(:erlang, :apply, [fun, []])

  def async(module, fun, args) do
    owner = self()
    pid = spawn_link(fn -> reply_to(owner, module, fun, args) end)
    ref = Process.monitor(pid)
    # The task learns where to reply only now: the ref exists once it runs.
    send(pid, {owner, ref})
    %Task{pid: pid, ref: ref, owner: owner, mfa: {module, fun, length(args)}}
  end

  defp reply_to(owner, module, fun, args) do
    receive do
      {^owner, ref} -> send(owner, {ref, invoke(owner, module, fun, args)})
    end
  end

  def await(%Task{ref: ref} = task, timeout \\ 5000) do
    check_owner(task)

    receive do
      {^ref, reply} ->
        Process.demonitor(ref, [:flush])
        reply

      {:DOWN, ^ref, _, _, reason} ->
        exit({reason, {Task, :await, [task, timeout]}})
    after
      timeout ->
        Process.demonitor(ref, [:flush])
        exit({:timeout, {Task, :await, [task, timeout]}})
    end
  end

  # Like await, but nil instead of an exit when the time is up (the task
  # goes on running), and {:exit, reason} if it died.
  def yield(%Task{ref: ref} = task, timeout \\ 5000) do
    check_owner(task)

    receive do
      {^ref, reply} ->
        Process.demonitor(ref, [:flush])
        {:ok, reply}

      {:DOWN, ^ref, _, _, reason} ->
        {:exit, reason}
    after
      timeout -> nil
    end
  end

  defp check_owner(%Task{owner: owner} = task) do
    if owner != self() do
      raise ArgumentError,
            "task #{inspect(task)} must be queried from the owner but was queried from #{inspect(self())}"
    end
  end

  # start and start_link run a function for its effects: nobody waits for
  # a reply.
  def start(fun) when is_function(fun, 0), do: start(:erlang, :apply, [fun, []])

  def start(module, fun, args) do
    owner = self()
    {:ok, spawn(fn -> invoke(owner, module, fun, args) end)}
  end

  def start_link(fun) when is_function(fun, 0), do: start_link(:erlang, :apply, [fun, []])

  def start_link(module, fun, args) do
    owner = self()
    {:ok, spawn_link(fn -> invoke(owner, module, fun, args) end)}
  end

  # Runs the task's function. If it fails, the task logs what happened
  # and exits with a reason shaped as on the BEAM ({exception, stacktrace}
  # for a raise).
  defp invoke(owner, module, fun, args) do
    try do
      apply(module, fun, args)
    catch
      :exit, reason when reason in [:normal, :shutdown] or (is_tuple(reason) and elem(reason, 0) == :shutdown) ->
        exit(reason)

      kind, reason ->
        stack = __STACKTRACE__
        log_crash(owner, module, fun, args, kind, reason, stack)
        exit(exit_reason(kind, reason, stack))
    end
  end

  defp exit_reason(:error, reason, stack), do: {reason, stack}
  defp exit_reason(:exit, reason, _stack), do: reason
  defp exit_reason(:throw, value, stack), do: {{:nocatch, value}, stack}

  defp log_crash(owner, module, fun, args, kind, reason, stack) do
    reason = if kind == :throw, do: {:nocatch, reason}, else: reason

    {shown_fun, shown_args} =
      case {module, fun, args} do
        {:erlang, :apply, [f, a]} -> {f, a}
        _ -> {Function.capture(module, fun, length(args)), args}
      end

    Logger.error([
      "Task #{inspect(self())} started from #{inspect(owner)} terminating",
      Logger.Translator.format_reason({reason, stack}),
      "\nFunction: #{inspect(shown_fun)}",
      "\n    Args: #{inspect(shown_args)}"
    ])
  end
end
