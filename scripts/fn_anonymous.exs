# Anonymous functions: several clauses, guards, closures, .() calls, captures.
add = fn a, b -> a + b end
IO.inspect(add.(1, 2))

classify = fn
  0 -> :zero
  n when n < 0 -> :negative
  n when is_integer(n) -> :positive
  _ -> :not_an_integer
end
IO.inspect(Enum.map([0, -3, 3, 1.5], classify))

factor = 3
times = fn x -> x * factor end
factor = 100
IO.inspect({times.(2), factor})

make_counter = fn start -> fn step -> start + step end end
IO.inspect(make_counter.(10).(5))

inc = &(&1 + 1)
IO.inspect(inc.(41))
pair = &{&1, &2}
IO.inspect(pair.(:a, :b))
list_of = &[&1, &1]
IO.inspect(list_of.(:x))
IO.inspect(Enum.map([1, 2, 3], &(&1 * &1)))

defmodule MathHelpers do
  def square(x), do: x * x
  def sum_of_squares(list), do: list |> Enum.map(&square/1) |> Enum.sum()
  def mul(a, b), do: a * b
  def capture_local, do: &square/1
end

IO.inspect(MathHelpers.sum_of_squares([1, 2, 3]))
mul = &MathHelpers.mul/2
IO.inspect(mul.(6, 7))
IO.inspect(Enum.reduce([1, 2, 3, 4], 1, &MathHelpers.mul/2))
IO.inspect(MathHelpers.capture_local().(9))
IO.inspect(&MathHelpers.mul/2)
IO.inspect(&Enum.map/2)
IO.inspect(is_function(mul), label: "is_function")
IO.inspect(is_function(mul, 2), label: "arity 2")
IO.inspect(is_function(mul, 1), label: "arity 1")
upcase = &String.upcase/1
IO.inspect(upcase.("capture"))

fact = fn
  0, _self -> 1
  n, self -> n * self.(n - 1, self)
end
IO.inspect(fact.(20, fact))
(fn -> IO.puts("immediately invoked") end).()
IO.inspect((fn x, y -> {y, x} end).(1, 2))
