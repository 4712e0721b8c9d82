// Package term owns the values of the goiex VM: integers of any size,
// floats, atoms, binaries, lists, tuples, maps, pids, references and
// functions, with Elixir's equality, term order, inspect and to_string.
//
// It owns no behaviour of processes or of the interpreter; it is a leaf
// package that vm/compile (for constants), vm (for execution) and builtins
// all import, so that none of them has to import another to share values.
//
// A Term is a two-word value: small values (integers that fit in 64 bits,
// floats, atoms, pids, references) live in the Term itself and cost no
// allocation; everything else points at an immutable heap object. Terms are
// never mutated after construction, so sending a message shares it.
package term

import (
	"math"
	"math/big"
	"unsafe"
)

// Kind is the type of a term, in Elixir's term order (see Compare).
type Kind uint8

// The kinds, ordered as Elixir orders types: number < atom < reference <
// function < port < pid < tuple < map < list < binary. Int, BigInt and
// Float are all numbers and compare by value.
const (
	KindInt Kind = iota
	KindFloat
	KindAtom
	KindRef
	KindPid
	kindImmediateEnd // immediates above; heap kinds below

	KindBigInt
	KindFun
	KindTuple
	KindMap
	KindEmptyList // the empty list []
	KindCons
	KindBinary
)

var kindNames = [...]string{
	KindInt: "integer", KindFloat: "float", KindAtom: "atom", KindRef: "reference",
	KindPid: "pid", KindBigInt: "integer", KindFun: "function", KindTuple: "tuple",
	KindMap: "map", KindEmptyList: "list", KindCons: "list", KindBinary: "binary",
}

func (k Kind) String() string { return kindNames[k] }

// immTags are the sentinels an immediate Term points at: a Term whose
// pointer lies inside this array is an immediate of kind (offset).
var immTags [kindImmediateEnd + 1]byte

// nilTag and emptyTag are the pointers of the empty list and empty tuple.
var nilTag, emptyTupleTag, emptyBinTag byte

// Term is one Elixir value. The zero Term is invalid; use the constructors.
type Term struct {
	p unsafe.Pointer // immTags[k] for immediates, else the heap object
	n uint64         // immediate payload, or kind | length<<8 for heap terms
}

// Kind reports the term's type.
func (t Term) Kind() Kind {
	off := uintptr(t.p) - uintptr(unsafe.Pointer(&immTags[0]))
	if off < uintptr(kindImmediateEnd) {
		return Kind(off)
	}
	return Kind(t.n & 0xff)
}

// Valid reports whether t was built by a constructor (the zero Term is not).
func (t Term) Valid() bool { return t.p != nil }

func imm(k Kind, n uint64) Term { return Term{p: unsafe.Pointer(&immTags[k]), n: n} }

func heap(k Kind, p unsafe.Pointer, length int) Term {
	return Term{p: p, n: uint64(k) | uint64(length)<<8}
}

// ---- integers ----

// Int makes a small integer.
func Int(i int64) Term { return imm(KindInt, uint64(i)) }

// BigInt makes an integer from a big.Int, normalising to a small integer
// when it fits. b must not be mutated afterwards.
func BigInt(b *big.Int) Term {
	if b.IsInt64() {
		return Int(b.Int64())
	}
	return heap(KindBigInt, unsafe.Pointer(b), 0)
}

// IsInt reports whether t is an integer of any size.
func (t Term) IsInt() bool { k := t.Kind(); return k == KindInt || k == KindBigInt }

// IsSmallInt reports whether t is an integer that fits in an int64.
func (t Term) IsSmallInt() bool { return t.p == unsafe.Pointer(&immTags[KindInt]) }

// SmallInt returns the value of a small integer (t.IsSmallInt()).
func (t Term) SmallInt() int64 { return int64(t.n) }

// Big returns any integer as a big.Int (a fresh one for small integers;
// the shared one for big integers, which must not be mutated).
func (t Term) Big() *big.Int {
	if t.IsSmallInt() {
		return big.NewInt(int64(t.n))
	}
	return (*big.Int)(t.p)
}

// ---- floats ----

// Float makes a float.
func Float(f float64) Term { return imm(KindFloat, math.Float64bits(f)) }

// IsFloat reports whether t is a float.
func (t Term) IsFloat() bool { return t.p == unsafe.Pointer(&immTags[KindFloat]) }

// FloatVal returns the value of a float.
func (t Term) FloatVal() float64 { return math.Float64frombits(t.n) }

// IsNumber reports whether t is an integer or a float.
func (t Term) IsNumber() bool {
	k := t.Kind()
	return k == KindInt || k == KindBigInt || k == KindFloat
}

// ---- atoms ----

// IsAtom reports whether t is an atom (true, false and nil are atoms).
func (t Term) IsAtom() bool { return t.p == unsafe.Pointer(&immTags[KindAtom]) }

// AtomIndex returns the atom's interned index.
func (t Term) AtomIndex() uint32 { return uint32(t.n) }

// AtomName returns the text of an atom (without the colon).
func (t Term) AtomName() string { return atomName(uint32(t.n)) }

// Bool makes true or false.
func Bool(b bool) Term {
	if b {
		return True
	}
	return False
}

// IsTruthy reports Elixir truthiness: everything but false and nil.
func (t Term) IsTruthy() bool { return t != False && t != Nil }

// ---- pids and references ----

// Pid makes the pid #PID<0.serial.0>.
func Pid(serial uint64) Term { return imm(KindPid, serial) }

// IsPid reports whether t is a pid.
func (t Term) IsPid() bool { return t.p == unsafe.Pointer(&immTags[KindPid]) }

