# A syntax error: nothing runs, Elixir prints the position, the line and a caret.
IO.puts("never printed")
x = 1 +* 2
IO.puts(x)
