# Default arguments (\\), the do: one-line form, and a function head for
# defaults shared by several clauses.
defmodule Greeter do
  def hello(name \\ "world", punctuation \\ "!"), do: "Hello, #{name}#{punctuation}"

  def join(a, b \\ nil, sep \\ " ")
  def join(a, nil, _sep), do: a
  def join(a, b, sep), do: a <> sep <> b

  def one_liner(x), do: x + 1

  def block(x) do
    y = x * 2
    y + 1
  end

  def kw_if(x), do: if(x > 0, do: :pos, else: :non_pos)
end

IO.puts(Greeter.hello())
IO.puts(Greeter.hello("Ada"))
IO.puts(Greeter.hello("Ada", "?"))
IO.puts(Greeter.join("a"))
IO.puts(Greeter.join("a", "b"))
IO.puts(Greeter.join("a", "b", "-"))
IO.inspect(Greeter.one_liner(1))
IO.inspect(Greeter.block(5))
IO.inspect({Greeter.kw_if(1), Greeter.kw_if(0)})
IO.inspect(Enum.map([0, 1], &Greeter.kw_if/1))
