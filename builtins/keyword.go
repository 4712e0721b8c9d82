package builtins

import (
	"goiex/vm"
	"goiex/vm/term"
)

// Elixir's Keyword functions that take no function; the others are in
// lib/keyword.ex. A keyword list may hold a key more than once: get and
// fetch see the first, delete and put remove them all.

func keywordNatives() []vm.NativeSpec {
	const m = "Keyword"
	return []vm.NativeSpec{
		spec(m, "get", 2, keywordGet),
		spec(m, "get", 3, keywordGet),
		spec(m, "fetch", 2, keywordFetch),
		spec(m, "fetch!", 2, keywordFetchBang),
		spec(m, "has_key?", 2, keywordHasKey),
		spec(m, "put", 3, keywordPut),
		spec(m, "put_new", 3, keywordPutNew),
		spec(m, "delete", 2, keywordDelete),
		spec(m, "keys", 1, keywordKeys),
		spec(m, "values", 1, keywordValues),
		spec(m, "get_values", 2, keywordGetValues),
		spec(m, "merge", 2, keywordMerge),
		spec(m, "take", 2, keywordTake),
		spec(m, "drop", 2, keywordDrop),
		spec(m, "pop", 2, keywordPop),
		spec(m, "pop", 3, keywordPop),
		spec(m, "new", 0, func(*vm.Process, []term.Term) (term.Term, error) { return term.EmptyList, nil }),
		spec(m, "keyword?", 1, func(_ *vm.Process, a []term.Term) (term.Term, error) { return term.Bool(isKeyword(a[0])), nil }),
	}
}

// kwPairs returns a keyword list's {key, value} pairs, or the
// FunctionClauseError of Keyword.<fun>/<arity> when a[0] is not a list
// or a[1] (the key) is not an atom.
func kwPairs(a []term.Term, fun string, arity int, keyIsAtom bool) ([][2]term.Term, error) {
	if keyIsAtom && !a[1].IsAtom() {
		return nil, noClause("Keyword", fun, arity)
	}
	el, ok := term.ListToSlice(a[0])
	if !ok {
		return nil, noClause("Keyword", fun, arity)
	}
	pairs := make([][2]term.Term, len(el))
	for i, e := range el {
		if !e.IsTuple() || e.TupleSize() != 2 {
			return nil, noClause("Keyword", fun, arity)
		}
		pairs[i] = [2]term.Term{e.Elems()[0], e.Elems()[1]}
	}
	return pairs, nil
}

func findKey(pairs [][2]term.Term, k term.Term) (term.Term, bool) {
	for _, kv := range pairs {
		if kv[0] == k {
			return kv[1], true
		}
	}
	return term.Term{}, false
}

func keywordGet(_ *vm.Process, a []term.Term) (term.Term, error) {
	pairs, err := kwPairs(a, "get", 3, true)
	if err != nil {
		return term.Term{}, err
	}
	if v, ok := findKey(pairs, a[1]); ok {
		return v, nil
	}
	if len(a) == 3 {
		return a[2], nil
	}
	return term.Nil, nil
}

func keywordFetch(_ *vm.Process, a []term.Term) (term.Term, error) {
	pairs, err := kwPairs(a, "fetch", 2, true)
	if err != nil {
		return term.Term{}, err
	}
	if v, ok := findKey(pairs, a[1]); ok {
		return okTuple(v), nil
	}
	return term.Error, nil
}

func keywordFetchBang(_ *vm.Process, a []term.Term) (term.Term, error) {
	pairs, err := kwPairs(a, "fetch!", 2, true)
	if err != nil {
		return term.Term{}, err
	}
	if v, ok := findKey(pairs, a[1]); ok {
		return v, nil
	}
	return term.Term{}, keyError(a[1], a[0])
}

func keywordHasKey(_ *vm.Process, a []term.Term) (term.Term, error) {
	pairs, err := kwPairs(a, "has_key?", 2, true)
	if err != nil {
		return term.Term{}, err
	}
	_, ok := findKey(pairs, a[1])
	return term.Bool(ok), nil
}

// withoutKey lists the pairs whose key is not k.
func withoutKey(pairs [][2]term.Term, k term.Term) []term.Term {
	out := make([]term.Term, 0, len(pairs))
	for _, kv := range pairs {
		if kv[0] != k {
			out = append(out, term.Tuple(kv[0], kv[1]))
		}
	}
	return out
}

