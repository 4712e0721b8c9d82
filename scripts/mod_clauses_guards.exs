# Multi-clause def/defp and every guard-safe function issue 2 lists.
defmodule Kind do
  def of(x) when is_integer(x) and x < 0, do: "negative integer"
  def of(x) when is_integer(x), do: "integer"
  def of(x) when is_float(x), do: "float"
  def of(x) when is_boolean(x), do: "boolean"
  def of(x) when is_nil(x), do: "nil"
  def of(x) when is_atom(x), do: "atom"
  def of(x) when is_binary(x), do: "binary"
  def of(x) when is_list(x), do: "list"
  def of(x) when is_tuple(x), do: "tuple"
  def of(x) when is_map(x), do: "map"
  def of(x) when is_function(x), do: "function"
  def of(x) when is_pid(x), do: "pid"
  def of(x) when is_reference(x), do: "reference"
end

defmodule Guards do
  def num(x) when is_number(x), do: :number
  def num(_), do: :not_a_number

  def small(x) when x in [1, 2, 3], do: :small
  def small(x) when x in 4..6, do: :medium
  def small(_), do: :other

  def shape(t) when tuple_size(t) == 2 and elem(t, 0) == :point, do: :point2d
  def shape(t) when is_tuple(t) and tuple_size(t) == 3, do: :triple
  def shape(l) when is_list(l) and length(l) > 2, do: :long_list
  def shape(l) when is_list(l) and l != [] and hd(l) == :head, do: :headed
  def shape(l) when is_list(l) and l != [] and tl(l) == [], do: :singleton
  def shape(m) when is_map(m) and map_size(m) == 0, do: :empty_map
  def shape(b) when is_binary(b) and byte_size(b) > 3, do: :long_binary
  def shape(_), do: :unknown

  def arith(x) when rem(x, 2) == 0 and div(x, 2) > 2, do: :big_even
  def arith(x) when abs(x) > 100, do: :far
  def arith(x) when x * 2 + 1 == 7, do: :three
  def arith(_), do: :nothing

  def cmp(a, b) when a > b, do: :gt
  def cmp(a, b) when a < b, do: :lt
  def cmp(a, b) when a === b, do: :identical
  def cmp(_a, _b), do: :equal

  def either(x) when x == 1 or x == :one, do: :one
  def either(x) when not is_atom(x), do: :not_atom
  def either(_), do: :atom

  def multi(x) when is_integer(x) when is_float(x), do: :numeric
  def multi(_), do: :other

  def public(x), do: helper(x) * 2
  defp helper(0), do: 100
  defp helper(x), do: x
end

for v <- [-5, 5, 1.5, true, false, nil, :a, "s", [1], {1}, %{}, fn -> 1 end, self(), make_ref()] do
  IO.puts(Kind.of(v))
end

IO.inspect({Guards.num(1), Guards.num(1.5), Guards.num(:x)})
IO.inspect(Enum.map([1, 5, 9], &Guards.small/1))
IO.inspect(Enum.map([{:point, 1}, {1, 2, 3}, [1, 2, 3], [:head, 1], [7], %{}, "long", "no", {1, 2}], &Guards.shape/1))
IO.inspect(Enum.map([8, 4, -101, 3, 0], &Guards.arith/1))
IO.inspect({Guards.cmp(2, 1), Guards.cmp(1, 2), Guards.cmp(1, 1), Guards.cmp(1, 1.0)})
IO.inspect({Guards.either(1), Guards.either(:one), Guards.either("x"), Guards.either(:x)})
IO.inspect({Guards.multi(1), Guards.multi(1.0), Guards.multi("1")})
IO.inspect({Guards.public(0), Guards.public(4)})
