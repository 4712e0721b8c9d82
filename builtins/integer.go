package builtins

import (
	"math/big"

	"goiex/vm"
	"goiex/vm/term"
)

// Elixir's Integer module. is_even/is_odd are guard macros in Elixir;
// here they are functions (usable in guards through the compiler).

func integerNatives() []vm.NativeSpec {
	const m = "Integer"
	intArgs := func(name string, arity int, f func(a, b term.Term) (term.Term, error)) vm.Native {
		return func(_ *vm.Process, a []term.Term) (term.Term, error) {
			if !a[0].IsInt() || !a[1].IsInt() {
				return term.Term{}, noClause("Integer", name, arity)
			}
			return f(a[0], a[1])
		}
	}
	parity := func(odd bool) vm.Native {
		return func(_ *vm.Process, a []term.Term) (term.Term, error) {
			if !a[0].IsInt() {
				return term.Term{}, badarith() // rem/2 on a non-integer
			}
			return term.Bool((a[0].Big().Bit(0) == 1) == odd), nil
		}
	}
	return []vm.NativeSpec{
		spec(m, "to_string", 1, erlIntegerToBinary),
		spec(m, "to_string", 2, erlIntegerToBinary),
		spec(m, "to_charlist", 1, erlIntegerToList),
		spec(m, "to_charlist", 2, erlIntegerToList),
		spec(m, "parse", 1, integerParse),
		spec(m, "parse", 2, integerParse),
		spec(m, "digits", 1, integerDigits),
		spec(m, "digits", 2, integerDigits),
		spec(m, "undigits", 1, integerUndigits),
		spec(m, "undigits", 2, integerUndigits),
		spec(m, "pow", 2, integerPow),
		spec(m, "floor_div", 2, intArgs("floor_div", 2, floorDiv)),
		spec(m, "mod", 2, intArgs("mod", 2, intMod)),
		spec(m, "gcd", 2, intArgs("gcd", 2, func(a, b term.Term) (term.Term, error) {
			x, y := new(big.Int).Abs(a.Big()), new(big.Int).Abs(b.Big())
			return term.BigInt(new(big.Int).GCD(nil, nil, x, y)), nil
		})),
		spec(m, "is_even", 1, parity(false)),
		spec(m, "is_odd", 1, parity(true)),
	}
}

// integerParse is Integer.parse/1,2: leading sign and digits, then the
// rest of the string; :error when there are no digits.
func integerParse(_ *vm.Process, a []term.Term) (term.Term, error) {
	base := 10
	if len(a) == 2 {
		b, ok := smallInt(a[1])
		if !ok || b < 2 || b > 36 {
			return term.Term{}, argError("invalid base " + term.Inspect(a[1]))
		}
		base = b
	}
	if !a[0].IsBinary() {
		return term.Term{}, noClause("Integer", "parse", 2)
	}
	s := a[0].Str()
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	j := i
	for j < len(s) && digitVal(s[j]) < base {
		j++
	}
	if j == i {
		return term.Error, nil
	}
	n, _ := parseInt(s[:j], base)
	return term.Tuple(n, term.String(s[j:])), nil
}

func integerDigits(_ *vm.Process, a []term.Term) (term.Term, error) {
	base := term.Int(10)
	if len(a) == 2 {
		base = a[1]
	}
	if !a[0].IsInt() || !base.IsInt() || sign(base) <= 0 || base == term.Int(1) {
		return term.Term{}, noClause("Integer", "digits", 2)
	}
	n, b := new(big.Int).Set(a[0].Big()), base.Big()
	if n.Sign() == 0 {
		return term.List(term.Int(0)), nil
	}
	neg := n.Sign() < 0
	n.Abs(n)
	var digits []term.Term
	r := new(big.Int)
	for n.Sign() > 0 {
		n.QuoRem(n, b, r)
		d := r.Int64()
		if neg {
			d = -d
		}
		digits = append(digits, term.Int(d))
	}
	out := term.EmptyList
	for _, d := range digits {
		out = term.NewCons(d, out)
	}
	return out, nil
}

func integerUndigits(_ *vm.Process, a []term.Term) (term.Term, error) {
	base := term.Int(10)
	if len(a) == 2 {
		base = a[1]
	}
	el, ok := term.ListToSlice(a[0])
	if !ok || !base.IsInt() || sign(base) <= 0 || base == term.Int(1) {
		return term.Term{}, noClause("Integer", "undigits", 2)
	}
	acc := term.Int(0)
	for _, d := range el {
		if !d.IsInt() {
			return term.Term{}, noClause("Integer", "undigits", 2)
		}
		if term.Compare(d, base) >= 0 {
			return term.Term{}, argError("invalid digit " + term.Inspect(d) + " in base " + term.Inspect(base))
		}
		var err error
		if acc, err = mul(acc, base); err != nil {
			return acc, err
		}
		if acc, err = add(acc, d); err != nil {
			return acc, err
		}
	}
	return acc, nil
}

func integerPow(_ *vm.Process, a []term.Term) (term.Term, error) {
	if !a[0].IsInt() || !a[1].IsInt() {
		return term.Term{}, noClause("Integer", "pow", 2)
	}
	if sign(a[1]) < 0 {
		return term.Term{}, badarith()
	}
	if !a[1].IsSmallInt() || a[1].SmallInt() > 1<<24 {
		return term.Term{}, vmSystemLimit()
	}
	return term.BigInt(new(big.Int).Exp(a[0].Big(), a[1].Big(), nil)), nil
}
