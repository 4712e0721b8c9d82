// Package builtins owns goiex's standard library: the Go natives of
// Kernel, :erlang, :lists, :maps, :math, String, Integer, Float, Atom,
// Tuple, List, Map, Keyword, IO, System and Exception, and the library
// written in Elixir (lib/*.ex, embedded): Enum, the higher-order parts of
// Map, List and Keyword, Range, MapSet and :timer.
//
// It does not own processes: spawn, send, receive, links, monitors, raise,
// throw, exit and apply are the VM's. A native never calls back into
// Elixir code (a callback may receive, which parks the process), which is
// why every function that takes a function is written in Elixir.
//
// The Elixir library only calls functions that exist in real Elixir and
// Erlang, named as there (:erlang.element/2, :lists.reverse/2,
// :maps.get/3…), so it runs unchanged on real Elixir; the tests load it
// there under renamed modules and compare it with the real thing.
package builtins

import (
	"embed"
	"io/fs"

	"goiex/vm"
	"goiex/vm/term"
)

//go:embed lib/*.ex lib/*.use.exs
var library embed.FS

// Library returns the Elixir sources of the library, one module family
// per file (lib/enum.ex, lib/map.ex…), for the VM to compile at start.
// Where a module has both a Go native and an Elixir function of the same
// name and arity, the Elixir one wins.
func Library() fs.FS {
	sub, err := fs.Sub(library, "lib")
	if err != nil {
		panic(err) // the embed pattern guarantees lib exists
	}
	return sub
}

// Natives returns every Go native of the library.
func Natives() []vm.NativeSpec {
	var all []vm.NativeSpec
	for _, group := range [][]vm.NativeSpec{
		kernelNatives(),
		erlangNatives(),
		listsNatives(),
		mapsNatives(),
		mathNatives(),
		stringNatives(),
		integerNatives(),
		floatNatives(),
		atomNatives(),
		tupleNatives(),
		listNatives(),
		mapNatives(),
		keywordNatives(),
		ioNatives(),
		systemNatives(),
		exceptionNatives(),
		loggerNatives(),
		etsNatives(),
		detsNatives(),
		fileNatives(),
	} {
		all = append(all, group...)
	}
	return all
}

// spec is shorthand for a NativeSpec in the tables of each file.
func spec(module, name string, arity int, fn vm.Native) vm.NativeSpec {
	return vm.NativeSpec{Module: module, Name: name, Arity: arity, Fn: fn}
}

// badarg is the ArgumentError an Erlang BIF raises for its argN-th
// argument (1-based), e.g. badarg(1, "not a list").
func badarg(argN int, what string) error {
	return vm.Raise(vm.NewArgumentErrorAt(argN, what))
}

// argError is a plain ArgumentError with the given message.
func argError(msg string) error { return vm.Raise(vm.NewArgumentError(msg)) }

// badarith is the ArithmeticError of arithmetic on non-numbers.
func badarith() error { return vm.Raise(vm.NewArithmeticError()) }

// badmap is the BadMapError of a map function given a non-map.
func badmap(t term.Term) error { return vm.Raise(vm.NewBadMapError(t)) }

// noClause is the FunctionClauseError of an Elixir function (module as
// Elixir writes it: "String", ":lists") none of whose clauses matched.
func noClause(module, fun string, arity int) error {
	return vm.Raise(vm.NewFunctionClauseError(moduleAtom(module), fun, arity))
}

// moduleAtom turns "String" into :"Elixir.String" and ":lists" into :lists.
func moduleAtom(module string) term.Term {
	if len(module) > 0 && module[0] == ':' {
		return term.Atom(module[1:])
	}
	return term.ModuleAtom(module)
}

// protocolUndefined raises Protocol.UndefinedError for protocol and v.
func protocolUndefined(protocol string, v term.Term) error {
	return vm.Raise(vm.NewProtocolUndefinedError(protocol, v, ""))
}

// exceptionWithMessage builds %Module{message: msg} for the library's
// own exceptions (Enum.EmptyError…).
func exceptionWithMessage(module, msg string) term.Term {
	return term.Struct(module, term.Atom("message"), term.String(msg), term.ExceptionKey(), term.True)
}

// atom is term.Atom, short for the many atoms the natives compare with.
func atom(name string) term.Term { return term.Atom(name) }

// okTuple builds {:ok, v}.
func okTuple(v term.Term) term.Term { return term.Tuple(term.OK, v) }

// isKeyword reports whether t is a proper list of {atom, value} pairs.
func isKeyword(t term.Term) bool {
	for t.IsCons() {
		h := t.Head()
		if !h.IsTuple() || h.TupleSize() != 2 || !h.Elems()[0].IsAtom() {
			return false
		}
		t = t.Tail()
	}
	return t.IsEmptyList()
}

// smallInt returns t as an int if it is a small integer.
func smallInt(t term.Term) (int, bool) {
	if !t.IsSmallInt() {
		return 0, false
	}
	return int(t.SmallInt()), true
}
