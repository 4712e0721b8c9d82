# try/rescue: matching by exception module, binding the exception, .message.
r1 =
  try do
    raise "boom"
  rescue
    e -> {e.__struct__, e.message}
  end
IO.inspect(r1)

r2 =
  try do
    raise ArgumentError, "bad argument given"
  rescue
    e in ArgumentError -> "ArgumentError: " <> e.message
  end
IO.puts(r2)

r3 =
  try do
    raise ArgumentError
  rescue
    e in [RuntimeError, ArgumentError] -> Exception.message(e)
  end
IO.puts(r3)

r4 =
  try do
    1 / 0
  rescue
    ArithmeticError -> :arith_without_binding
  end
IO.inspect(r4)

r5 =
  try do
    raise RuntimeError, message: "keyword message"
  rescue
    e -> e
  end
IO.inspect(r5)
IO.inspect(r5.message)

r6 =
  try do
    try do
      raise "inner"
    rescue
      e in ArgumentError -> {:wrong, e}
    end
  rescue
    e -> {:outer_caught, e.message}
  end
IO.inspect(r6)

r7 =
  try do
    :ok
  rescue
    _ -> :never
  end
IO.inspect(r7)

r8 =
  try do
    raise "reraise me"
  rescue
    e ->
      try do
        reraise e, __STACKTRACE__
      rescue
        again -> {:reraised, again.message}
      end
  end
IO.inspect(r8)

defmodule Risky do
  def run(x) do
    x + 1
  rescue
    ArithmeticError -> :function_level_rescue
  end
end
IO.inspect(Risky.run(1))
IO.inspect(Risky.run(:a))
IO.inspect(%RuntimeError{})
IO.inspect(%ArgumentError{message: "custom"})
IO.inspect(RuntimeError.exception("built"))
