// Package vm runs compiled Elixir: processes, mailboxes, the scheduler,
// timers, links, monitors, exit signals and the event stream. A process
// is data (frames, registers, mailbox), never a goroutine: the
// interpreter runs one process for a budget of reductions and returns to
// the scheduler, so nothing a program does can freeze the host.
//
// The VM does no I/O of its own: output goes to the writers in Options.
// It does not own the standard library (package builtins registers its
// natives and Elixir sources here) nor the shell.
package vm

import (
	"io"

	"goiex/vm/compile"
	"goiex/vm/syntax"
	"goiex/vm/term"
)

// Options configure a VM.
type Options struct {
	Stdout, Stderr io.Writer
	// Clock is the time source; nil means the real clock.
	Clock Clock
	// FirstPid is the serial of the first pid handed out (default 100).
	FirstPid uint64
}

// VM is one Erlang-like node: its modules, processes and timers.
type VM struct {
	opts    Options
	clock   Clock
	modules map[term.Term]*Module
	epoch   uint64 // bumped whenever a module is (re)defined

	procs    procTable
	registry map[term.Term]*Process
	nextPid  uint64
	nextRef  uint64
	runq     runQueue
	timers   timerHeap
	timerSeq uint64

	aliases   map[term.Term]*Process
	listeners []func(Event)
	exitHooks []func(*Process)

	useTemplate func(string) ([]byte, bool)
	lazy        map[term.Term]*lazyFile // library modules not compiled yet
	pendingLog  []string

	current *Process // the process running now, if any
	// oneEvent ends the running slice after its first event (stepping
	// the scheduler one event at a time); eventSeen notes that one came.
	oneEvent, eventSeen bool
	sliceStart          int64  // clock time the current slice started
	sendSeq             uint64 // numbers every message sent

	restart    bool // a process asked for a restart of the machine
	halt       bool // System.halt was called
	haltStatus int

	spawnStub *compile.Code // runs the initial call of a spawned process
	applyStub *compile.Code
}

// New makes a VM with no modules; builtins.Install loads the library.
func New(opts Options) *VM {
	if opts.Stdout == nil {
		opts.Stdout = io.Discard
	}
	if opts.Stderr == nil {
		opts.Stderr = io.Discard
	}
	if opts.Clock == nil {
		opts.Clock = NewRealClock()
	}
	if opts.FirstPid == 0 {
		opts.FirstPid = 100
	}
	v := &VM{
		opts:     opts,
		clock:    opts.Clock,
		modules:  map[term.Term]*Module{},
		registry: map[term.Term]*Process{},
		aliases:  map[term.Term]*Process{},
		nextPid:  opts.FirstPid,
	}
	v.spawnStub = &compile.Code{
		Name:    "spawn",
		NumRegs: 3,
		Instrs:  []compile.Instr{{Op: compile.APPLY, A: 2, B: 0, C: 2}, {Op: compile.RETURN, A: 2}},
		Lines:   []int32{0, 0},
	}
	v.applyStub = &compile.Code{
		Name:    "apply",
		NumRegs: 4,
		Instrs:  []compile.Instr{{Op: compile.APPLY, A: 3, B: 0, C: 3}, {Op: compile.RETURN, A: 3}},
		Lines:   []int32{0, 0},
	}
	v.procs.first = opts.FirstPid
	registerVMNatives(v)
	return v
}

// NextPid is the serial the next process will get (a restarted machine
// goes on counting from there, as the BEAM's pids do).
func (v *VM) NextPid() uint64 { return v.nextPid }

// Stdout is where IO.puts and friends write.
func (v *VM) Stdout() io.Writer { return v.opts.Stdout }

// Stderr is where crash reports and Logger write.
func (v *VM) Stderr() io.Writer { return v.opts.Stderr }

// Clock returns the VM's clock.
func (v *VM) Clock() Clock { return v.clock }

// Now is the VM's monotonic time in nanoseconds.
func (v *VM) Now() int64 { return v.clock.Now() }

// MakeRef returns a new unique reference.
func (v *VM) MakeRef() term.Term {
	v.nextRef++
	return term.Ref(v.nextRef)
}

// ---- modules ----

// Module is a loaded module: Go natives and compiled Elixir functions.
type Module struct {
	Atom     term.Term
	Name     string
	Funcs    map[funKey]*Function
	Compiled *compile.Module // nil for a module of natives only
}

type funKey struct {
	name  term.Term
	arity int
}

// Function is one name/arity of a module.
type Function struct {
	Module  *Module
	Name    string
	Arity   int
	Private bool
	Code    *compile.Code // compiled Elixir, or nil for a native
	Native  Native
	Doc     string
}

