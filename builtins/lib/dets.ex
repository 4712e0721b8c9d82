# Erlang's :dets, the parts that take a function. The natives (Go,
# builtins/dets*.go) never call back into Elixir, so these read the
# objects with a native first and then call the function here, where it
# may do anything a process can (receive, crash, call :dets again).
#
# They read the whole table at once, with match_object(name, :_): fine
# for the tables a lesson or a small program keeps; Erlang's walk in
# chunks instead.
defmodule :dets do
  # foldl(fun, acc, name): fun.(object, acc) for each object.
  def foldl(fun, acc, name) when is_function(fun, 2) do
    case :dets.match_object(name, :_) do
      {:error, _} = error -> error
      objects -> Enum.reduce(objects, acc, fun)
    end
  end

  # foldr is foldl in the other order.
  def foldr(fun, acc, name) when is_function(fun, 2) do
    case :dets.match_object(name, :_) do
      {:error, _} = error -> error
      objects -> Enum.reduce(:lists.reverse(objects), acc, fun)
    end
  end

  # traverse(name, fun): fun.(object) says :continue, {:continue, value}
  # (collect value), {:done, value} (stop, with value collected), or
  # anything else (stop, and return it instead of the collection).
  def traverse(name, fun) when is_function(fun, 1) do
    case :dets.match_object(name, :_) do
      {:error, _} = error -> error
      objects -> traverse_objects(objects, fun, [])
    end
  end

  defp traverse_objects([], _fun, acc), do: acc

  defp traverse_objects([object | rest], fun, acc) do
    case fun.(object) do
      :continue -> traverse_objects(rest, fun, acc)
      {:continue, value} -> traverse_objects(rest, fun, [value | acc])
      {:done, value} -> [value | acc]
      other -> other
    end
  end
end
