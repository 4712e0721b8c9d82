# A struct update %User{x | …} checks that x is a User (BadStructError).
defmodule User do
  defstruct name: "a"
end
defmodule T do
  def t(x) do
    try do
      %User{x | name: "b"}
    rescue e -> IO.inspect(e); IO.puts(Exception.message(e))
    end
  end
  def run do
    t(%{name: 1})
    t(1)
    IO.inspect t(%User{})
  end
end
T.run
