package compile

import (
	"fmt"
	"strings"

	"goiex/vm/term"
)

// Instr is one instruction.
type Instr struct {
	Op      Opcode
	A, B, C int32
}

// Site is a call site: what a CALL or TCALL calls. Module is the module
// atom for a remote call, or the atom of the enclosing module for a local
// call (Local true). The VM caches the resolved function in Cache,
// checked against the epoch it resolved it in.
type Site struct {
	Module term.Term
	Name   term.Term
	Arity  int
	Local  bool
	Cache  any
	Epoch  uint64
}

// Code is the compiled body of a function (all its clauses), of an
// anonymous function, or of a top-level script.
type Code struct {
	Name     string // for stack traces: "M.f/2", "anonymous fn/1 in M.f/2"
	Module   string // Elixir name of the module ("" at top level)
	Function string // enclosing named function ("" at top level)
	Arity    int    // arguments (for fn: parameters, not captures)
	File     string
	NumRegs  int
	Captured int    // number of captured values a closure carries
	ID       uint64 // unique per compiled body, for printing fns

	Instrs  []Instr
	Lines   []int32 // source line of each instruction
	Consts  []term.Term
	Sites   []*Site
	Funs    []*Code // fn bodies created by FUN
	Filters []*RecvFilter
	Modules []*Module // modules installed by DEFMOD
}

// Module is a compiled defmodule.
type Module struct {
	Name      string // "Foo.Bar"
	Atom      term.Term
	File      string
	Line      int
	Functions []*Function
	// Struct is the defstruct field list with defaults, in order, or nil.
	Struct     []StructField
	Exception  bool // defexception
	Attributes map[string]term.Term
	Behaviours []string // from `use X` / @behaviour
	Uses       []string // modules named in `use`, in order
	Source     string   // the defmodule's source text, for open/1
}

// StructField is one field of a defstruct, with its default.
type StructField struct {
	Name    term.Term
	Default term.Term
}

// RecvFilter lets RPEEK skip, without running any pattern code, the
// messages no clause of a receive can match: each clause wants a tuple
// of a given size whose first element is a given constant (Size > 0),
// or exactly a constant (Size == 0).
type RecvFilter struct {
	Shapes []RecvShape
}

// RecvShape is what one clause can match. The tag is a constant, or
// (TagReg >= 0) the value of a pinned variable in that register.
type RecvShape struct {
	Size   int
	Tag    term.Term
	TagReg int
}

// Admits reports whether some clause could match msg; regs are the
// registers of the frame running the receive.
func (f *RecvFilter) Admits(msg term.Term, regs []term.Term) bool {
	for _, s := range f.Shapes {
		tag := s.Tag
		if s.TagReg >= 0 {
			tag = regs[s.TagReg]
		}
		if s.Size == 0 {
			if term.Identical(msg, tag) {
				return true
			}
			continue
		}
		if msg.IsTuple() && msg.TupleSize() == s.Size && term.Identical(msg.Elems()[0], tag) {
			return true
		}
	}
	return false
}

// Function is one def/defp name/arity with all its clauses.
type Function struct {
	Name    string
	Arity   int
	Private bool
	Code    *Code
	Line    int
}

// Disassemble renders code as text, one instruction a line, followed by
// the nested functions; the compiler's tests compare it.
func Disassemble(c *Code) string {
	var b strings.Builder
	disassemble(&b, c, "")
	return b.String()
}

func disassemble(b *strings.Builder, c *Code, indent string) {
	fmt.Fprintf(b, "%s%s regs=%d", indent, c.Name, c.NumRegs)
	if c.Captured > 0 {
		fmt.Fprintf(b, " captured=%d", c.Captured)
	}
	b.WriteString("\n")
	for pc, in := range c.Instrs {
		fmt.Fprintf(b, "%s  %3d %-8s %s\n", indent, pc, in.Op, operands(c, in))
	}
	for _, f := range c.Funs {
		disassemble(b, f, indent+"  ")
	}
	for _, m := range c.Modules {
		for _, f := range m.Functions {
			disassemble(b, f.Code, indent+"  ")
		}
	}
}

func operands(c *Code, in Instr) string {
	k := func(i int32) string {
		if int(i) < len(c.Consts) {
			return term.Inspect(c.Consts[i])
		}
		return fmt.Sprintf("K%d?", i)
	}
	site := func(i int32) string {
		s := c.Sites[i]
		if s.Local {
			return fmt.Sprintf("%s/%d", s.Name.AtomName(), s.Arity)
		}
		return fmt.Sprintf("%s.%s/%d", term.ModuleName(s.Module), s.Name.AtomName(), s.Arity)
	}
	switch in.Op {
	case LOADK:
		return fmt.Sprintf("r%d %s", in.A, k(in.B))
	case TEQK, TBINPRE:
		return fmt.Sprintf("r%d %s L%d", in.A, k(in.B), in.C)
	case CALL:
		return fmt.Sprintf("r%d %s r%d", in.A, site(in.B), in.C)
	case TCALL:
		return fmt.Sprintf("%s r%d", site(in.B), in.C)
	case JUMP, RNEXT:
		return fmt.Sprintf("L%d", in.A)
	case JFALSY, JTRUTHY, RPEEK:
		return fmt.Sprintf("r%d L%d", in.A, in.B)
	case TTUPLE, TCONS, TNIL, TMAP, TEQ, TTRUE, MAPGET:
		return fmt.Sprintf("r%d %d L%d", in.A, in.B, in.C)
	case ADDI, ELEM, BINREST, ISTYPE, CALLF, TCALLF:
		return fmt.Sprintf("r%d r%d %d", in.A, in.B, in.C)
	case FIELD:
		return fmt.Sprintf("r%d r%d %s", in.A, in.B, k(in.C))
	case MATCHERR:
		return fmt.Sprintf("r%d %s", in.A, k(in.B))
	case JNOTBOOL:
		return fmt.Sprintf("r%d L%d %s", in.A, in.B, k(in.C))
	case RSTART, RACCEPT, TRYEND, GUARDEND, FUNCERR, NOP:
		return ""
	}
	return fmt.Sprintf("r%d r%d r%d", in.A, in.B, in.C)
}
