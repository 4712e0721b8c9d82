# An error inside a guard does not raise: the guard is simply false and the
# next clause is tried.
defmodule G do
  def first(x) when hd(x) == 1, do: :starts_with_one
  def first(_), do: :fallback

  def len(x) when length(x) > 1, do: :longer_than_one
  def len(_), do: :fallback

  def tenth(t) when elem(t, 9) == :x, do: :tenth_is_x
  def tenth(_), do: :fallback

  def half(x) when div(x, 2) == 1, do: :half_is_one
  def half(_), do: :fallback

  def size(m) when map_size(m) > 0, do: :non_empty
  def size(_), do: :fallback

  def plus(x) when x + 1 > 0, do: :positive_successor
  def plus(_), do: :fallback

  # The failing part makes the whole guard false, even under `or`.
  def either(x) when hd(x) == 1 or x == :atom, do: :matched
  def either(_), do: :fallback

  # With `when … when …`, a failing alternative only fails itself.
  def alt(x) when hd(x) == 1 when x == :atom, do: :matched
  def alt(_), do: :fallback
end

IO.inspect({G.first([1, 2]), G.first(:not_a_list), G.first([])})
IO.inspect({G.len([1, 2]), G.len("string")})
IO.inspect({G.tenth({1, 2}), G.tenth(:not_tuple)})
IO.inspect({G.half(2), G.half(2.0), G.half(:x), G.half(0)})
IO.inspect({G.size(%{a: 1}), G.size([a: 1])})
IO.inspect({G.plus(1), G.plus("one")})
IO.inspect({G.either([1]), G.either(:atom)})
IO.inspect({G.alt([1]), G.alt(:atom)})

f = fn
  x when tuple_size(x) > 0 -> :tuple
  _ -> :other
end
IO.inspect({f.({1}), f.([1])})

r =
  case :not_a_number do
    x when x * 2 > 1 -> :doubled
    _ -> :guard_failed_quietly
  end
IO.inspect(r)
