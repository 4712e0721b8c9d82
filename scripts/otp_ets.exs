# :ets tables: sets and bags of tuples, found by key. A table belongs to
# the process that created it and is deleted when that process dies.
t = :ets.new(:scores, [:set])
IO.inspect(is_reference(t))
IO.inspect(:ets.insert(t, {:alice, 10}))
:ets.insert(t, [{:bob, 5}, {:alice, 12}])
IO.inspect(:ets.lookup(t, :alice))
IO.inspect(:ets.lookup(t, :carol))
IO.inspect(:ets.member(t, :bob))
IO.inspect(:ets.insert_new(t, {:bob, 1}))
IO.inspect(:ets.insert_new(t, {:carol, 1}))
IO.inspect(:ets.update_counter(t, :bob, 3))
IO.inspect(:ets.update_counter(t, :bob, {2, -1}))
IO.inspect(:ets.update_counter(t, :dave, 1, {:dave, 100}))
IO.inspect(:ets.info(t, :size))
IO.inspect(:ets.delete(t, :carol))
IO.inspect(:ets.tab2list(t) |> Enum.sort())

:ets.new(:tags, [:named_table, :bag, :public])
:ets.insert(:tags, [{:fruit, :apple}, {:fruit, :pear}, {:fruit, :apple}, {:veg, :leek}])
IO.inspect(:ets.lookup(:tags, :fruit))
IO.inspect(:ets.delete_object(:tags, {:fruit, :apple}))
IO.inspect(:ets.lookup(:tags, :fruit))
d = :ets.new(:dups, [:duplicate_bag])
:ets.insert(d, [{:k, 1}, {:k, 1}])
IO.inspect(:ets.lookup(d, :k))

errors = fn f ->
  try do
    f.()
  rescue
    e in ArgumentError -> IO.write(Exception.message(e))
  end
end

errors.(fn -> :ets.lookup(:no_such_table, 1) end)
errors.(fn -> :ets.new(:tags, [:named_table]) end)
errors.(fn -> :ets.update_counter(t, :nobody, 1) end)
errors.(fn -> :ets.insert(t, :not_a_tuple) end)

# A table dies with its owner.
me = self()

owner =
  spawn(fn ->
    :ets.new(:owned, [:named_table, :public])
    :ets.insert(:owned, {:x, 1})
    send(me, :ready)

    receive do
      :stop -> :ok
    end
  end)

receive do
  :ready -> IO.inspect(:ets.lookup(:owned, :x))
end

ref = Process.monitor(owner)
send(owner, :stop)

receive do
  {:DOWN, ^ref, _, _, _} -> :ok
end

IO.inspect(:ets.info(:owned, :size))
errors.(fn -> :ets.lookup(:owned, :x) end)
IO.inspect(:ets.delete(t))
IO.inspect(:ets.info(t, :size))
