# and/or/not (strict, boolean left side) and &&/||/! (truthy, any value).
IO.inspect(true and false)
IO.inspect(true or false)
IO.inspect(not true)
IO.inspect(false and raise("never evaluated"))
IO.inspect(true or raise("never evaluated"))
IO.inspect(true and 42)
IO.inspect(nil && 1)
IO.inspect(false && 1)
IO.inspect(0 && 1)
IO.inspect("" && :yes)
IO.inspect(nil || :default)
IO.inspect(false || nil)
IO.inspect(1 || raise("never evaluated"))
IO.inspect(!nil)
IO.inspect(!0)
IO.inspect(!!:x)
IO.inspect(not (1 > 2))
IO.inspect(1 < 2 and 2 < 3)
IO.inspect(nil || false || "third")
IO.inspect(1 == 1 or 1 / 0 > 0)
IO.inspect(try do
  :not_a_boolean and true
rescue
  e -> e.__struct__
end)
