# The built-in exceptions as Elixir names and words them.
defmodule Ex do
  def one(1), do: :one
  def describe(f) do
    try do
      f.()
      :no_error
    rescue
      e -> "#{inspect(e.__struct__)}: #{Exception.message(e)}"
    end
  end
end

cases = [
  fn -> raise "plain runtime error" end,
  fn -> raise ArgumentError, "explicit" end,
  fn -> :erlang.binary_to_atom(1, :utf8) end,
  fn -> 1 / 0 end,
  fn -> 1 + :a end,
  fn -> div(1, 0) end,
  fn -> {:ok, _} = {:error, :x} end,
  fn -> case 3 do
          1 -> :one
        end end,
  fn -> cond do
          false -> :never
        end end,
  fn -> Ex.one(2) end,
  fn -> Ex.two() end,
  fn -> NoSuchModule.call(1, 2) end,
  fn -> Map.fetch!(%{a: 1}, :b) end,
  fn -> %{a: 1}.b end,
  fn -> Keyword.fetch!([a: 1], :z) end,
  fn -> Map.get(:not_a_map, :k) end,
  fn -> %{:not_a_map | a: 1} end,
  fn -> (fn x -> x end).(1, 2) end,
  fn -> elem({1}, 5) end,
  fn -> hd([]) end,
  fn -> String.to_integer("12a") end,
  fn -> List.first(:x) end,
  fn -> with {:ok, _} <- :nope, do: :ok, else: (:other -> :x) end,
  fn -> Enum.at(:notenum, 0) end,
  fn -> Integer.to_string(1.5) end,
  fn -> throw(:not_an_exception) end,
  fn -> :ok end
]

for f <- cases do
  try do
    IO.puts(Ex.describe(f))
  catch
    kind, value -> IO.puts("#{kind}: #{inspect(value)}")
  end
end

IO.puts(Exception.message(%KeyError{key: :k, term: %{}}))
IO.puts(Exception.message(RuntimeError.exception("from exception/1")))
