package builtins

import (
	"slices"

	"goiex/vm"
	"goiex/vm/term"
)

// The :lists BIFs the library and learners use. Key positions are
// 1-based, as in Erlang; keyfind/keydelete compare keys with ==,
// member/delete match with ===.

func listsNatives() []vm.NativeSpec {
	const m = ":lists"
	return []vm.NativeSpec{
		spec(m, "reverse", 1, listsReverse),
		spec(m, "reverse", 2, listsReverse),
		spec(m, "keyfind", 3, listsKeyfind),
		spec(m, "keymember", 3, listsKeymember),
		spec(m, "keydelete", 3, listsKeydelete),
		spec(m, "keyreplace", 4, listsKeyreplace),
		spec(m, "keystore", 4, listsKeystore),
		spec(m, "keytake", 3, listsKeytake),
		spec(m, "keysort", 2, listsKeysort),
		spec(m, "sort", 1, listsSort),
		spec(m, "usort", 1, listsUsort),
		spec(m, "member", 2, listsMember),
		spec(m, "delete", 2, listsDelete),
		spec(m, "subtract", 2, func(p *vm.Process, a []term.Term) (term.Term, error) { return subtractLists(p, a) }),
		spec(m, "append", 1, listsAppend1),
		spec(m, "append", 2, func(p *vm.Process, a []term.Term) (term.Term, error) { return appendLists(p, a) }),
		spec(m, "flatten", 1, listsFlatten),
		spec(m, "flatten", 2, listsFlatten),
		spec(m, "duplicate", 2, listsDuplicate),
		spec(m, "seq", 2, listsSeq),
		spec(m, "seq", 3, listsSeq),
		spec(m, "nth", 2, listsNth),
		spec(m, "nthtail", 2, listsNthtail),
		spec(m, "last", 1, listsLast),
		spec(m, "sum", 1, listsSum),
		spec(m, "max", 1, listsMax),
		spec(m, "min", 1, listsMin),
		spec(m, "sublist", 2, listsSublist),
		spec(m, "sublist", 3, listsSublist),
		spec(m, "split", 2, listsSplit),
		spec(m, "zip", 2, listsZip),
		spec(m, "unzip", 1, listsUnzip),
		spec(m, "prefix", 2, listsPrefix),
	}
}

// properList returns a proper list's elements or the FunctionClauseError
// of :lists.<fun>/<arity>, which is what Erlang raises for a non-list.
func properList(t term.Term, fun string, arity int) ([]term.Term, error) {
	el, ok := term.ListToSlice(t)
	if !ok {
		return nil, noClause(":lists", fun, arity)
	}
	return el, nil
}

func listsReverse(_ *vm.Process, a []term.Term) (term.Term, error) {
	tail := term.EmptyList
	if len(a) == 2 {
		tail = a[1]
	}
	l := a[0]
	for l.IsCons() {
		tail = term.NewCons(l.Head(), tail)
		l = l.Tail()
	}
	if !l.IsEmptyList() {
		return term.Term{}, noClause(":lists", "reverse", len(a))
	}
	return tail, nil
}

// keyPos checks the 1-based key position argument of the key functions.
func keyPos(t term.Term, argN int) (int, error) {
	n, ok := smallInt(t)
	if !ok || n < 1 {
		return 0, badarg(argN, "out of range")
	}
	return n, nil
}

// keyMatch reports whether e is a tuple whose pos-th element == key.
func keyMatch(e, key term.Term, pos int) bool {
	return e.IsTuple() && e.TupleSize() >= pos && term.Equal(e.Elems()[pos-1], key)
}

// keyIndex returns the index of the first tuple in el keyed by key.
func keyIndex(el []term.Term, key term.Term, pos int) int {
	for i, e := range el {
		if keyMatch(e, key, pos) {
			return i
		}
	}
	return -1
}

