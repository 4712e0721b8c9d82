package syntax

import (
	"errors"
	"testing"
)

// errorCases are inputs Elixir 1.14 rejects, with the message it prints
// (all checked by running `elixir se.exs`) and whether the input is
// merely incomplete (Elixir's TokenMissingError) rather than wrong.
var errorCases = []struct {
	src, want  string
	incomplete bool
}{
	{"defmodule M do", "se.exs:1:15: missing terminator: end (for \"do\" starting at line 1)", true},
	{"x = (1 +", "se.exs:1:9: missing terminator: ) (for \"(\" starting at line 1)", true},
	{"\"abc", "se.exs:1:5: missing terminator: \" (for string starting at line 1)", true},
	{"fn x ->", "se.exs:1:8: missing terminator: end (for \"fn\" starting at line 1)", true},
	{"[1, 2", "se.exs:1:6: missing terminator: ] (for \"[\" starting at line 1)", true},
	{"%{a: 1", "se.exs:1:7: missing terminator: } (for \"{\" starting at line 1)", true},
	{"foo(", "se.exs:1:5: missing terminator: ) (for \"(\" starting at line 1)", true},
	{"'abc", "se.exs:1:5: missing terminator: ' (for string starting at line 1)", true},
	{"\"\"\"\nabc", "se.exs:2:4: missing terminator: \"\"\" (for heredoc starting at line 1)", true},
	{"~s(abc", "se.exs:1:7: missing terminator: ) (for sigil ~s( starting at line 1)", true},
	{"\"a#{b\"", "se.exs:1:7: missing terminator: \" (for string starting at line 1)", true},
	{"x = ", "se.exs:1:3: syntax error: expression is incomplete", true},
	{"1 +", "se.exs:1:3: syntax error: expression is incomplete", true},
	{"x = (1 +\n 2))", "se.exs:2:4: unexpected token: )", false},
	{"end", "se.exs:1:1: unexpected reserved word: end", false},
	{"foo(1 2)", "se.exs:1:7: syntax error before: \"2\"", false},
	{"if a do\n1\nelse\n2", "se.exs:4:2: missing terminator: end (for \"do\" starting at line 1)", true},
	{"case x do\n  1 ->", "se.exs:2:7: missing terminator: end (for \"do\" starting at line 1)", true},
	{"1 + * 2", "se.exs:1:5: syntax error before: '*'", false},
	{"a ,, b", "se.exs:1:3: syntax error before: ','", false},
	{"{1, 2", "se.exs:1:6: missing terminator: } (for \"{\" starting at line 1)", true},
	{"%", "se.exs:1:1: syntax error: expression is incomplete", true},
	{"\"a#{", "se.exs:1:3: missing interpolation terminator: \"}\" (for string starting at line 1)", true},
	{"x = 1)", "se.exs:1:6: unexpected token: )", false},
	{"@", "se.exs:1:1: syntax error: expression is incomplete", true},
	{"a.", "se.exs:1:2: syntax error: expression is incomplete", true},
	{"fn", "se.exs:1:3: missing terminator: end (for \"fn\" starting at line 1)", true},
	{")", "se.exs:1:1: unexpected token: )", false},
	{"x = [1, 2]]", "se.exs:1:11: unexpected token: ]", false},
	{"0x", "se.exs:1:1: invalid character \"x\" after number 0. If you intended to write a number, make sure to separate the number from the character (using comma, space, etc). If you meant to write a function name or a variable, note that identifiers in Elixir cannot start with numbers. Unexpected token: x", false},
	{"1_", "se.exs:1:1: invalid character \"_\" after number 1. If you intended to write a number, make sure to separate the number from the character (using comma, space, etc). If you meant to write a function name or a variable, note that identifiers in Elixir cannot start with numbers. Unexpected token: _", false},
	{"?", "se.exs:1:1: unexpected token: \"?\" (column 1, code point U+003F)", false},
	{":\"ab", "se.exs:1:5: missing terminator: \" (for atom starting at line 1)", true},
	{"<<1, 2", "se.exs:1:7: missing terminator: >> (for \"<<\" starting at line 1)", true},
	{"a |> ", "se.exs:1:3: syntax error: expression is incomplete", true},
	{"do", "se.exs:1:3: missing terminator: end (for \"do\" starting at line 1)", true},
	{"foo do", "se.exs:1:7: missing terminator: end (for \"do\" starting at line 1)", true},
	{"foo do 1 else", "se.exs:1:14: missing terminator: end (for \"do\" starting at line 1)", true},
	{"foo(a, b: 1, c)", "se.exs:1:12: unexpected expression after keyword list. Keyword lists must always come as the last argument. Therefore, this is not allowed:\n    function_call(1, some: :option, 2)\nInstead, wrap the keyword in brackets:\n    function_call(1, [some: :option], 2)\nSyntax error after: ','", false},
	{"[a:1]", "se.exs:1:2: keyword argument must be followed by space after: a:", false},
	{"1e5", "se.exs:1:1: invalid character \"e\" after number 1. If you intended to write a number, make sure to separate the number from the character (using comma, space, etc). If you meant to write a function name or a variable, note that identifiers in Elixir cannot start with numbers. Unexpected token: e", false},
	{"~s(a(b)c)", "se.exs:1:9: unexpected token: )", false},
	{"{a: 1}", "se.exs:1:2: syntax error before: a", false},
	{"a => b", "se.exs:1:3: syntax error before: '=>'", false},
	{"a\\x", "se.exs:1:2: unexpected token: \"\\\\\" (column 2, code point U+005C)", false},
	{"defmodule M do\n  def f do\n    1\n  end\n", "se.exs:5:1: missing terminator: end (for \"do\" starting at line 1)", true},
	{"fn x -> x end.(", "se.exs:1:16: missing terminator: ) (for \"(\" starting at line 1)", true},
	{"x = \"a#{1 +}\"", "se.exs:1:11: syntax error: expression is incomplete", false},
	{"fn x end", "se.exs:1:1: expected anonymous functions to be defined with -> inside: 'fn'", false},
}

