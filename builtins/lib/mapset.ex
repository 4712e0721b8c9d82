# MapSet: %MapSet{map: %{element => []}, version: 2}, as in Elixir 1.14.
defmodule MapSet do
  def new(), do: %{__struct__: MapSet, map: %{}, version: 2}

  def new(%{__struct__: MapSet} = set), do: set
  def new(enumerable), do: from_list(Enum.to_list(enumerable))

  def new(enumerable, transform) when is_function(transform, 1),
    do: from_list(Enum.map(enumerable, transform))

  defp from_list(list), do: %{__struct__: MapSet, map: :maps.from_keys(list, []), version: 2}

  def put(%{__struct__: MapSet, map: map} = set, value), do: %{set | map: :maps.put(value, [], map)}
  def delete(%{__struct__: MapSet, map: map} = set, value), do: %{set | map: :maps.remove(value, map)}
  def member?(%{__struct__: MapSet, map: map}, value), do: :maps.is_key(value, map)
  def size(%{__struct__: MapSet, map: map}), do: map_size(map)
  def to_list(%{__struct__: MapSet, map: map}), do: :maps.keys(map)

  def union(%{__struct__: MapSet, map: map1}, %{__struct__: MapSet, map: map2}),
    do: %{__struct__: MapSet, map: :maps.merge(map1, map2), version: 2}

  def intersection(%{__struct__: MapSet, map: map1}, %{__struct__: MapSet, map: map2}) do
    keys = Enum.filter(:maps.keys(map1), fn k -> :maps.is_key(k, map2) end)
    from_list(keys)
  end

  def difference(%{__struct__: MapSet, map: map1}, %{__struct__: MapSet, map: map2}),
    do: %{__struct__: MapSet, map: :maps.without(:maps.keys(map2), map1), version: 2}

  def symmetric_difference(set1, set2), do: union(difference(set1, set2), difference(set2, set1))

  def subset?(%{__struct__: MapSet, map: map1}, %{__struct__: MapSet, map: map2}),
    do: Enum.all?(:maps.keys(map1), fn k -> :maps.is_key(k, map2) end)

  def disjoint?(%{__struct__: MapSet, map: map1}, %{__struct__: MapSet, map: map2}),
    do: not Enum.any?(:maps.keys(map1), fn k -> :maps.is_key(k, map2) end)

  def equal?(%{__struct__: MapSet, map: map1}, %{__struct__: MapSet, map: map2}), do: map1 === map2

  def filter(%{__struct__: MapSet, map: map}, fun) when is_function(fun, 1),
    do: from_list(Enum.filter(:maps.keys(map), fun))

  def reject(%{__struct__: MapSet, map: map}, fun) when is_function(fun, 1),
    do: from_list(Enum.reject(:maps.keys(map), fun))
end