func (v *VM) module(atom term.Term) *Module {
	m := v.modules[atom]
	if m == nil {
		m = &Module{Atom: atom, Name: term.ModuleName(atom), Funcs: map[funKey]*Function{}}
		v.modules[atom] = m
	}
	return m
}

// Module returns the module, compiling it first if it is a library
// module not loaded yet; nil if there is none.
func (v *VM) Module(atom term.Term) *Module {
	v.autoload(atom)
	return v.modules[atom]
}

// Modules returns every loaded module.
func (v *VM) Modules() map[term.Term]*Module { return v.modules }

// RegisterNative adds a Go native to a module.
func (v *VM) RegisterNative(s NativeSpec) {
	m := v.module(moduleAtomOf(s.Module))
	k := funKey{term.Atom(s.Name), s.Arity}
	if old := m.Funcs[k]; old != nil && old.Code != nil {
		return // Elixir definitions win
	}
	m.Funcs[k] = &Function{Module: m, Name: s.Name, Arity: s.Arity, Native: s.Fn, Doc: s.Doc}
	v.epoch++
}

func moduleAtomOf(name string) term.Term {
	if len(name) > 0 && name[0] == ':' {
		return term.Atom(name[1:])
	}
	return term.ModuleAtom(name)
}

// install loads a compiled module, replacing an earlier definition of
// the same module's Elixir functions (natives stay unless redefined).
// It reports whether the module was already defined in Elixir.
func (v *VM) install(cm *compile.Module) bool {
	if lf := v.lazy[cm.Atom]; lf != nil && !lf.loaded {
		lf.loaded = true // a program's own module of that name wins
	}
	m := v.module(cm.Atom)
	redefined := m.Compiled != nil
	if redefined {
		for k, f := range m.Funcs {
			if f.Code != nil {
				delete(m.Funcs, k)
			}
		}
	}
	m.Compiled = cm
	for _, f := range cm.Functions {
		m.Funcs[funKey{term.Atom(f.Name), f.Arity}] = &Function{Module: m, Name: f.Name, Arity: f.Arity, Private: f.Private, Code: f.Code}
	}
	if cm.Struct != nil {
		fields := make([]term.Term, 0, len(cm.Struct)+1)
		if cm.Exception {
			fields = append(fields, term.ExceptionKey())
		}
		for _, f := range cm.Struct {
			fields = append(fields, f.Name)
		}
		term.RegisterStruct(cm.Atom, fields)
		installStruct(m, cm)
	}
	v.epoch++
	return redefined
}

// DefinedInElixir reports whether module.name/arity is a function written
// in Elixir (not a Go native).
func (v *VM) DefinedInElixir(module term.Term, name string, arity int) bool {
	m := v.Module(module)
	if m == nil {
		return false
	}
	f := m.Funcs[funKey{term.Atom(name), arity}]
	return f != nil && f.Code != nil
}

// HasFunction reports whether a public module function exists; the
// compiler uses it to resolve imports.
func (v *VM) HasFunction(module term.Term, name string, arity int) bool {
	for {
		if m := v.modules[module]; m != nil {
			if f := m.Funcs[funKey{term.Atom(name), arity}]; f != nil {
				return !f.Private
			}
		}
		if !v.autoload(module) {
			return false
		}
	}
}

// lookup finds module.name/arity; private functions only for local calls.
func (v *VM) lookup(module, name term.Term, arity int, local bool) (*Function, *Raised) {
	m := v.modules[module]
	if m != nil {
		if f := m.Funcs[funKey{name, arity}]; f != nil && (!f.Private || local) {
			return f, nil
		}
	}
	if v.autoload(module) {
		return v.lookup(module, name, arity, local)
	}
	if !module.IsAtom() {
		return nil, Raise(NewBadFunctionError(module))
	}
	return nil, Raise(NewUndefinedFunctionError(module, name.AtomName(), arity, m != nil))
}

// ---- compiling ----

// CompileOptions returns the options the compiler needs from this VM.
func (v *VM) CompileOptions(src []byte) compile.Options {
	return compile.Options{HasFunction: v.HasFunction, Source: src, UseTemplate: v.useTemplate}
}

// SetUseTemplates tells the compiler where `use Module` finds the
// definitions it injects (the library provides them).
func (v *VM) SetUseTemplates(f func(module string) ([]byte, bool)) { v.useTemplate = f }

// Compile parses and compiles a file's source into top-level code.
func (v *VM) Compile(file string, src []byte) (*compile.Code, error) {
	tree, err := syntax.Parse(file, src)
	if err != nil {
		return nil, err
	}
	return compile.Compile(file, tree, v.CompileOptions(src))
}