func TestErrors(t *testing.T) {
	for _, c := range errorCases {
		_, err := Parse("se.exs", []byte(c.src))
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("Parse(%q) = %v, want *Error %q", c.src, err, c.want)
			continue
		}
		if got := e.Error(); got != c.want {
			t.Errorf("Parse(%q) error\n got %s\nwant %s", c.src, got, c.want)
		}
		if e.Incomplete != c.incomplete {
			t.Errorf("Parse(%q): got Incomplete=%v, want %v", c.src, e.Incomplete, c.incomplete)
		}
	}
}

// TestFormat checks the caret display against Elixir 1.14's output.
func TestFormat(t *testing.T) {
	cases := []struct{ src, want string }{
		{"x = (1 +\n 2))", "** (SyntaxError) se.exs:2:4: unexpected token: )\n    |\n  2 |  2))\n    |    ^"},
		{"x = 1\ny = (1 +\n  2))\n", "** (SyntaxError) se.exs:3:5: unexpected token: )\n    |\n  3 |   2))\n    |     ^"},
		{"defmodule M do", "** (TokenMissingError) se.exs:1:15: missing terminator: end (for \"do\" starting at line 1)\n    |\n  1 | defmodule M do\n    |               ^"},
		// Elixir leaves the excerpt out when the line is empty.
		{"defmodule M do\n", "** (TokenMissingError) se.exs:2:1: missing terminator: end (for \"do\" starting at line 1)"},
		{"x = 1\nx = 1\nx = 1\nx = 1\nx = 1\nx = 1\nx = 1\nx = 1\nx = 1\nx = 1\nx = 1\nx = (1 +\n 2))", "** (SyntaxError) se.exs:13:4: unexpected token: )\n    |\n 13 |  2))\n    |    ^"},
	}
	for _, c := range cases {
		_, err := Parse("se.exs", []byte(c.src))
		if err == nil {
			t.Errorf("Parse(%q): no error, want\n%s", c.src, c.want)
			continue
		}
		if got := err.(*Error).Format(); got != c.want {
			t.Errorf("Parse(%q) formatted\n got %s\nwant %s", c.src, got, c.want)
		}
	}
}
