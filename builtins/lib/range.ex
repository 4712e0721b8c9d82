# Range: first..last//step is the struct %Range{first: _, last: _, step: _}.
# Range.new/2,3 are the VM's natives (the compiler builds ranges with them).
defmodule Range do
  def size(%{__struct__: Range, first: first, last: last, step: step}) do
    n = div(last - first, step) + 1
    if n < 0, do: 0, else: n
  end

  def disjoint?(range1, range2) do
    list = Enum.to_list(range1)
    not Enum.any?(range2, fn x -> :lists.member(x, list) end)
  end
end
