package repl

import (
	"goiex/vm"
	"goiex/vm/term"
)

func (s *Session) h0(_ *vm.Process, _ []term.Term) (term.Term, error) { return dontDisplay, nil }
func (s *Session) i0(_ *vm.Process, _ []term.Term) (term.Term, error) { return dontDisplay, nil }
func (s *Session) i1(_ *vm.Process, _ []term.Term) (term.Term, error) { return dontDisplay, nil }
func (s *Session) runtimeInfo(_ *vm.Process, _ []term.Term) (term.Term, error) {
	return dontDisplay, nil
}
func (s *Session) processInfo(_ *vm.Process, _ []term.Term) (term.Term, error) {
	return dontDisplay, nil
}
func (s *Session) exports(_ *vm.Process, _ []term.Term) (term.Term, error) { return dontDisplay, nil }
func (s *Session) c1(_ *vm.Process, _ []term.Term) (term.Term, error)      { return dontDisplay, nil }
func (s *Session) importFile(_ *vm.Process, _ []term.Term) (term.Term, error) {
	return dontDisplay, nil
}
