# case, cond, if/unless in block and keyword forms.
describe = fn value ->
  case value do
    {:ok, n} when n > 10 -> "big ok #{n}"
    {:ok, n} -> "ok #{n}"
    {:error, reason} -> "error: #{reason}"
    [] -> "empty list"
    [_ | _] = l -> "list of #{length(l)}"
    %{name: name} -> "named #{name}"
    _other -> "something else"
  end
end

for v <- [{:ok, 50}, {:ok, 1}, {:error, "nope"}, [], [1, 2], %{name: "m", x: 1}, 3.0] do
  IO.puts(describe.(v))
end

x = 5
pinned =
  case 5 do
    ^x -> "matched the pinned x"
    _ -> "no"
  end
IO.puts(pinned)

grade = fn score ->
  cond do
    score >= 90 -> "A"
    score >= 80 -> "B"
    score >= 70 -> "C"
    true -> "F"
  end
end
IO.inspect(Enum.map([95, 85, 75, 10], grade))
IO.inspect(cond do
  nil -> :no
  0 -> :zero_is_truthy
end)

if 1 < 2 do
  IO.puts("if block")
else
  IO.puts("never")
end
IO.inspect(if false, do: :yes)
IO.inspect(if nil, do: :yes, else: :no)
IO.inspect(if "", do: :empty_string_is_truthy)
unless false do
  IO.puts("unless block")
end
IO.inspect(unless true, do: :x)
IO.inspect(unless 1 == 2, do: :not_equal, else: :equal)
y = if true, do: 1, else: 2
IO.inspect(y)
z =
  case {1, 2} do
    {a, b} -> a + b
  end
IO.inspect(z)
