# Prints "<case> => <inspect of the result>" (or the exception banner)
# for each line of a case file, as real Elixir computes it.
# Usage: elixir record.exs CASEFILE
[casefile] = System.argv()

casefile
|> File.read!()
|> String.split("\n", trim: true)
|> Enum.reject(&String.starts_with?(&1, "#"))
|> Enum.each(fn line ->
  result =
    try do
      {value, _} = Code.eval_string(line)
      inspect(value)
    rescue
      e -> "** (#{inspect(e.__struct__)}) #{Exception.message(e)}" |> String.replace("\n", "\\n")
    end

  IO.puts("#{line} => #{result}")
end)
