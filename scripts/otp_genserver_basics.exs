# GenServer round trips: call, cast and plain messages, a named server,
# a reply sent later with GenServer.reply/2, handle_continue, a timeout
# after {:noreply, state, ms}, and stop/1 calling terminate/2.
defmodule Stack do
  use GenServer

  def init(items), do: {:ok, items, {:continue, :loaded}}

  def handle_continue(:loaded, items) do
    IO.puts("continue: #{length(items)} items")
    {:noreply, items}
  end

  def handle_call(:pop, _from, [top | rest]), do: {:reply, top, rest}
  def handle_call(:peek, _from, items), do: {:reply, items, items}

  # Answer later: keep the caller and reply from handle_info.
  def handle_call(:slow_pop, from, items) do
    Process.send_after(self(), {:answer, from}, 100)
    {:noreply, items}
  end

  def handle_call(:nap, _from, items), do: {:reply, :ok, items, 50}

  def handle_cast({:push, item}, items), do: {:noreply, [item | items]}

  def handle_info({:answer, from}, [top | rest]) do
    GenServer.reply(from, top)
    {:noreply, rest}
  end

  def handle_info(:timeout, items) do
    IO.puts("no message for 50 ms")
    {:noreply, items}
  end

  def handle_info(other, items) do
    IO.inspect(other, label: "info")
    {:noreply, items}
  end

  def terminate(reason, items) do
    IO.inspect({reason, items}, label: "terminate")
  end
end

{:ok, pid} = GenServer.start_link(Stack, [:a, :b], name: :stack)
IO.inspect(GenServer.whereis(:stack) == pid)
IO.inspect(GenServer.call(:stack, :pop))
IO.inspect(GenServer.cast(:stack, {:push, :c}))
IO.inspect(GenServer.call(pid, :peek))
send(:stack, :hello)
IO.inspect(GenServer.call(:stack, :slow_pop))
IO.inspect(GenServer.call(:stack, :nap))
Process.sleep(100)
IO.inspect(GenServer.cast(:nobody, :hi))
IO.inspect(GenServer.stop(:stack))
IO.inspect(Process.alive?(pid))
IO.inspect(GenServer.whereis(:stack))
