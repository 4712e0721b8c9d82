// Package compile turns the syntax tree into bytecode: opcodes, pattern
// lowering, closures and their captures, tail calls, guards and the
// disassembler. It gives Elixir's special forms (case, receive, try,
// with, for, def, defmodule…) their meaning; it does not run anything.
//
// The machine is register based: every function body has NumRegs
// registers in its frame; arguments arrive in registers 0..arity-1.
// Operands A, B and C are register numbers unless an opcode says
// otherwise (K: constant index, L: instruction index, S: call site).
package compile

// Opcode is one bytecode instruction kind.
type Opcode uint8

// The opcodes, with their operands. "fail L" means: jump to instruction L
// if the test does not hold.
const (
	NOP Opcode = iota

	MOVE     // A=dst B=src
	LOADK    // A=dst B=K
	LOADENV  // A=dst B=index into the closure's captured values
	JUMP     // A=L
	JFALSY   // A=reg B=L: jump if reg is false or nil
	JTRUTHY  // A=reg B=L: jump unless reg is false or nil
	JNOTBOOL // A=reg B=L C=K(operator atom): raise BadBooleanError unless reg is a boolean; jump to L if it is false (for `and`) or true (for `or`, see C)

	// Arithmetic and comparison: A=dst B=x C=y.
	ADD
	SUB
	MUL
	FDIV   // `/`, always a float
	ADDI   // A=dst B=x C=immediate signed integer
	NEG    // A=dst B=x
	EQ     // ==
	NE     // !=
	EQX    // ===
	NEX    // !==
	LT     // <
	LE     // <=
	GT     // >
	GE     // >=
	NOT    // A=dst B=x: strict `not` (ArgumentError... BadBooleanError for non-booleans)
	BANG   // A=dst B=x: `!x`, truthiness
	BCAT   // A=dst B=x C=y: x <> y
	LCAT   // A=dst B=x C=y: x ++ y
	TOSTR  // A=dst B=x: String.Chars.to_string for interpolation
	ISTYPE // A=dst B=x C=type code (TypeInt…): is_integer and friends, as true/false

	// Construction: A=dst B=first register C=count.
	TUPLE  // {B..B+C-1}
	LIST   // [B..B+C-1]
	LISTT  // [B..B+C-1 | B+C]
	MAP    // %{B => B+1, …} with C pairs
	MAPUPD // A=dst B=map register, pairs follow at B+1 C=pairs: %{map | k => v}; keys must exist
	MAPPUT // like MAPUPD but keys need not exist (structs' defaults merge)
	FUN    // A=dst B=index in Code.Funs C=first register of captured values

	// Pattern tests.
	TTUPLE  // A=reg B=size C=fail L
	TCONS   // A=reg C=fail L: a non-empty list
	TNIL    // A=reg C=fail L: []
	TMAP    // A=reg C=fail L
	TEQK    // A=reg B=K C=fail L: reg === constant
	TEQ     // A=reg B=reg2 C=fail L: reg === reg2
	TTRUE   // A=reg C=fail L: reg === true (guards)
	TBINPRE // A=reg B=K(binary prefix) C=fail L: reg is a binary starting with the prefix
	ELEM    // A=dst B=tuple C=index (0-based)
	HEAD    // A=dst B=list
	TAIL    // A=dst B=list
	MAPGET  // A=key in, value out; B=map C=fail L
	BINREST // A=dst B=binary C=byte offset
	BINSEG  // A=value out, A+1=rest out; B=binary C=fail L; kind in the next NOP's A (SegByte, SegUTF8)
	BINPUT  // A=binary being built (in/out) B=value C=kind (SegByte, SegUTF8, SegBinary)

	// Calls. Arguments are in consecutive registers.
	CALL   // A=dst B=S C=first argument: local or remote, per the site
	TCALL  // B=S C=first argument: tail call, frame reused
	CALLF  // A=dst B=fun register (arguments follow at B+1) C=argument count
	TCALLF // B=fun register C=argument count
	APPLY  // A=dst B=first of (module, function, argument list) or (fun, argument list) C=2|3
	RETURN // A=reg
	FIELD  // A=dst B=reg C=K(atom): map.field, or module.function()

	// receive.
	RSTART  // A=filter (Code.Filters[A-1] when A > 0): reset the mailbox cursor to the oldest message, or to the process's mark when the filter's pinned references are younger than it
	RPEEK   // A=dst B=L C=filter: next message that may match (Code.Filters[C-1] when C > 0), or jump to L if none is left
	RACCEPT // remove the message under the cursor
	RNEXT   // A=L: move the cursor on, jump to L
	RWAIT   // A=timeout register or -1 (infinity) B=L to rescan C=L for after

	// Exceptions and guards.
	TRY      // A=handler L B=first of 3 registers receiving kind, reason, stacktrace
	TRYEND   // pop the innermost handler
	RERAISE  // A=first of the 3 registers of a TRY: raise again
	GUARD    // A=fail L: from here, an error jumps to L instead of raising
	GUARDEND //
	MATCHERR // A=reg B=K(kind atom): raise MatchError, CaseClauseError, WithClauseError, TryClauseError, CondClauseError
	FUNCERR  // raise FunctionClauseError for the current function

	// Definitions.
	DEFMOD // A=dst B=index in Code.Modules: install a module, value is {:module, Name, nil, last}

	opcodeCount
)

