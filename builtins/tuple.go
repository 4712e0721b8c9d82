package builtins

import (
	"goiex/vm"
	"goiex/vm/term"
)

// Tuple and Atom: thin names over :erlang BIFs, with Elixir's 0-based
// positions.

func tupleNatives() []vm.NativeSpec {
	const m = "Tuple"
	// plusOne calls f with a's index argument (at i) made 1-based, as
	// Elixir's Tuple functions call the :erlang BIFs.
	plusOne := func(f vm.Native, order func(idx term.Term, a []term.Term) []term.Term) vm.Native {
		return func(p *vm.Process, a []term.Term) (term.Term, error) {
			idx, err := add(a[1], term.Int(1))
			if err != nil {
				return idx, err
			}
			return f(p, order(idx, a))
		}
	}
	return []vm.NativeSpec{
		spec(m, "to_list", 1, erlTupleToList),
		spec(m, "append", 2, erlAppendElement),
		spec(m, "duplicate", 2, func(p *vm.Process, a []term.Term) (term.Term, error) {
			return erlMakeTuple(p, []term.Term{a[1], a[0]})
		}),
		spec(m, "insert_at", 3, plusOne(erlInsertElement, func(i term.Term, a []term.Term) []term.Term {
			return []term.Term{i, a[0], a[2]}
		})),
		spec(m, "delete_at", 2, plusOne(erlDeleteElement, func(i term.Term, a []term.Term) []term.Term {
			return []term.Term{i, a[0]}
		})),
		spec(m, "sum", 1, func(_ *vm.Process, a []term.Term) (term.Term, error) { return tupleFold(a[0], "sum", term.Int(0), add) }),
		spec(m, "product", 1, func(_ *vm.Process, a []term.Term) (term.Term, error) {
			return tupleFold(a[0], "product", term.Int(1), mul)
		}),
	}
}

func tupleFold(t term.Term, fun string, acc term.Term, f func(a, b term.Term) (term.Term, error)) (term.Term, error) {
	if !t.IsTuple() {
		return term.Term{}, noClause("Tuple", fun, 1)
	}
	for _, e := range t.Elems() {
		var err error
		if acc, err = f(acc, e); err != nil {
			return term.Term{}, err
		}
	}
	return acc, nil
}

func atomNatives() []vm.NativeSpec {
	const m = "Atom"
	return []vm.NativeSpec{
		spec(m, "to_string", 1, erlAtomToBinary),
		spec(m, "to_charlist", 1, erlAtomToList),
	}
}
