package builtins

import (
	"slices"

	"goiex/vm"
	"goiex/vm/term"
)

// Elixir's List functions that take no function; foldl, foldr and
// update_at are in lib/list.ex. Positions are 0-based, and negative ones
// count from the end, as in Elixir.

func listNatives() []vm.NativeSpec {
	const m = "List"
	return []vm.NativeSpec{
		spec(m, "first", 1, listFirst),
		spec(m, "first", 2, listFirst),
		spec(m, "last", 1, listLast),
		spec(m, "last", 2, listLast),
		spec(m, "flatten", 1, listsFlatten),
		spec(m, "flatten", 2, listsFlatten),
		spec(m, "duplicate", 2, func(p *vm.Process, a []term.Term) (term.Term, error) {
			return listsDuplicate(p, []term.Term{a[1], a[0]})
		}),
		spec(m, "wrap", 1, listWrap),
		spec(m, "delete", 2, func(p *vm.Process, a []term.Term) (term.Term, error) {
			return listsDelete(p, []term.Term{a[1], a[0]})
		}),
		spec(m, "delete_at", 2, listDeleteAt),
		spec(m, "insert_at", 3, listInsertAt),
		spec(m, "replace_at", 3, listReplaceAt),
		spec(m, "pop_at", 2, listPopAt),
		spec(m, "pop_at", 3, listPopAt),
		spec(m, "keyfind", 3, listKeyfind),
		spec(m, "keyfind", 4, listKeyfind),
		spec(m, "keymember?", 3, listKey(listsKeymember)),
		spec(m, "keydelete", 3, listKey(listsKeydelete)),
		spec(m, "keytake", 3, listKeytake),
		spec(m, "keyreplace", 4, listKey(listsKeyreplace)),
		spec(m, "keystore", 4, listKey(listsKeystore)),
		spec(m, "keysort", 2, func(p *vm.Process, a []term.Term) (term.Term, error) {
			pos, err := add(a[1], term.Int(1))
			if err != nil {
				return pos, err
			}
			return listsKeysort(p, []term.Term{pos, a[0]})
		}),
		spec(m, "zip", 1, listZip),
		spec(m, "to_tuple", 1, erlListToTuple),
		spec(m, "to_string", 1, listToString),
		spec(m, "to_charlist", 1, listToCharlist),
		spec(m, "to_atom", 1, erlListToAtom),
		spec(m, "to_existing_atom", 1, erlListToExistingAtom),
		spec(m, "to_integer", 1, erlListToInteger),
		spec(m, "to_integer", 2, erlListToInteger),
		spec(m, "to_float", 1, func(p *vm.Process, a []term.Term) (term.Term, error) {
			s, ok := charlistString(a[0])
			if !ok {
				return term.Term{}, badarg(1, "not a list")
			}
			return erlBinaryToFloat(p, []term.Term{term.String(s)})
		}),
		spec(m, "starts_with?", 2, func(p *vm.Process, a []term.Term) (term.Term, error) {
			return listsPrefix(p, []term.Term{a[1], a[0]})
		}),
		spec(m, "improper?", 1, func(_ *vm.Process, a []term.Term) (term.Term, error) {
			return term.Bool(term.ListLength(a[0]) < 0 && a[0].IsCons()), nil
		}),
		spec(m, "ascii_printable?", 1, listAsciiPrintable),
	}
}

// listArg returns a proper list's elements, or List.<fun>/<arity>'s
// FunctionClauseError.
func listArg(t term.Term, fun string, arity int) ([]term.Term, error) {
	el, ok := term.ListToSlice(t)
	if !ok {
		return nil, noClause("List", fun, arity)
	}
	return el, nil
}

func listFirst(_ *vm.Process, a []term.Term) (term.Term, error) {
	switch {
	case a[0].IsCons():
		return a[0].Head(), nil
	case a[0].IsEmptyList():
		if len(a) == 2 {
			return a[1], nil
		}
		return term.Nil, nil
	}
	return term.Term{}, noClause("List", "first", 2)
}

func listLast(_ *vm.Process, a []term.Term) (term.Term, error) {
	switch {
	case a[0].IsCons():
		l := a[0]
		for l.Tail().IsCons() {
			l = l.Tail()
		}
		if !l.Tail().IsEmptyList() {
			return term.Term{}, noClause("List", "last", 2)
		}
		return l.Head(), nil
	case a[0].IsEmptyList():
		if len(a) == 2 {
			return a[1], nil
		}
		return term.Nil, nil
	}
	return term.Term{}, noClause("List", "last", 2)
}

func listWrap(_ *vm.Process, a []term.Term) (term.Term, error) {
	switch {
	case a[0].IsList():
		return a[0], nil
	case a[0] == term.Nil:
		return term.EmptyList, nil
	}
	return term.List(a[0]), nil
}

