package syntax

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// FuzzParse checks that no input makes Parse panic or hang, and that
// every failure is an *Error whose position lies inside the input. Its
// seed corpus (valid and broken snippets) runs in plain `go test`.
func FuzzParse(f *testing.F) {
	for _, c := range parseCases {
		f.Add(c.src)
	}
	for _, c := range errorCases {
		f.Add(c.src)
	}
	files, _ := filepath.Glob("testdata/*.exs")
	for _, name := range files {
		if src, err := os.ReadFile(name); err == nil {
			f.Add(string(src))
		}
	}
	for _, s := range []string{
		"", "\n", ";", "#", "#{", "\"#{\"#{\"#{}\"}\"}\"", "'#{'a'}'", "~w()", "~", "~x", "~s\"\"\"\nx\n\"\"\"",
		"\"\"\"\n  a\n \"\"\"", "'''\nx\n'''", "?", "?\\", "&", "&&", "&1", "&0", "@", "@@", "%", "%{", "%{|}", "%x{}",
		"fn", "fn ->", "fn -> end", "fn () -> end", "(", "((", ")", "[", "[|]", "[a|]", "{", "<<", "<<>>", ">>",
		"do", "end", "do end", "a do", "a do else end", "if a do b else c after d end", "x.", "x.(", "x.()", ".",
		"a.b.c.d", "A.B.C", "A.b.C", "a..b//", "//", "a//b", "..", "1..2//3", ":", "::", ":a:", "a:", "a: 1",
		"\"a\": 1", "[\"a#{1}\": 2]", "-", "- -", "not", "not in", "a not in", "when", "a when", "->", "a ->",
		"case a do b -> c; d -> e end", "receive do after 1 -> 2 end", "0x", "0b2", "1.e5", "1.0e", "1_000_", "9999999999999999999999",
		"\\", "\\\n", "a \\\\ b", "x = 1 +\n  2", "a\n|> b\n|> c", "\"\\x\"", "\"\\u{110000}\"", "\"\\u12\"", "\"\\x{}\"",
		"%__MODULE__.A{}", "%@a{}", "&Kernel.+/2", "&+/2", "Foo.\"bar\"()", "Foo.{A, B}", "@a b, c", "x = 1)",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		_, err := Parse("fuzz.exs", []byte(src))
		if err == nil {
			return
		}
		var e *Error
		if !errors.As(err, &e) {
			t.Fatalf("Parse(%q) returned %T, want *Error", src, err)
		}
		lines := strings.Count(src, "\n") + 1
		if e.Pos.Line < 1 || e.Pos.Line > lines || e.Pos.Col < 1 {
			t.Fatalf("Parse(%q): error position %v outside the input (%d lines): %v", src, e.Pos, lines, e)
		}
		_ = e.Format()
	})
}

// TestDeepNesting checks that deeply nested input gives a clean error
// rather than exhausting the Go stack.
func TestDeepNesting(t *testing.T) {
	for _, unit := range []struct{ open, close string }{
		{"(", ")"}, {"[", "]"}, {"{", "}"}, {"- ", ""}, {"fn -> ", " end"}, {"\"#{", "}\""}, {"foo ", ""}, {"a = ", "1"}, {"if a do ", " end"},
	} {
		start := time.Now()
		src := strings.Repeat(unit.open, 20000) + "1" + strings.Repeat(unit.close, 20000)
		_, err := Parse("deep.exs", []byte(src))
		var e *Error
		if !errors.As(err, &e) || !strings.Contains(e.Msg, "nested too deeply") {
			t.Errorf("%q x 20000: got %v, want a nesting error", unit.open, err)
		}
		t.Logf("%q: %v", unit.open, time.Since(start))
	}
}
