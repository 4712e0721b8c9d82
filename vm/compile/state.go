package compile

import (
	"fmt"
	"sync/atomic"

	"goiex/vm/syntax"
	"goiex/vm/term"
)

// Error is a compile error (Elixir's CompileError), with its position.
type Error struct {
	File string
	Pos  syntax.Pos
	Msg  string
}

func (e *Error) Error() string {
	return fmt.Sprintf("%s:%d: %s", e.File, e.Pos.Line, e.Msg)
}

// nextCodeID numbers compiled bodies.
var nextCodeID atomic.Uint64

// bailout carries a compile error up through the recursive descent.
type bailout struct{ err *Error }

// scope is one level of variable bindings: a clause body, a fn body.
type scope struct {
	vars   map[string]int
	parent *scope
}

// fnState compiles one Code: a named function, a fn, or a script.
type fnState struct {
	c      *compiler
	code   *Code
	parent *fnState // enclosing function, for a fn's captured variables
	scope  *scope

	nextReg, maxReg int
	captures        []string // names captured from parent, in env order

	labels  []int // label -> instruction index, -1 while unbound
	patches []patch
	line    int32
	consts  map[term.Term]int32
	guard   bool // compiling a guard: only guard-safe forms

	stackRegs []int // registers holding __STACKTRACE__ in rescue/catch bodies
}

type patch struct {
	pc    int
	which int // 0=A 1=B 2=C
	label int
}

func newFnState(c *compiler, code *Code, parent *fnState) *fnState {
	f := &fnState{c: c, code: code, parent: parent, consts: map[term.Term]int32{}}
	f.scope = &scope{vars: map[string]int{}}
	f.nextReg = code.Arity
	f.maxReg = code.Arity
	return f
}

func (f *fnState) fail(n syntax.Node, format string, args ...any) {
	var pos syntax.Pos
	if n != nil {
		pos = n.Position()
	}
	panic(bailout{&Error{File: f.c.file, Pos: pos, Msg: fmt.Sprintf(format, args...)}})
}

// ---- registers ----

func (f *fnState) alloc() int {
	r := f.nextReg
	f.nextReg++
	if f.nextReg > f.maxReg {
		f.maxReg = f.nextReg
	}
	return r
}

func (f *fnState) allocN(n int) int {
	r := f.nextReg
	f.nextReg += n
	if f.nextReg > f.maxReg {
		f.maxReg = f.nextReg
	}
	return r
}

// release frees temporaries allocated since mark, keeping the registers
// of variables that are still in scope.
func (f *fnState) release(mark int) {
	top := mark
	for s := f.scope; s != nil; s = s.parent {
		for _, r := range s.vars {
			if r+1 > top {
				top = r + 1
			}
		}
	}
	if top < f.nextReg {
		f.nextReg = top
	}
}

// ---- scopes and variables ----

func (f *fnState) push() { f.scope = &scope{vars: map[string]int{}, parent: f.scope} }
func (f *fnState) pop()  { f.scope = f.scope.parent }

// bind makes name a new variable in the innermost scope, in a fresh
// register (Elixir variables can be rebound; an inner rebinding must not
// disturb the outer one).
func (f *fnState) bind(name string) int {
	r := f.alloc()
	f.scope.vars[name] = r
	return r
}

// bindTo makes name refer to an existing register.
func (f *fnState) bindTo(name string, r int) { f.scope.vars[name] = r }

func (f *fnState) lookupLocal(name string) (int, bool) {
	for s := f.scope; s != nil; s = s.parent {
		if r, ok := s.vars[name]; ok {
			return r, true
		}
	}
	return 0, false
}

// visible reports whether name is bound here or in an enclosing function.
func (f *fnState) visible(name string) bool {
	for g := f; g != nil; g = g.parent {
		if _, ok := g.lookupLocal(name); ok {
			return true
		}
		for _, c := range g.captures {
			if c == name {
				return true
			}
		}
	}
	return false
}

// varReg returns a register holding the variable's value, loading a
// captured variable from the closure's environment into a temporary.
func (f *fnState) varReg(name string) (int, bool) {
	if r, ok := f.lookupLocal(name); ok {
		return r, true
	}
	idx, ok := f.captureIndex(name)
	if !ok {
		return 0, false
	}
	t := f.alloc()
	f.emit(LOADENV, t, idx, 0)
	return t, true
}

func (f *fnState) captureIndex(name string) (int, bool) {
	for i, c := range f.captures {
		if c == name {
			return i, true
		}
	}
	if f.parent == nil || !f.parent.visible(name) {
		return 0, false
	}
	f.captures = append(f.captures, name)
	return len(f.captures) - 1, true
}

// ---- emitting ----

func (f *fnState) emit(op Opcode, a, b, c int) int {
	f.code.Instrs = append(f.code.Instrs, Instr{op, int32(a), int32(b), int32(c)})
	f.code.Lines = append(f.code.Lines, f.line)
	return len(f.code.Instrs) - 1
}

func (f *fnState) newLabel() int {
	f.labels = append(f.labels, -1)
	return len(f.labels) - 1
}

func (f *fnState) mark(label int) { f.labels[label] = len(f.code.Instrs) }

// emitL emits an instruction whose operand `which` (0=A, 1=B, 2=C) is a
// label, patched when the code is finished.
func (f *fnState) emitL(op Opcode, a, b, c int, which, label int) {
	pc := f.emit(op, a, b, c)
	f.patches = append(f.patches, patch{pc, which, label})
}

func (f *fnState) jump(label int) { f.emitL(JUMP, 0, 0, 0, 0, label) }

// labelUsed reports whether any instruction jumps to label.
func (f *fnState) labelUsed(label int) bool {
	for _, p := range f.patches {
		if p.label == label {
			return true
		}
	}
	return false
}

func (f *fnState) konst(t term.Term) int {
	if i, ok := f.consts[t]; ok {
		return int(i)
	}
	f.code.Consts = append(f.code.Consts, t)
	i := int32(len(f.code.Consts) - 1)
	f.consts[t] = i
	return int(i)
}

func (f *fnState) loadK(dst int, t term.Term) { f.emit(LOADK, dst, f.konst(t), 0) }

func (f *fnState) site(s *Site) int {
	for i, old := range f.code.Sites {
		if old.Module == s.Module && old.Name == s.Name && old.Arity == s.Arity && old.Local == s.Local {
			return i
		}
	}
	f.code.Sites = append(f.code.Sites, s)
	return len(f.code.Sites) - 1
}

func (f *fnState) setLine(n syntax.Node) {
	if n != nil {
		if l := n.Position().Line; l > 0 {
			f.line = int32(l)
		}
	}
}

// finish resolves labels and records the register count.
func (f *fnState) finish() *Code {
	for _, p := range f.patches {
		target := int32(f.labels[p.label])
		in := &f.code.Instrs[p.pc]
		switch p.which {
		case 0:
			in.A = target
		case 1:
			in.B = target
		default:
			in.C = target
		}
	}
	f.code.NumRegs = f.maxReg
	f.code.Captured = len(f.captures)
	f.code.ID = nextCodeID.Add(1)
	return f.code
}
