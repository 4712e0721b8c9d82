# Messages from one sender to one receiver arrive in the order sent.
parent = self()
sender = spawn(fn ->
  for i <- 1..1_000, do: send(parent, {:seq, i})
  send(parent, :done)
end)

defmodule Collect do
  def all(acc) do
    receive do
      {:seq, i} -> all([i | acc])
      :done -> Enum.reverse(acc)
    end
  end
end

received = Collect.all([])
IO.inspect(length(received))
IO.inspect(received == Enum.to_list(1..1_000))
IO.inspect(Enum.take(received, 5))
IO.inspect(is_pid(sender))

# Each of several senders' streams stays in order, whatever the interleaving.
for tag <- [:a, :b, :c] do
  spawn(fn -> for i <- 1..100, do: send(parent, {tag, i}) end)
end

defmodule Streams do
  def gather(0, acc), do: acc
  def gather(n, acc) do
    receive do
      {tag, i} when tag in [:a, :b, :c] ->
        gather(n - 1, Map.update(acc, tag, [i], &[i | &1]))
    end
  end
end

streams = Streams.gather(300, %{})
for {tag, list} <- streams do
  IO.inspect({tag, Enum.reverse(list) == Enum.to_list(1..100)})
end
