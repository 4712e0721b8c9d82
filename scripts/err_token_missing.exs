# An unclosed bracket: Elixir reports a TokenMissingError at the end of file.
IO.puts("never printed")
list = [1, 2, 3
IO.inspect(list)
