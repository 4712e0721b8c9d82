# Calling into a module that does not exist.
IO.puts("before")
Nowhere.to_be_found()
IO.puts("never printed")
