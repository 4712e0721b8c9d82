# Exception.message/1 asks an exception its own message/1 when it defines one.
defmodule TooBig do
  defexception [:size]
  def message(e), do: "too big: #{e.size}"
end
defmodule Plain do
  defexception message: "plain default"
end
try do
  raise TooBig, size: 3
rescue e -> IO.puts(Exception.message(e))
end
try do
  raise Plain
rescue e -> IO.puts(Exception.message(e)); IO.inspect(e)
end
