package builtins

import (
	"math"

	"goiex/vm"
	"goiex/vm/term"
)

// Erlang's :math: every function takes numbers and returns a float; a
// result outside the reals (sqrt(-1), log(0), overflow) is an
// ArithmeticError.

func mathNatives() []vm.NativeSpec {
	const m = ":math"
	f1 := func(name string, f func(float64) float64) vm.NativeSpec {
		return spec(m, name, 1, func(_ *vm.Process, a []term.Term) (term.Term, error) {
			x, ok := toFloat(a[0])
			if !ok {
				return term.Term{}, badarith()
			}
			return floatResult(f(x))
		})
	}
	f2 := func(name string, f func(x, y float64) float64) vm.NativeSpec {
		return spec(m, name, 2, func(_ *vm.Process, a []term.Term) (term.Term, error) {
			x, ok1 := toFloat(a[0])
			y, ok2 := toFloat(a[1])
			if !ok1 || !ok2 {
				return term.Term{}, badarith()
			}
			return floatResult(f(x, y))
		})
	}
	positive := func(f func(float64) float64) func(float64) float64 {
		return func(x float64) float64 {
			if x <= 0 {
				return math.NaN()
			}
			return f(x)
		}
	}
	return []vm.NativeSpec{
		f2("pow", math.Pow),
		f1("sqrt", math.Sqrt),
		f1("log", positive(math.Log)),
		f1("log2", positive(math.Log2)),
		f1("log10", positive(math.Log10)),
		f1("exp", math.Exp),
		f1("sin", math.Sin),
		f1("cos", math.Cos),
		f1("tan", math.Tan),
		f1("asin", math.Asin),
		f1("acos", math.Acos),
		f1("atan", math.Atan),
		f2("atan2", math.Atan2),
		f1("sinh", math.Sinh),
		f1("cosh", math.Cosh),
		f1("tanh", math.Tanh),
		f1("floor", math.Floor),
		f1("ceil", math.Ceil),
		f2("fmod", math.Mod),
		spec(m, "pi", 0, func(*vm.Process, []term.Term) (term.Term, error) { return term.Float(math.Pi), nil }),
	}
}
