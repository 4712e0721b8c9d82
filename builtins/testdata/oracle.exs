# Runs each case of a case file twice on real Elixir: once with the real
# modules and once with the goiex library loaded under renamed modules
# (Enum -> GEnum…), and prints one line per case:
#
#   <case> => <inspect of the real result>
#
# followed by "MISMATCH: <goiex result>" when the library disagrees.
# Usage: elixir oracle.exs LIBDIR CASEFILE
[libdir, casefile] = System.argv()

renames = [{"Enum", "GEnum"}, {"Map", "GMap"}, {"List", "GList"}, {"Keyword", "GKeyword"},
           {"Range", "GRange"}, {"MapSet", "GMapSet"}, {"Kernel", "GKernel"}, {":timer", ":gtimer"},
           {":dets", ":gdets"}]

rename = fn src ->
  Enum.reduce(renames, src, fn {from, to}, acc ->
    acc
    |> String.replace(~r/defmodule #{Regex.escape(from)} do/, "defmodule #{to} do")
    |> String.replace(~r/(?<![\w.:])#{Regex.escape(from)}\.(?=[a-z_])/, "#{to}.")
  end)
end

Code.compiler_options(ignore_module_conflict: true)

# Only the files of the modules renamed above: the rest of the library
# (GenServer, Logger…) would replace Elixir's own and break the runtime.
checked = ~w(enum.ex map.ex list.ex keyword.ex range.ex mapset.ex kernel.ex timer.ex dets.ex)
files = for f <- Path.wildcard(Path.join(libdir, "*.ex")), Path.basename(f) in checked, do: f

# The library calls its Go natives (Keyword.delete/2…) through the module
# it renames; those come from the real module: compile once, then again
# with a defdelegate for every real function the library lacks.
compile = fn delegates ->
  Code.put_compiler_option(:no_warn_undefined, :all)
  for file <- files do
    src = rename.(File.read!(file))
    src =
      Enum.reduce(delegates, src, fn {to, from, code}, acc ->
        String.replace(acc, "defmodule #{to} do", "defmodule #{to} do\n" <> code, global: false)
        |> tap(fn _ -> from end)
      end)
    Code.compile_string(src, file)
  end
end

compile.([])

delegates =
  for {from, to} <- renames, not String.starts_with?(from, ":"), from != "Kernel" do
    real = Module.concat([from])
    gen = Module.concat([to])
    have = if Code.ensure_loaded?(gen), do: gen.__info__(:functions), else: []
    missing =
      for {f, _} = fa <- real.__info__(:functions) -- have,
          Atom.to_string(f) =~ ~r/^[a-z_][a-zA-Z0-9_]*[?!]?$/,
          f not in [:__info__, :module_info],
          do: fa
    code =
      Enum.map_join(missing, "\n", fn {f, a} ->
        args = Enum.map_join(1..a//1, ", ", &"a#{&1}")
        "defdelegate #{f}(#{args}), to: #{from}"
      end)
    {to, from, code}
  end

compile.(delegates)

run = fn src ->
  try do
    {value, _} = Code.eval_string(src)
    inspect(value)
  rescue
    e -> "** (#{inspect(e.__struct__)}) #{Exception.message(e)}" |> String.replace("\n", "\\n")
  catch
    kind, reason -> "** (#{kind}) #{inspect(reason)}"
  end
end

mismatches =
  casefile
  |> File.read!()
  |> String.split("\n", trim: true)
  |> Enum.reject(&String.starts_with?(&1, "#"))
  |> Enum.reduce(0, fn line, n ->
    want = run.(line)
    got = run.(rename.(line)) |> String.replace(~r/\bG(Enum|Map|List|Keyword|Range|MapSet|Kernel)\b/, "\\1")
    IO.puts("#{line} => #{want}")
    if got != want do
      IO.puts("MISMATCH: #{got}")
      n + 1
    else
      n
    end
  end)

IO.puts("#{mismatches} mismatches")
