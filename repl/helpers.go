package repl

import (
	"fmt"
	"strconv"
	"strings"

	"goiex/vm"
	"goiex/vm/term"
)

// The shell helpers are Go natives of the module IEx.Helpers, which every
// input imports (compile.Options.Imports), as iex imports its own
// IEx.Helpers. h/1 and open/1 take code, not values (`h GenServer.call`),
// so the shell reads them before the compiler does (command.go).

// helper is one IEx.Helpers function with its documentation for h/1.
type helper struct {
	name  string
	arity int
	fn    vm.Native
	doc   string // one line, as iex's h() lists them
}

func (s *Session) helpers() []helper {
	return []helper{
		{"flush", 0, s.flush, "flushes all messages sent to the shell"},
		{"v", 0, s.v0, "retrieves the last value from the history"},
		{"v", 1, s.v1, "retrieves the nth value from the history"},
		{"pid", 1, pid1, "creates a PID from a string"},
		{"pid", 3, pid3, "creates a PID with the 3 integer arguments passed"},
		{"ref", 1, ref1, "creates a reference from a string"},
		{"ref", 4, ref4, "creates a reference with the 4 integer arguments passed"},
		{"clear", 0, s.clear, "clears the screen"},
		{"respawn", 0, s.respawnHelper, "respawns the current shell by starting a new shell process"},
		{"h", 0, s.h0, "prints this help message"},
		{"i", 0, s.i0, "prints information about the last value"},
		{"i", 1, s.i1, "prints information about the given term"},
		{"runtime_info", 0, s.runtimeInfo, "prints runtime info (processes, memory, scheduler, clock, uptime)"},
		{"process_info", 1, s.processInfo, "prints a process's overview, links, monitors, memory and current stacktrace"},
		{"exports", 1, s.exports, "shows all exports (functions) in a module"},
	}
}

// commandDocs lists the helpers read before compiling (command.go).
var commandDocs = []helper{
	{name: "c", arity: 1, doc: "compiles (loads) a file and returns the modules it defines"},
	{name: "h", arity: 1, doc: "prints help for the given module or function"},
	{name: "import_file", arity: 1, doc: "evaluates a file in the shell, as if its lines were typed"},
	{name: "open", arity: 1, doc: "prints the Elixir source of the given module or function"},
}

func (s *Session) installHelpers() {
	for _, h := range s.helpers() {
		s.m.RegisterNative(vm.NativeSpec{Module: "IEx.Helpers", Name: h.name, Arity: h.arity, Fn: h.fn, Doc: h.doc})
	}
}

var atomOK = term.Atom("ok")

func (s *Session) flush(p *vm.Process, _ []term.Term) (term.Term, error) {
	for _, msg := range p.Flush() {
		fmt.Fprintln(s.out, term.InspectWith(msg, term.InspectOptions{Pretty: true}))
	}
	return atomOK, nil
}

func (s *Session) v0(p *vm.Process, _ []term.Term) (term.Term, error) {
	return s.v1(p, []term.Term{term.Int(-1)})
}

func (s *Session) v1(_ *vm.Process, args []term.Term) (term.Term, error) {
	if !args[0].IsSmallInt() {
		return term.Term{}, vm.Raise(vm.NewFunctionClauseError(helpersModule, "v", 1))
	}
	n := int(args[0].SmallInt())
	at := n
	if n < 0 {
		at = s.counter + n
	}
	if v, ok := s.results[at]; ok {
		return v, nil
	}
	return term.Term{}, vm.Raise(vm.NewRuntimeError(fmt.Sprintf("v(%d) is out of bounds", n)))
}

// pid1 is pid("0.110.0"); the "#PID<…>" and "<…>" shapes work too.
func pid1(_ *vm.Process, args []term.Term) (term.Term, error) {
	if !args[0].IsBinary() {
		return term.Term{}, vm.Raise(vm.NewFunctionClauseError(helpersModule, "pid", 1))
	}
	parts, ok := dotted(args[0].Str(), "#PID", 3)
	if !ok {
		return term.Term{}, vm.Raise(vm.NewArgumentErrorAt(1, "not a textual representation of a pid"))
	}
	return term.Pid(parts[1]), nil
}

func pid3(_ *vm.Process, args []term.Term) (term.Term, error) {
	for _, a := range args {
		if !a.IsSmallInt() || a.SmallInt() < 0 {
			return term.Term{}, vm.Raise(vm.NewFunctionClauseError(helpersModule, "pid", 3))
		}
	}
	return term.Pid(uint64(args[1].SmallInt())), nil
}

// ref1 is ref("0.0.0.7"): goiex's references are numbered by their last
// part.
func ref1(_ *vm.Process, args []term.Term) (term.Term, error) {
	if !args[0].IsBinary() {
		return term.Term{}, vm.Raise(vm.NewFunctionClauseError(helpersModule, "ref", 1))
	}
	parts, ok := dotted(args[0].Str(), "#Reference", 4)
	if !ok {
		return term.Term{}, vm.Raise(vm.NewArgumentErrorAt(1, "not a textual representation of a reference"))
	}
	return term.Ref(parts[3]), nil
}

func ref4(_ *vm.Process, args []term.Term) (term.Term, error) {
	for _, a := range args {
		if !a.IsSmallInt() || a.SmallInt() < 0 {
			return term.Term{}, vm.Raise(vm.NewFunctionClauseError(helpersModule, "ref", 4))
		}
	}
	return term.Ref(uint64(args[3].SmallInt())), nil
}

// dotted parses "0.110.0", "<0.110.0>" or "#PID<0.110.0>" into n numbers.
func dotted(s, tag string, n int) ([]uint64, bool) {
	s = strings.TrimPrefix(s, tag)
	s = strings.TrimSuffix(strings.TrimPrefix(s, "<"), ">")
	fields := strings.Split(s, ".")
	if len(fields) != n {
		return nil, false
	}
	out := make([]uint64, n)
	for i, f := range fields {
		v, err := strconv.ParseUint(f, 10, 64)
		if err != nil {
			return nil, false
		}
		out[i] = v
	}
	return out, true
}

// clear writes ANSI's home and clear-screen, as iex does when ANSI is on
// (here: when colour is); otherwise it says why it cannot.
func (s *Session) clear(_ *vm.Process, _ []term.Term) (term.Term, error) {
	if s.cfg.Color {
		fmt.Fprint(s.out, "\x1b[H\x1b[2J")
	} else {
		fmt.Fprintln(s.out, "Cannot clear the screen because ANSI escape codes are not enabled on this shell")
	}
	return dontDisplay, nil
}

// respawnHelper asks for a new shell process once this input is done.
func (s *Session) respawnHelper(_ *vm.Process, _ []term.Term) (term.Term, error) {
	s.respawn = true
	return dontDisplay, nil
}
