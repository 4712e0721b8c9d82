# The Map functions that take a function (or an enumerable); the rest
# are Go natives (builtins/map.go).
defmodule Map do
  def new(enumerable) when is_list(enumerable), do: :maps.from_list(enumerable)
  def new(%{__struct__: _} = struct), do: :maps.from_list(Enum.to_list(struct))
  def new(map) when is_map(map), do: map
  def new(enumerable), do: :maps.from_list(Enum.to_list(enumerable))

  def new(enumerable, transform) when is_function(transform, 1) do
    enumerable
    |> Enum.to_list()
    |> new_transform(transform, [])
  end

  defp new_transform([h | t], transform, acc), do: new_transform(t, transform, [transform.(h) | acc])
  defp new_transform([], _transform, acc), do: :maps.from_list(:lists.reverse(acc))

  def merge(map1, map2, fun) when is_function(fun, 3) do
    if map_size(map1) > map_size(map2) do
      merge_into(:maps.to_list(map2), map1, fun, false)
    else
      merge_into(:maps.to_list(map1), map2, fun, true)
    end
  end

  # Puts each {k, v} of pairs into map, resolving a key in both with fun;
  # swapped says the pairs come from the first map.
  defp merge_into([{k, v} | t], map, fun, swapped) do
    value =
      case :maps.find(k, map) do
        {:ok, other} -> if swapped, do: fun.(k, v, other), else: fun.(k, other, v)
        :error -> v
      end

    merge_into(t, :maps.put(k, value, map), fun, swapped)
  end

  defp merge_into([], map, _fun, _swapped), do: map

  def update(map, key, default, fun) when is_function(fun, 1) do
    case :maps.find(key, map) do
      {:ok, value} -> :maps.put(key, fun.(value), map)
      :error -> :maps.put(key, default, map)
    end
  end

  def update!(map, key, fun) when is_function(fun, 1) do
    value = Map.fetch!(map, key)
    :maps.put(key, fun.(value), map)
  end

  def get_lazy(map, key, fun) when is_function(fun, 0) do
    case :maps.find(key, map) do
      {:ok, value} -> value
      :error -> fun.()
    end
  end

  def put_new_lazy(map, key, fun) when is_function(fun, 0) do
    case :maps.find(key, map) do
      {:ok, _} -> map
      :error -> :maps.put(key, fun.(), map)
    end
  end

  def pop_lazy(map, key, fun) when is_function(fun, 0) do
    case :maps.take(key, map) do
      {value, rest} -> {value, rest}
      :error -> {fun.(), map}
    end
  end

  def get_and_update(map, key, fun) when is_function(fun, 1) do
    current =
      case :maps.find(key, map) do
        {:ok, value} -> value
        :error -> nil
      end

    case fun.(current) do
      {get, update} ->
        {get, :maps.put(key, update, map)}

      :pop ->
        {current, :maps.remove(key, map)}

      other ->
        raise "the given function must return a two-element tuple or :pop, got: #{inspect(other)}"
    end
  end

  def get_and_update!(map, key, fun) when is_function(fun, 1) do
    value = Map.fetch!(map, key)

    case fun.(value) do
      {get, update} ->
        {get, :maps.put(key, update, map)}

      :pop ->
        {value, :maps.remove(key, map)}

      other ->
        raise "the given function must return a two-element tuple or :pop, got: #{inspect(other)}"
    end
  end

  def filter(map, fun) when is_map(map) and is_function(fun, 1),
    do: :maps.from_list(filter_pairs(:maps.to_list(map), fun, true, []))

  def reject(map, fun) when is_map(map) and is_function(fun, 1),
    do: :maps.from_list(filter_pairs(:maps.to_list(map), fun, false, []))

  defp filter_pairs([h | t], fun, keep, acc) do
    if (fun.(h) && true) == keep,
      do: filter_pairs(t, fun, keep, [h | acc]),
      else: filter_pairs(t, fun, keep, acc)
  end

  defp filter_pairs([], _fun, _keep, acc), do: acc
end
