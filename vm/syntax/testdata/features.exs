# A tour of the syntax goiex parses; every line is valid Elixir 1.14.
defmodule Shop.Cart do
  @moduledoc """
  A cart, kept in a process.

      iex> Shop.Cart.new()
  """
  use GenServer
  alias Shop.{Item, Price}
  import Enum, only: [map: 2, reduce: 3]
  require Logger

  @default_limit 10
  @type t :: %__MODULE__{items: [Item.t()], owner: String.t() | nil}
  defstruct items: [],
            owner: nil,
            limit: @default_limit

  defmodule Item do
    defstruct [:name, price: 0]
  end

  @spec start_link(keyword) :: GenServer.on_start()
  def start_link(opts \\ []) do
    GenServer.start_link(__MODULE__, opts, name: Keyword.get(opts, :name, __MODULE__))
  end

  @impl true
  def init(opts) do
    Process.flag(:trap_exit, true)
    {:ok, %__MODULE__{owner: opts[:owner]}}
  end

  @impl true
  def handle_call({:add, %Item{} = item}, _from, %{items: items, limit: limit} = state)
      when length(items) < limit do
    {:reply, :ok, %{state | items: [item | items]}}
  end

  def handle_call({:add, _item}, _from, state), do: {:reply, {:error, :full}, state}

  def handle_call(:total, _from, state) do
    total =
      state.items
      |> Enum.map(& &1.price)
      |> Enum.sum()

    {:reply, total, state}
  end

  @impl true
  def handle_info({:EXIT, _pid, reason}, state) do
    Logger.warning("linked process exited: #{inspect(reason)}")
    {:noreply, state}
  end

  def handle_info(msg, state) when is_tuple(msg) and elem(msg, 0) == :tick,
    do: {:noreply, state}

  defp price(%Item{price: p}) when is_integer(p) and p >= 0, do: p
  defp price(_), do: 0

  def describe(cart) do
    case cart do
      %{items: []} ->
        "empty"

      %{items: [one]} ->
        "one item: #{one.name}"

      %{items: items} when length(items) > 5 ->
        count = length(items)
        "#{count} items, #{Enum.count(items, &(price(&1) > 100))} expensive"

      _ ->
        "some items"
    end
  end

  def classify(n) do
    cond do
      n < 0 -> :negative
      n == 0 -> :zero
      rem(n, 2) == 0 and n in 1..100//2 -> :small_even
      true -> :other
    end
  end

  def safe_div(a, b) do
    try do
      a / b
    rescue
      e in ArithmeticError ->
        {:error, Exception.message(e)}

      [ArgumentError, RuntimeError] ->
        :bad
    catch
      :exit, reason -> {:exit, reason}
      kind, value -> {kind, value}
    else
      result -> {:ok, result}
    after
      :ok
    end
  end

  def chain(map) do
    with {:ok, a} <- Map.fetch(map, :a),
         {:ok, b} when is_integer(b) <- Map.fetch(map, :b),
         c = a + b do
      {:ok, c}
    else
      :error -> {:error, :missing}
      {:ok, _} -> {:error, :not_integer}
    end
  end

  def wait(timeout \\ 5_000) do
    receive do
      {:reply, ref, value} when is_reference(ref) -> value
      {:DOWN, ^timeout, :process, _pid, _reason} = msg -> msg
    after
      timeout -> :timeout
    end
  end

  def comprehensions(xs) do
    squares = for x <- xs, x > 1, into: %{}, do: {x, x * x}
    pairs = for x <- 1..3, y <- [:a, :b], do: {x, y}

    for <<c <- "abc">>, reduce: 0 do
      acc -> acc + c
    end

    {squares, pairs}
  end

  def literals do
    ints = [1_000, 0x1F, 0b101, 0o17, ?a, ?\n, -1, +2, 123_456_789_012_345_678_901]
    floats = [1.0, 1.0e10, 1_000.5, 2.5e-3]
    atoms = [:ok, :"quoted atom", :+, :==, :ok?, :foo!, true, false, nil, :"with #{1}"]
    strings = ["tab\tnew\nline \"q\" \\ \e \0 \x41 \u00e9 \u{1F600}", 'charlist #{1 + 1}']
    sigils = [~w(a b c), ~w[a b]a, ~s{x #{1}}, ~r/a+b/i, ~S(no #{interp}), ~c<chars>, ~w|x y|]
    kw = [a: 1, b: 2, "quoted key": 3, "interp #{1}": 4]
    map = %{"k" => 1, a: 2}
    {ints, floats, atoms, strings, sigils, kw, map, <<1, 2, 3::size(8)>>, {}, %{}, []}
  end

  def operators(a, b, list) do
    _ = a + b * 2 - a / b
    _ = a ** 2
    _ = a == b and a != b or not (a === b) and a !== b
    _ = a && b || !a
    _ = a < b and a > b and a <= b and a >= b
    _ = list ++ [1] -- [2]
    _ = "a" <> "b"
    _ = a in list and a not in list
    _ = a |> Kernel.+(1) |> then(fn x -> x end)
    _ = a =~ ~r/x/
    [h | t] = list
    ^a = h
    {h, t}
  end

  def captures do
    [&Shop.Cart.price/1, &price/1, &(&1 + 1), &{&1, &2}, &[&1], &+/2, &Enum.map(&1, fn x -> x end)]
  end

  def calls(pid, m, f) do
    send pid, {:store, 23}
    IO.puts "x"
    IO.puts inspect(pid)
    IO.puts(inspect pid)
    spawn fn -> 1 end
    f.(1)
    f.(1).(2)
    m.key
    m[:key][:other]
    :erlang.element(1, {:a})
    Kernel.apply(m, :f, [])
    if m, do: 1, else: 2
    unless m do
      :no
    else
      :yes
    end
  end

  def anon do
    f = fn
      a, b when a > b -> a
      _, b -> b
    end

    g = fn -> :zero end
    h = fn {:ok, x} -> x; _ -> nil end
    {f.(1, 2), g.(), h.({:ok, 1})}
  end
end

case Shop.Cart.classify(3) do
  :other -> IO.puts("other")
  other -> IO.inspect(other)
end

x = (1; 2)
y = (
  1 +
    2
)
z = 1 +
  2
w = x
    |> Kernel.+(y)
    |> Kernel.*(z)
IO.puts w
