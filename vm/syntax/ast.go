// Package syntax owns the text of Elixir programs: positions, tokens, the
// lexer, the parser, the syntax tree and syntax errors. It knows nothing
// of what a program means; vm/compile gives the tree its meaning.
//
// The tree follows Elixir's own quoted form closely: apart from literals,
// variables, operators and a few containers, everything is a Call, and
// do/end blocks are a keyword list of sections (do:, else:, after:,
// rescue:, catch:). So `defmodule`, `def`, `if`, `case`, `receive` and
// `try` reach the compiler as calls with a DoBlock, exactly as Elixir's
// compiler sees them, and the parser needs no knowledge of them.
package syntax

import (
	"fmt"
	"math/big"
)

// Pos is a position in a source file: 1-based line and column (columns
// count bytes, as Elixir's do for ASCII text).
type Pos struct {
	Line, Col int
}

func (p Pos) String() string { return fmt.Sprintf("%d:%d", p.Line, p.Col) }

// Node is any syntax tree node.
type Node interface {
	Position() Pos
}

// ---- literals ----

// Int is an integer literal; Big is set when it does not fit in int64.
type Int struct {
	Pos
	Value int64
	Big   *big.Int
}

// Float is a float literal.
type Float struct {
	Pos
	Value float64
}

// Atom is an atom literal :ok, :"quoted", true, false or nil (written
// without colon), or a keyword key (`a:` in `[a: 1]` gives Atom{Name:"a"}).
type Atom struct {
	Pos
	Name string
}

// Alias is a module alias such as Foo or Foo.Bar (Parts ["Foo","Bar"]).
// `__MODULE__` is parsed as a Call, not an Alias.
//
// Base is set when the alias extends a runtime value: `__MODULE__.State`
// is Alias{Base: Call __MODULE__, Parts: ["State"]}, the module named by
// appending Parts to Base's module name.
type Alias struct {
	Pos
	Parts []string
	Base  Node
}

// String is a double-quoted string (a binary), possibly interpolated.
// Parts are *StringPart for literal text (escapes already processed) and
// any other Node for `#{expr}`. A plain string has exactly one
// *StringPart (or none if empty).
type String struct {
	Pos
	Parts []Node
}

// Charlist is a single-quoted charlist 'abc', with the same Parts as String.
type Charlist struct {
	Pos
	Parts []Node
}

// StringPart is literal text inside a String, Charlist or Sigil.
type StringPart struct {
	Pos
	Text string
}

// Sigil is ~w(a b c) and friends: Letter 'w', Parts as in String (the
// lowercase sigils interpolate and process escapes, uppercase ones do
// not), Modifiers the letters after the closing delimiter.
type Sigil struct {
	Pos
	Letter    byte
	Parts     []Node
	Modifiers string
}

// ---- names ----

// Var is a variable, including `_` and `_name`.
type Var struct {
	Pos
	Name string
}

// ModuleAttr is `@name` (read) or `@name value` (Value set: definition).
type ModuleAttr struct {
	Pos
	Name  string
	Value Node
}

// ---- containers ----

// List is [a, b, c] or [a, b | tail]. Keyword entries `[k: v]` appear as
// two-element *Tuple nodes {Atom k, v}, as in Elixir's AST.
type List struct {
	Pos
	Elems []Node
	Tail  Node // nil for a proper list literal
}

// Tuple is {a, b, c}.
type Tuple struct {
	Pos
	Elems []Node
}

// Map is %{k => v, a: 1}, %{m | k => v} (Update set), or a struct
// %Name{...} (Struct set to the Alias, or a Var/ModuleAttr/Call such as
// __MODULE__).
type Map struct {
	Pos
	Struct Node
	Update Node
	Pairs  []MapPair
}

// MapPair is one `k => v` or `k: v` entry (Key is then an *Atom).
type MapPair struct {
	Key, Value Node
}

// Block is a sequence of expressions (separated by newlines or `;`),
// such as a do/end body or a parenthesised `(a; b)`.
type Block struct {
	Pos
	Exprs []Node
}

// ---- operators ----

// BinaryOp is `L Op R`. Op is the operator's text: + - * / ** ++ -- <>
// == != === !== < > <= >= && || and or in "not in" |> = and the
// structural ones the compiler gives meaning to: `when` (guards), `<-`
// (generators and with), `\\` (default arguments), `::` and `|`
// (only where it is not a list tail or a map update). Ranges have their
// own node.
type BinaryOp struct {
	Pos
	Op   string
	L, R Node
}

// UnaryOp is `Op X`: - + ! not ^ (pin) & (capture) and @ is ModuleAttr.
type UnaryOp struct {
	Pos
	Op string
	X  Node
}

// Range is first..last or first..last//step (Step nil when absent).
type Range struct {
	Pos
	First, Last, Step Node
}

// CaptureArg is &1, &2, ... inside a capture.
type CaptureArg struct {
	Pos
	N int
}

// ---- calls and functions ----

// Call is a function call or a macro-like form.
//
//   - local:      foo(a), foo a            Target nil, Name "foo"
//   - remote:     Mod.foo(a), :lists.f(a)  Target *Alias / *Atom / other
//   - field/zero: x.foo                    Target *Var (or any expr), Name
//     "foo", NoParens true, Args empty; the compiler decides
//     (map field or remote call of arity 0) as Elixir does at runtime.
//   - anonymous:  f.(a)                    Target f, Name "", Anonymous true
//
// Keyword arguments at the end (`foo(a, b: 1)`) become a final *List of
// keyword tuples, as in Elixir. A trailing do/end block becomes a final
// *DoBlock argument (so `if c do a else b end` is Call "if" with Args
// [c, DoBlock{do: a, else: b}]); the one-line forms `if c, do: a` stay a
// keyword *List, and the compiler accepts either.
//
// Special names that are also calls: __MODULE__, __ENV__... (Name, no
// Target, no Args, NoParens true).
type Call struct {
	Pos
	Target    Node
	Name      string
	Args      []Node
	NoParens  bool
	Anonymous bool
}

// DoBlock is the do ... end attached to a call: its sections in source
// order, each with Name "do", "else", "after", "rescue" or "catch".
type DoBlock struct {
	Pos
	Sections []Section
}

// Section is one part of a do/end block. Its body is either a plain
// block of expressions (Body) or, when the section is written with `->`
// arrows, a list of clauses (Clauses; Body nil).
type Section struct {
	Pos
	Name    string
	Body    *Block
	Clauses []*Clause
}

// Clause is `args when guard -> body`, used in fn, case, receive, cond,
// try's rescue/catch/else, with's else, and receive's after. For case and
// receive Args has one element; for fn it has one per parameter (none for
// `fn -> x end`). Guard is nil when absent.
//
// Clauses written in parentheses, as in the keyword forms
// `receive(do: (x -> x), after: (0 -> :none))` or `else: (:error -> nil)`,
// parse to a *List whose elements are the *Clause nodes, as Elixir's
// quoted form has a list of `->`.
type Clause struct {
	Pos
	Args  []Node
	Guard Node
	Body  *Block
}

// Fn is an anonymous function `fn clauses end`.
type Fn struct {
	Pos
	Clauses []*Clause
}

// Capture is `&expr`: &Mod.fun/2 and &fun/1 (Expr is a BinaryOp "/"
// with a Call or Alias.name on the left), or &(&1 + 1) (any expression
// using CaptureArg).
type Capture struct {
	Pos
	Expr Node
}

// Position methods come from the embedded Pos.
func (p Pos) Position() Pos { return p }
