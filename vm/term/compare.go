package term

import (
	"math"
	"math/big"
	"strings"
	"unsafe"
)

// kindRank places each kind in Erlang's term order:
// number < atom < reference < function < port < pid < tuple < map < list
// < binary. [] and cons cells share a rank ([] sorts first).
var kindRank = [...]uint8{
	KindInt: 0, KindBigInt: 0, KindFloat: 0,
	KindAtom: 1, KindRef: 2, KindFun: 3, KindPid: 5,
	KindTuple: 6, KindMap: 7, KindEmptyList: 8, KindCons: 8, KindBinary: 9,
}

var (
	intTag  = unsafe.Pointer(&immTags[KindInt])
	atomTag = unsafe.Pointer(&immTags[KindAtom])
)

// Compare orders any two terms as Elixir's <, ==, > do: -1, 0 or 1.
// Numbers compare by exact value across integers and floats (1 == 1.0,
// and 9007199254740993 > 9007199254740992.0); maps compare by size, then
// by their keys in map-key order, then by their values.
func Compare(a, b Term) int { return cmp(a, b, false) }

// CompareMapKeys is the total order of map keys (Erlang's "exact" order):
// the term order, except that every integer sorts before every float, at
// any depth. So 1 and 1.0 are different keys and %{1 => _} < %{1.0 => _}.
// It returns 0 exactly when the keys are === (0.0 and -0.0 are one key
// on OTP 25).
func CompareMapKeys(a, b Term) int { return cmp(a, b, true) }

// Equal is Elixir's == (1 == 1.0).
func Equal(a, b Term) bool { return a == b || cmp(a, b, false) == 0 }

func cmp(a, b Term, exact bool) int {
	for {
		if a.p == b.p {
			// Same immediate kind, or the same heap object.
			if a.n == b.n {
				return 0
			}
			switch a.p {
			case intTag:
				return sign(int64(a.n), int64(b.n))
			case atomTag:
				return strings.Compare(atomName(uint32(a.n)), atomName(uint32(b.n)))
			}
		}
		ka, kb := a.Kind(), b.Kind()
		if ka != KindCons || kb != KindCons {
			return cmpNonCons(a, b, ka, kb, exact)
		}
		// Walk along list tails iteratively, so a long list costs no stack.
		ca, cb := a.Cell(), b.Cell()
		if c := cmp(ca.Head, cb.Head, exact); c != 0 {
			return c
		}
		a, b = ca.Tail, cb.Tail
	}
}

func sign[T int64 | uint64 | uint8 | int | float64](x, y T) int {
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}

func cmpNonCons(a, b Term, ka, kb Kind, exact bool) int {
	if ka != kb {
		ra, rb := kindRank[ka], kindRank[kb]
		if ra != rb {
			return sign(ra, rb)
		}
		switch ra {
		case 0:
			return cmpNumbers(a, b, ka, kb, exact)
		case 8: // [] against a cons cell
			if ka == KindEmptyList {
				return -1
			}
			return 1
		}
	}
	switch ka {
	case KindInt:
		return sign(a.SmallInt(), b.SmallInt())
	case KindFloat:
		return sign(a.FloatVal(), b.FloatVal())
	case KindBigInt:
		return a.Big().Cmp(b.Big())
	case KindAtom:
		if a.n == b.n {
			return 0
		}
		return strings.Compare(a.AtomName(), b.AtomName())
	case KindRef, KindPid:
		return sign(a.n, b.n)
	case KindBinary:
		return strings.Compare(a.Str(), b.Str())
	case KindEmptyList:
		return 0
	case KindTuple:
		ea, eb := a.Elems(), b.Elems()
		if len(ea) != len(eb) {
			return sign(len(ea), len(eb))
		}
		for i := range ea {
			if c := cmp(ea[i], eb[i], exact); c != 0 {
				return c
			}
		}
		return 0
	case KindMap:
		return cmpMaps(a.MapVal(), b.MapVal(), exact)
	case KindFun:
		return cmpFuns(a.FunVal(), b.FunVal(), exact)
	}
	panic("term.Compare: invalid term")
}

