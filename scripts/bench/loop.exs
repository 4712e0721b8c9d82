# Benchmark (b): a tail-recursive loop of 10,000,000 iterations written as an
# anonymous function at top level (not in a module).
loop = fn
  0, acc, _self -> acc
  n, acc, self -> self.(n - 1, acc + 1, self)
end

n = 10_000_000
{us, result} = :timer.tc(fn -> loop.(n, 0, loop) end)
IO.puts("loop: #{result} iterations, #{us} us")
