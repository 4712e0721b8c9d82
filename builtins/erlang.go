package builtins

import (
	"math/big"

	"goiex/vm"
	"goiex/vm/term"
)

// The BIFs of :erlang. Kernel's guard-safe functions and operators share
// these implementations (kernel.go registers them under Kernel's names).

func erlangNatives() []vm.NativeSpec {
	const m = ":erlang"
	specs := append(arithmeticSpecs(m),
		spec(m, "band", 2, binOp(func(a, b term.Term) (term.Term, error) { return bitwise(a, b, (*big.Int).And) })),
		spec(m, "bor", 2, binOp(func(a, b term.Term) (term.Term, error) { return bitwise(a, b, (*big.Int).Or) })),
		spec(m, "bxor", 2, binOp(func(a, b term.Term) (term.Term, error) { return bitwise(a, b, (*big.Int).Xor) })),
		spec(m, "bsl", 2, binOp(func(a, b term.Term) (term.Term, error) { return shift(a, b, true) })),
		spec(m, "bsr", 2, binOp(func(a, b term.Term) (term.Term, error) { return shift(a, b, false) })),
		spec(m, "bnot", 1, erlBnot),
		spec(m, "==", 2, cmpEq),
		spec(m, "/=", 2, cmpNe),
		spec(m, "<", 2, cmpLt),
		spec(m, ">", 2, cmpGt),
		spec(m, "=<", 2, cmpLe),
		spec(m, ">=", 2, cmpGe),
		spec(m, "=:=", 2, strictEq),
		spec(m, "=/=", 2, strictNe),
		spec(m, "++", 2, appendLists),
		spec(m, "--", 2, subtractLists),
		spec(m, "not", 1, erlNot),
		spec(m, "and", 2, erlAnd),
		spec(m, "or", 2, erlOr),
		spec(m, "xor", 2, erlXor),
		spec(m, "element", 2, erlElement),
		spec(m, "setelement", 3, erlSetelement),
		spec(m, "make_tuple", 2, erlMakeTuple),
		spec(m, "append_element", 2, erlAppendElement),
		spec(m, "insert_element", 3, erlInsertElement),
		spec(m, "delete_element", 2, erlDeleteElement),
		spec(m, "list_to_tuple", 1, erlListToTuple),
		spec(m, "tuple_to_list", 1, erlTupleToList),
		spec(m, "integer_to_binary", 1, erlIntegerToBinary),
		spec(m, "integer_to_binary", 2, erlIntegerToBinary),
		spec(m, "integer_to_list", 1, erlIntegerToList),
		spec(m, "integer_to_list", 2, erlIntegerToList),
		spec(m, "binary_to_integer", 1, erlBinaryToInteger),
		spec(m, "binary_to_integer", 2, erlBinaryToInteger),
		spec(m, "list_to_integer", 1, erlListToInteger),
		spec(m, "list_to_integer", 2, erlListToInteger),
		spec(m, "binary_to_float", 1, erlBinaryToFloat),
		spec(m, "float_to_binary", 1, erlFloatToBinary),
		spec(m, "float", 1, erlFloat),
		spec(m, "atom_to_binary", 1, erlAtomToBinary),
		spec(m, "atom_to_binary", 2, erlAtomToBinary),
		spec(m, "binary_to_atom", 1, erlBinaryToAtom),
		spec(m, "binary_to_atom", 2, erlBinaryToAtom),
		spec(m, "binary_to_existing_atom", 1, erlBinaryToExistingAtom),
		spec(m, "binary_to_existing_atom", 2, erlBinaryToExistingAtom),
		spec(m, "atom_to_list", 1, erlAtomToList),
		spec(m, "list_to_atom", 1, erlListToAtom),
		spec(m, "list_to_existing_atom", 1, erlListToExistingAtom),
		spec(m, "list_to_binary", 1, erlIolistToBinary),
		spec(m, "iolist_to_binary", 1, erlIolistToBinary),
		spec(m, "iolist_size", 1, erlIolistSize),
		spec(m, "binary_to_list", 1, erlBinaryToList),
		spec(m, "binary_part", 3, erlBinaryPart),
		spec(m, "monotonic_time", 0, monotonicTime),
		spec(m, "monotonic_time", 1, monotonicTime),
		spec(m, "system_time", 0, systemTime),
		spec(m, "system_time", 1, systemTime),
		spec(m, "convert_time_unit", 3, convertTimeUnit),
		spec(m, "is_map_key", 2, isMapKey),
	)
	for _, g := range guardBIFs() {
		specs = append(specs, spec(m, g.name, g.arity, g.fn))
	}
	return specs
}

type guardBIF struct {
	name  string
	arity int
	fn    vm.Native
}