// Segment kinds of BINSEG and BINPUT.
const (
	SegByte = iota
	SegUTF8
	SegBinary
)

// Type codes of ISTYPE.
const (
	TypeInt = iota
	TypeFloat
	TypeNumber
	TypeAtom
	TypeBoolean
	TypeNil
	TypeBinary
	TypeList
	TypeTuple
	TypeMap
	TypeFun
	TypePid
	TypeRef
)

var opcodeNames = [...]string{
	NOP: "nop", MOVE: "move", LOADK: "loadk", LOADENV: "loadenv", JUMP: "jump",
	JFALSY: "jfalsy", JTRUTHY: "jtruthy", JNOTBOOL: "jnotbool",
	ADD: "add", SUB: "sub", MUL: "mul", FDIV: "fdiv", ADDI: "addi", NEG: "neg",
	EQ: "eq", NE: "ne", EQX: "eqx", NEX: "nex", LT: "lt", LE: "le", GT: "gt", GE: "ge",
	NOT: "not", BANG: "bang", BCAT: "bcat", LCAT: "lcat", TOSTR: "tostr", ISTYPE: "istype",
	TUPLE: "tuple", LIST: "list", LISTT: "listt", MAP: "map", MAPUPD: "mapupd", MAPPUT: "mapput", FUN: "fun",
	TTUPLE: "ttuple", TCONS: "tcons", TNIL: "tnil", TMAP: "tmap", TEQK: "teqk", TEQ: "teq",
	TTRUE: "ttrue", TBINPRE: "tbinpre", ELEM: "elem", HEAD: "head", TAIL: "tail",
	MAPGET: "mapget", BINREST: "binrest", BINSEG: "binseg", BINPUT: "binput",
	CALL: "call", TCALL: "tcall", CALLF: "callf", TCALLF: "tcallf", APPLY: "apply",
	RETURN: "return", FIELD: "field",
	RSTART: "rstart", RPEEK: "rpeek", RACCEPT: "raccept", RNEXT: "rnext", RWAIT: "rwait",
	TRY: "try", TRYEND: "tryend", RERAISE: "reraise", GUARD: "guard", GUARDEND: "guardend",
	MATCHERR: "matcherr", FUNCERR: "funcerr", DEFMOD: "defmod",
}

func (op Opcode) String() string {
	if int(op) < len(opcodeNames) && opcodeNames[op] != "" {
		return opcodeNames[op]
	}
	return "op?"
}