func listsKeyfind(_ *vm.Process, a []term.Term) (term.Term, error) {
	pos, err := keyPos(a[1], 2)
	if err != nil {
		return term.Term{}, err
	}
	l := a[2]
	for l.IsCons() {
		if e := l.Head(); keyMatch(e, a[0], pos) {
			return e, nil
		}
		l = l.Tail()
	}
	if !l.IsEmptyList() {
		return term.Term{}, badarg(3, "not a list")
	}
	return term.False, nil
}

func listsKeymember(p *vm.Process, a []term.Term) (term.Term, error) {
	r, err := listsKeyfind(p, a)
	if err != nil {
		return r, err
	}
	return term.Bool(r != term.False), nil
}

func listsKeydelete(_ *vm.Process, a []term.Term) (term.Term, error) {
	pos, err := keyPos(a[1], 2)
	if err != nil {
		return term.Term{}, err
	}
	el, err := properList(a[2], "keydelete", 3)
	if err != nil {
		return term.Term{}, err
	}
	i := keyIndex(el, a[0], pos)
	if i < 0 {
		return a[2], nil
	}
	return term.List(slices.Delete(el, i, i+1)...), nil
}

func listsKeyreplace(_ *vm.Process, a []term.Term) (term.Term, error) {
	pos, err := keyPos(a[1], 2)
	if err != nil {
		return term.Term{}, err
	}
	el, err := properList(a[2], "keyreplace", 4)
	if err != nil {
		return term.Term{}, err
	}
	i := keyIndex(el, a[0], pos)
	if i < 0 {
		return a[2], nil
	}
	el[i] = a[3]
	return term.List(el...), nil
}

func listsKeystore(_ *vm.Process, a []term.Term) (term.Term, error) {
	pos, err := keyPos(a[1], 2)
	if err != nil {
		return term.Term{}, err
	}
	el, err := properList(a[2], "keystore", 4)
	if err != nil {
		return term.Term{}, err
	}
	i := keyIndex(el, a[0], pos)
	if i < 0 {
		return term.List(append(el, a[3])...), nil
	}
	el[i] = a[3]
	return term.List(el...), nil
}

func listsKeytake(_ *vm.Process, a []term.Term) (term.Term, error) {
	pos, err := keyPos(a[1], 2)
	if err != nil {
		return term.Term{}, err
	}
	el, err := properList(a[2], "keytake", 3)
	if err != nil {
		return term.Term{}, err
	}
	i := keyIndex(el, a[0], pos)
	if i < 0 {
		return term.False, nil
	}
	found := el[i]
	return term.Tuple(atom("value"), found, term.List(slices.Delete(el, i, i+1)...)), nil
}

func listsKeysort(_ *vm.Process, a []term.Term) (term.Term, error) {
	pos, err := keyPos(a[0], 1)
	if err != nil {
		return term.Term{}, err
	}
	el, err := properList(a[1], "keysort", 2)
	if err != nil {
		return term.Term{}, err
	}
	for _, e := range el {
		if !e.IsTuple() || e.TupleSize() < pos {
			return term.Term{}, argError("argument error")
		}
	}
	slices.SortStableFunc(el, func(x, y term.Term) int {
		return term.Compare(x.Elems()[pos-1], y.Elems()[pos-1])
	})
	return term.List(el...), nil
}

// sortTerms sorts stably in term order, as :lists.sort/1 does.
func sortTerms(el []term.Term) { slices.SortStableFunc(el, term.Compare) }

func listsSort(_ *vm.Process, a []term.Term) (term.Term, error) {
	el, err := properList(a[0], "sort", 1)
	if err != nil {
		return term.Term{}, err
	}
	sortTerms(el)
	return term.List(el...), nil
}

// listsUsort sorts and removes duplicates (==), keeping the first.
func listsUsort(_ *vm.Process, a []term.Term) (term.Term, error) {
	el, err := properList(a[0], "usort", 1)
	if err != nil {
		return term.Term{}, err
	}
	sortTerms(el)
	out := el[:0]
	for i, e := range el {
		if i == 0 || !term.Equal(out[len(out)-1], e) {
			out = append(out, e)
		}
	}
	return term.List(out...), nil
}

