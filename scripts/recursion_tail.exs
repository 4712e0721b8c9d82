# Proper tail calls: a loop written as recursion runs in constant memory.
defmodule Loop do
  def count(0, acc), do: acc
  def count(n, acc), do: count(n - 1, acc + 1)

  # Mutual tail recursion.
  def even?(0), do: true
  def even?(n), do: odd?(n - 1)
  def odd?(0), do: false
  def odd?(n), do: even?(n - 1)

  # A tail call through case/if is still a tail call.
  def collatz(1, steps), do: steps
  def collatz(n, steps) do
    if rem(n, 2) == 0 do
      collatz(div(n, 2), steps + 1)
    else
      collatz(3 * n + 1, steps + 1)
    end
  end
end

IO.inspect(Loop.count(5_000_000, 0))
IO.inspect(Loop.even?(1_000_001))
IO.inspect(Loop.collatz(837_799, 0))

# An anonymous function can loop too, by passing itself along.
loop = fn
  0, acc, _self -> acc
  n, acc, self -> self.(n - 1, acc + n, self)
end
IO.inspect(loop.(1_000_000, 0, loop))
