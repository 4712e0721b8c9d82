# defstruct: defaults, %Struct{}, update, pattern matching, inspect.
defmodule User do
  defstruct name: "anonymous", age: 0, tags: []

  def adult?(%User{age: age}) when age >= 18, do: true
  def adult?(%User{}), do: false

  def rename(%__MODULE__{} = user, name), do: %{user | name: name}
end

defmodule Point do
  defstruct [:x, :y]
end

# A struct cannot be used at the top level of the file that defines it
# (Elixir expands the whole file before defining User), so the examples
# live in a function of a module defined after it.
defmodule Demo do
  def run do
    u = %User{}
    IO.inspect(u)
    ada = %User{name: "Ada", age: 36}
    IO.inspect(ada)
    IO.inspect(ada.name)
    IO.inspect(User.adult?(ada))
    IO.inspect(User.adult?(u))
    IO.inspect(User.rename(ada, "Grace"))
    IO.inspect(%{ada | age: 37, tags: [:math]})
    %User{name: n} = ada
    IO.puts(n)
    IO.inspect(%Point{})
    IO.inspect(%Point{x: 1, y: 2})
    IO.inspect(is_map(ada))
    IO.inspect(ada.__struct__)
    IO.inspect(Map.keys(ada))
    IO.inspect(match?(%User{}, ada))
    IO.inspect(match?(%User{}, %{name: "Ada"}))
    IO.inspect(%User{} == %User{})
    IO.inspect(Map.from_struct(%Point{x: 0, y: 0}))
    r =
      try do
        add_nickname = fn m -> %{m | nickname: "x"} end
        add_nickname.(ada)
      rescue
        e in KeyError -> Exception.message(e)
      end
    IO.puts(r)
    IO.inspect([%Point{x: 1, y: 1}, %Point{x: 2, y: 2}])
  end
end

Demo.run()
