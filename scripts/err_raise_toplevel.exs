# An uncaught raise in the main script.
IO.puts("before")
raise ArgumentError, "no good"
