package builtins

import (
	"goiex/vm"
	"goiex/vm/term"
)

// Elixir's Map functions that take no function; the others (new/2,
// update/4, filter/2…) are in lib/map.ex.

func mapNatives() []vm.NativeSpec {
	const m = "Map"
	swap := func(f vm.Native) vm.Native {
		// Map.f(map, key, ...) is :maps.f(key, ..., map).
		return func(p *vm.Process, a []term.Term) (term.Term, error) {
			b := append(append([]term.Term(nil), a[1:]...), a[0])
			return f(p, b)
		}
	}
	return []vm.NativeSpec{
		spec(m, "get", 2, mapGet),
		spec(m, "get", 3, mapGet),
		spec(m, "fetch", 2, swap(mapsFind)),
		spec(m, "fetch!", 2, mapFetchBang),
		spec(m, "put", 3, func(p *vm.Process, a []term.Term) (term.Term, error) {
			return mapsPut(p, []term.Term{a[1], a[2], a[0]})
		}),
		spec(m, "delete", 2, swap(mapsRemove)),
		spec(m, "has_key?", 2, swap(mapsIsKey)),
		spec(m, "keys", 1, mapsKeys),
		spec(m, "values", 1, mapsValues),
		spec(m, "to_list", 1, mapsToList),
		spec(m, "new", 0, func(*vm.Process, []term.Term) (term.Term, error) { return term.EmptyMap, nil }),
		spec(m, "merge", 2, mapsMerge),
		spec(m, "put_new", 3, mapPutNew),
		spec(m, "pop", 2, mapPop),
		spec(m, "pop", 3, mapPop),
		spec(m, "take", 2, mapTake),
		spec(m, "drop", 2, mapDrop),
		spec(m, "split", 2, mapSplit),
		spec(m, "replace", 3, mapReplace),
		spec(m, "replace!", 3, mapReplaceBang),
		spec(m, "from_struct", 1, mapFromStruct),
		spec(m, "equal?", 2, mapEqual),
	}
}

func mapGet(_ *vm.Process, a []term.Term) (term.Term, error) {
	m, err := mapArg(a, 0)
	if err != nil {
		return term.Term{}, err
	}
	if v, ok := m.Get(a[1]); ok {
		return v, nil
	}
	if len(a) == 3 {
		return a[2], nil
	}
	return term.Nil, nil
}

func mapFetchBang(_ *vm.Process, a []term.Term) (term.Term, error) {
	m, err := mapArg(a, 0)
	if err != nil {
		return term.Term{}, err
	}
	if v, ok := m.Get(a[1]); ok {
		return v, nil
	}
	return term.Term{}, keyError(a[1], a[0])
}

func mapPutNew(_ *vm.Process, a []term.Term) (term.Term, error) {
	m, err := mapArg(a, 0)
	if err != nil {
		return term.Term{}, err
	}
	if _, ok := m.Get(a[1]); ok {
		return a[0], nil
	}
	return term.NewMapTerm(m.Put(a[1], a[2])), nil
}

func mapPop(_ *vm.Process, a []term.Term) (term.Term, error) {
	m, err := mapArg(a, 0)
	if err != nil {
		return term.Term{}, err
	}
	if v, ok := m.Get(a[1]); ok {
		return term.Tuple(v, term.NewMapTerm(m.Delete(a[1]))), nil
	}
	def := term.Nil
	if len(a) == 3 {
		def = a[2]
	}
	return term.Tuple(def, a[0]), nil
}

// keysArg reads the key list of Map.take/drop/split.
func keysArg(a []term.Term, fun string) ([]term.Term, error) {
	keys, ok := term.ListToSlice(a[1])
	if !ok {
		return nil, noClause("Map", fun, 2)
	}
	return keys, nil
}

func mapTake(_ *vm.Process, a []term.Term) (term.Term, error) {
	m, err := mapArg(a, 0)
	if err != nil {
		return term.Term{}, err
	}
	keys, err := keysArg(a, "take")
	if err != nil {
		return term.Term{}, err
	}
	out := term.EmptyMap.MapVal()
	for _, k := range keys {
		if v, ok := m.Get(k); ok {
			out = out.Put(k, v)
		}
	}
	return term.NewMapTerm(out), nil
}

func mapDrop(_ *vm.Process, a []term.Term) (term.Term, error) {
	m, err := mapArg(a, 0)
	if err != nil {
		return term.Term{}, err
	}
	keys, err := keysArg(a, "drop")
	if err != nil {
		return term.Term{}, err
	}
	for _, k := range keys {
		m = m.Delete(k)
	}
	return term.NewMapTerm(m), nil
}

func mapSplit(p *vm.Process, a []term.Term) (term.Term, error) {
	taken, err := mapTake(p, a)
	if err != nil {
		return taken, err
	}
	rest, err := mapDrop(p, a)
	if err != nil {
		return rest, err
	}
	return term.Tuple(taken, rest), nil
}

// mapReplace is replace/3: unchanged if the key is missing.
func mapReplace(_ *vm.Process, a []term.Term) (term.Term, error) {
	m, err := mapArg(a, 0)
	if err != nil {
		return term.Term{}, err
	}
	if _, ok := m.Get(a[1]); !ok {
		return a[0], nil
	}
	return term.NewMapTerm(m.Put(a[1], a[2])), nil
}

func mapReplaceBang(_ *vm.Process, a []term.Term) (term.Term, error) {
	m, err := mapArg(a, 0)
	if err != nil {
		return term.Term{}, err
	}
	if _, ok := m.Get(a[1]); !ok {
		return term.Term{}, keyError(a[1], a[0])
	}
	return term.NewMapTerm(m.Put(a[1], a[2])), nil
}

func mapFromStruct(_ *vm.Process, a []term.Term) (term.Term, error) {
	if _, ok := term.StructName(a[0]); !ok {
		return term.Term{}, noClause("Map", "from_struct", 1)
	}
	return term.NewMapTerm(a[0].MapVal().Delete(term.StructKey())), nil
}

func mapEqual(_ *vm.Process, a []term.Term) (term.Term, error) {
	if _, err := mapArg(a, 0); err != nil {
		return term.Term{}, err
	}
	if _, err := mapArg(a, 1); err != nil {
		return term.Term{}, err
	}
	return term.Bool(term.Identical(a[0], a[1])), nil
}
