# Calls without parentheses, apply/2 and apply/3, dynamic module names.
defmodule Calc do
  def add(a, b), do: a + b
  def zero, do: 0
  def twice(x), do: x * 2
end

IO.puts "no parentheses"
IO.inspect Calc.add(1, 2)
IO.inspect Calc.add 3, 4
IO.inspect Calc.zero
IO.inspect Calc.zero()
x = Calc.twice 21
IO.inspect x
IO.inspect(apply(Calc, :add, [5, 6]))
IO.inspect(apply(fn a, b -> a * b end, [6, 7]))
IO.inspect(apply(&Calc.twice/1, [8]))
mod = Calc
fun = :twice
IO.inspect(mod.twice(9))
IO.inspect(apply(mod, fun, [10]))
IO.inspect(apply(String, :upcase, ["dynamic"]))
IO.inspect(apply(Enum, :sum, [[1, 2, 3]]))
IO.inspect(Kernel.apply(Calc, :zero, []))
send self(), {:store, 23}
receive do
  msg -> IO.inspect msg
end
