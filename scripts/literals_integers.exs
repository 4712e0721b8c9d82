# Integer literals and arbitrary precision.
defmodule M do
  def fact(0), do: 1
  def fact(n) when n > 0, do: n * fact(n - 1)
end

IO.puts(1_000_000)
IO.inspect(0x1F)
IO.inspect(0b1010)
IO.inspect(0o17)
IO.inspect(-42)
IO.inspect(?a)
IO.puts(M.fact(30))
IO.inspect(M.fact(25))
IO.inspect(M.fact(30) / M.fact(28))
IO.inspect(div(M.fact(30), M.fact(28)))
IO.inspect(rem(M.fact(30) + 7, 1_000))
IO.inspect(9_223_372_036_854_775_807 + 1)
IO.inspect(-9_223_372_036_854_775_808 - 1)
IO.inspect(4_294_967_296 * 4_294_967_296)
IO.inspect(M.fact(30) - M.fact(30) + 1)
IO.inspect(M.fact(20) == 2_432_902_008_176_640_000)
IO.inspect(is_integer(M.fact(40)))
IO.inspect(M.fact(30) > 1.0e30)
IO.inspect(-M.fact(22))
IO.inspect(abs(-M.fact(22)))
