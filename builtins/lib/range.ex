# Range: first..last//step is the struct %Range{first: _, last: _, step: _}.
defmodule Range do
  def new(first, last) when is_integer(first) and is_integer(last) do
    step = if first <= last, do: 1, else: -1
    %{__struct__: Range, first: first, last: last, step: step}
  end

  def new(first, last) do
    raise ArgumentError,
          "ranges (first..last) expect both sides to be integers, got: #{inspect(first)}..#{inspect(last)}"
  end

  def new(first, last, step)
      when is_integer(first) and is_integer(last) and is_integer(step) and step != 0 do
    %{__struct__: Range, first: first, last: last, step: step}
  end

  def new(first, last, step) do
    raise ArgumentError,
          "ranges (first..last//step) expect both sides to be integers and the step to be a " <>
            "non-zero integer, got: #{inspect(first)}..#{inspect(last)}//#{inspect(step)}"
  end

  def size(%{__struct__: Range, first: first, last: last, step: step}) do
    n = div(last - first, step) + 1
    if n < 0, do: 0, else: n
  end

  def disjoint?(range1, range2) do
    list = Enum.to_list(range1)
    not Enum.any?(range2, fn x -> :lists.member(x, list) end)
  end
end
