package builtins

import (
	"goiex/vm"
	"goiex/vm/term"
)

// Exception.message/1 for the exceptions the VM and the library raise;
// an exception defined in Elixir with its own message/1 is asked.

func exceptionNatives() []vm.NativeSpec {
	return []vm.NativeSpec{
		spec("Exception", "message", 1, func(p *vm.Process, a []term.Term) (term.Term, error) {
			if !term.IsException(a[0]) {
				return term.Term{}, noClause("Exception", "message", 1)
			}
			if mod, _ := term.StructName(a[0]); p != nil && p.VM().DefinedInElixir(mod, "message", 1) {
				return term.Term{}, vm.CallInstead(term.Tuple(mod, term.Atom("message")), a)
			}
			return term.String(vm.ExceptionMessage(a[0])), nil
		}),
		spec("Exception", "exception?", 1, func(_ *vm.Process, a []term.Term) (term.Term, error) {
			return term.Bool(term.IsException(a[0])), nil
		}),
	}
}
