# The List functions that take a function; the rest are Go natives
# (builtins/list.go).
defmodule List do
  def foldl(list, acc, fun) when is_list(list) and is_function(fun, 2), do: foldl_list(list, acc, fun)

  defp foldl_list([h | t], acc, fun), do: foldl_list(t, fun.(h, acc), fun)
  defp foldl_list([], acc, _fun), do: acc

  def foldr(list, acc, fun) when is_list(list) and is_function(fun, 2),
    do: foldl_list(:lists.reverse(list), acc, fun)

  def update_at(list, index, fun) when is_list(list) and is_function(fun) and is_integer(index) do
    index = if index < 0, do: length(list) + index, else: index

    if index < 0 do
      list
    else
      update_at_list(list, index, fun, [])
    end
  end

  defp update_at_list([h | t], 0, fun, acc), do: :lists.reverse(acc, [fun.(h) | t])
  defp update_at_list([h | t], i, fun, acc), do: update_at_list(t, i - 1, fun, [h | acc])
  defp update_at_list([], _i, _fun, acc), do: :lists.reverse(acc)
end