// guardBIFs are the functions that are both :erlang BIFs and Kernel
// functions of the same name and meaning.
func guardBIFs() []guardBIF {
	is := func(pred func(term.Term) bool) vm.Native {
		return func(_ *vm.Process, a []term.Term) (term.Term, error) { return term.Bool(pred(a[0])), nil }
	}
	return []guardBIF{
		{"is_integer", 1, is(term.Term.IsInt)},
		{"is_float", 1, is(term.Term.IsFloat)},
		{"is_number", 1, is(term.Term.IsNumber)},
		{"is_atom", 1, is(term.Term.IsAtom)},
		{"is_boolean", 1, is(func(t term.Term) bool { return t == term.True || t == term.False })},
		{"is_binary", 1, is(term.Term.IsBinary)},
		{"is_bitstring", 1, is(term.Term.IsBinary)},
		{"is_list", 1, is(term.Term.IsList)},
		{"is_tuple", 1, is(term.Term.IsTuple)},
		{"is_map", 1, is(term.Term.IsMap)},
		{"is_pid", 1, is(term.Term.IsPid)},
		{"is_reference", 1, is(term.Term.IsRef)},
		{"is_port", 1, is(func(term.Term) bool { return false })},
		{"is_function", 1, is(term.Term.IsFun)},
		{"is_function", 2, isFunction2},
		{"hd", 1, erlHd},
		{"tl", 1, erlTl},
		{"length", 1, erlLength},
		{"tuple_size", 1, erlTupleSize},
		{"map_size", 1, erlMapSize},
		{"byte_size", 1, erlByteSize},
		{"bit_size", 1, erlBitSize},
		{"abs", 1, erlAbs},
		{"round", 1, roundLike(roundNum)},
		{"trunc", 1, roundLike(truncNum)},
		{"floor", 1, roundLike(floorNum)},
		{"ceil", 1, roundLike(ceilNum)},
		{"max", 2, erlMax},
		{"min", 2, erlMin},
		{"map_get", 2, erlMapGet},
	}
}

func vmSystemLimit() error {
	return vm.Raise(exceptionWithMessage("SystemLimitError", "a system limit has been reached"))
}

func binOp(f func(a, b term.Term) (term.Term, error)) vm.Native {
	return func(_ *vm.Process, a []term.Term) (term.Term, error) { return f(a[0], a[1]) }
}

func cmpOp(f func(int) bool) vm.Native {
	return func(_ *vm.Process, a []term.Term) (term.Term, error) {
		return term.Bool(f(term.Compare(a[0], a[1]))), nil
	}
}

func strictEq(_ *vm.Process, a []term.Term) (term.Term, error) {
	return term.Bool(term.Identical(a[0], a[1])), nil
}

func strictNe(_ *vm.Process, a []term.Term) (term.Term, error) {
	return term.Bool(!term.Identical(a[0], a[1])), nil
}

func unaryPlus(_ *vm.Process, a []term.Term) (term.Term, error) {
	if !a[0].IsNumber() {
		return term.Term{}, badarith()
	}
	return a[0], nil
}

func unaryMinus(_ *vm.Process, a []term.Term) (term.Term, error) { return negate(a[0]) }

func erlBnot(_ *vm.Process, a []term.Term) (term.Term, error) {
	if !a[0].IsInt() {
		return term.Term{}, badarith()
	}
	return term.BigInt(new(big.Int).Not(a[0].Big())), nil
}

func isBool(t term.Term) bool { return t == term.True || t == term.False }

func erlNot(_ *vm.Process, a []term.Term) (term.Term, error) {
	if !isBool(a[0]) {
		return term.Term{}, argError("argument error")
	}
	return term.Bool(a[0] == term.False), nil
}

func boolPair(a []term.Term) (x, y bool, err error) {
	if !isBool(a[0]) || !isBool(a[1]) {
		return false, false, argError("argument error")
	}
	return a[0] == term.True, a[1] == term.True, nil
}

func erlAnd(_ *vm.Process, a []term.Term) (term.Term, error) {
	x, y, err := boolPair(a)
	return term.Bool(x && y), err
}

func erlOr(_ *vm.Process, a []term.Term) (term.Term, error) {
	x, y, err := boolPair(a)
	return term.Bool(x || y), err
}

func erlXor(_ *vm.Process, a []term.Term) (term.Term, error) {
	x, y, err := boolPair(a)
	return term.Bool(x != y), err
}

func isFunction2(_ *vm.Process, a []term.Term) (term.Term, error) {
	n, ok := smallInt(a[1])
	if !ok || n < 0 {
		return term.Term{}, badarg(2, "not a valid arity")
	}
	return term.Bool(a[0].IsFun() && a[0].FunVal().Arity == n), nil
}

func isMapKey(_ *vm.Process, a []term.Term) (term.Term, error) {
	if !a[1].IsMap() {
		return term.Term{}, badmap(a[1])
	}
	_, ok := a[1].MapVal().Get(a[0])
	return term.Bool(ok), nil
}

