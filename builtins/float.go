package builtins

import (
	"math"
	"math/big"
	"strconv"
	"strings"

	"goiex/vm"
	"goiex/vm/term"
)

// Elixir's Float module. round/floor/ceil with a precision work on the
// exact decimal value of the float, as Elixir's do (Float.round(1.005, 2)
// is 1.0 because 1.005 is really 1.00499999999999989…).

func floatNatives() []vm.NativeSpec {
	const m = "Float"
	return []vm.NativeSpec{
		spec(m, "round", 1, floatRounder("round", roundHalfUp)),
		spec(m, "round", 2, floatRounder("round", roundHalfUp)),
		spec(m, "floor", 1, floatRounder("floor", roundFloor)),
		spec(m, "floor", 2, floatRounder("floor", roundFloor)),
		spec(m, "ceil", 1, floatRounder("ceil", roundCeil)),
		spec(m, "ceil", 2, floatRounder("ceil", roundCeil)),
		spec(m, "to_string", 1, floatToString),
		spec(m, "parse", 1, floatParse),
	}
}

type roundMode int

const (
	roundHalfUp roundMode = iota // ties away from zero
	roundFloor
	roundCeil
)

func floatRounder(name string, mode roundMode) vm.Native {
	return func(_ *vm.Process, a []term.Term) (term.Term, error) {
		prec := 0
		if len(a) == 2 {
			var ok bool
			if prec, ok = smallInt(a[1]); !ok {
				return term.Term{}, noClause("Float", name, 2)
			}
		}
		if !a[0].IsFloat() {
			return term.Term{}, noClause("Float", name, 2)
		}
		if prec < 0 || prec > 15 {
			return term.Term{}, argError("precision " + strconv.Itoa(prec) + " is out of valid range of 0..15")
		}
		return term.Float(roundDecimal(a[0].FloatVal(), prec, mode)), nil
	}
}

// roundDecimal rounds f to prec decimal places by its exact decimal
// expansion.
func roundDecimal(f float64, prec int, mode roundMode) float64 {
	if math.IsInf(f, 0) || math.IsNaN(f) || f == math.Trunc(f) && math.Abs(f) >= 1e15 {
		return f
	}
	exact := new(big.Float).SetFloat64(f).Text('f', 1100)
	neg := strings.HasPrefix(exact, "-")
	exact = strings.TrimPrefix(exact, "-")
	intPart, frac, _ := strings.Cut(exact, ".")
	digits := []byte(intPart + frac[:prec])
	rest := frac[prec:]
	restNonZero := strings.Trim(rest, "0") != ""
	up := false
	switch mode {
	case roundHalfUp:
		up = rest[0] >= '5'
	case roundFloor:
		up = neg && restNonZero
	case roundCeil:
		up = !neg && restNonZero
	}
	if up {
		i := len(digits) - 1
		for ; i >= 0 && digits[i] == '9'; i-- {
			digits[i] = '0'
		}
		if i < 0 {
			digits = append([]byte{'1'}, digits...)
		} else {
			digits[i]++
		}
	}
	s := string(digits[:len(digits)-prec]) + "." + string(digits[len(digits)-prec:]) + "0"
	r, _ := strconv.ParseFloat(s, 64)
	if neg && (r != 0 || mode != roundHalfUp) {
		r = -r
	}
	return r
}

func floatToString(_ *vm.Process, a []term.Term) (term.Term, error) {
	if !a[0].IsFloat() {
		return term.Term{}, noClause("Float", "to_string", 1)
	}
	return term.String(term.FloatToString(a[0].FloatVal())), nil
}

// floatParse is Float.parse/1: a sign, digits, an optional fraction and
// exponent, then the rest of the string; "1" parses as 1.0.
func floatParse(_ *vm.Process, a []term.Term) (term.Term, error) {
	if !a[0].IsBinary() {
		return term.Term{}, noClause("Float", "parse", 1)
	}
	s := a[0].Str()
	digitsAt := func(i int) int {
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		return i
	}
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	j := digitsAt(i)
	if j == i {
		return term.Error, nil
	}
	if j+1 < len(s) && s[j] == '.' && s[j+1] >= '0' && s[j+1] <= '9' {
		j = digitsAt(j + 1)
	}
	if j < len(s) && (s[j] == 'e' || s[j] == 'E') {
		k := j + 1
		if k < len(s) && (s[k] == '+' || s[k] == '-') {
			k++
		}
		if e := digitsAt(k); e > k {
			j = e
		}
	}
	f, err := strconv.ParseFloat(s[:j], 64)
	if err != nil {
		return term.Term{}, badarith()
	}
	return term.Tuple(term.Float(f), term.String(s[j:])), nil
}