// PidSerial returns the middle number of a pid.
func (t Term) PidSerial() uint64 { return t.n }

// Ref makes the reference with the given serial number.
func Ref(serial uint64) Term { return imm(KindRef, serial) }

// IsRef reports whether t is a reference.
func (t Term) IsRef() bool { return t.p == unsafe.Pointer(&immTags[KindRef]) }

// RefSerial returns a reference's serial number.
func (t Term) RefSerial() uint64 { return t.n }

// ---- binaries ----

// String makes a binary holding s's bytes (shared, not copied).
func String(s string) Term {
	if len(s) == 0 {
		return Term{p: unsafe.Pointer(&emptyBinTag), n: uint64(KindBinary)}
	}
	return heap(KindBinary, unsafe.Pointer(unsafe.StringData(s)), len(s))
}

// IsBinary reports whether t is a binary (an Elixir string is a binary).
func (t Term) IsBinary() bool { return t.Kind() == KindBinary }

// Str returns a binary's bytes as a Go string (no copy).
func (t Term) Str() string {
	n := int(t.n >> 8)
	if n == 0 {
		return ""
	}
	return unsafe.String((*byte)(t.p), n)
}

// ---- tuples ----

// Tuple makes a tuple of the given elements; it keeps the slice, which
// the caller must not modify afterwards.
func Tuple(elems ...Term) Term {
	if len(elems) == 0 {
		return Term{p: unsafe.Pointer(&emptyTupleTag), n: uint64(KindTuple)}
	}
	return heap(KindTuple, unsafe.Pointer(&elems[0]), len(elems))
}

// IsTuple reports whether t is a tuple.
func (t Term) IsTuple() bool { return t.Kind() == KindTuple }

// Elems returns a tuple's elements. The slice must not be modified.
func (t Term) Elems() []Term {
	n := int(t.n >> 8)
	if n == 0 {
		return nil
	}
	return unsafe.Slice((*Term)(t.p), n)
}

// TupleSize returns a tuple's size.
func (t Term) TupleSize() int { return int(t.n >> 8) }

// ---- lists ----

// Cons is a list cell. Lists are chains of cells ending in EmptyList (a
// proper list) or in any other term (an improper list).
type Cons struct {
	Head, Tail Term
}

// EmptyList is [].
var EmptyList = Term{p: unsafe.Pointer(&nilTag), n: uint64(KindEmptyList)}

// NewCons prepends head to tail.
func NewCons(head, tail Term) Term {
	return heap(KindCons, unsafe.Pointer(&Cons{head, tail}), 0)
}

// IsEmptyList reports whether t is [].
func (t Term) IsEmptyList() bool { return t.p == unsafe.Pointer(&nilTag) }

// IsCons reports whether t is a non-empty list cell.
func (t Term) IsCons() bool { return t.Kind() == KindCons }

// IsList reports whether t is [] or a list cell.
func (t Term) IsList() bool { k := t.Kind(); return k == KindEmptyList || k == KindCons }

// Cell returns a list cell (t.IsCons()).
func (t Term) Cell() *Cons { return (*Cons)(t.p) }

// Head and Tail of a list cell.
func (t Term) Head() Term { return (*Cons)(t.p).Head }
func (t Term) Tail() Term { return (*Cons)(t.p).Tail }

// List makes a proper list of the given elements.
func List(elems ...Term) Term { return ListWithTail(elems, EmptyList) }

// ListWithTail makes the list [elems... | tail].
func ListWithTail(elems []Term, tail Term) Term {
	l := tail
	for i := len(elems) - 1; i >= 0; i-- {
		l = NewCons(elems[i], l)
	}
	return l
}

// ListToSlice returns a proper list's elements; ok is false for an
// improper list or a non-list.
func ListToSlice(t Term) (elems []Term, ok bool) {
	for t.IsCons() {
		c := t.Cell()
		elems = append(elems, c.Head)
		t = c.Tail
	}
	return elems, t.IsEmptyList()
}

// ListLength returns the length of a proper list, or -1 if t is not one.
func ListLength(t Term) int {
	n := 0
	for t.IsCons() {
		n++
		t = t.Cell().Tail
	}
	if !t.IsEmptyList() {
		return -1
	}
	return n
}

// ---- functions ----

// Fun is a function value. The interpreter owns what Code means (a
// closure over compiled code, or a native); term only needs to print and
// order it.
type Fun struct {
	Module string // defining module, e.g. "Elixir.Foo" prints as Foo
	Name   string // function name for captures (&Mod.fun/2), "" for fn
	Arity  int
	// External is true for &Mod.fun/arity captures of a named function,
	// which print as &Mod.fun/2; false for closures (#Function<...>).
	External bool
	Env      []Term // captured variables
	Code     any    // interpreter-owned: compiled clauses or native
	ID       uint64 // unique per fn expression, for printing and order
}

// NewFun makes a function term.
func NewFun(f *Fun) Term { return heap(KindFun, unsafe.Pointer(f), 0) }

// IsFun reports whether t is a function.
func (t Term) IsFun() bool { return t.Kind() == KindFun }

// FunVal returns a function's data.
func (t Term) FunVal() *Fun { return (*Fun)(t.p) }

// ---- maps (see map.go) ----

// IsMap reports whether t is a map (structs are maps).
func (t Term) IsMap() bool { return t.Kind() == KindMap }

// MapVal returns a map's data.
func (t Term) MapVal() *Map { return (*Map)(t.p) }

// NewMapTerm wraps a map built by the Map functions.
func NewMapTerm(m *Map) Term { return heap(KindMap, unsafe.Pointer(m), 0) }