// cmpNumbers compares numbers of different kinds.
func cmpNumbers(a, b Term, ka, kb Kind, exact bool) int {
	if exact && (ka == KindFloat) != (kb == KindFloat) {
		if ka == KindFloat {
			return 1
		}
		return -1
	}
	switch {
	case ka == KindInt && kb == KindBigInt:
		return -b.Big().Sign() // a big integer lies outside int64
	case ka == KindBigInt && kb == KindInt:
		return a.Big().Sign()
	case ka == KindInt && kb == KindFloat:
		return cmpIntFloat(a.SmallInt(), b.FloatVal())
	case ka == KindFloat && kb == KindInt:
		return -cmpIntFloat(b.SmallInt(), a.FloatVal())
	case ka == KindBigInt && kb == KindFloat:
		return new(big.Float).SetInt(a.Big()).Cmp(big.NewFloat(b.FloatVal()))
	case ka == KindFloat && kb == KindBigInt:
		return -new(big.Float).SetInt(b.Big()).Cmp(big.NewFloat(a.FloatVal()))
	}
	panic("term.Compare: not numbers")
}

// cmpIntFloat compares exactly, as the BEAM does: no rounding of i.
func cmpIntFloat(i int64, f float64) int {
	const exactLimit = 1 << 53
	if i > -exactLimit && i < exactLimit {
		return sign(float64(i), f)
	}
	switch {
	case f >= math.MaxInt64: // 2^63 and above
		return -1
	case f < math.MinInt64:
		return 1
	}
	if math.Abs(f) < exactLimit {
		return sign(float64(i), f) // far apart: rounding i cannot matter
	}
	return sign(i, int64(f)) // f is integral and fits in an int64
}

func cmpMaps(a, b *Map, exact bool) int {
	if a == b {
		return 0
	}
	if a.n != b.n {
		return sign(a.n, b.n)
	}
	ia, ib := a.Iter(), b.Iter()
	for {
		ka, _, ok := ia.Next()
		if !ok {
			break
		}
		kb, _, _ := ib.Next()
		if c := cmp(ka, kb, true); c != 0 {
			return c
		}
	}
	ia, ib = a.Iter(), b.Iter()
	for {
		_, va, ok := ia.Next()
		if !ok {
			return 0
		}
		_, vb, _ := ib.Next()
		if c := cmp(va, vb, exact); c != 0 {
			return c
		}
	}
}

// cmpFuns orders functions as OTP 25 does: closures before external
// captures; captures by module, name and arity; closures by module, then
// by the fn expression they come from, then by their captured values.
func cmpFuns(a, b *Fun, exact bool) int {
	if a == b {
		return 0
	}
	if a.External != b.External {
		if a.External {
			return 1
		}
		return -1
	}
	if c := strings.Compare(a.Module, b.Module); c != 0 {
		return c
	}
	if a.External {
		if c := strings.Compare(a.Name, b.Name); c != 0 {
			return c
		}
		return sign(a.Arity, b.Arity)
	}
	if c := sign(a.ID, b.ID); c != 0 {
		return c
	}
	if c := sign(len(a.Env), len(b.Env)); c != 0 {
		return c
	}
	for i := range a.Env {
		if c := cmp(a.Env[i], b.Env[i], exact); c != 0 {
			return c
		}
	}
	return 0
}

// Identical is Elixir's === and the matching used by patterns: like ==
// but 1 !== 1.0, at any depth. Terms built separately are identical when
// their structure is (two {1, [2]} built apart are ===). On OTP 25,
// 0.0 === -0.0.
func Identical(a, b Term) bool {
	for {
		if a == b {
			return true
		}
		ka := a.Kind()
		if ka != b.Kind() {
			return false
		}
		switch ka {
		case KindCons:
			ca, cb := a.Cell(), b.Cell()
			if !Identical(ca.Head, cb.Head) {
				return false
			}
			a, b = ca.Tail, cb.Tail
			continue
		case KindFloat:
			return a.FloatVal() == b.FloatVal()
		case KindBigInt:
			return a.Big().Cmp(b.Big()) == 0
		case KindBinary:
			return a.Str() == b.Str()
		case KindTuple:
			ea, eb := a.Elems(), b.Elems()
			if len(ea) != len(eb) {
				return false
			}
			for i := range ea {
				if !Identical(ea[i], eb[i]) {
					return false
				}
			}
			return true
		case KindMap:
			return cmpMaps(a.MapVal(), b.MapVal(), true) == 0
		case KindFun:
			return cmpFuns(a.FunVal(), b.FunVal(), true) == 0
		}
		// Other immediates are identical only when their bits are.
		return false
	}
}
