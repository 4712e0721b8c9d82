package syntax

import "math/big"

// tokKind classifies a token. Operators and punctuation share tOp and are
// told apart by their text, which keeps the lexer's operator table the
// single place that knows the spellings.
type tokKind uint8

const (
	tEOF         tokKind = iota
	tEOL                 // a newline or `;` separating expressions
	tInt                 // 12, 0x1F, ?a
	tFloat               // 1.5e3
	tAtom                // :ok, :"quoted", :+ ; text is the name, parts set if interpolated
	tKw                  // keyword key `a:` or `"quoted":`
	tIdent               // foo, foo?, bar!, _x
	tAlias               // Foo
	tString              // "..." and """..."""
	tCharlist            // '...' and '''...'''
	tSigil               // ~w(...)m
	tCapture             // &1
	tOp                  // operators, punctuation and operator-like keywords (when, and, in, ...)
	tReserved            // do end fn else after catch rescue
	tLiteralWord         // true false nil
)

var kindNames = [...]string{
	tEOF: "end of input", tEOL: "newline", tInt: "integer", tFloat: "float",
	tAtom: "atom", tKw: "keyword", tIdent: "identifier", tAlias: "alias",
	tString: "string", tCharlist: "charlist", tSigil: "sigil", tCapture: "capture",
	tOp: "operator", tReserved: "reserved word", tLiteralWord: "literal",
}

func (k tokKind) String() string { return kindNames[k] }

// token is one lexical unit. Most fields are used by a few kinds only;
// the rare ones live in extra to keep the token slice small.
type token struct {
	kind tokKind
	// spaceBefore reports whitespace (or the start of a line) right
	// before the token. Elixir's grammar depends on it: `foo [1]` is a
	// call with a list argument, `foo[1]` an access; `foo -1` is a call,
	// `foo - 1` a subtraction.
	spaceBefore bool
	// spaceAfter reports whitespace right after the token (used for the
	// unary reading of `-` and `+` in `foo -1`).
	spaceAfter bool

	pos   Pos
	text  string
	ival  int64
	parts []strPart // strings, charlists, sigils, quoted atoms and keys
	extra *tokExtra
}

// tokExtra holds the values of big integers, floats and sigils.
type tokExtra struct {
	big   *big.Int
	fval  float64
	sigil byte
	mods  string
}

// strPart is either literal text or an interpolation `#{...}`, whose
// tokens the parser parses as a block.
type strPart struct {
	pos    Pos
	text   string
	interp bool
	toks   []token
}

// is reports whether t is the operator or punctuation op.
func (t *token) is(op string) bool { return t.kind == tOp && t.text == op }

// isReserved reports whether t is the reserved word w.
func (t *token) isReserved(w string) bool { return t.kind == tReserved && t.text == w }
