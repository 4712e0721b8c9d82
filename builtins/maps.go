package builtins

import (
	"goiex/vm"
	"goiex/vm/term"
)

// The :maps BIFs. A missing key is Erlang's {badkey, K}, which Elixir
// shows as a KeyError; a non-map is a BadMapError.

func mapsNatives() []vm.NativeSpec {
	const m = ":maps"
	return []vm.NativeSpec{
		spec(m, "get", 2, mapsGet),
		spec(m, "get", 3, mapsGet),
		spec(m, "find", 2, mapsFind),
		spec(m, "put", 3, mapsPut),
		spec(m, "update", 3, mapsUpdate),
		spec(m, "remove", 2, mapsRemove),
		spec(m, "take", 2, mapsTake),
		spec(m, "is_key", 2, mapsIsKey),
		spec(m, "keys", 1, mapsKeys),
		spec(m, "values", 1, mapsValues),
		spec(m, "to_list", 1, mapsToList),
		spec(m, "from_list", 1, mapsFromList),
		spec(m, "from_keys", 2, mapsFromKeys),
		spec(m, "merge", 2, mapsMerge),
		spec(m, "new", 0, func(*vm.Process, []term.Term) (term.Term, error) { return term.EmptyMap, nil }),
		spec(m, "size", 1, erlMapSize),
		spec(m, "with", 2, mapsWith),
		spec(m, "without", 2, mapsWithout),
	}
}

// mapArg returns the map at a[i] or a BadMapError.
func mapArg(a []term.Term, i int) (*term.Map, error) {
	if !a[i].IsMap() {
		return nil, badmap(a[i])
	}
	return a[i].MapVal(), nil
}

func keyError(key, in term.Term) error { return vm.Raise(vm.NewKeyError(key, in, "")) }

func mapsGet(_ *vm.Process, a []term.Term) (term.Term, error) {
	m, err := mapArg(a, 1)
	if err != nil {
		return term.Term{}, err
	}
	if v, ok := m.Get(a[0]); ok {
		return v, nil
	}
	if len(a) == 3 {
		return a[2], nil
	}
	return term.Term{}, keyError(a[0], a[1])
}

func mapsFind(_ *vm.Process, a []term.Term) (term.Term, error) {
	m, err := mapArg(a, 1)
	if err != nil {
		return term.Term{}, err
	}
	if v, ok := m.Get(a[0]); ok {
		return okTuple(v), nil
	}
	return term.Error, nil
}

func mapsPut(_ *vm.Process, a []term.Term) (term.Term, error) {
	m, err := mapArg(a, 2)
	if err != nil {
		return term.Term{}, err
	}
	return term.NewMapTerm(m.Put(a[0], a[1])), nil
}

func mapsUpdate(_ *vm.Process, a []term.Term) (term.Term, error) {
	m, err := mapArg(a, 2)
	if err != nil {
		return term.Term{}, err
	}
	if _, ok := m.Get(a[0]); !ok {
		return term.Term{}, keyError(a[0], a[2])
	}
	return term.NewMapTerm(m.Put(a[0], a[1])), nil
}

func mapsRemove(_ *vm.Process, a []term.Term) (term.Term, error) {
	m, err := mapArg(a, 1)
	if err != nil {
		return term.Term{}, err
	}
	return term.NewMapTerm(m.Delete(a[0])), nil
}

func mapsTake(_ *vm.Process, a []term.Term) (term.Term, error) {
	m, err := mapArg(a, 1)
	if err != nil {
		return term.Term{}, err
	}
	v, ok := m.Get(a[0])
	if !ok {
		return term.Error, nil
	}
	return term.Tuple(v, term.NewMapTerm(m.Delete(a[0]))), nil
}

func mapsIsKey(_ *vm.Process, a []term.Term) (term.Term, error) {
	m, err := mapArg(a, 1)
	if err != nil {
		return term.Term{}, err
	}
	_, ok := m.Get(a[0])
	return term.Bool(ok), nil
}

