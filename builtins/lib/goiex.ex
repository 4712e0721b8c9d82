# goiex's observing helpers. Most of module Goiex is Go (package observe:
# ps, mailbox, trace, links, tree, crash_impact…); seq takes a function,
# so it is written here, on top of natives: start recording the VM's
# events, call the function, wait until the processes it started have
# settled (a receive ... after in disguise: the native sleeps the caller
# while others can run or a timer is due), then draw the diagram.
defmodule Goiex do
  def seq(fun), do: seq(fun, [])

  def seq(fun, opts) when is_function(fun, 0) and is_list(opts) do
    rec = Goiex.__seq_start__(opts)

    try do
      value = fun.()
      Goiex.__seq_returned__(rec, value)
      value
    after
      settle(rec)
      Goiex.__seq_stop__(rec)
    end
  end

  defp settle(rec) do
    case Goiex.__seq_settle__(rec) do
      :settled -> :ok
      :again -> settle(rec)
    end
  end
end
