# Kernel functions that take a function. In Elixir then/2 and tap/2 are
# macros; here they are plain functions with the same behaviour.
defmodule Kernel do
  # The path functions below are Kernel's own; on real Elixir (the
  # library's test oracle) they would clash with the imported ones.
  import Kernel, except: [get_in: 2, put_in: 3, update_in: 3]

  def then(value, fun) when is_function(fun, 1), do: fun.(value)

  def tap(value, fun) when is_function(fun, 1) do
    _ = fun.(value)
    value
  end

  # get_in/2, put_in/3 and update_in/3 walk nested maps and keyword lists
  # by a list of keys. The path forms put_in(m.a[:b], v) and
  # update_in(m.a[:b], f) are rewritten into these by the compiler.
  def get_in(data, []), do: data
  def get_in(data, [key | rest]), do: get_in(Access.get(data, key), rest)

  def put_in(data, keys, value), do: update_in(data, keys, fn _ -> value end)

  def update_in(data, [key], fun) when is_function(fun, 1),
    do: access_put(data, key, fun.(Access.get(data, key)))

  def update_in(data, [key | rest], fun) when is_function(fun, 1),
    do: access_put(data, key, update_in(Access.get(data, key), rest, fun))

  defp access_put(data, key, value) when is_map(data), do: Map.put(data, key, value)
  defp access_put(data, key, value) when is_list(data), do: Keyword.put(data, key, value)
  defp access_put(nil, key, value), do: %{key => value}
end
