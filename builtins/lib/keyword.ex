# The Keyword functions that take a function (or an enumerable); the rest
# are Go natives (builtins/keyword.go).
defmodule Keyword do
  def new(pairs), do: new(pairs, fn pair -> pair end)

  def new(pairs, transform) when is_function(transform, 1) do
    pairs
    |> Enum.reduce([], fn pair, keywords ->
      {key, value} = transform.(pair)
      [{key, value} | Keyword.delete(keywords, key)]
    end)
    |> :lists.reverse()
  end

  def merge(keywords1, keywords2, fun) when is_list(keywords1) and is_list(keywords2) and is_function(fun, 3) do
    merge_list(keywords2, keywords1, fun)
  end

  # Each pair of the second list replaces (through fun) or joins the first.
  defp merge_list([{key, value2} | t], acc, fun) when is_atom(key) do
    case :lists.keyfind(key, 1, acc) do
      {^key, value1} ->
        merged = fun.(key, value1, value2)
        merge_list(t, Keyword.delete(acc, key) ++ [{key, merged}], fun)

      false ->
        merge_list(t, acc ++ [{key, value2}], fun)
    end
  end

  defp merge_list([], acc, _fun), do: acc

  def update(keywords, key, default, fun) when is_list(keywords) and is_atom(key) do
    update_list(keywords, key, default, fun)
  end

  defp update_list([{key, current} | rest], key, _default, fun),
    do: [{key, fun.(current)} | Keyword.delete(rest, key)]

  defp update_list([pair | rest], key, default, fun), do: [pair | update_list(rest, key, default, fun)]
  defp update_list([], key, default, _fun), do: [{key, default}]

  def update!(keywords, key, fun) when is_list(keywords) and is_atom(key) do
    Keyword.fetch!(keywords, key)
    update_list(keywords, key, nil, fun)
  end

  def get_lazy(keywords, key, fun) when is_list(keywords) and is_atom(key) and is_function(fun, 0) do
    case :lists.keyfind(key, 1, keywords) do
      {^key, value} -> value
      false -> fun.()
    end
  end

  def put_new_lazy(keywords, key, fun) when is_list(keywords) and is_atom(key) and is_function(fun, 0) do
    case :lists.keyfind(key, 1, keywords) do
      {^key, _} -> keywords
      false -> [{key, fun.()} | keywords]
    end
  end

  def filter(keywords, fun) when is_list(keywords) and is_function(fun, 1),
    do: Enum.filter(keywords, fun)

  def reject(keywords, fun) when is_list(keywords) and is_function(fun, 1),
    do: Enum.reject(keywords, fun)

  # Splits into {the pairs whose key is in keys, the others}, each in
  # its original order.
  def split(keywords, keys) when is_list(keywords) and is_list(keys) do
    {take, drop} =
      Enum.reduce(keywords, {[], []}, fn {k, v}, {take, drop} ->
        if Enum.member?(keys, k), do: {[{k, v} | take], drop}, else: {take, [{k, v} | drop]}
      end)

    {:lists.reverse(take), :lists.reverse(drop)}
  end
end
