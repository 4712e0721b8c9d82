# Module attributes, __MODULE__, nested modules and alias.
defmodule Shop do
  @tax_rate 0.25
  @greeting "Welcome"
  @sizes [:s, :m, :l]

  def price(net), do: net * (1 + @tax_rate)
  def greet, do: "#{@greeting} to #{inspect(__MODULE__)}"
  def sizes, do: @sizes
  def me, do: __MODULE__

  defmodule Cart do
    def new, do: {__MODULE__, []}
    def add({mod, items}, item), do: {mod, [item | items]}
  end

  defmodule Inventory.Item do
    def describe, do: "item in #{inspect(__MODULE__)}"
  end

  # Inside Shop, the nested module is reachable by its short name.
  def new_cart, do: Cart.new()
end

defmodule Till do
  alias Shop.Cart
  alias Shop.Inventory.Item, as: Thing

  def run do
    Cart.new() |> Cart.add(:apple) |> Cart.add(:pear)
  end

  def thing, do: Thing.describe()
end

IO.inspect(Shop.price(100))
IO.puts(Shop.greet())
IO.inspect(Shop.sizes())
IO.inspect(Shop.me())
IO.inspect(Shop.Cart.new())
IO.inspect(Shop.new_cart())
IO.inspect(Till.run())
IO.puts(Till.thing())
IO.inspect(__MODULE__)
alias Shop.Inventory.Item
IO.puts(Item.describe())
IO.inspect(Item)
