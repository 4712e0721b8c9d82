# Enum for lists, ranges, maps and MapSets, written in Elixir because
# its functions call back into Elixir code (a callback may receive).
#
# Lists take the fast path: tail-recursive loops that reverse at the end.
# Ranges are walked lazily where a function can stop early (take, find,
# any?, reduce_while…) and listed otherwise; maps and MapSets are listed.
# Anything else raises Protocol.UndefinedError for Enumerable. Streams
# and user implementations of Enumerable are not supported.
defmodule Enum do
  # ---- enumerables as lists ----

  def to_list(list) when is_list(list), do: list
  def to_list(%{__struct__: Range, first: first, last: last, step: step}),
    do: range_list(first, last, step)
  def to_list(%{__struct__: MapSet, map: map}), do: :maps.keys(map)
  def to_list(%{__struct__: _} = struct), do: not_enumerable(struct)
  def to_list(map) when is_map(map), do: :maps.to_list(map)
  def to_list(other), do: not_enumerable(other)

  defp not_enumerable(value) do
    raise Protocol.UndefinedError, protocol: Enumerable, value: value
  end

  defp range_list(first, last, step) when step > 0 and first > last, do: []
  defp range_list(first, last, step) when step < 0 and first < last, do: []
  defp range_list(first, last, step) do
    last = last - rem(last - first, step)
    range_list_down(first, last, step, [])
  end

  # Builds the list from its last element backwards, so no reverse.
  defp range_list_down(first, i, step, acc) when step > 0 and i < first, do: acc
  defp range_list_down(first, i, step, acc) when step < 0 and i > first, do: acc
  defp range_list_down(first, i, step, acc), do: range_list_down(first, i - step, step, [i | acc])

  # ---- reduce and friends ----

  def reduce(enumerable, fun) when is_list(enumerable) do
    case enumerable do
      [h | t] -> reduce_list(t, h, fun)
      [] -> raise Enum.EmptyError
    end
  end

  def reduce(enumerable, fun), do: reduce(to_list(enumerable), fun)

  def reduce(enumerable, acc, fun) when is_list(enumerable), do: reduce_list(enumerable, acc, fun)

  def reduce(%{__struct__: Range, first: first, last: last, step: step}, acc, fun),
    do: reduce_range(first, last, step, acc, fun)

  def reduce(enumerable, acc, fun), do: reduce_list(to_list(enumerable), acc, fun)

  defp reduce_list([h | t], acc, fun), do: reduce_list(t, fun.(h, acc), fun)
  defp reduce_list([], acc, _fun), do: acc

  defp reduce_range(i, last, step, acc, fun) when step > 0 and i <= last,
    do: reduce_range(i + step, last, step, fun.(i, acc), fun)
  defp reduce_range(i, last, step, acc, fun) when step < 0 and i >= last,
    do: reduce_range(i + step, last, step, fun.(i, acc), fun)
  defp reduce_range(_i, _last, _step, acc, _fun), do: acc

  def reduce_while(enumerable, acc, fun) when is_list(enumerable),
    do: reduce_while_list(enumerable, acc, fun)

  def reduce_while(%{__struct__: Range, first: first, last: last, step: step}, acc, fun),
    do: reduce_while_range(first, last, step, acc, fun)

  def reduce_while(enumerable, acc, fun), do: reduce_while_list(to_list(enumerable), acc, fun)

  defp reduce_while_list([h | t], acc, fun) do
    case fun.(h, acc) do
      {:cont, acc} -> reduce_while_list(t, acc, fun)
      {:halt, acc} -> acc
    end
  end

  defp reduce_while_list([], acc, _fun), do: acc

  defp reduce_while_range(i, last, step, acc, fun)
       when (step > 0 and i <= last) or (step < 0 and i >= last) do
    case fun.(i, acc) do
      {:cont, acc} -> reduce_while_range(i + step, last, step, acc, fun)
      {:halt, acc} -> acc
    end
  end

  defp reduce_while_range(_i, _last, _step, acc, _fun), do: acc

  # A list, or a range walked lazily through reduce_while: for the
  # functions that may stop early.
  defp lazy(enumerable) when is_list(enumerable), do: enumerable
  defp lazy(%{__struct__: Range} = range), do: range
  defp lazy(enumerable), do: to_list(enumerable)

  def map_reduce(enumerable, acc, fun), do: map_reduce_list(to_list(enumerable), acc, fun, [])

  defp map_reduce_list([h | t], acc, fun, out) do
    {mapped, acc} = fun.(h, acc)
    map_reduce_list(t, acc, fun, [mapped | out])
  end

  defp map_reduce_list([], acc, _fun, out), do: {:lists.reverse(out), acc}

  def flat_map_reduce(enumerable, acc, fun) do
    {lists, acc} =
      reduce_while(enumerable, {[], acc}, fn x, {out, acc} ->
        case fun.(x, acc) do
          {:halt, acc} -> {:halt, {out, acc}}
          {list, acc} -> {:cont, {[to_list(list) | out], acc}}
        end
      end)

    {:lists.append(:lists.reverse(lists)), acc}
  end

  def scan(enumerable, fun) do
    case to_list(enumerable) do
      [] -> []
      [h | t] -> scan_list(t, h, fun, [h])
    end
  end

  def scan(enumerable, acc, fun), do: scan_list(to_list(enumerable), acc, fun, [])

  defp scan_list([h | t], acc, fun, out) do
    acc = fun.(h, acc)
    scan_list(t, acc, fun, [acc | out])
  end

  defp scan_list([], _acc, _fun, out), do: :lists.reverse(out)

  # ---- mapping and filtering ----

  def map(enumerable, fun) when is_list(enumerable), do: map_list(enumerable, fun, [])
  def map(enumerable, fun), do: map_list(to_list(enumerable), fun, [])

  defp map_list([h | t], fun, acc), do: map_list(t, fun, [fun.(h) | acc])
  defp map_list([], _fun, acc), do: :lists.reverse(acc)

  def each(enumerable, fun) when is_list(enumerable), do: each_list(enumerable, fun)

  def each(%{__struct__: Range, first: first, last: last, step: step}, fun) do
    reduce_range(first, last, step, nil, fn x, _ -> fun.(x) end)
    :ok
  end

  def each(enumerable, fun), do: each_list(to_list(enumerable), fun)

  defp each_list([h | t], fun) do
    fun.(h)
    each_list(t, fun)
  end

  defp each_list([], _fun), do: :ok

  def filter(enumerable, fun), do: filter_list(to_list(enumerable), fun, [])

  defp filter_list([h | t], fun, acc) do
    if fun.(h), do: filter_list(t, fun, [h | acc]), else: filter_list(t, fun, acc)
  end

  defp filter_list([], _fun, acc), do: :lists.reverse(acc)

  def reject(enumerable, fun), do: reject_list(to_list(enumerable), fun, [])

  defp reject_list([h | t], fun, acc) do
    if fun.(h), do: reject_list(t, fun, acc), else: reject_list(t, fun, [h | acc])
  end

  defp reject_list([], _fun, acc), do: :lists.reverse(acc)

  def flat_map(enumerable, fun), do: flat_map_list(to_list(enumerable), fun, [])

  defp flat_map_list([h | t], fun, acc) do
    case fun.(h) do
      list when is_list(list) -> flat_map_list(t, fun, :lists.reverse(list, acc))
      other -> flat_map_list(t, fun, :lists.reverse(to_list(other), acc))
    end
  end

  defp flat_map_list([], _fun, acc), do: :lists.reverse(acc)

  def map_every(enumerable, 0, _fun), do: to_list(enumerable)

  def map_every(enumerable, nth, fun) when is_integer(nth) and nth > 0,
    do: map_every_list(to_list(enumerable), nth, 0, fun, [])

  defp map_every_list([h | t], nth, 0, fun, acc),
    do: map_every_list(t, nth, nth - 1, fun, [fun.(h) | acc])

  defp map_every_list([h | t], nth, i, fun, acc), do: map_every_list(t, nth, i - 1, fun, [h | acc])
  defp map_every_list([], _nth, _i, _fun, acc), do: :lists.reverse(acc)

  def with_index(enumerable, fun_or_offset \\ 0)

  def with_index(enumerable, offset) when is_integer(offset),
    do: with_index_list(to_list(enumerable), offset, [])

  def with_index(enumerable, fun) when is_function(fun, 2),
    do: with_index_fun(to_list(enumerable), 0, fun, [])

  defp with_index_list([h | t], i, acc), do: with_index_list(t, i + 1, [{h, i} | acc])
  defp with_index_list([], _i, acc), do: :lists.reverse(acc)

  defp with_index_fun([h | t], i, fun, acc), do: with_index_fun(t, i + 1, fun, [fun.(h, i) | acc])
  defp with_index_fun([], _i, _fun, acc), do: :lists.reverse(acc)

  def intersperse(enumerable, separator) do
    case to_list(enumerable) do
      [] -> []
      [h | t] -> intersperse_list(t, separator, [h])
    end
  end

  defp intersperse_list([h | t], sep, acc), do: intersperse_list(t, sep, [h, sep | acc])
  defp intersperse_list([], _sep, acc), do: :lists.reverse(acc)

  # ---- searching ----

  def find(enumerable, default \\ nil, fun) do
    reduce_while(lazy(enumerable), default, fn x, acc ->
      if fun.(x), do: {:halt, x}, else: {:cont, acc}
    end)
  end

  def find_index(enumerable, fun) do
    result =
      reduce_while(lazy(enumerable), 0, fn x, i ->
        if fun.(x), do: {:halt, {:found, i}}, else: {:cont, i + 1}
      end)

    case result do
      {:found, i} -> i
      _ -> nil
    end
  end

  def find_value(enumerable, default \\ nil, fun) do
    reduce_while(lazy(enumerable), default, fn x, acc ->
      value = fun.(x)
      if value, do: {:halt, value}, else: {:cont, acc}
    end)
  end

  def any?(enumerable) when is_list(enumerable), do: any_list(enumerable)
  def any?(enumerable), do: any?(enumerable, fn x -> x end)

  defp any_list([h | t]), do: if(h, do: true, else: any_list(t))
  defp any_list([]), do: false

  def any?(enumerable, fun) do
    reduce_while(lazy(enumerable), false, fn x, _ ->
      if fun.(x), do: {:halt, true}, else: {:cont, false}
    end)
  end

  def all?(enumerable) when is_list(enumerable), do: all_list(enumerable)
  def all?(enumerable), do: all?(enumerable, fn x -> x end)

  defp all_list([h | t]), do: if(h, do: all_list(t), else: false)
  defp all_list([]), do: true

  def all?(enumerable, fun) do
    reduce_while(lazy(enumerable), true, fn x, _ ->
      if fun.(x), do: {:cont, true}, else: {:halt, false}
    end)
  end

  def member?(enumerable, element) when is_list(enumerable), do: :lists.member(element, enumerable)

  def member?(%{__struct__: Range, first: first, last: last, step: step}, element) do
    if is_integer(element) do
      in_bounds =
        if step > 0,
          do: first <= element and element <= last,
          else: last <= element and element <= first

      in_bounds and rem(element - first, step) == 0
    else
      false
    end
  end

  def member?(%{__struct__: MapSet, map: map}, element), do: :maps.is_key(element, map)

  def member?(enumerable, element) when is_map(enumerable) and not is_map_key(enumerable, :__struct__) do
    case element do
      {key, value} ->
        case :maps.find(key, enumerable) do
          {:ok, found} -> found === value
          :error -> false
        end

      _ ->
        false
    end
  end

  def member?(enumerable, element), do: :lists.member(element, to_list(enumerable))

  def empty?(enumerable) when is_list(enumerable), do: enumerable == []
  def empty?(enumerable) when is_map(enumerable) and not is_map_key(enumerable, :__struct__),
    do: map_size(enumerable) == 0
  def empty?(enumerable), do: count(enumerable) == 0

  def count(enumerable) when is_list(enumerable), do: length(enumerable)

  def count(%{__struct__: Range, first: first, last: last, step: step}) do
    n = div(last - first, step) + 1
    if n < 0, do: 0, else: n
  end

  def count(%{__struct__: MapSet, map: map}), do: map_size(map)

  def count(enumerable) when is_map(enumerable) and not is_map_key(enumerable, :__struct__),
    do: map_size(enumerable)

  def count(enumerable), do: length(to_list(enumerable))

  def count(enumerable, fun), do: count_list(to_list(enumerable), fun, 0)

  defp count_list([h | t], fun, n), do: count_list(t, fun, if(fun.(h), do: n + 1, else: n))
  defp count_list([], _fun, n), do: n

  def at(enumerable, index, default \\ nil) when is_integer(index) do
    case fetch(enumerable, index) do
      {:ok, value} -> value
      :error -> default
    end
  end

  def fetch(enumerable, index) when is_integer(index) and index < 0 do
    list = to_list(enumerable)
    fetch_list(list, length(list) + index)
  end

  def fetch(enumerable, index) when is_list(enumerable) and is_integer(index),
    do: fetch_list(enumerable, index)

  def fetch(%{__struct__: Range, first: first, step: step} = range, index) when is_integer(index) do
    if index < count(range), do: {:ok, first + index * step}, else: :error
  end

  def fetch(enumerable, index) when is_integer(index), do: fetch_list(to_list(enumerable), index)

  defp fetch_list(_list, i) when i < 0, do: :error
  defp fetch_list([h | _], 0), do: {:ok, h}
  defp fetch_list([_ | t], i), do: fetch_list(t, i - 1)
  defp fetch_list([], _i), do: :error

  def fetch!(enumerable, index) when is_integer(index) do
    case fetch(enumerable, index) do
      {:ok, value} -> value
      :error -> raise Enum.OutOfBoundsError
    end
  end

  # ---- aggregates ----

  def sum(%{__struct__: Range, first: first, step: step} = range) do
    n = count(range)
    if n == 0, do: 0, else: div(n * (first + first + (n - 1) * step), 2)
  end

  def sum(enumerable), do: sum_list(to_list(enumerable), 0)

  defp sum_list([h | t], acc), do: sum_list(t, acc + h)
  defp sum_list([], acc), do: acc

  def product(enumerable), do: product_list(to_list(enumerable), 1)

  defp product_list([h | t], acc), do: product_list(t, acc * h)
  defp product_list([], acc), do: acc

  def frequencies(enumerable), do: frequencies_by(enumerable, fn x -> x end)

  def frequencies_by(enumerable, key_fun) do
    reduce(enumerable, %{}, fn x, acc ->
      key = key_fun.(x)

      case :maps.find(key, acc) do
        {:ok, n} -> :maps.put(key, n + 1, acc)
        :error -> :maps.put(key, 1, acc)
      end
    end)
  end

  def group_by(enumerable, key_fun, value_fun \\ fn x -> x end) do
    reduce(reverse(enumerable), %{}, fn x, acc ->
      key = key_fun.(x)
      value = value_fun.(x)

      case :maps.find(key, acc) do
        {:ok, existing} -> :maps.put(key, [value | existing], acc)
        :error -> :maps.put(key, [value], acc)
      end
    end)
  end

  def max(enumerable, sorter \\ &>=/2, empty_fallback \\ fn -> raise Enum.EmptyError end)

  def max(enumerable, empty_fallback, _) when is_function(empty_fallback, 0) and not is_function(empty_fallback, 2),
    do: extreme(to_list(enumerable), &>=/2, empty_fallback)

  def max(enumerable, sorter, empty_fallback), do: extreme(to_list(enumerable), to_sorter(sorter, :max), empty_fallback)

  def min(enumerable, sorter \\ &<=/2, empty_fallback \\ fn -> raise Enum.EmptyError end)

  def min(enumerable, empty_fallback, _) when is_function(empty_fallback, 0) and not is_function(empty_fallback, 2),
    do: extreme(to_list(enumerable), &<=/2, empty_fallback)

  def min(enumerable, sorter, empty_fallback), do: extreme(to_list(enumerable), to_sorter(sorter, :min), empty_fallback)

  defp to_sorter(fun, _) when is_function(fun, 2), do: fun
  defp to_sorter(:asc, _), do: &<=/2
  defp to_sorter(:desc, _), do: &>=/2

  defp extreme([], _sorter, empty_fallback), do: empty_fallback.()
  defp extreme([h | t], sorter, _), do: extreme_list(t, h, sorter)

  defp extreme_list([h | t], best, sorter) do
    if sorter.(best, h), do: extreme_list(t, best, sorter), else: extreme_list(t, h, sorter)
  end

  defp extreme_list([], best, _sorter), do: best

  def max_by(enumerable, fun, sorter \\ &>=/2, empty_fallback \\ fn -> raise Enum.EmptyError end)

  def max_by(enumerable, fun, empty_fallback, _) when is_function(empty_fallback, 0),
    do: extreme_by(to_list(enumerable), fun, &>=/2, empty_fallback)

  def max_by(enumerable, fun, sorter, empty_fallback),
    do: extreme_by(to_list(enumerable), fun, to_sorter(sorter, :max), empty_fallback)

  def min_by(enumerable, fun, sorter \\ &<=/2, empty_fallback \\ fn -> raise Enum.EmptyError end)

  def min_by(enumerable, fun, empty_fallback, _) when is_function(empty_fallback, 0),
    do: extreme_by(to_list(enumerable), fun, &<=/2, empty_fallback)

  def min_by(enumerable, fun, sorter, empty_fallback),
    do: extreme_by(to_list(enumerable), fun, to_sorter(sorter, :min), empty_fallback)

  defp extreme_by([], _fun, _sorter, empty_fallback), do: empty_fallback.()
  defp extreme_by([h | t], fun, sorter, _), do: extreme_by_list(t, h, fun.(h), fun, sorter)

  defp extreme_by_list([h | t], best, best_key, fun, sorter) do
    key = fun.(h)

    if sorter.(best_key, key),
      do: extreme_by_list(t, best, best_key, fun, sorter),
      else: extreme_by_list(t, h, key, fun, sorter)
  end

  defp extreme_by_list([], best, _key, _fun, _sorter), do: best

  def min_max(enumerable, empty_fallback \\ fn -> raise Enum.EmptyError end) do
    case to_list(enumerable) do
      [] -> empty_fallback.()
      list -> {extreme(list, &<=/2, nil), extreme(list, &>=/2, nil)}
    end
  end

  def min_max_by(enumerable, fun, sorter_or_empty_fallback \\ &</2, empty_fallback \\ fn -> raise Enum.EmptyError end)

  def min_max_by(enumerable, fun, empty_fallback, _) when is_function(empty_fallback, 0),
    do: min_max_by(enumerable, fun, &</2, empty_fallback)

  def min_max_by(enumerable, fun, _sorter, empty_fallback) do
    case to_list(enumerable) do
      [] -> empty_fallback.()
      list -> {extreme_by(list, fun, &<=/2, nil), extreme_by(list, fun, &>=/2, nil)}
    end
  end

  # ---- sorting ----

  def sort(enumerable), do: :lists.sort(to_list(enumerable))

  def sort(enumerable, :asc), do: :lists.sort(to_list(enumerable))
  def sort(enumerable, :desc), do: merge_sort(to_list(enumerable), &>=/2)
  def sort(enumerable, fun) when is_function(fun, 2), do: merge_sort(to_list(enumerable), fun)

  def sort_by(enumerable, mapper, sorter \\ :asc) do
    fun = to_sorter(sorter, :sort)
    pairs = map(enumerable, fn x -> {mapper.(x), x} end)
    sorted = merge_sort(pairs, fn {a, _}, {b, _} -> fun.(a, b) end)
    map_list(sorted, fn {_, x} -> x end, [])
  end

  # A stable merge sort: fun.(a, b) true means a may come before b.
  defp merge_sort([], _fun), do: []
  defp merge_sort([_] = list, _fun), do: list

  defp merge_sort(list, fun) do
    runs = map_list(list, fn x -> [x] end, [])
    merge_all(runs, fun)
  end

  defp merge_all([run], _fun), do: run
  defp merge_all(runs, fun), do: merge_all(merge_pairs(runs, fun, []), fun)

  defp merge_pairs([a, b | rest], fun, acc), do: merge_pairs(rest, fun, [merge(a, b, fun, []) | acc])
  defp merge_pairs([a], _fun, acc), do: :lists.reverse([a | acc])
  defp merge_pairs([], _fun, acc), do: :lists.reverse(acc)

  defp merge([a | at] = left, [b | bt] = right, fun, acc) do
    if fun.(a, b),
      do: merge(at, right, fun, [a | acc]),
      else: merge(left, bt, fun, [b | acc])
  end

  defp merge([], right, _fun, acc), do: :lists.reverse(acc, right)
  defp merge(left, [], _fun, acc), do: :lists.reverse(acc, left)

  def reverse(enumerable) when is_list(enumerable), do: :lists.reverse(enumerable)
  def reverse(enumerable), do: :lists.reverse(to_list(enumerable))

  def reverse(enumerable, tail), do: :lists.reverse(to_list(enumerable), to_list(tail))

  # ---- taking and dropping ----

  def take(_enumerable, 0), do: []

  def take(enumerable, amount) when is_integer(amount) and amount > 0 do
    {taken, _} =
      reduce_while(lazy(enumerable), {[], amount}, fn x, {acc, n} ->
        if n == 1, do: {:halt, {[x | acc], 0}}, else: {:cont, {[x | acc], n - 1}}
      end)
      |> take_result()

    taken
  end

  def take(enumerable, amount) when is_integer(amount) and amount < 0 do
    list = to_list(enumerable)
    drop_list(list, length(list) + amount)
  end

  defp take_result({acc, n}), do: {:lists.reverse(acc), n}

  def drop(enumerable, amount) when is_integer(amount) and amount >= 0,
    do: drop_list(to_list(enumerable), amount)

  def drop(enumerable, amount) when is_integer(amount) and amount < 0 do
    list = to_list(enumerable)
    take_list(list, length(list) + amount, [])
  end

  defp drop_list(list, n) when n <= 0, do: list
  defp drop_list([_ | t], n), do: drop_list(t, n - 1)
  defp drop_list([], _n), do: []

  defp take_list([h | t], n, acc) when n > 0, do: take_list(t, n - 1, [h | acc])
  defp take_list(_list, _n, acc), do: :lists.reverse(acc)

  def take_while(enumerable, fun) do
    reduce_while(lazy(enumerable), [], fn x, acc ->
      if fun.(x), do: {:cont, [x | acc]}, else: {:halt, acc}
    end)
    |> :lists.reverse()
  end

  def drop_while(enumerable, fun), do: drop_while_list(to_list(enumerable), fun)

  defp drop_while_list([h | t] = list, fun) do
    if fun.(h), do: drop_while_list(t, fun), else: list
  end

  defp drop_while_list([], _fun), do: []

  def take_every(_enumerable, 0), do: []

  def take_every(enumerable, nth) when is_integer(nth) and nth > 0,
    do: take_every_list(to_list(enumerable), nth, 0, [])

  defp take_every_list([h | t], nth, 0, acc), do: take_every_list(t, nth, nth - 1, [h | acc])
  defp take_every_list([_ | t], nth, i, acc), do: take_every_list(t, nth, i - 1, acc)
  defp take_every_list([], _nth, _i, acc), do: :lists.reverse(acc)

  def drop_every(enumerable, 0), do: to_list(enumerable)
  def drop_every(_enumerable, 1), do: []

  def drop_every(enumerable, nth) when is_integer(nth) and nth > 1,
    do: drop_every_list(to_list(enumerable), nth, 0, [])

  defp drop_every_list([_ | t], nth, 0, acc), do: drop_every_list(t, nth, nth - 1, acc)
  defp drop_every_list([h | t], nth, i, acc), do: drop_every_list(t, nth, i - 1, [h | acc])
  defp drop_every_list([], _nth, _i, acc), do: :lists.reverse(acc)

  def split(enumerable, count) when is_integer(count) and count >= 0 do
    list = to_list(enumerable)
    {take_list(list, count, []), drop_list(list, count)}
  end

  def split(enumerable, count) when is_integer(count) and count < 0 do
    list = to_list(enumerable)
    n = length(list) + count
    {take_list(list, n, []), drop_list(list, n)}
  end

  def split_while(enumerable, fun), do: split_while_list(to_list(enumerable), fun, [])

  defp split_while_list([h | t] = list, fun, acc) do
    if fun.(h), do: split_while_list(t, fun, [h | acc]), else: {:lists.reverse(acc), list}
  end

  defp split_while_list([], _fun, acc), do: {:lists.reverse(acc), []}

  def split_with(enumerable, fun), do: split_with_list(to_list(enumerable), fun, [], [])

  defp split_with_list([h | t], fun, yes, no) do
    if fun.(h), do: split_with_list(t, fun, [h | yes], no), else: split_with_list(t, fun, yes, [h | no])
  end

  defp split_with_list([], _fun, yes, no), do: {:lists.reverse(yes), :lists.reverse(no)}

  def slice(enumerable, %{__struct__: Range, first: first, last: last, step: step}) do
    # As in Elixir 1.14, a decreasing range with an inferred step reads as step 1.
    step = if step == -1 and first > last, do: 1, else: step
    list = to_list(enumerable)
    n = length(list)
    first = if first < 0, do: :erlang.max(first + n, 0), else: first
    last = if last < 0, do: last + n, else: last

    if first >= n or last < first do
      []
    else
      taken = take_list(drop_list(list, first), last - first + 1, [])
      if step == 1, do: taken, else: take_every(taken, step)
    end
  end

  def slice(enumerable, start, amount) when is_integer(start) and is_integer(amount) and amount >= 0 do
    list = to_list(enumerable)

    start =
      if start < 0 do
        :erlang.max(length(list) + start, 0)
      else
        start
      end

    take_list(drop_list(list, start), amount, [])
  end

  def chunk_every(enumerable, count), do: chunk_every(enumerable, count, count, [])

  def chunk_every(enumerable, count, step, leftover \\ [])
      when is_integer(count) and count > 0 and is_integer(step) and step > 0 do
    chunk_list(to_list(enumerable), count, step, leftover, [])
  end

  defp chunk_list([], _count, _step, _leftover, acc), do: :lists.reverse(acc)

  defp chunk_list(list, count, step, leftover, acc) do
    chunk = take_list(list, count, [])
    size = length(chunk)

    cond do
      size == count ->
        chunk_list(drop_list(list, step), count, step, leftover, [chunk | acc])

      leftover == :discard ->
        :lists.reverse(acc)

      true ->
        :lists.reverse([chunk ++ take_list(to_list(leftover), count - size, []) | acc])
    end
  end

  def chunk_by(enumerable, fun) do
    case to_list(enumerable) do
      [] -> []
      [h | t] -> chunk_by_list(t, fun, fun.(h), [h], [])
    end
  end

  defp chunk_by_list([h | t], fun, key, chunk, acc) do
    new_key = fun.(h)

    if new_key == key,
      do: chunk_by_list(t, fun, key, [h | chunk], acc),
      else: chunk_by_list(t, fun, new_key, [h], [:lists.reverse(chunk) | acc])
  end

  defp chunk_by_list([], _fun, _key, chunk, acc), do: :lists.reverse([:lists.reverse(chunk) | acc])

  # ---- combining ----

  def concat(enumerables), do: :lists.append(map(enumerables, &to_list/1))

  def concat(left, right) when is_list(left) and is_list(right), do: left ++ right
  def concat(left, right), do: to_list(left) ++ to_list(right)

  def zip(enumerables) do
    lists = map(enumerables, &to_list/1)
    if lists == [], do: [], else: zip_lists(lists, [])
  end

  def zip(left, right), do: zip_two(to_list(left), to_list(right), [])

  defp zip_two([a | at], [b | bt], acc), do: zip_two(at, bt, [{a, b} | acc])
  defp zip_two(_, _, acc), do: :lists.reverse(acc)

  defp zip_lists(lists, acc) do
    if any_list(map_list(lists, fn l -> l == [] end, [])) do
      :lists.reverse(acc)
    else
      heads = map_list(lists, fn [h | _] -> h end, [])
      tails = map_list(lists, fn [_ | t] -> t end, [])
      zip_lists(tails, [:erlang.list_to_tuple(heads) | acc])
    end
  end

  def zip_with(enumerables, fun) do
    map(zip(enumerables), fn tuple -> fun.(:erlang.tuple_to_list(tuple)) end)
  end

  def zip_with(left, right, fun), do: zip_with_two(to_list(left), to_list(right), fun, [])

  defp zip_with_two([a | at], [b | bt], fun, acc), do: zip_with_two(at, bt, fun, [fun.(a, b) | acc])
  defp zip_with_two(_, _, _fun, acc), do: :lists.reverse(acc)

  def unzip(enumerable) do
    {xs, ys} =
      reduce(enumerable, {[], []}, fn {x, y}, {xs, ys} -> {[x | xs], [y | ys]} end)

    {:lists.reverse(xs), :lists.reverse(ys)}
  end

  # ---- uniqueness ----

  def uniq(enumerable), do: uniq_by(enumerable, fn x -> x end)

  def uniq_by(enumerable, fun), do: uniq_list(to_list(enumerable), fun, %{}, [])

  defp uniq_list([h | t], fun, seen, acc) do
    key = fun.(h)

    if :maps.is_key(key, seen),
      do: uniq_list(t, fun, seen, acc),
      else: uniq_list(t, fun, :maps.put(key, true, seen), [h | acc])
  end

  defp uniq_list([], _fun, _seen, acc), do: :lists.reverse(acc)

  def dedup(enumerable), do: dedup_by(enumerable, fn x -> x end)

  def dedup_by(enumerable, fun) do
    case to_list(enumerable) do
      [] -> []
      [h | t] -> dedup_list(t, fun, fun.(h), [h])
    end
  end

  defp dedup_list([h | t], fun, key, acc) do
    new_key = fun.(h)

    if new_key === key,
      do: dedup_list(t, fun, key, acc),
      else: dedup_list(t, fun, new_key, [h | acc])
  end

  defp dedup_list([], _fun, _key, acc), do: :lists.reverse(acc)

  # ---- collecting ----

  def into(enumerable, collectable), do: into(enumerable, collectable, fn x -> x end)

  def into(enumerable, collectable, transform) when is_list(collectable),
    do: collectable ++ map(enumerable, transform)

  def into(enumerable, %{__struct__: MapSet, map: map}, transform) do
    map = reduce(enumerable, map, fn x, acc -> :maps.put(transform.(x), [], acc) end)
    %{__struct__: MapSet, map: map, version: 2}
  end

  def into(_enumerable, %{__struct__: _} = struct, _transform),
    do: raise(Protocol.UndefinedError, protocol: Collectable, value: struct)

  def into(enumerable, map, transform) when is_map(map) do
    reduce(enumerable, map, fn x, acc ->
      case transform.(x) do
        {key, value} -> :maps.put(key, value, acc)
        _other -> :erlang.error(:badarg)
      end
    end)
  end

  def into(enumerable, binary, transform) when is_binary(binary) do
    parts = map(enumerable, transform)
    :erlang.iolist_to_binary([binary | parts])
  end

  def into(_enumerable, other, _transform),
    do: raise(Protocol.UndefinedError, protocol: Collectable, value: other)

  def join(enumerable, joiner \\ "") when is_binary(joiner) do
    case to_list(enumerable) do
      [] -> ""
      [h | t] -> join_list(t, joiner, [entry_to_string(h)])
    end
  end

  defp join_list([h | t], joiner, acc), do: join_list(t, joiner, [entry_to_string(h), joiner | acc])
  defp join_list([], _joiner, acc), do: :erlang.iolist_to_binary(:lists.reverse(acc))

  defp entry_to_string(entry) when is_binary(entry), do: entry
  defp entry_to_string(entry), do: to_string(entry)

  def map_join(enumerable, joiner \\ "", mapper) when is_binary(joiner) do
    join(map(enumerable, mapper), joiner)
  end

  def map_intersperse(enumerable, separator, mapper),
    do: intersperse(map(enumerable, mapper), separator)
end