// mapCollect lists a map's keys, values or pairs in key order.
func mapCollect(a []term.Term, f func(k, v term.Term) term.Term) (term.Term, error) {
	m, err := mapArg(a, 0)
	if err != nil {
		return term.Term{}, err
	}
	out := make([]term.Term, 0, m.Len())
	m.Range(func(k, v term.Term) bool {
		out = append(out, f(k, v))
		return true
	})
	return term.List(out...), nil
}

func mapsKeys(_ *vm.Process, a []term.Term) (term.Term, error) {
	return mapCollect(a, func(k, _ term.Term) term.Term { return k })
}

func mapsValues(_ *vm.Process, a []term.Term) (term.Term, error) {
	return mapCollect(a, func(_, v term.Term) term.Term { return v })
}

func mapsToList(_ *vm.Process, a []term.Term) (term.Term, error) {
	return mapCollect(a, func(k, v term.Term) term.Term { return term.Tuple(k, v) })
}

// mapFromPairs builds a map from {k, v} tuples; later keys win.
func mapFromPairs(l term.Term) (term.Term, bool) {
	m := term.EmptyMap.MapVal()
	for l.IsCons() {
		e := l.Head()
		if !e.IsTuple() || e.TupleSize() != 2 {
			return term.Term{}, false
		}
		m = m.Put(e.Elems()[0], e.Elems()[1])
		l = l.Tail()
	}
	return term.NewMapTerm(m), l.IsEmptyList()
}

func mapsFromList(_ *vm.Process, a []term.Term) (term.Term, error) {
	if !a[0].IsList() {
		return term.Term{}, badarg(1, "not a list")
	}
	m, ok := mapFromPairs(a[0])
	if !ok {
		return term.Term{}, argError("argument error")
	}
	return m, nil
}

func mapsFromKeys(_ *vm.Process, a []term.Term) (term.Term, error) {
	keys, ok := term.ListToSlice(a[0])
	if !ok {
		return term.Term{}, badarg(1, "not a list")
	}
	m := term.EmptyMap.MapVal()
	for _, k := range keys {
		m = m.Put(k, a[1])
	}
	return term.NewMapTerm(m), nil
}

func mapsMerge(_ *vm.Process, a []term.Term) (term.Term, error) {
	m1, err := mapArg(a, 0)
	if err != nil {
		return term.Term{}, err
	}
	m2, err := mapArg(a, 1)
	if err != nil {
		return term.Term{}, err
	}
	if m1.Len() < m2.Len() {
		// Put the smaller map's keys into the bigger one; m2 still wins.
		out := m2
		m1.Range(func(k, v term.Term) bool {
			if _, ok := m2.Get(k); !ok {
				out = out.Put(k, v)
			}
			return true
		})
		return term.NewMapTerm(out), nil
	}
	out := m1
	m2.Range(func(k, v term.Term) bool {
		out = out.Put(k, v)
		return true
	})
	return term.NewMapTerm(out), nil
}

// mapsWith is :maps.with(keys, map): only the given keys.
func mapsWith(_ *vm.Process, a []term.Term) (term.Term, error) {
	m, err := mapArg(a, 1)
	if err != nil {
		return term.Term{}, err
	}
	keys, ok := term.ListToSlice(a[0])
	if !ok {
		return term.Term{}, badarg(1, "not a list")
	}
	out := term.EmptyMap.MapVal()
	for _, k := range keys {
		if v, ok := m.Get(k); ok {
			out = out.Put(k, v)
		}
	}
	return term.NewMapTerm(out), nil
}

// mapsWithout is :maps.without(keys, map): all but the given keys.
func mapsWithout(_ *vm.Process, a []term.Term) (term.Term, error) {
	m, err := mapArg(a, 1)
	if err != nil {
		return term.Term{}, err
	}
	keys, ok := term.ListToSlice(a[0])
	if !ok {
		return term.Term{}, badarg(1, "not a list")
	}
	for _, k := range keys {
		m = m.Delete(k)
	}
	return term.NewMapTerm(m), nil
}
