# Kernel functions that take a function. In Elixir then/2 and tap/2 are
# macros; here they are plain functions with the same behaviour.
defmodule Kernel do
  def then(value, fun) when is_function(fun, 1), do: fun.(value)

  def tap(value, fun) when is_function(fun, 1) do
    _ = fun.(value)
    value
  end
end