func keywordPut(_ *vm.Process, a []term.Term) (term.Term, error) {
	pairs, err := kwPairs(a, "put", 3, true)
	if err != nil {
		return term.Term{}, err
	}
	return term.NewCons(term.Tuple(a[1], a[2]), term.List(withoutKey(pairs, a[1])...)), nil
}

func keywordPutNew(_ *vm.Process, a []term.Term) (term.Term, error) {
	pairs, err := kwPairs(a, "put_new", 3, true)
	if err != nil {
		return term.Term{}, err
	}
	if _, ok := findKey(pairs, a[1]); ok {
		return a[0], nil
	}
	return term.NewCons(term.Tuple(a[1], a[2]), a[0]), nil
}

func keywordDelete(_ *vm.Process, a []term.Term) (term.Term, error) {
	pairs, err := kwPairs(a, "delete", 2, true)
	if err != nil {
		return term.Term{}, err
	}
	if _, ok := findKey(pairs, a[1]); !ok {
		return a[0], nil
	}
	return term.List(withoutKey(pairs, a[1])...), nil
}

func keywordKeys(_ *vm.Process, a []term.Term) (term.Term, error) {
	pairs, err := kwPairs(a, "keys", 1, false)
	if err != nil {
		return term.Term{}, err
	}
	out := make([]term.Term, len(pairs))
	for i, kv := range pairs {
		out[i] = kv[0]
	}
	return term.List(out...), nil
}

func keywordValues(_ *vm.Process, a []term.Term) (term.Term, error) {
	pairs, err := kwPairs(a, "values", 1, false)
	if err != nil {
		return term.Term{}, err
	}
	out := make([]term.Term, len(pairs))
	for i, kv := range pairs {
		out[i] = kv[1]
	}
	return term.List(out...), nil
}

func keywordGetValues(_ *vm.Process, a []term.Term) (term.Term, error) {
	pairs, err := kwPairs(a, "get_values", 2, true)
	if err != nil {
		return term.Term{}, err
	}
	var out []term.Term
	for _, kv := range pairs {
		if kv[0] == a[1] {
			out = append(out, kv[1])
		}
	}
	return term.List(out...), nil
}

// keywordMerge is merge/2: the entries of the first list whose keys are
// not in the second, then the second.
func keywordMerge(_ *vm.Process, a []term.Term) (term.Term, error) {
	p1, err := kwPairs(a, "merge", 2, false)
	if err != nil {
		return term.Term{}, err
	}
	p2, err := kwPairs([]term.Term{a[1]}, "merge", 2, false)
	if err != nil || !isKeyword(a[1]) {
		return term.Term{}, argError("expected a keyword list as the second argument, got: " + term.Inspect(a[1]))
	}
	var out []term.Term
	for _, kv := range p1 {
		if _, ok := findKey(p2, kv[0]); !ok {
			out = append(out, term.Tuple(kv[0], kv[1]))
		}
	}
	return term.ListWithTail(out, a[1]), nil
}

// keySet reads the key list of take/drop.
func keySet(t term.Term, fun string) ([]term.Term, error) {
	keys, ok := term.ListToSlice(t)
	if !ok {
		return nil, noClause("Keyword", fun, 2)
	}
	return keys, nil
}

func containsTerm(list []term.Term, t term.Term) bool {
	for _, e := range list {
		if term.Identical(e, t) {
			return true
		}
	}
	return false
}

func keywordFilterKeys(a []term.Term, fun string, keep bool) (term.Term, error) {
	pairs, err := kwPairs(a, fun, 2, false)
	if err != nil {
		return term.Term{}, err
	}
	keys, err := keySet(a[1], fun)
	if err != nil {
		return term.Term{}, err
	}
	var out []term.Term
	for _, kv := range pairs {
		if containsTerm(keys, kv[0]) == keep {
			out = append(out, term.Tuple(kv[0], kv[1]))
		}
	}
	return term.List(out...), nil
}

func keywordTake(_ *vm.Process, a []term.Term) (term.Term, error) {
	return keywordFilterKeys(a, "take", true)
}

func keywordDrop(_ *vm.Process, a []term.Term) (term.Term, error) {
	return keywordFilterKeys(a, "drop", false)
}

func keywordPop(_ *vm.Process, a []term.Term) (term.Term, error) {
	pairs, err := kwPairs(a, "pop", 3, true)
	if err != nil {
		return term.Term{}, err
	}
	v, ok := findKey(pairs, a[1])
	if !ok {
		def := term.Nil
		if len(a) == 3 {
			def = a[2]
		}
		return term.Tuple(def, a[0]), nil
	}
	return term.Tuple(v, term.List(withoutKey(pairs, a[1])...)), nil
}
