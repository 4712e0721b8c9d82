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
	// RefRegs, when set, are registers (one per clause) of a pinned
	// variable each clause's pattern contains. If all of them hold (or
	// directly contain) references made after the process's mailbox mark,
	// no message older than the mark can match, and the scan starts there
	// (the BEAM's make_ref receive optimisation).
	RefRegs []int
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

// Operand kinds, for the disassembler.
const (
	oNone = iota
	oReg
	oConst
	oLabel
	oInt
	oSite
	oFun
	oMod
	oRegOrNone // a register, or -1 for none (RWAIT's timeout)
)

// operandKinds says how to print A, B and C of each opcode; opcodes not
// listed have three registers.
var operandKinds = map[Opcode][3]int{
	NOP: {}, MOVE: {oReg, oReg}, LOADK: {oReg, oConst}, LOADENV: {oReg, oInt},
	JUMP: {oLabel}, JFALSY: {oReg, oLabel}, JTRUTHY: {oReg, oLabel}, JNOTBOOL: {oReg, oLabel, oConst},
	ADDI: {oReg, oReg, oInt}, NEG: {oReg, oReg}, NOT: {oReg, oReg}, BANG: {oReg, oReg},
	TOSTR: {oReg, oReg}, ISTYPE: {oReg, oReg, oInt},
	TUPLE: {oReg, oReg, oInt}, LIST: {oReg, oReg, oInt}, LISTT: {oReg, oReg, oInt},
	MAP: {oReg, oReg, oInt}, MAPUPD: {oReg, oReg, oInt}, MAPPUT: {oReg, oReg, oInt}, FUN: {oReg, oFun, oReg},
	TTUPLE: {oReg, oInt, oLabel}, TCONS: {oReg, oNone, oLabel}, TNIL: {oReg, oNone, oLabel},
	TMAP: {oReg, oNone, oLabel}, TEQK: {oReg, oConst, oLabel}, TEQ: {oReg, oReg, oLabel},
	TTRUE: {oReg, oNone, oLabel}, TBINPRE: {oReg, oConst, oLabel},
	ELEM: {oReg, oReg, oInt}, HEAD: {oReg, oReg}, TAIL: {oReg, oReg}, MAPGET: {oReg, oReg, oLabel},
	BINREST: {oReg, oReg, oInt}, BINSEG: {oReg, oReg, oLabel}, BINPUT: {oReg, oReg, oInt},
	CALL: {oReg, oSite, oReg}, TCALL: {oNone, oSite, oReg}, CALLF: {oReg, oReg, oInt}, TCALLF: {oNone, oReg, oInt},
	APPLY: {oReg, oReg, oInt}, RETURN: {oReg}, FIELD: {oReg, oReg, oConst},
	RSTART: {oInt}, RPEEK: {oReg, oLabel, oInt}, RACCEPT: {oInt}, RNEXT: {oLabel}, RWAIT: {oRegOrNone, oLabel, oLabel},
	TRY: {oLabel, oReg}, TRYEND: {}, RERAISE: {oReg}, GUARD: {oLabel}, GUARDEND: {},
	MATCHERR: {oReg, oConst}, FUNCERR: {}, DEFMOD: {oReg, oMod, oConst},
}

func operands(c *Code, in Instr) string {
	kinds, ok := operandKinds[in.Op]
	if !ok {
		kinds = [3]int{oReg, oReg, oReg}
	}
	var parts []string
	for i, v := range [3]int32{in.A, in.B, in.C} {
		switch kinds[i] {
		case oReg:
			parts = append(parts, fmt.Sprintf("r%d", v))
		case oRegOrNone:
			if v < 0 {
				parts = append(parts, "-")
			} else {
				parts = append(parts, fmt.Sprintf("r%d", v))
			}
		case oConst:
			if int(v) < len(c.Consts) {
				parts = append(parts, term.Inspect(c.Consts[v]))
			} else {
				parts = append(parts, fmt.Sprintf("K%d?", v))
			}
		case oLabel:
			parts = append(parts, fmt.Sprintf("L%d", v))
		case oInt:
			parts = append(parts, fmt.Sprint(v))
		case oFun:
			parts = append(parts, fmt.Sprintf("fn#%d", v))
		case oMod:
			if int(v) < len(c.Modules) {
				parts = append(parts, c.Modules[v].Name)
			}
		case oSite:
			s := c.Sites[v]
			if s.Local {
				parts = append(parts, fmt.Sprintf("%s/%d", s.Name.AtomName(), s.Arity))
			} else {
				parts = append(parts, fmt.Sprintf("%s.%s/%d", term.ModuleName(s.Module), s.Name.AtomName(), s.Arity))
			}
		}
	}
	return strings.Join(parts, " ")
}
