package builtins

import (
	"errors"
	"sort"
	"strconv"

	bolt "go.etcd.io/bbolt"

	"goiex/vm"
	"goiex/vm/term"
)

// Match patterns and match specifications, as :dets.match_object/2,
// match/2, match_delete/2, select/2 and select_delete/2 take them.
//
// A pattern is a term in which :_ matches anything and :"$1", :"$2"…
// are variables (the same variable twice must match === terms); a map
// pattern matches a map that has its keys. Everything else matches
// what is === to it.
//
// A match specification is a list of {head, guards, body}: the first
// clause whose head (a pattern) matches and whose guards are all true
// gives the result, its body's last expression. The expressions goiex
// knows: the variables, :"$_" (the object), :"$$" (every variable's
// value), {:const, x}, {{…}} (a tuple built from expressions), lists,
// literals, and the calls {op, args…} of comparisons (== /= =:= =/= < >
// =< >=), boolean operators (and or andalso orelse xor not), type tests
// (is_atom…), + - * div rem, element, hd, tl, tuple_size, map_get and
// is_map_key. Anything else raises ArgumentError, as an invalid
// specification does in Erlang.

// bindings are the values of the variables of one match, by number.
type bindings []struct {
	n int
	v term.Term
}

func (bs bindings) get(n int) (term.Term, bool) {
	for _, b := range bs {
		if b.n == n {
			return b.v, true
		}
	}
	return term.Term{}, false
}

// values are the bound values in variable order (match/2's rows, :"$$").
func (bs bindings) values() term.Term {
	sorted := append(bindings(nil), bs...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].n < sorted[j].n })
	out := make([]term.Term, len(sorted))
	for i, b := range sorted {
		out[i] = b.v
	}
	return term.List(out...)
}

// patternVar returns N for the atom :"$N".
func patternVar(t term.Term) (int, bool) {
	if !t.IsAtom() {
		return 0, false
	}
	name := t.AtomName()
	if len(name) < 2 || name[0] != '$' {
		return 0, false
	}
	n, err := strconv.Atoi(name[1:])
	if err != nil || n < 0 || name[1] == '+' || name[1] == '-' {
		return 0, false
	}
	return n, true
}

var atomWildcard = term.Atom("_")

// match matches t against pat, adding to bs.
func match(pat, t term.Term, bs *bindings) bool {
	for {
		if pat == atomWildcard {
			return true
		}
		if n, ok := patternVar(pat); ok {
			if v, bound := bs.get(n); bound {
				return term.Identical(v, t)
			}
			*bs = append(*bs, struct {
				n int
				v term.Term
			}{n, t})
			return true
		}
		switch pat.Kind() {
		case term.KindTuple:
			if !t.IsTuple() || t.TupleSize() != pat.TupleSize() {
				return false
			}
			for i, p := range pat.Elems() {
				if !match(p, t.Elems()[i], bs) {
					return false
				}
			}
			return true
		case term.KindCons:
			if !t.IsCons() || !match(pat.Head(), t.Head(), bs) {
				return false
			}
			pat, t = pat.Tail(), t.Tail()
			continue
		case term.KindMap:
			if !t.IsMap() {
				return false
			}
			it := pat.MapVal().Iter()
			for k, p, ok := it.Next(); ok; k, p, ok = it.Next() {
				v, has := t.MapVal().Get(k)
				if !has || !match(p, v, bs) {
					return false
				}
			}
			return true
		}
		return term.Identical(pat, t)
	}
}

// ground reports whether a pattern has no wildcard or variable in it.
func ground(pat term.Term) bool {
	if pat == atomWildcard {
		return false
	}
	if _, ok := patternVar(pat); ok {
		return false
	}
	switch pat.Kind() {
	case term.KindTuple:
		for _, e := range pat.Elems() {
			if !ground(e) {
				return false
			}
		}
	case term.KindCons:
		return ground(pat.Head()) && ground(pat.Tail())
	case term.KindMap:
		for _, v := range pat.MapVal().Values() {
			if !ground(v) {
				return false
			}
		}
	}
	return true
}