func erlMapGet(_ *vm.Process, a []term.Term) (term.Term, error) {
	if !a[1].IsMap() {
		return term.Term{}, badmap(a[1])
	}
	v, ok := a[1].MapVal().Get(a[0])
	if !ok {
		return term.Term{}, vm.Raise(vm.NewKeyError(a[0], a[1], ""))
	}
	return v, nil
}

func erlHd(_ *vm.Process, a []term.Term) (term.Term, error) {
	if !a[0].IsCons() {
		return term.Term{}, badarg(1, "not a nonempty list")
	}
	return a[0].Head(), nil
}

func erlTl(_ *vm.Process, a []term.Term) (term.Term, error) {
	if !a[0].IsCons() {
		return term.Term{}, badarg(1, "not a nonempty list")
	}
	return a[0].Tail(), nil
}

func erlLength(_ *vm.Process, a []term.Term) (term.Term, error) {
	n := term.ListLength(a[0])
	if n < 0 {
		return term.Term{}, badarg(1, "not a list")
	}
	return term.Int(int64(n)), nil
}

func erlTupleSize(_ *vm.Process, a []term.Term) (term.Term, error) {
	if !a[0].IsTuple() {
		return term.Term{}, badarg(1, "not a tuple")
	}
	return term.Int(int64(a[0].TupleSize())), nil
}

func erlMapSize(_ *vm.Process, a []term.Term) (term.Term, error) {
	if !a[0].IsMap() {
		return term.Term{}, badmap(a[0])
	}
	return term.Int(int64(a[0].MapVal().Len())), nil
}

func erlByteSize(_ *vm.Process, a []term.Term) (term.Term, error) {
	if !a[0].IsBinary() {
		return term.Term{}, badarg(1, "not a bitstring")
	}
	return term.Int(int64(len(a[0].Str()))), nil
}

func erlBitSize(_ *vm.Process, a []term.Term) (term.Term, error) {
	if !a[0].IsBinary() {
		return term.Term{}, badarg(1, "not a bitstring")
	}
	return term.Int(int64(8 * len(a[0].Str()))), nil
}

func erlAbs(_ *vm.Process, a []term.Term) (term.Term, error) {
	r, ok := absNum(a[0])
	if !ok {
		return term.Term{}, badarg(1, "not a number")
	}
	return r, nil
}

func roundLike(f func(term.Term) (term.Term, bool)) vm.Native {
	return func(_ *vm.Process, a []term.Term) (term.Term, error) {
		r, ok := f(a[0])
		if !ok {
			return term.Term{}, badarg(1, "not a number")
		}
		return r, nil
	}
}

// max and min return the first argument when the two compare equal, as
// Erlang's do (max(1, 1.0) is 1).
func erlMax(_ *vm.Process, a []term.Term) (term.Term, error) {
	if term.Compare(a[0], a[1]) < 0 {
		return a[1], nil
	}
	return a[0], nil
}

func erlMin(_ *vm.Process, a []term.Term) (term.Term, error) {
	if term.Compare(a[0], a[1]) > 0 {
		return a[1], nil
	}
	return a[0], nil
}

// ---- tuples ----

// tupleIndex checks a 1-based index argument (position argN) of a tuple
// BIF against a tuple of size n (n+1 allowed when inserting).
func tupleIndex(idx term.Term, argN, n int) (int, error) {
	if !idx.IsInt() {
		return 0, badarg(argN, "not an integer")
	}
	i, ok := smallInt(idx)
	if !ok || i < 1 || i > n {
		return 0, badarg(argN, "out of range")
	}
	return i, nil
}

func erlElement(_ *vm.Process, a []term.Term) (term.Term, error) {
	if !a[0].IsInt() {
		return term.Term{}, badarg(1, "not an integer")
	}
	if !a[1].IsTuple() {
		return term.Term{}, badarg(2, "not a tuple")
	}
	i, err := tupleIndex(a[0], 1, a[1].TupleSize())
	if err != nil {
		return term.Term{}, err
	}
	return a[1].Elems()[i-1], nil
}

func erlSetelement(_ *vm.Process, a []term.Term) (term.Term, error) {
	if !a[0].IsInt() {
		return term.Term{}, badarg(1, "not an integer")
	}
	if !a[1].IsTuple() {
		return term.Term{}, badarg(2, "not a tuple")
	}
	i, err := tupleIndex(a[0], 1, a[1].TupleSize())
	if err != nil {
		return term.Term{}, err
	}
	el := append([]term.Term(nil), a[1].Elems()...)
	el[i-1] = a[2]
	return term.Tuple(el...), nil
}

