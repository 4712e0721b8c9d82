# Strings: interpolation, escapes, unicode, and how inspect quotes them.
name = "world"
IO.puts("Hello, #{name}!")
IO.puts("sum: #{1 + 2}, list: #{inspect([1, 2])}, atom: #{:x}")
IO.puts("tab:\there")
IO.puts("quote: \" backslash: \\ hash: \#{not interpolated}")
IO.puts("line1\nline2")
IO.inspect("line1\nline2\ttab")
IO.inspect("quote \" and \\ backslash")
IO.inspect("\#{x}")
IO.inspect("héllo wörld")
IO.inspect(String.length("héllo"))
IO.inspect(byte_size("héllo"))
IO.inspect("")
IO.inspect("a" <> "b" <> "c")
IO.inspect("null\0byte")
IO.inspect("bell\a esc\e")
IO.inspect("unicode \u00e9 \u{1F600}")
s = """
heredoc line one
  indented line two
"""
IO.write(s)
IO.inspect(s)
IO.inspect(is_binary("x"))
IO.inspect("multi
line")
