# |>, = as match, ^ pin, destructuring.
[1, 2, 3]
|> Enum.map(fn x -> x * 10 end)
|> Enum.filter(fn x -> x > 10 end)
|> IO.inspect()

"  Hello Pipes  " |> String.trim() |> String.upcase() |> IO.puts()
1..5 |> Enum.sum() |> Integer.to_string() |> IO.puts()

x = 1
IO.inspect(x)
1 = x
x = 2
IO.inspect(x)
{a, b} = {:left, :right}
IO.inspect({b, a})
[first, second | others] = [1, 2, 3, 4]
IO.inspect({first, second, others})
%{name: name} = %{name: "pinned", age: 3}
IO.inspect(name)
{_, {inner, _}} = {0, {:deep, 1}}
IO.inspect(inner)
y = 10
{^y, z} = {10, 20}
IO.inspect(z)
result =
  try do
    {^y, _} = {11, 0}
    :matched
  rescue
    e in MatchError -> Exception.message(e)
  end
IO.puts(result)
v = w = 7
IO.inspect({v, w})
{:ok, value} = {:ok, [1 | [2]]}
IO.inspect(value)
<<"ab", tail::binary>> = "abcdef"
IO.inspect(tail)
c = fn {:ok, n} -> n end
IO.inspect({:ok, 5} |> c.())
IO.inspect(5 |> Kernel.+(1) |> Kernel.*(2))
