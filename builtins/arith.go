package builtins

import (
	"math"
	"math/big"
	"math/bits"

	"goiex/vm/term"
)

// Integer arithmetic stays in int64 while it fits and grows into big.Int
// when it doesn't, as on the BEAM; any float operand makes a float
// result, and a float result that is not finite is an ArithmeticError.

// toFloat returns a number as a float64 (ok false for non-numbers).
func toFloat(t term.Term) (float64, bool) {
	switch t.Kind() {
	case term.KindInt:
		return float64(t.SmallInt()), true
	case term.KindFloat:
		return t.FloatVal(), true
	case term.KindBigInt:
		f, _ := new(big.Float).SetInt(t.Big()).Float64()
		return f, true
	}
	return 0, false
}

// floatResult checks that a float result is finite.
func floatResult(f float64) (term.Term, error) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return term.Term{}, badarith()
	}
	return term.Float(f), nil
}

// floatOperands is true when both are numbers and at least one is a float.
func floatOperands(a, b term.Term) (x, y float64, isFloat bool, ok bool) {
	if !a.IsNumber() || !b.IsNumber() {
		return 0, 0, false, false
	}
	if !a.IsFloat() && !b.IsFloat() {
		return 0, 0, false, true
	}
	x, _ = toFloat(a)
	y, _ = toFloat(b)
	return x, y, true, true
}

func add(a, b term.Term) (term.Term, error) {
	if a.IsSmallInt() && b.IsSmallInt() {
		x, y := a.SmallInt(), b.SmallInt()
		s := x + y
		if (s > x) == (y > 0) {
			return term.Int(s), nil
		}
		return term.BigInt(new(big.Int).Add(big.NewInt(x), big.NewInt(y))), nil
	}
	x, y, isF, ok := floatOperands(a, b)
	if !ok {
		return term.Term{}, badarith()
	}
	if isF {
		return floatResult(x + y)
	}
	return term.BigInt(new(big.Int).Add(a.Big(), b.Big())), nil
}

func sub(a, b term.Term) (term.Term, error) {
	if a.IsSmallInt() && b.IsSmallInt() {
		x, y := a.SmallInt(), b.SmallInt()
		s := x - y
		if (s < x) == (y > 0) {
			return term.Int(s), nil
		}
		return term.BigInt(new(big.Int).Sub(big.NewInt(x), big.NewInt(y))), nil
	}
	x, y, isF, ok := floatOperands(a, b)
	if !ok {
		return term.Term{}, badarith()
	}
	if isF {
		return floatResult(x - y)
	}
	return term.BigInt(new(big.Int).Sub(a.Big(), b.Big())), nil
}

func mul(a, b term.Term) (term.Term, error) {
	if a.IsSmallInt() && b.IsSmallInt() {
		x, y := a.SmallInt(), b.SmallInt()
		hi, lo := bits.Mul64(uint64(abs64(x)), uint64(abs64(y)))
		if hi == 0 && lo <= math.MaxInt64 && x != math.MinInt64 && y != math.MinInt64 {
			return term.Int(x * y), nil
		}
		return term.BigInt(new(big.Int).Mul(big.NewInt(x), big.NewInt(y))), nil
	}
	x, y, isF, ok := floatOperands(a, b)
	if !ok {
		return term.Term{}, badarith()
	}
	if isF {
		return floatResult(x * y)
	}
	return term.BigInt(new(big.Int).Mul(a.Big(), b.Big())), nil
}

