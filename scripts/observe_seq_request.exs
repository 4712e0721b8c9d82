# Goiex.seq draws seed 001's request-with-timeout: a reply in time, a
# reply too late (it stays in the asker's mailbox), a server that dies.
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

defmodule Doubler do
  def loop(delay) do
    receive do
      {:request, from, ref, n} ->
        Process.sleep(delay)
        send(from, {:response, ref, n * 2})
        loop(delay)

      :crash ->
        exit(:boom)
    end
  end
end

IO.puts("== in time")

Goiex.seq(fn ->
  server = spawn(Doubler, :loop, [10])
  Asker.request(server, 21, 100)
end)

IO.puts("\n== too late: the reply lands after the asker gave up")

Goiex.seq(
  fn ->
    server = spawn(Doubler, :loop, [200])
    Asker.request(server, 21, 100)
  end,
  settle: 500
)

IO.puts("\n== the server dies")

Goiex.seq(fn ->
  server = spawn(Doubler, :loop, [10])
  send(server, :crash)
  Asker.request(server, 21, 100)
end)

IO.puts("\n== the same, as Mermaid")

result =
  Goiex.seq(
    fn ->
      server = spawn(Doubler, :loop, [10])
      send(server, :crash)
      Asker.request(server, 21, 100)
    end,
    format: :mermaid
  )

IO.inspect(result, label: "seq returns the function's value")
