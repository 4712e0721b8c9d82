package builtins

import (
	"goiex/vm"
	"goiex/vm/term"
)

// Exception.message/1 for the exceptions the VM and the library raise.
// Exceptions defined in Elixir with their own message/1 are the VM's to
// dispatch (it knows the user's modules).

func exceptionNatives() []vm.NativeSpec {
	return []vm.NativeSpec{
		spec("Exception", "message", 1, func(_ *vm.Process, a []term.Term) (term.Term, error) {
			if !term.IsException(a[0]) {
				return term.Term{}, noClause("Exception", "message", 1)
			}
			return term.String(vm.ExceptionMessage(a[0])), nil
		}),
		spec("Exception", "exception?", 1, func(_ *vm.Process, a []term.Term) (term.Term, error) {
			return term.Bool(term.IsException(a[0])), nil
		}),
	}
}
