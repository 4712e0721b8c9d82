# with: happy path, fall-through of a non-matching value, else clauses.
parse = fn str ->
  case Integer.parse(str) do
    {n, ""} -> {:ok, n}
    _ -> {:error, "not a number: #{str}"}
  end
end

add = fn a, b ->
  with {:ok, x} <- parse.(a),
       {:ok, y} <- parse.(b) do
    {:ok, x + y}
  end
end
IO.inspect(add.("1", "2"))
IO.inspect(add.("1", "two"))

checked = fn a, b ->
  with {:ok, x} <- parse.(a),
       {:ok, y} <- parse.(b),
       sum = x + y,
       true <- sum < 100 do
    "sum #{sum}"
  else
    {:error, msg} -> "error: #{msg}"
    false -> "too big"
  end
end
IO.puts(checked.("40", "2"))
IO.puts(checked.("x", "2"))
IO.puts(checked.("99", "2"))

guarded =
  with {:ok, n} when n > 0 <- {:ok, -1} do
    :positive
  else
    {:ok, n} -> {:not_positive, n}
  end
IO.inspect(guarded)

IO.inspect(with(x <- 1, y <- x + 1, do: x + y))
IO.inspect(with {:a, v} <- {:b, 1}, do: v)
