# Logger writes "\nHH:MM:SS.mmm [level] message\n" (to stderr here).
require Logger

Logger.error("an error")
Logger.warning("a warning")
Logger.info("some info")
Logger.debug("debugging")
Logger.error(["chardata ", ?o, ~c"k", ["!"]])
Logger.info(fn -> "computed only when logged" end)
Logger.error("two\nlines")
IO.inspect(Logger.info("returns"))
IO.puts("done")
