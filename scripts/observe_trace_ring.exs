# Goiex.trace over a ring of three processes passing a token: every
# event, then one process, then a where: predicate, with the clock.
defmodule Ring do
  def start(main) do
    receive do
      {:next, next} -> relay(next, main)
    end
  end

  def relay(next, main) do
    receive do
      {:token, 0} ->
        send(main, :done)

      {:token, n} ->
        send(next, {:token, n - 1})
        relay(next, main)
    end
  end

  def run(hops) do
    main = self()
    [a, b, c] = pids = for _ <- 1..3, do: spawn(Ring, :start, [main])
    send(a, {:next, b})
    send(b, {:next, c})
    send(c, {:next, a})
    send(a, {:token, hops})

    receive do
      :done -> pids
    end
  end
end

IO.puts("== trace(:all)")
Goiex.trace(:all)
Ring.run(3)
Goiex.trace(:off)

IO.puts("\n== trace(pid): only what the main process takes part in")
Goiex.trace(self())
Ring.run(2)
Goiex.untrace()

IO.puts("\n== trace(:all, where: …, time: true)")
Goiex.trace(:all, where: ~S{type == "receive" and message startsWith "{:token"}, time: true)
Ring.run(2)
Goiex.trace(:off)

IO.puts("\n== a malformed predicate")

try do
  Goiex.trace(:all, where: ~S{type == "receive" and})
rescue
  e in ArgumentError -> IO.puts(e.message)
end

IO.puts("\n== nothing is traced now")
Ring.run(1)
IO.puts("done")
