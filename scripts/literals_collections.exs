# Tuples, lists, maps (and update), keyword lists.
t = {:ok, 1, "two", 3.0}
IO.inspect(t)
IO.inspect({})
IO.inspect({:single})
IO.inspect(tuple_size(t))
IO.inspect(elem(t, 2))

list = [1, 2, 3]
[h | tail] = list
IO.inspect(h)
IO.inspect(tail)
IO.inspect([0 | list])
IO.inspect([1 | [2 | [3 | []]]])
IO.inspect([1 | 2])
IO.inspect([[1, 2], [3]])
IO.inspect([])

m = %{a: 1, b: 2}
IO.inspect(m)
IO.inspect(m.a)
IO.inspect(m[:b])
IO.inspect(m[:missing])
IO.inspect(%{m | a: 100})
IO.inspect(%{"k" => "v", 1 => :one, :atom => [1]})
IO.inspect(%{1 => :a, :b => 2, "c" => 3, {:t} => 4, [1] => 5, 2.0 => 6})
IO.inspect(%{})
IO.inspect(%{z: 1, a: 2, m: 3})
IO.inspect(%{"b" => 1, "a" => 2})
IO.inspect(%{m | b: %{nested: true}})
%{a: a} = m
IO.inspect(a)
IO.inspect(map_size(m))
IO.inspect(Map.put(m, :c, 3))

kw = [name: "goiex", version: 1]
IO.inspect(kw)
IO.inspect(kw[:name])
IO.inspect([{:a, 1}, {:b, 2}])
IO.inspect([{:a, 1}, {"b", 2}])
IO.inspect([a: 1, a: 2])
IO.inspect(Keyword.get(kw, :version))
IO.inspect(%{list: [1, 2], tuple: {1, {2}}, map: %{x: nil}})
