# GenServer, written in Elixir on the process primitives (spawn_link,
# send, receive, monitors). A GenServer is nothing more than a process
# running a receive loop whose argument is the state: each message is
# handed to a function of the callback module, which returns the next
# state. The rest is a convention on the shape of the messages:
#
#   call  {:"$gen_call", {caller, tag}, request}  the reply comes back as {tag, reply}
#   cast  {:"$gen_cast", request}                 no reply
#   stop  {:system, from, {:terminate, reason}}   sent by GenServer.stop/3
#   anything else goes to handle_info/2
#
# `use GenServer` adds default callbacks (lib/gen_server.use.exs).
defmodule GenServer do
  require Logger

  ## Starting a server

  def start(module, init_arg, opts \\ []), do: start_server(:nolink, module, init_arg, opts)

  def start_link(module, init_arg, opts \\ []), do: start_server(:link, module, init_arg, opts)

  # The new process runs init/1 and tells its starter how it went with
  # {:ack, pid, result}. Until then the starter waits: start/3 watches the
  # new process with a monitor, start_link/3 is linked to it.
  defp start_server(link, module, init_arg, opts) do
    name = Keyword.get(opts, :name)
    starter = self()

    case link do
      :link ->
        pid = spawn_link(fn -> init_it(starter, starter, name, module, init_arg) end)

        receive do
          {:ack, ^pid, result} -> result
          {:EXIT, ^pid, reason} -> {:error, reason}
        end

      :nolink ->
        # Not linked: the server is its own parent.
        {pid, ref} = spawn_monitor(fn -> init_it(starter, self(), name, module, init_arg) end)

        receive do
          {:ack, ^pid, result} ->
            Process.demonitor(ref, [:flush])
            result

          {:DOWN, ^ref, :process, ^pid, reason} ->
            {:error, reason}
        end
    end
  end

  defp init_it(starter, parent, name, module, init_arg) do
    case register(name) do
      {:error, _} = error ->
        send(starter, {:ack, self(), error})
        exit(:normal)

      :ok ->
        server = %{parent: parent, name: name || self(), module: module}

        case run(module, :init, [init_arg]) do
          {:ok, {:ok, state}} ->
            send(starter, {:ack, self(), {:ok, self()}})
            loop(server, state, :infinity)

          {:ok, {:ok, state, next}} ->
            send(starter, {:ack, self(), {:ok, self()}})
            loop(server, state, next)

          {:ok, :ignore} ->
            init_failed(starter, name, :ignore, :normal)

          {:ok, {:stop, reason}} ->
            init_failed(starter, name, {:error, reason}, reason)

          {:ok, other} ->
            reason = {:bad_return_value, other}
            init_failed(starter, name, {:error, reason}, reason)

          {:raised, kind, reason, stack} ->
            reason = exit_reason(kind, reason, stack)
            init_failed(starter, name, {:error, reason}, reason)
        end
    end
  end

  # The name is let go before the starter hears of the failure, so that
  # it can start the server again straight away.
  defp init_failed(starter, name, result, reason) do
    if name, do: Process.unregister(name)
    send(starter, {:ack, self(), result})
    exit(reason)
  end

  defp register(nil), do: :ok

  defp register(name) do
    case Process.whereis(name) do
      nil ->
        Process.register(self(), name)
        :ok

      pid ->
        {:error, {:already_started, pid}}
    end
  end

  ## The loop

  # `next` is what the last callback asked for: :infinity, a timeout in
  # milliseconds (handle_info(:timeout, state) if no message comes in
  # time), {:continue, arg} or :hibernate (which goiex treats as :infinity).
  defp loop(server, state, {:continue, arg}) do
    result = run(server.module, :handle_continue, [arg, state])
    handle_noreply(server, result, {{:continue, arg}, nil}, state)
  end

  defp loop(server, state, :hibernate), do: loop(server, state, :infinity)

  defp loop(server, state, timeout) do
    parent = server.parent

    receive do
      {:"$gen_call", from, request} ->
        result = run(server.module, :handle_call, [request, from, state])
        handle_reply(server, result, {request, from}, state)

      {:"$gen_cast", request} = msg ->
        result = run(server.module, :handle_cast, [request, state])
        handle_noreply(server, result, {msg, nil}, state)

      # Only seen when the server traps exits: its parent is going away,
      # so the server stops too, calling terminate/2 on the way out.
      {:EXIT, ^parent, reason} = msg ->
        terminate(server, :exit, reason, [], {msg, nil}, state)

      {:system, _from, {:terminate, reason}} ->
        terminate(server, :exit, reason, [], {[], nil}, state)

      msg ->
        result = run(server.module, :handle_info, [msg, state])
        handle_noreply(server, result, {msg, nil}, state)
    after
      timeout ->
        result = run(server.module, :handle_info, [:timeout, state])
        handle_noreply(server, result, {:timeout, nil}, state)
    end
  end

  # Calls a callback and catches what it raises. As in Erlang's
  # gen_server, a value thrown by a callback counts as its return value.
  defp run(module, fun, args) do
    try do
      {:ok, apply(module, fun, args)}
    catch
      :throw, value -> {:ok, value}
      kind, reason -> {:raised, kind, reason, __STACKTRACE__}
    end
  end

  defp handle_reply(server, result, {_msg, from} = last, state) do
    case result do
      {:ok, {:reply, reply, new_state}} ->
        reply(from, reply)
        loop(server, new_state, :infinity)

      {:ok, {:reply, reply, new_state, next}} ->
        reply(from, reply)
        loop(server, new_state, next)

      # terminate/2 runs before the caller gets its reply.
      {:ok, {:stop, reason, reply, new_state}} ->
        terminate(server, :exit, reason, [], last, new_state, {from, reply})

      _ ->
        handle_noreply(server, result, last, state)
    end
  end

  defp handle_noreply(server, result, last, state) do
    case result do
      {:ok, {:noreply, new_state}} ->
        loop(server, new_state, :infinity)

      {:ok, {:noreply, new_state, next}} ->
        loop(server, new_state, next)

      {:ok, {:stop, reason, new_state}} ->
        terminate(server, :exit, reason, [], last, new_state)

      {:ok, other} ->
        terminate(server, :exit, {:bad_return_value, other}, [], last, state)

      {:raised, kind, reason, stack} ->
        terminate(server, kind, reason, stack, last, state)
    end
  end

  ## Stopping

  # The server stops: the module cleans up in terminate/2, the reason is
  # logged unless it is a normal one, then the process exits with it. A
  # raise ends the server with {exception, stacktrace}, as on the BEAM.
  defp terminate(server, kind, reason, stack, last, state, reply \\ nil) do
    exit_reason = exit_reason(kind, reason, stack)
    report = if stack == [], do: reason, else: {reason, stack}

    case run(server.module, :terminate, [exit_reason, state]) do
      {:raised, kind2, reason2, stack2} ->
        log_terminate(server, {reason2, stack2}, last, state)
        send_reply(reply)
        exit(exit_reason(kind2, reason2, stack2))

      {:ok, _} ->
        unless kind == :exit and normal?(reason) do
          log_terminate(server, report, last, state)
        end

        send_reply(reply)
        exit(exit_reason)
    end
  end

  defp send_reply(nil), do: :ok
  defp send_reply({from, reply}), do: reply(from, reply)

  defp exit_reason(:error, reason, stack), do: {reason, stack}
  defp exit_reason(_kind, reason, _stack), do: reason

  defp normal?(:normal), do: true
  defp normal?(:shutdown), do: true
  defp normal?({:shutdown, _}), do: true
  defp normal?(_), do: false

  # The report Elixir's Logger prints for a crashed server.
  defp log_terminate(server, reason, {msg, from}, state) do
    client = client_info(from)

    Logger.error(
      ["GenServer ", inspect(server.name), " terminating", Logger.Translator.format_reason(reason)] ++
        ["\nLast message", last_from(client), ": ", inspect(msg)] ++
        ["\nState: ", inspect(state) | format_client(client)]
    )
  end

  # Who was calling when the server crashed, and where the caller is now.
  defp client_info({pid, _tag}) when is_pid(pid) do
    case Process.info(pid, :current_stacktrace) do
      nil ->
        {pid, :dead}

      {:current_stacktrace, stack} ->
        case Process.info(pid, :registered_name) do
          {:registered_name, []} -> {pid, {pid, stack}}
          {:registered_name, name} -> {pid, {name, stack}}
        end
    end
  end

  defp client_info(_from), do: nil

  defp last_from({_pid, {name, _stack}}), do: " (from #{inspect(name)})"
  defp last_from({pid, :dead}), do: " (from #{inspect(pid)})"
  defp last_from(nil), do: ""

  defp format_client({_pid, {name, stack}}), do: ["\nClient ", inspect(name), " is alive\n" | Logger.Translator.format_stacktrace(stack)]
  defp format_client({pid, :dead}), do: ["\nClient ", inspect(pid), " is dead"]
  defp format_client(nil), do: []

  ## The client side

  # GenServer.call is a monitor, a send with a unique tag, and a receive
  # ... after. The monitor tells the caller if the server dies before it
  # answers. The tag is an alias: a reference that works as an address
  # until it is deactivated, so a reply arriving after the timeout is
  # dropped instead of landing in the caller's mailbox.
  def call(server, request, timeout \\ 5000) do
    case whereis(server) do
      nil ->
        exit({:noproc, {GenServer, :call, [server, request, timeout]}})

      pid when pid == self() ->
        exit({:calling_self, {GenServer, :call, [server, request, timeout]}})

      pid ->
        try do
          do_call(pid, request, timeout)
        catch
          :exit, reason -> exit({reason, {GenServer, :call, [server, request, timeout]}})
        end
    end
  end

  defp do_call(pid, request, timeout) do
    ref = Process.monitor(pid)
    address = :erlang.alias()
    tag = [:alias | address]
    send(pid, {:"$gen_call", {self(), tag}, request})

    receive do
      {^tag, reply} ->
        :erlang.unalias(address)
        Process.demonitor(ref, [:flush])
        reply

      {:DOWN, ^ref, _, _, reason} ->
        :erlang.unalias(address)
        exit(reason)
    after
      timeout ->
        :erlang.unalias(address)
        Process.demonitor(ref, [:flush])

        # The reply may have arrived just before the alias was deactivated.
        receive do
          {^tag, reply} -> reply
        after
          0 -> exit(:timeout)
        end
    end
  end

  # A reply goes to the caller's alias when it has one.
  def reply({_pid, [:alias | address] = tag}, reply) do
    send(address, {tag, reply})
    :ok
  end

  def reply({pid, tag}, reply) do
    send(pid, {tag, reply})
    :ok
  end

  # A cast is a plain send: it never fails, even if nobody is listening.
  def cast(server, request) do
    try do
      send(server, {:"$gen_cast", request})
      :ok
    catch
      _, _ -> :ok
    end
  end

  # stop/3 asks the server to stop and waits until it is gone: the
  # monitor's :DOWN message carries the reason it exited with.
  def stop(server, reason \\ :normal, timeout \\ :infinity) do
    case whereis(server) do
      nil ->
        exit({:noproc, {GenServer, :stop, [server, reason, timeout]}})

      pid when pid == self() ->
        exit({:calling_self, {GenServer, :stop, [server, reason, timeout]}})

      pid ->
        ref = Process.monitor(pid)
        send(pid, {:system, {self(), ref}, {:terminate, reason}})

        receive do
          {:DOWN, ^ref, _, _, ^reason} ->
            :ok

          {:DOWN, ^ref, _, _, other} ->
            exit({other, {GenServer, :stop, [server, reason, timeout]}})
        after
          timeout ->
            Process.demonitor(ref, [:flush])
            exit({:timeout, {GenServer, :stop, [server, reason, timeout]}})
        end
    end
  end

  def whereis(server) when is_pid(server), do: server
  def whereis(server) when is_atom(server), do: Process.whereis(server)

  # The calling server as its messages name it: its registered name, or
  # its pid (used by the default callbacks of `use GenServer`).
  def __proc__ do
    case Process.info(self(), :registered_name) do
      {:registered_name, []} -> self()
      {:registered_name, name} -> name
    end
  end
end
