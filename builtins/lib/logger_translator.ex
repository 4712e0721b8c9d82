# How crash reports describe an exit reason, as Elixir's Logger.Translator
# writes them under "GenServer ... terminating" and "Task ... terminating".
# (Logger.error/warning/info/debug themselves are Go natives: logger.go.)
defmodule Logger.Translator do
  # {exception, stacktrace} prints as the exception's banner and the
  # stacktrace; any other reason as "** (stop) reason".
  def format_reason({maybe_exception, [_ | _] = stack} = reason) do
    if stacktrace?(stack) do
      case Exception.normalize(:error, maybe_exception, stack) do
        %ErlangError{} -> [format_stop(maybe_exception) | format_stacktrace(stack)]
        exception -> ["\n", Exception.format_banner(:error, exception, stack) | format_stacktrace(stack)]
      end
    else
      format_stop(reason)
    end
  end

  def format_reason(reason), do: format_stop(reason)

  def format_stacktrace(stack) do
    for entry <- stack, do: ["\n    " | Exception.format_stacktrace_entry(entry)]
  end

  defp format_stop(reason), do: ["\n** (stop) " | Exception.format_exit(reason)]

  defp stacktrace?(stack) do
    Enum.all?(stack, fn
      {_mod, _fun, _arity_or_args, location} when is_list(location) -> true
      {_fun, _arity_or_args, location} when is_list(location) -> true
      _ -> false
    end)
  end
end