// boundKey is the key a pattern fixes, if it does, so that a match
// reads only that key's objects instead of the whole table.
func (t *detsTable) boundKey(pat term.Term) term.Term {
	if pat.IsTuple() && pat.TupleSize() >= t.keypos && ground(pat.Elems()[t.keypos-1]) {
		return pat.Elems()[t.keypos-1]
	}
	return term.Term{}
}

// matchSpec is one clause of a match specification.
type matchSpec struct{ head, guards, body []term.Term }

func parseMatchSpec(spec term.Term) ([]matchSpec, error) {
	clauses, ok := term.ListToSlice(spec)
	if !ok {
		return nil, errDetsBadarg()
	}
	out := make([]matchSpec, len(clauses))
	for i, c := range clauses {
		if !c.IsTuple() || c.TupleSize() != 3 {
			return nil, errDetsBadarg()
		}
		el := c.Elems()
		guards, ok1 := term.ListToSlice(el[1])
		body, ok2 := term.ListToSlice(el[2])
		if !ok1 || !ok2 || len(body) == 0 {
			return nil, errDetsBadarg()
		}
		out[i] = matchSpec{head: []term.Term{el[0]}, guards: guards, body: body}
	}
	return out, nil
}

// errGuardFails is a guard that raised: its clause does not match.
var errGuardFails = errors.New("guard fails")

// errBadSpec is an expression goiex does not know.
var errBadSpec = errors.New("bad match specification")