func listsMember(_ *vm.Process, a []term.Term) (term.Term, error) {
	l := a[1]
	for l.IsCons() {
		if term.Identical(l.Head(), a[0]) {
			return term.True, nil
		}
		l = l.Tail()
	}
	if !l.IsEmptyList() {
		return term.Term{}, badarg(2, "not a list")
	}
	return term.False, nil
}

func listsDelete(_ *vm.Process, a []term.Term) (term.Term, error) {
	el, err := properList(a[1], "delete", 2)
	if err != nil {
		return term.Term{}, err
	}
	for i, e := range el {
		if term.Identical(e, a[0]) {
			return term.List(slices.Delete(el, i, i+1)...), nil
		}
	}
	return a[1], nil
}

func listsAppend1(_ *vm.Process, a []term.Term) (term.Term, error) {
	lists, err := properList(a[0], "append", 1)
	if err != nil {
		return term.Term{}, err
	}
	if len(lists) == 0 {
		return term.EmptyList, nil
	}
	out := lists[len(lists)-1]
	for i := len(lists) - 2; i >= 0; i-- {
		el, ok := term.ListToSlice(lists[i])
		if !ok {
			return term.Term{}, argError("argument error")
		}
		out = term.ListWithTail(el, out)
	}
	return out, nil
}

// flatten appends the non-list elements of deep list t to out.
func flatten(t term.Term, out []term.Term) ([]term.Term, bool) {
	for t.IsCons() {
		h := t.Head()
		if h.IsList() {
			var ok bool
			if out, ok = flatten(h, out); !ok {
				return nil, false
			}
		} else {
			out = append(out, h)
		}
		t = t.Tail()
	}
	return out, t.IsEmptyList()
}

func listsFlatten(_ *vm.Process, a []term.Term) (term.Term, error) {
	el, ok := flatten(a[0], nil)
	if !ok {
		return term.Term{}, noClause(":lists", "flatten", len(a))
	}
	tail := term.EmptyList
	if len(a) == 2 {
		tail = a[1]
	}
	return term.ListWithTail(el, tail), nil
}

func listsDuplicate(_ *vm.Process, a []term.Term) (term.Term, error) {
	n, ok := smallInt(a[0])
	if !ok || n < 0 {
		return term.Term{}, noClause(":lists", "duplicate", 2)
	}
	l := term.EmptyList
	for range n {
		l = term.NewCons(a[1], l)
	}
	return l, nil
}

func listsSeq(_ *vm.Process, a []term.Term) (term.Term, error) {
	from, ok1 := smallInt(a[0])
	to, ok2 := smallInt(a[1])
	step := 1
	ok3 := true
	if len(a) == 3 {
		step, ok3 = smallInt(a[2])
	}
	if !ok1 || !ok2 || !ok3 || step == 0 && from != to ||
		step > 0 && to < from-1 || step < 0 && to > from+1 {
		return term.Term{}, noClause(":lists", "seq", len(a))
	}
	var el []term.Term
	for i := from; step > 0 && i <= to || step < 0 && i >= to; i += step {
		el = append(el, term.Int(int64(i)))
	}
	if step == 0 {
		el = []term.Term{term.Int(int64(from))}
	}
	return term.List(el...), nil
}

func listsNth(_ *vm.Process, a []term.Term) (term.Term, error) {
	n, ok := smallInt(a[0])
	l := a[1]
	for ok && n > 1 && l.IsCons() {
		l = l.Tail()
		n--
	}
	if !ok || n != 1 || !l.IsCons() {
		return term.Term{}, noClause(":lists", "nth", 2)
	}
	return l.Head(), nil
}

func listsNthtail(_ *vm.Process, a []term.Term) (term.Term, error) {
	n, ok := smallInt(a[0])
	l := a[1]
	for ok && n > 0 && l.IsCons() {
		l = l.Tail()
		n--
	}
	if !ok || n != 0 {
		return term.Term{}, noClause(":lists", "nthtail", 2)
	}
	return l, nil
}

