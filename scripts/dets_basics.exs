# Erlang's :dets from Elixir: a table kept in a file. Its answers and
# errors are Erlang's; the order it walks a table in is its own (a hash
# order in Erlang, another order in goiex), so whole tables are sorted
# before they are printed. The files live in /tmp and are removed first.
defmodule Tmp do
  def file(name) do
    path = "/tmp/goiex_golden_dets_basics_#{name}.dets"
    File.rm(path)
    String.to_charlist(path)
  end

  # Error reasons name the file; print them without the path.
  def show({:error, {reason, path}}) when is_list(path), do: IO.inspect({:error, {reason, :path}})
  def show(other), do: IO.inspect(other)
end

set = Tmp.file("set")
{:ok, :fruit} = :dets.open_file(:fruit, file: set, type: :set)
IO.inspect(:dets.insert(:fruit, {:apple, 3}))
IO.inspect(:dets.insert(:fruit, [{:pear, 5}, {:fig, 1}, {:apple, 4}]))
IO.inspect(:dets.lookup(:fruit, :apple))
IO.inspect(:dets.lookup(:fruit, :kiwi))
IO.inspect(:dets.member(:fruit, :fig))
IO.inspect(:dets.insert_new(:fruit, {:fig, 9}))
IO.inspect(:dets.insert_new(:fruit, [{:kiwi, 2}, {:lime, 7}]))
IO.inspect(:dets.info(:fruit, :size), label: "size")
IO.inspect(:dets.info(:fruit, :type), label: "type")
IO.inspect(:dets.info(:fruit, :keypos), label: "keypos")
IO.inspect(:dets.info(:fruit, :no_such_item), label: "unknown item")
IO.inspect(:dets.match_object(:fruit, :_) |> Enum.sort(), label: "all")
IO.inspect(:dets.match_object(:fruit, {:_, 1}), label: "count 1")
IO.inspect(:dets.match(:fruit, {:"$1", :"$2"}) |> Enum.sort(), label: "match")
IO.inspect(:dets.select(:fruit, [{{:"$1", :"$2"}, [{:>, :"$2", 3}], [:"$1"]}]) |> Enum.sort(), label: "select > 3")
IO.inspect(:dets.foldl(fn {_, n}, sum -> n + sum end, 0, :fruit), label: "foldl sum")
IO.inspect(:dets.update_counter(:fruit, :pear, 10), label: "update_counter")

walk = fn walk, key, acc ->
  case key do
    :"$end_of_table" -> acc
    key -> walk.(walk, :dets.next(:fruit, key), [key | acc])
  end
end

IO.inspect(walk.(walk, :dets.first(:fruit), []) |> Enum.sort(), label: "first/next keys")
IO.inspect(:dets.delete(:fruit, :kiwi))
IO.inspect(:dets.delete_object(:fruit, {:lime, 0}))
IO.inspect(:dets.delete_object(:fruit, {:lime, 7}))
IO.inspect(:dets.match_delete(:fruit, {:_, 1}))
IO.inspect(:dets.select_delete(:fruit, [{{:_, :"$1"}, [{:>, :"$1", 10}], [true]}]), label: "select_delete")
IO.inspect(:dets.match_object(:fruit, :_) |> Enum.sort(), label: "left")
IO.inspect(:dets.sync(:fruit))

# Keys match as === does: 1 and 1.0 are two keys.
IO.inspect(:dets.insert(:fruit, [{1, :integer}, {1.0, :float}]))
IO.inspect({:dets.lookup(:fruit, 1), :dets.lookup(:fruit, 1.0)})
IO.inspect(:dets.delete_all_objects(:fruit))
IO.inspect(:dets.info(:fruit, :size), label: "size after delete_all_objects")
IO.inspect(:dets.first(:fruit), label: "first of empty")

# Closed, and the data is still in the file.
:dets.insert(:fruit, {:plum, 8})
IO.inspect(:dets.close(:fruit))
IO.inspect(:dets.info(:fruit), label: "info when closed")
IO.inspect(:dets.open_file(:fruit, file: set))
IO.inspect(:dets.lookup(:fruit, :plum))

# Bags keep distinct objects per key (one inserted again moves to the
# end); duplicate bags keep them all.
{:ok, _} = :dets.open_file(:bag, file: Tmp.file("bag"), type: :bag)
:dets.insert(:bag, [{:k, 1}, {:k, 2}, {:k, 1}, {:j, 1}, {:k, 3}])
IO.inspect(:dets.lookup(:bag, :k), label: "bag")
IO.inspect(:dets.info(:bag, :size), label: "bag size")
{:ok, _} = :dets.open_file(:dup, file: Tmp.file("dup"), type: :duplicate_bag)
:dets.insert(:dup, [{:k, 1}, {:k, 2}, {:k, 1}])
IO.inspect(:dets.lookup(:dup, :k), label: "duplicate_bag")
:dets.delete_object(:dup, {:k, 1})
IO.inspect(:dets.lookup(:dup, :k), label: "after delete_object")

# keypos: the key is another element of the tuple.
{:ok, _} = :dets.open_file(:people, file: Tmp.file("people"), keypos: 2)
:dets.insert(:people, {:person, "ada", 36})
IO.inspect(:dets.lookup(:people, "ada"))

# Errors.
Tmp.show(:dets.open_file(:fruit, file: set, type: :bag))
Tmp.show(:dets.open_file(:fruit2, file: set, type: :bag))
:dets.close(:fruit)
Tmp.show(:dets.open_file(:fruit, file: set, keypos: 2))
Tmp.show(:dets.open_file(:nowhere, file: '/tmp/goiex_golden_no_such_dir/x.dets'))
garbage = Tmp.file("garbage")
File.write!(List.to_string(garbage), String.duplicate("not dets ", 100))
Tmp.show(:dets.open_file(:garbage, file: garbage))
IO.inspect(:dets.close(:never_opened))
IO.inspect(:dets.info(:never_opened, :size))

for f <- [
      fn -> :dets.lookup(:never_opened, :a) end,
      fn -> :dets.insert(:bag, :not_a_tuple) end,
      fn -> :dets.insert(:people, {:too_short}) end,
      fn -> :dets.open_file("a string", []) end,
      fn -> :dets.open_file(:x, type: :tree) end
    ] do
  try do
    f.()
  rescue
    e -> IO.inspect(e)
  end
end

for t <- [:bag, :dup, :people], do: :dets.close(t)
IO.inspect(:dets.all(), label: "open tables")