func erlMakeTuple(_ *vm.Process, a []term.Term) (term.Term, error) {
	n, ok := smallInt(a[0])
	if !ok || n < 0 || n > 1<<24 {
		return term.Term{}, badarg(1, "not a valid tuple size") // rare
	}
	el := make([]term.Term, n)
	for i := range el {
		el[i] = a[1]
	}
	return term.Tuple(el...), nil
}

func erlAppendElement(_ *vm.Process, a []term.Term) (term.Term, error) {
	if !a[0].IsTuple() {
		return term.Term{}, badarg(1, "not a tuple")
	}
	el := append(append(make([]term.Term, 0, a[0].TupleSize()+1), a[0].Elems()...), a[1])
	return term.Tuple(el...), nil
}

func erlInsertElement(_ *vm.Process, a []term.Term) (term.Term, error) {
	if !a[1].IsTuple() {
		return term.Term{}, badarg(2, "not a tuple")
	}
	old := a[1].Elems()
	i, err := tupleIndex(a[0], 1, len(old)+1)
	if err != nil {
		return term.Term{}, err
	}
	el := make([]term.Term, 0, len(old)+1)
	el = append(append(append(el, old[:i-1]...), a[2]), old[i-1:]...)
	return term.Tuple(el...), nil
}

func erlDeleteElement(_ *vm.Process, a []term.Term) (term.Term, error) {
	if !a[1].IsTuple() {
		return term.Term{}, badarg(2, "not a tuple")
	}
	old := a[1].Elems()
	i, err := tupleIndex(a[0], 1, len(old))
	if err != nil {
		return term.Term{}, err
	}
	el := make([]term.Term, 0, len(old)-1)
	el = append(append(el, old[:i-1]...), old[i:]...)
	return term.Tuple(el...), nil
}

func erlListToTuple(_ *vm.Process, a []term.Term) (term.Term, error) {
	el, ok := term.ListToSlice(a[0])
	if !ok {
		return term.Term{}, badarg(1, "not a list")
	}
	return term.Tuple(el...), nil
}

func erlTupleToList(_ *vm.Process, a []term.Term) (term.Term, error) {
	if !a[0].IsTuple() {
		return term.Term{}, badarg(1, "not a tuple")
	}
	return term.List(a[0].Elems()...), nil
}

// ---- lists ----

// appendLists is ++: the left side must be a proper list; the right side
// may be anything (it becomes the tail).
func appendLists(_ *vm.Process, a []term.Term) (term.Term, error) {
	el, ok := term.ListToSlice(a[0])
	if !ok {
		return term.Term{}, argError("argument error")
	}
	return term.ListWithTail(el, a[1]), nil
}

// subtractLists is --: removes the first occurrence (===) of each element
// of the right list from the left.
func subtractLists(_ *vm.Process, a []term.Term) (term.Term, error) {
	left, ok1 := term.ListToSlice(a[0])
	right, ok2 := term.ListToSlice(a[1])
	if !ok1 || !ok2 {
		return term.Term{}, argError("argument error")
	}
	if len(right) == 0 {
		return a[0], nil
	}
	// Index the left side by hash so that long lists don't cost n*m.
	removed := make([]bool, len(left))
	at := make(map[uint64][]int, len(left))
	for i, l := range left {
		h := term.Hash(l)
		at[h] = append(at[h], i)
	}
	for _, r := range right {
		h := term.Hash(r)
		for j, i := range at[h] {
			if term.Identical(left[i], r) {
				removed[i] = true
				at[h] = append(at[h][:j:j], at[h][j+1:]...)
				break
			}
		}
	}
	out := make([]term.Term, 0, len(left))
	for i, l := range left {
		if !removed[i] {
			out = append(out, l)
		}
	}
	return term.List(out...), nil
}

// arithmeticSpecs are the arithmetic operators, registered alike under
// :erlang and Kernel.
func arithmeticSpecs(m string) []vm.NativeSpec {
	return []vm.NativeSpec{
		spec(m, "+", 2, binOp(add)),
		spec(m, "-", 2, binOp(sub)),
		spec(m, "*", 2, binOp(mul)),
		spec(m, "/", 2, binOp(fdiv)),
		spec(m, "div", 2, binOp(intDiv)),
		spec(m, "rem", 2, binOp(intRem)),
		spec(m, "+", 1, unaryPlus),
		spec(m, "-", 1, unaryMinus),
	}
}

// The comparisons, shared by :erlang's and Kernel's spellings.
var (
	cmpEq = cmpOp(func(c int) bool { return c == 0 })
	cmpNe = cmpOp(func(c int) bool { return c != 0 })
	cmpLt = cmpOp(func(c int) bool { return c < 0 })
	cmpGt = cmpOp(func(c int) bool { return c > 0 })
	cmpLe = cmpOp(func(c int) bool { return c <= 0 })
	cmpGe = cmpOp(func(c int) bool { return c >= 0 })
)
