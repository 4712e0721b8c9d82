# throw/catch, exit/catch, after (always runs), else (on success).
r1 =
  try do
    throw(:ball)
  catch
    thrown -> {:caught, thrown}
  end
IO.inspect(r1)

r2 =
  try do
    throw({:value, 42})
  catch
    :throw, {:value, v} -> {:kind_throw, v}
  end
IO.inspect(r2)

r3 =
  try do
    exit(:shutdown_now)
  catch
    :exit, reason -> {:exit_caught, reason}
  end
IO.inspect(r3)

r4 =
  try do
    raise "as error"
  catch
    :error, e -> {:error_kind, e}
  end
IO.inspect(r4)

r5 =
  try do
    :erlang.error(:badarg)
  catch
    kind, reason -> {kind, reason}
  end
IO.inspect(r5)

r6 =
  try do
    IO.puts("body runs")
    :body_value
  after
    IO.puts("after runs")
  end
IO.inspect(r6)

r7 =
  try do
    try do
      raise "escaping"
    after
      IO.puts("after runs even when raising")
    end
  rescue
    e -> e.message
  end
IO.inspect(r7)

r8 =
  try do
    {:ok, 5}
  rescue
    _ -> :failed
  else
    {:ok, n} -> n * 2
    other -> other
  end
IO.inspect(r8)

r9 =
  try do
    throw(:x)
  catch
    :x -> :caught_x
  else
    _ -> :else_not_run
  after
    IO.puts("after with catch")
  end
IO.inspect(r9)

find_first_even = fn list ->
  try do
    Enum.each(list, fn x -> if rem(x, 2) == 0, do: throw({:found, x}) end)
    :none
  catch
    {:found, x} -> x
  end
end
IO.inspect(find_first_even.([1, 3, 4, 6]))
IO.inspect(find_first_even.([1, 3]))
IO.inspect(catch_result = (try do: throw(1), catch: (v -> v + 1)))
_ = catch_result
