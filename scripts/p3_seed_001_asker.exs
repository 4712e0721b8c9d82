# Seed 001 (Message Passing), "A Worked Example: Request With Timeout": the
# Asker, verbatim, against a server that answers, one that is slow, and one
# that dies.
defmodule Asker do
  def request(server, payload, timeout \\ 5_000) do
    ref = Process.monitor(server)
    send(server, {:request, self(), ref, payload})

    receive do
      {:response, ^ref, value} ->
        Process.demonitor(ref, [:flush])
        {:ok, value}

      {:DOWN, ^ref, :process, _, reason} ->
        {:error, {:server_died, reason}}
    after
      timeout ->
        Process.demonitor(ref, [:flush])
        {:error, :timeout}
    end
  end
end

defmodule Servers do
  def doubler do
    receive do
      {:request, from, ref, n} -> send(from, {:response, ref, n * 2})
    end
    doubler()
  end

  def sleepy do
    receive do
      {:request, _from, _ref, _} -> Process.sleep(60_000)
    end
  end

  def dying do
    receive do
      {:request, _from, _ref, _} -> exit(:gave_up)
    end
  end
end

IO.inspect(Asker.request(spawn(Servers, :doubler, []), 21))
IO.inspect(Asker.request(spawn(Servers, :sleepy, []), :x, 1_000))
IO.inspect(Asker.request(spawn(Servers, :dying, []), :x))
IO.inspect(Process.info(self(), :messages))
