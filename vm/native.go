package vm

import (
	"goiex/vm/term"
)

// Native is a built-in function written in Go. A native runs to
// completion inside one reduction slice: it must not block, wait or call
// back into Elixir code (higher-order library functions are written in
// Elixir, in builtins/lib). To raise, it returns an error made by Raise,
// Exit or Throw (or the constructors in exception.go); any other Go error
// becomes an ErlangError.
type Native func(p *Process, args []term.Term) (term.Term, error)

// NativeSpec names a native for registration: Module is the module atom's
// text as Elixir writes it ("String", "IO", ":erlang", ":lists").
type NativeSpec struct {
	Module string
	Name   string
	Arity  int
	Fn     Native
	Doc    string // one line, shown by h/1
}

// Class is how a process is leaving the normal flow: :error (raise),
// :exit (exit/1) or :throw (throw/1), as in Erlang's try ... catch.
type Class uint8

const (
	ClassError Class = iota
	ClassExit
	ClassThrow
)

func (c Class) String() string { return [...]string{"error", "exit", "throw"}[c] }

// Atom returns :error, :exit or :throw.
func (c Class) Atom() term.Term { return term.Atom(c.String()) }

// Raised is an exception in flight: a raise, exit or throw. Natives
// return it as their error; the interpreter unwinds to the nearest try or
// ends the process with it.
type Raised struct {
	Class  Class
	Reason term.Term // as Erlang carries it: {:badmatch, 2}, :function_clause, or an exception struct
	// Exception is the reason as an Elixir exception, when the raw reason
	// alone can't make it (FunctionClauseError needs the function).
	Exception term.Term
	Stack     term.Term // the stacktrace as Elixir's list of tuples, if known
	trace     []traceEntry
	// uncatchable marks an exit signal ending the running process (an
	// untrappable kill): no try can catch it.
	uncatchable bool
	// bif is the Erlang operator call that failed, as Elixir shows it on
	// top of the stacktrace (":erlang./(1, 0)"), and blame the expression
	// an uncaught ArithmeticError adds to its message ("1 / 0").
	bif, blame string
}

func (r *Raised) Error() string {
	return FormatRaised(r.Class, r.Normalized())
}

// Banner is the first line Elixir prints for an uncaught error at the
// top level of a script or the shell: Error(), blamed the way
// Exception.blame does (": 1 / 0" after an ArithmeticError of an
// operator).
func (r *Raised) Banner() string {
	if r.blame != "" {
		return r.Error() + ": " + r.blame
	}
	return r.Error()
}

// Normalized returns the error as the exception `rescue` sees.
func (r *Raised) Normalized() term.Term {
	if r.Class != ClassError {
		return r.Reason
	}
	if r.Exception.Valid() {
		return r.Exception
	}
	return NormalizeError(r.Reason)
}

// Raise makes an error-class exception from an exception struct.
func Raise(exception term.Term) *Raised { return &Raised{Class: ClassError, Reason: exception} }

// Exit makes an exit with the given reason (exit/1).
func Exit(reason term.Term) *Raised { return &Raised{Class: ClassExit, Reason: reason} }

// Throw makes a throw of the given value (throw/1).
func Throw(value term.Term) *Raised { return &Raised{Class: ClassThrow, Reason: value} }