func listsLast(_ *vm.Process, a []term.Term) (term.Term, error) {
	l := a[0]
	if !l.IsCons() {
		return term.Term{}, noClause(":lists", "last", 1)
	}
	for l.Tail().IsCons() {
		l = l.Tail()
	}
	return l.Head(), nil
}

func listsSum(_ *vm.Process, a []term.Term) (term.Term, error) {
	el, err := properList(a[0], "sum", 1)
	if err != nil {
		return term.Term{}, err
	}
	acc := term.Int(0)
	for _, e := range el {
		if acc, err = add(e, acc); err != nil {
			return term.Term{}, err
		}
	}
	return acc, nil
}

func listsExtreme(a []term.Term, fun string, better func(int) bool) (term.Term, error) {
	el, err := properList(a[0], fun, 1)
	if err != nil || len(el) == 0 {
		return term.Term{}, noClause(":lists", fun, 1)
	}
	best := el[0]
	for _, e := range el[1:] {
		if better(term.Compare(e, best)) {
			best = e
		}
	}
	return best, nil
}

func listsMax(_ *vm.Process, a []term.Term) (term.Term, error) {
	return listsExtreme(a, "max", func(c int) bool { return c > 0 })
}

func listsMin(_ *vm.Process, a []term.Term) (term.Term, error) {
	return listsExtreme(a, "min", func(c int) bool { return c < 0 })
}

func listsSublist(_ *vm.Process, a []term.Term) (term.Term, error) {
	el, err := properList(a[0], "sublist", len(a))
	if err != nil {
		return term.Term{}, err
	}
	start, n := 1, 0
	var ok bool
	if len(a) == 2 {
		n, ok = smallInt(a[1])
	} else {
		var ok2 bool
		start, ok2 = smallInt(a[1])
		n, ok = smallInt(a[2])
		ok = ok && ok2 && start >= 1 && start <= len(el)+1
	}
	if !ok || n < 0 {
		return term.Term{}, noClause(":lists", "sublist", len(a))
	}
	el = el[start-1:]
	return term.List(el[:min(n, len(el))]...), nil
}

func listsSplit(_ *vm.Process, a []term.Term) (term.Term, error) {
	n, ok := smallInt(a[0])
	el, ok2 := term.ListToSlice(a[1])
	if !ok || !ok2 || n < 0 || n > len(el) {
		return term.Term{}, badarg(1, "out of range")
	}
	return term.Tuple(term.List(el[:n]...), term.List(el[n:]...)), nil
}

func listsZip(_ *vm.Process, a []term.Term) (term.Term, error) {
	x, ok1 := term.ListToSlice(a[0])
	y, ok2 := term.ListToSlice(a[1])
	if !ok1 || !ok2 || len(x) != len(y) {
		return term.Term{}, noClause(":lists", "zip", 3)
	}
	out := make([]term.Term, len(x))
	for i := range x {
		out[i] = term.Tuple(x[i], y[i])
	}
	return term.List(out...), nil
}

func listsUnzip(_ *vm.Process, a []term.Term) (term.Term, error) {
	el, err := properList(a[0], "unzip", 1)
	if err != nil {
		return term.Term{}, err
	}
	xs := make([]term.Term, len(el))
	ys := make([]term.Term, len(el))
	for i, e := range el {
		if !e.IsTuple() || e.TupleSize() != 2 {
			return term.Term{}, noClause(":lists", "unzip", 3)
		}
		xs[i], ys[i] = e.Elems()[0], e.Elems()[1]
	}
	return term.Tuple(term.List(xs...), term.List(ys...)), nil
}

func listsPrefix(_ *vm.Process, a []term.Term) (term.Term, error) {
	p, l := a[0], a[1]
	for p.IsCons() {
		if !l.IsCons() || !term.Identical(p.Head(), l.Head()) {
			return term.False, nil
		}
		p, l = p.Tail(), l.Tail()
	}
	return term.Bool(p.IsEmptyList()), nil
}
