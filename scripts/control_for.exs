# for comprehensions: generators, filters, pattern generators, into:.
IO.inspect(for x <- [1, 2, 3], do: x * 2)
IO.inspect(for x <- 1..10, rem(x, 3) == 0, do: x)
IO.inspect(for x <- 1..3, y <- [:a, :b], do: {x, y})
IO.inspect(for x <- 1..4, y <- 1..4, x < y, x + y == 5, do: {x, y})
IO.inspect(for {:ok, v} <- [{:ok, 1}, {:error, 2}, {:ok, 3}], do: v)
IO.inspect(for {k, v} <- %{a: 1, b: 2}, into: %{}, do: {k, v * 10})
IO.inspect(for x <- [1, 2, 3], into: %{}, do: {x, x * x})
IO.inspect(for c <- ~w(a b c), into: "", do: String.upcase(c))
IO.inspect(for x <- 'abc', do: x - 32)
IO.inspect(for x <- [], do: x)
IO.inspect(for n <- [1, 2, 3], n > 5, do: n)
IO.inspect(for x <- 1..3, do: (y = x * 10; y + 1))
IO.inspect(for x <- [3, 1, 2], into: [], do: x)
IO.inspect(for {name, age} <- [{"a", 30}, {"b", 17}], age >= 18, do: name)
for x <- 1..3 do
  IO.puts("side effect #{x}")
end
