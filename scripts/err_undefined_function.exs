# Calling a function that does not exist: the output so far stays, then
# ** (UndefinedFunctionError) and exit status 1.
defmodule Known do
  def here, do: :here
end

IO.puts("before")
IO.inspect(Known.here())
Known.missing(1)
IO.puts("never printed")