// index resolves a 0-based index that may count from the end; ok is
// false when it falls outside 0..n-1.
func index(t term.Term, n int) (int, bool) {
	i, ok := smallInt(t)
	if !ok {
		return 0, false
	}
	if i < 0 {
		i += n
	}
	return i, i >= 0 && i < n
}

func listDeleteAt(_ *vm.Process, a []term.Term) (term.Term, error) {
	el, err := listArg(a[0], "delete_at", 2)
	if err != nil || !a[1].IsInt() {
		return term.Term{}, noClause("List", "delete_at", 2)
	}
	i, ok := index(a[1], len(el))
	if !ok {
		return a[0], nil
	}
	return term.List(slices.Delete(el, i, i+1)...), nil
}

func listInsertAt(_ *vm.Process, a []term.Term) (term.Term, error) {
	el, err := listArg(a[0], "insert_at", 3)
	if err != nil || !a[1].IsInt() {
		return term.Term{}, noClause("List", "insert_at", 3)
	}
	i, ok := smallInt(a[1])
	if !ok {
		i = len(el)
		if sign(a[1]) < 0 {
			i = 0
		}
	}
	if i < 0 {
		i += len(el) + 1
	}
	i = max(0, min(i, len(el)))
	return term.List(slices.Insert(el, i, a[2])...), nil
}

func listReplaceAt(_ *vm.Process, a []term.Term) (term.Term, error) {
	el, err := listArg(a[0], "replace_at", 3)
	if err != nil || !a[1].IsInt() {
		return term.Term{}, noClause("List", "replace_at", 3)
	}
	i, ok := index(a[1], len(el))
	if !ok {
		return a[0], nil
	}
	el[i] = a[2]
	return term.List(el...), nil
}

func listPopAt(_ *vm.Process, a []term.Term) (term.Term, error) {
	el, err := listArg(a[0], "pop_at", 3)
	if err != nil || !a[1].IsInt() {
		return term.Term{}, noClause("List", "pop_at", 3)
	}
	i, ok := index(a[1], len(el))
	if !ok {
		def := term.Nil
		if len(a) == 3 {
			def = a[2]
		}
		return term.Tuple(def, a[0]), nil
	}
	v := el[i]
	return term.Tuple(v, term.List(slices.Delete(el, i, i+1)...)), nil
}

// listKey adapts a :lists key function (key, pos+1, list, rest...) to
// List's argument order (list, key, pos, rest...).
func listKey(f vm.Native) vm.Native {
	return func(p *vm.Process, a []term.Term) (term.Term, error) {
		pos, err := add(a[2], term.Int(1))
		if err != nil {
			return pos, err
		}
		b := append([]term.Term{a[1], pos, a[0]}, a[3:]...)
		return f(p, b)
	}
}

func listKeyfind(p *vm.Process, a []term.Term) (term.Term, error) {
	r, err := listKey(listsKeyfind)(p, a[:3])
	if err != nil {
		return r, err
	}
	if r == term.False {
		if len(a) == 4 {
			return a[3], nil
		}
		return term.Nil, nil
	}
	return r, nil
}

func listKeytake(p *vm.Process, a []term.Term) (term.Term, error) {
	r, err := listKey(listsKeytake)(p, a)
	if err != nil || r == term.False {
		return term.Nil, err
	}
	el := r.Elems()
	return term.Tuple(el[1], el[2]), nil
}

// listZip is List.zip/1: zips a list of lists, stopping at the shortest.
func listZip(_ *vm.Process, a []term.Term) (term.Term, error) {
	lists, err := listArg(a[0], "zip", 1)
	if err != nil {
		return term.Term{}, err
	}
	if len(lists) == 0 {
		return term.EmptyList, nil
	}
	var out []term.Term
	for {
		row := make([]term.Term, len(lists))
		for i, l := range lists {
			if !l.IsCons() {
				return term.List(out...), nil
			}
			row[i] = l.Head()
			lists[i] = l.Tail()
		}
		out = append(out, term.Tuple(row...))
	}
}

func listToString(_ *vm.Process, a []term.Term) (term.Term, error) {
	if !a[0].IsList() {
		return term.Term{}, noClause("List", "to_string", 1)
	}
	s, ok := chardataString(a[0])
	if !ok {
		return term.Term{}, listToStringError(a[0])
	}
	return term.String(s), nil
}

func listToCharlist(_ *vm.Process, a []term.Term) (term.Term, error) {
	if !a[0].IsList() {
		return term.Term{}, noClause("List", "to_charlist", 1)
	}
	s, ok := chardataString(a[0])
	if !ok {
		return term.Term{}, listToStringError(a[0])
	}
	return charlist(s), nil
}

func listAsciiPrintable(_ *vm.Process, a []term.Term) (term.Term, error) {
	l := a[0]
	for l.IsCons() {
		c, ok := smallInt(l.Head())
		if !ok || !(c >= 32 && c <= 126 || c >= 7 && c <= 13 || c == 27) {
			return term.False, nil
		}
		l = l.Tail()
	}
	return term.Bool(l.IsEmptyList()), nil
}
