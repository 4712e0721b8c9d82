# A bad match at the top level: ** (MatchError) and exit status 1.
IO.puts("before")
{:ok, value} = {:error, :enoent}
IO.inspect(value)
