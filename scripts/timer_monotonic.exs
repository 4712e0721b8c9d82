# :timer.tc and System.monotonic_time, used so the output is deterministic.
{micros, value} = :timer.tc(fn -> Enum.sum(1..1_000) end)
IO.inspect(value)
IO.inspect(is_integer(micros) and micros >= 0, label: "tc gives microseconds")

defmodule Slow do
  def nap(ms) do
    Process.sleep(ms)
    ms
  end
end
{micros, :ok} = :timer.tc(fn -> Process.sleep(200) end)
IO.inspect(micros >= 200_000, label: "tc measured the sleep")
{micros, 300} = :timer.tc(Slow, :nap, [300])
IO.inspect(div(micros, 100_000) >= 3, label: "tc/3 measured the nap")

t0 = System.monotonic_time()
IO.inspect(is_integer(t0))
Process.sleep(1_000)
t1 = System.monotonic_time()
IO.inspect(t1 > t0, label: "monotonic time moved on")
elapsed = System.convert_time_unit(t1 - t0, :native, :millisecond)
IO.inspect(elapsed >= 1_000, label: "at least a second")
ms0 = System.monotonic_time(:millisecond)
us0 = System.monotonic_time(:microsecond)
Process.sleep(5)
IO.inspect(System.monotonic_time(:millisecond) >= ms0 + 5)
IO.inspect(System.monotonic_time(:microsecond) >= us0 + 5_000)
