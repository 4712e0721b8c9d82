# Benchmark (d): 10,000 unmatched messages in the mailbox, then 1,000 times
# send a message that only the following receive matches, and receive it.
# Each receive scans past the 10,000 old messages.
defmodule Selective do
  def fill(0), do: :ok

  def fill(n) do
    send(self(), {:noise, n})
    fill(n - 1)
  end

  def rounds(0), do: :ok

  def rounds(i) do
    send(self(), {:wanted, i})

    receive do
      {:wanted, ^i} -> rounds(i - 1)
    end
  end
end

Selective.fill(10_000)
{us, :ok} = :timer.tc(fn -> Selective.rounds(1_000) end)
{:message_queue_len, left} = Process.info(self(), :message_queue_len)
IO.puts("selective: 1000 receives past #{left} unmatched messages, #{us} us")
