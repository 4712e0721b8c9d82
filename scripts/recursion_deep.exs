# Deep non-tail recursion: limited by memory, never by a fixed stack.
defmodule Deep do
  def sum([]), do: 0
  def sum([h | t]), do: h + sum(t)

  def double([]), do: []
  def double([h | t]), do: [h * 2 | double(t)]

  def depth(0), do: 0
  def depth(n), do: 1 + depth(n - 1)
end

list = Enum.to_list(1..1_000_000)
IO.inspect(Deep.sum(list))
doubled = Deep.double(list)
IO.inspect({length(doubled), hd(doubled), List.last(doubled)})
IO.inspect(Deep.depth(2_000_000))