func abs64(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

// fdiv is `/`: always a float; dividing by zero (0 or 0.0) is an error.
func fdiv(a, b term.Term) (term.Term, error) {
	x, ok1 := toFloat(a)
	y, ok2 := toFloat(b)
	if !ok1 || !ok2 || y == 0 {
		return term.Term{}, badarith()
	}
	return floatResult(x / y)
}

// intDiv is div/2: integer division truncating toward zero.
func intDiv(a, b term.Term) (term.Term, error) {
	if !a.IsInt() || !b.IsInt() {
		return term.Term{}, badarith()
	}
	if a.IsSmallInt() && b.IsSmallInt() {
		x, y := a.SmallInt(), b.SmallInt()
		if y == 0 {
			return term.Term{}, badarith()
		}
		if !(x == math.MinInt64 && y == -1) {
			return term.Int(x / y), nil
		}
	}
	if b.Big().Sign() == 0 {
		return term.Term{}, badarith()
	}
	return term.BigInt(new(big.Int).Quo(a.Big(), b.Big())), nil
}

// intRem is rem/2: the remainder has the sign of the dividend.
func intRem(a, b term.Term) (term.Term, error) {
	if !a.IsInt() || !b.IsInt() {
		return term.Term{}, badarith()
	}
	if a.IsSmallInt() && b.IsSmallInt() {
		x, y := a.SmallInt(), b.SmallInt()
		if y == 0 {
			return term.Term{}, badarith()
		}
		if y == -1 {
			return term.Int(0), nil
		}
		return term.Int(x % y), nil
	}
	if b.Big().Sign() == 0 {
		return term.Term{}, badarith()
	}
	return term.BigInt(new(big.Int).Rem(a.Big(), b.Big())), nil
}

// floorDiv is Integer.floor_div/2 (rounds toward negative infinity).
func floorDiv(a, b term.Term) (term.Term, error) {
	q, err := intDiv(a, b)
	if err != nil {
		return q, err
	}
	r, _ := intRem(a, b)
	if sign(r) != 0 && sign(r) != sign(b) {
		return sub(q, term.Int(1))
	}
	return q, nil
}

// intMod is Integer.mod/2 (the result has the sign of the divisor).
func intMod(a, b term.Term) (term.Term, error) {
	r, err := intRem(a, b)
	if err != nil {
		return r, err
	}
	if sign(r) != 0 && sign(r) != sign(b) {
		return add(r, b)
	}
	return r, nil
}

// sign of an integer or float: -1, 0 or 1.
func sign(t term.Term) int {
	switch t.Kind() {
	case term.KindInt:
		x := t.SmallInt()
		switch {
		case x < 0:
			return -1
		case x > 0:
			return 1
		}
		return 0
	case term.KindBigInt:
		return t.Big().Sign()
	case term.KindFloat:
		f := t.FloatVal()
		switch {
		case f < 0:
			return -1
		case f > 0:
			return 1
		}
	}
	return 0
}

func negate(a term.Term) (term.Term, error) {
	switch a.Kind() {
	case term.KindFloat:
		return term.Float(-a.FloatVal()), nil
	case term.KindInt, term.KindBigInt:
		return sub(term.Int(0), a)
	}
	return term.Term{}, badarith()
}

func absNum(a term.Term) (term.Term, bool) {
	switch a.Kind() {
	case term.KindFloat:
		return term.Float(math.Abs(a.FloatVal())), true
	case term.KindInt, term.KindBigInt:
		if sign(a) < 0 {
			n, _ := negate(a)
			return n, true
		}
		return a, true
	}
	return term.Term{}, false
}

// floatToInt converts a float already rounded to an integral value.
func floatToInt(f float64) term.Term {
	if f >= -9.2e18 && f <= 9.2e18 {
		return term.Int(int64(f))
	}
	b, _ := big.NewFloat(f).Int(nil)
	return term.BigInt(b)
}

// roundNum, truncNum, floorNum and ceilNum take a number and return an
// integer (round/1, trunc/1, floor/1, ceil/1).
func roundWith(a term.Term, f func(float64) float64) (term.Term, bool) {
	switch a.Kind() {
	case term.KindInt, term.KindBigInt:
		return a, true
	case term.KindFloat:
		return floatToInt(f(a.FloatVal())), true
	}
	return term.Term{}, false
}

// Erlang's round/1 rounds half away from zero, like math.Round.
func roundNum(a term.Term) (term.Term, bool) { return roundWith(a, math.Round) }
func truncNum(a term.Term) (term.Term, bool) { return roundWith(a, math.Trunc) }
func floorNum(a term.Term) (term.Term, bool) { return roundWith(a, math.Floor) }
func ceilNum(a term.Term) (term.Term, bool)  { return roundWith(a, math.Ceil) }

// bitwise applies a big.Int operation to two integers.
func bitwise(a, b term.Term, op func(z, x, y *big.Int) *big.Int) (term.Term, error) {
	if !a.IsInt() || !b.IsInt() {
		return term.Term{}, badarith()
	}
	return term.BigInt(op(new(big.Int), a.Big(), b.Big())), nil
}

// shift is bsl (left > 0) or bsr on integers of any size.
func shift(a, b term.Term, left bool) (term.Term, error) {
	if !a.IsInt() || !b.IsSmallInt() {
		return term.Term{}, badarith()
	}
	n := b.SmallInt()
	if !left {
		n = -n
	}
	if n > 1<<24 {
		return term.Term{}, vmSystemLimit()
	}
	if n >= 0 {
		return term.BigInt(new(big.Int).Lsh(a.Big(), uint(n))), nil
	}
	if n < -1<<24 {
		if sign(a) < 0 {
			return term.Int(-1), nil
		}
		return term.Int(0), nil
	}
	return term.BigInt(new(big.Int).Rsh(a.Big(), uint(-n))), nil
}
