# Erlang's :timer, the parts that are not about waiting (sleep is the
# VM's): tc measures in microseconds with the VM's monotonic clock.
defmodule :timer do
  def tc(fun) when is_function(fun, 0) do
    t0 = :erlang.monotonic_time()
    value = fun.()
    t1 = :erlang.monotonic_time()
    {:erlang.convert_time_unit(t1 - t0, :native, :microsecond), value}
  end

  def tc(fun, args) when is_function(fun) and is_list(args) do
    t0 = :erlang.monotonic_time()
    value = apply(fun, args)
    t1 = :erlang.monotonic_time()
    {:erlang.convert_time_unit(t1 - t0, :native, :microsecond), value}
  end

  def tc(module, function, args) do
    t0 = :erlang.monotonic_time()
    value = apply(module, function, args)
    t1 = :erlang.monotonic_time()
    {:erlang.convert_time_unit(t1 - t0, :native, :microsecond), value}
  end

  def seconds(s), do: 1000 * s
  def minutes(m), do: 60 * 1000 * m
  def hours(h), do: 60 * 60 * 1000 * h
end