// run applies the specification to one object: the result and whether a
// clause matched.
func runMatchSpec(specs []matchSpec, obj term.Term) (term.Term, bool, error) {
	for _, s := range specs {
		var bs bindings
		if !match(s.head[0], obj, &bs) {
			continue
		}
		ok := true
		for _, g := range s.guards {
			v, err := evalSpec(g, obj, bs)
			if err == errBadSpec {
				return term.Term{}, false, err
			}
			if err != nil || v != term.True {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		var result term.Term
		for _, e := range s.body {
			v, err := evalSpec(e, obj, bs)
			if err == errBadSpec {
				return term.Term{}, false, err
			}
			if err != nil {
				v = atom("EXIT") // as ets/dets give a body that raised
			}
			result = v
		}
		return result, true, nil
	}
	return term.Term{}, false, nil
}

// evalSpec evaluates one match-specification expression.
func evalSpec(e, obj term.Term, bs bindings) (term.Term, error) {
	switch {
	case e == atom("$_"):
		return obj, nil
	case e == atom("$$"):
		return bs.values(), nil
	}
	if n, ok := patternVar(e); ok {
		if v, bound := bs.get(n); bound {
			return v, nil
		}
		return term.Term{}, errBadSpec
	}
	switch e.Kind() {
	case term.KindCons:
		list, ok := term.ListToSlice(e)
		if !ok {
			return term.Term{}, errBadSpec
		}
		for i, x := range list {
			v, err := evalSpec(x, obj, bs)
			if err != nil {
				return term.Term{}, err
			}
			list[i] = v
		}
		return term.List(list...), nil
	case term.KindTuple:
		el := e.Elems()
		if len(el) == 0 {
			return e, nil
		}
		if len(el) == 1 && el[0].IsTuple() { // {{a, b}}: build the tuple {a, b}
			inner := el[0].Elems()
			out := make([]term.Term, len(inner))
			for i, x := range inner {
				v, err := evalSpec(x, obj, bs)
				if err != nil {
					return term.Term{}, err
				}
				out[i] = v
			}
			return term.Tuple(out...), nil
		}
		if el[0] == atom("const") && len(el) == 2 {
			return el[1], nil
		}
		if !el[0].IsAtom() {
			return term.Term{}, errBadSpec
		}
		args := make([]term.Term, len(el)-1)
		for i, x := range el[1:] {
			v, err := evalSpec(x, obj, bs)
			if err != nil {
				return term.Term{}, err
			}
			args[i] = v
		}
		return specCall(el[0].AtomName(), args)
	}
	return e, nil // a literal
}

// specCall applies a guard function or operator.
func specCall(op string, a []term.Term) (term.Term, error) {
	bool2 := func(f func(x, y bool) bool) (term.Term, error) {
		if len(a) != 2 || !isBool(a[0]) || !isBool(a[1]) {
			return term.Term{}, errGuardFails
		}
		return term.Bool(f(a[0] == term.True, a[1] == term.True)), nil
	}
	if len(a) == 2 {
		x, y := a[0], a[1]
		switch op {
		case "==":
			return term.Bool(term.Equal(x, y)), nil
		case "/=":
			return term.Bool(!term.Equal(x, y)), nil
		case "=:=":
			return term.Bool(term.Identical(x, y)), nil
		case "=/=":
			return term.Bool(!term.Identical(x, y)), nil
		case "<":
			return term.Bool(term.Compare(x, y) < 0), nil
		case ">":
			return term.Bool(term.Compare(x, y) > 0), nil
		case "=<":
			return term.Bool(term.Compare(x, y) <= 0), nil
		case ">=":
			return term.Bool(term.Compare(x, y) >= 0), nil
		case "and", "andalso":
			return bool2(func(x, y bool) bool { return x && y })
		case "or", "orelse":
			return bool2(func(x, y bool) bool { return x || y })
		case "xor":
			return bool2(func(x, y bool) bool { return x != y })
		case "+", "-", "*", "div", "rem":
			return specArith(op, x, y)
		case "element":
			i, ok := smallInt(x)
			if !ok || !y.IsTuple() || i < 1 || i > y.TupleSize() {
				return term.Term{}, errGuardFails
			}
			return y.Elems()[i-1], nil
		case "map_get":
			if !y.IsMap() {
				return term.Term{}, errGuardFails
			}
			if v, ok := y.MapVal().Get(x); ok {
				return v, nil
			}
			return term.Term{}, errGuardFails
		case "is_map_key":
			if !y.IsMap() {
				return term.Term{}, errGuardFails
			}
			return term.Bool(y.MapVal().Has(x)), nil
		}
	}
	if len(a) == 1 {
		x := a[0]
		tests := map[string]func() bool{
			"is_atom": x.IsAtom, "is_integer": x.IsInt, "is_float": x.IsFloat, "is_number": x.IsNumber,
			"is_binary": x.IsBinary, "is_list": x.IsList, "is_tuple": x.IsTuple, "is_map": x.IsMap,
			"is_pid": x.IsPid, "is_reference": x.IsRef, "is_function": x.IsFun,
		}
		if f, ok := tests[op]; ok {
			return term.Bool(f()), nil
		}
		switch op {
		case "not":
			if !isBool(x) {
				return term.Term{}, errGuardFails
			}
			return term.Bool(x == term.False), nil
		case "hd", "tl":
			if !x.IsCons() {
				return term.Term{}, errGuardFails
			}
			if op == "hd" {
				return x.Head(), nil
			}
			return x.Tail(), nil
		case "tuple_size":
			if !x.IsTuple() {
				return term.Term{}, errGuardFails
			}
			return term.Int(int64(x.TupleSize())), nil
		}
	}
	return term.Term{}, errBadSpec
}

func specArith(op string, x, y term.Term) (term.Term, error) {
	var (
		v   term.Term
		err error
	)
	switch op {
	case "+":
		v, err = add(x, y)
	case "-":
		v, err = sub(x, y)
	case "*":
		v, err = mul(x, y)
	case "div":
		v, err = intDiv(x, y)
	case "rem":
		v, err = intRem(x, y)
	}
	if err != nil {
		return term.Term{}, errGuardFails
	}
	return v, nil
}

// detsScan runs f over the objects a pattern may match.
func detsScan(p *vm.Process, name, pat term.Term, f func(k []byte, obj term.Term) error) (*detsTable, error) {
	t, err := openTable(p, name)
	if err != nil {
		return nil, err
	}
	key := t.boundKey(pat)
	return t, t.view(func(b *bolt.Bucket) error { return t.scan(b, key, f) })
}

func detsMatchObject(p *vm.Process, a []term.Term) (term.Term, error) {
	var out []term.Term
	t, err := detsScan(p, a[0], a[1], func(_ []byte, obj term.Term) error {
		var bs bindings
		if match(a[1], obj, &bs) {
			out = append(out, obj)
		}
		return nil
	})
	return detsResult(t, err, term.List(out...))
}

func detsMatch(p *vm.Process, a []term.Term) (term.Term, error) {
	var out []term.Term
	t, err := detsScan(p, a[0], a[1], func(_ []byte, obj term.Term) error {
		var bs bindings
		if match(a[1], obj, &bs) {
			out = append(out, bs.values())
		}
		return nil
	})
	return detsResult(t, err, term.List(out...))
}

func detsSelect(p *vm.Process, a []term.Term) (term.Term, error) {
	specs, err := parseMatchSpec(a[1])
	if err != nil {
		return term.Term{}, err
	}
	var out []term.Term
	t, err := detsScan(p, a[0], term.Term{}, func(_ []byte, obj term.Term) error {
		v, ok, err := runMatchSpec(specs, obj)
		if ok {
			out = append(out, v)
		}
		return err
	})
	return detsResult(t, err, term.List(out...))
}

// detsResult turns a scan's outcome into the call's answer.
func detsResult(t *detsTable, err error, result term.Term) (term.Term, error) {
	switch {
	case t == nil:
		return term.Term{}, err // the table is not open: badarg
	case err == errBadSpec:
		return term.Term{}, errDetsBadarg()
	case err != nil:
		return t.failure(err), nil
	}
	return result, nil
}

// detsMatchDelete deletes the objects a pattern matches: :ok.
func detsMatchDelete(p *vm.Process, a []term.Term) (term.Term, error) {
	n, err := detsDeleteWhere(p, a[0], a[1], func(obj term.Term) (bool, error) {
		var bs bindings
		return match(a[1], obj, &bs), nil
	})
	if err != nil || !n.IsInt() {
		return n, err
	}
	return term.OK, nil
}

// detsSelectDelete deletes the objects for which the specification
// gives true, and returns how many.
func detsSelectDelete(p *vm.Process, a []term.Term) (term.Term, error) {
	specs, err := parseMatchSpec(a[1])
	if err != nil {
		return term.Term{}, err
	}
	return detsDeleteWhere(p, a[0], term.Term{}, func(obj term.Term) (bool, error) {
		v, ok, err := runMatchSpec(specs, obj)
		return ok && v == term.True, err
	})
}

// detsDeleteWhere deletes, in one transaction, the objects that doomed
// says so of, and returns how many.
func detsDeleteWhere(p *vm.Process, name, pat term.Term, doomed func(term.Term) (bool, error)) (term.Term, error) {
	t, err := openTable(p, name)
	if err != nil {
		return term.Term{}, err
	}
	key := term.Term{}
	if pat.Valid() {
		key = t.boundKey(pat)
	}
	count := 0
	err = t.update(func(b *bolt.Bucket, size *int) error {
		var gone [][]byte
		err := t.scan(b, key, func(k []byte, obj term.Term) error {
			ok, err := doomed(obj)
			if ok {
				gone = append(gone, append([]byte(nil), k...))
			}
			return err
		})
		if err != nil {
			return err
		}
		count = len(gone)
		return deleteAll(b, gone, size)
	})
	if err != nil {
		return detsResult(t, err, term.Term{})
	}
	return term.Int(int64(count)), nil
}
