# Logger, the parts a learner meets: Logger.error/warning/info/debug print
# "\nHH:MM:SS.mmm [level] message\n" on stderr, like Elixir's console
# backend. In Elixir they are macros and need `require Logger`; goiex has
# them as functions, so the require is accepted but not needed. Printing
# happens in Go (Logger.__console__/2, builtins/logger.go); here the
# message is made: chardata, or a function returning the message (called
# only when the message is logged).
defmodule Logger do
  def error(message, metadata \\ []), do: bare_log(:error, message, metadata)
  def warning(message, metadata \\ []), do: bare_log(:warning, message, metadata)
  # warn/1 is the old name of warning/1: it prints [warning] too.
  def warn(message, metadata \\ []), do: bare_log(:warning, message, metadata)
  def info(message, metadata \\ []), do: bare_log(:info, message, metadata)
  def debug(message, metadata \\ []), do: bare_log(:debug, message, metadata)

  def log(level, message, metadata \\ []), do: bare_log(level, message, metadata)

  def bare_log(level, message, _metadata \\ []) do
    case message(message) do
      nil -> :ok
      text -> Logger.__console__(level, text)
    end
  end

  # A function may return the message, {message, metadata}, or :skip.
  defp message(fun) when is_function(fun, 0) do
    case fun.() do
      :skip -> nil
      {text, _metadata} -> text
      text -> text
    end
  end

  defp message(text) when is_binary(text) or is_list(text), do: text
  defp message(other), do: to_string(other)
end
