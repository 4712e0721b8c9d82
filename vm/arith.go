package vm

import (
	"math"
	"math/big"
	"unicode/utf8"

	"goiex/vm/compile"
	"goiex/vm/term"
)

var errBadarith = term.Atom("badarith")

// arith computes a op b for + - * / on any numbers, growing integers
// into big integers on overflow as Elixir does.
func arith(op compile.Opcode, a, b term.Term) (term.Term, *Raised) {
	if !a.IsNumber() || !b.IsNumber() {
		return term.Term{}, Raise(errBadarith)
	}
	if op == compile.FDIV {
		y := toFloat(b)
		if y == 0 {
			return term.Term{}, Raise(errBadarith)
		}
		return floatResult(toFloat(a) / y)
	}
	if a.IsFloat() || b.IsFloat() {
		x, y := toFloat(a), toFloat(b)
		switch op {
		case compile.ADD:
			return floatResult(x + y)
		case compile.SUB:
			return floatResult(x - y)
		default:
			return floatResult(x * y)
		}
	}
	if a.IsSmallInt() && b.IsSmallInt() {
		x, y := a.SmallInt(), b.SmallInt()
		switch op {
		case compile.ADD:
			if s := x + y; (s > x) == (y > 0) {
				return term.Int(s), nil
			}
		case compile.SUB:
			if s := x - y; (s < x) == (y > 0) {
				return term.Int(s), nil
			}
		case compile.MUL:
			if x == 0 || y == 0 {
				return term.Int(0), nil
			}
			if s := x * y; s/y == x && !(x == -1 && y == math.MinInt64) && !(y == -1 && x == math.MinInt64) {
				return term.Int(s), nil
			}
		}
	}
	r := new(big.Int)
	switch op {
	case compile.ADD:
		r.Add(a.Big(), b.Big())
	case compile.SUB:
		r.Sub(a.Big(), b.Big())
	default:
		r.Mul(a.Big(), b.Big())
	}
	return term.BigInt(r), nil
}

var operatorText = map[compile.Opcode]string{compile.ADD: "+", compile.SUB: "-", compile.MUL: "*", compile.FDIV: "/"}

// blameOperator records which operator call failed, for the stacktrace's
// ":erlang./(1, 0)" line and the top level's "1 / 0" blame.
func blameOperator(exc *Raised, op compile.Opcode, a, b term.Term) {
	sym := operatorText[op]
	exc.bif = ":erlang." + sym + "(" + term.Inspect(a) + ", " + term.Inspect(b) + ")"
	exc.blame = term.Inspect(a) + " " + sym + " " + term.Inspect(b)
}

func toFloat(t term.Term) float64 {
	if t.IsFloat() {
		return t.FloatVal()
	}
	if t.IsSmallInt() {
		return float64(t.SmallInt())
	}
	f, _ := new(big.Float).SetInt(t.Big()).Float64()
	return f
}

func floatResult(f float64) (term.Term, *Raised) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return term.Term{}, Raise(errBadarith)
	}
	return term.Float(f), nil
}

// listAppend is ++: the left side must be a proper list; the right side
// may be anything (an improper list results).
func listAppend(a, b term.Term) (term.Term, *Raised) {
	elems, ok := term.ListToSlice(a)
	if !ok {
		return term.Term{}, Raise(NewArgumentError("argument error"))
	}
	return term.ListWithTail(elems, b), nil
}

// binPut appends one segment of <<…>> to acc.
func binPut(acc, x term.Term, kind int) (term.Term, *Raised) {
	switch kind {
	case compile.SegBinary:
		if !x.IsBinary() {
			return term.Term{}, Raise(NewArgumentError("construction of binary failed: segment 1 of type 'binary': expected a binary but got: " + term.Inspect(x)))
		}
		return term.String(acc.Str() + x.Str()), nil
	case compile.SegUTF8:
		if !x.IsSmallInt() || !utf8.ValidRune(rune(x.SmallInt())) {
			return term.Term{}, Raise(NewArgumentError("construction of binary failed: segment 1 of type 'utf8': expected a non-negative integer encodable as utf8 but got: " + term.Inspect(x)))
		}
		return term.String(acc.Str() + string(rune(x.SmallInt()))), nil
	}
	if !x.IsInt() {
		return term.Term{}, Raise(NewArgumentError("construction of binary failed: segment 1 of type 'integer': expected an integer but got: " + term.Inspect(x)))
	}
	b := byte(new(big.Int).And(x.Big(), big.NewInt(255)).Int64())
	return term.String(acc.Str() + string([]byte{b})), nil
}
