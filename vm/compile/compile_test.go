package compile_test

import (
	"strings"
	"testing"

	"goiex/vm/compile"
	"goiex/vm/syntax"
)

func compileSrc(t *testing.T, src string) (*compile.Code, error) {
	t.Helper()
	tree, err := syntax.Parse("t.exs", []byte(src))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	return compile.Compile("t.exs", tree, compile.Options{})
}

func TestEveryOpcodeIsNamed(t *testing.T) {
	for op := compile.NOP; op <= compile.BINPUT; op++ {
		if op.String() == "op?" {
			t.Errorf("opcode %d has no name", op)
		}
	}
}

// The compiler is tested through the disassembler: the expected listings
// are reviewed by hand.
func TestDisassembly(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"a recursive last call is a tail call, guards are guarded",
			`defmodule M do
			   def loop(0, acc), do: acc
			   def loop(n, acc) when n > 0, do: loop(n - 1, acc + n)
			 end`, `
  M.loop/2 regs=5
      0 teqk     r0 0 L3
      1 move     r2 r1
      2 return   r2
      3 guard    L11
      4 loadk    r3 0
      5 gt       r2 r0 r3
      6 guardend 
      7 ttrue    r2 L11
      8 addi     r3 r0 -1
      9 add      r4 r1 r0
     10 tcall    loop/2 r3
     11 funcerr  
`},
		{"receive scans the mailbox and waits with a timeout",
			`receive do
			   {:ok, x} -> x
			 after 100 -> :timeout
			 end`, `top level regs=5
    0 loadk    r1 100
    1 rstart   1
    2 rpeek    r2 L11 1
    3 ttuple   r2 2 L10
    4 elem     r3 r2 0
    5 teqk     r3 :ok L10
    6 elem     r4 r2 1
    7 raccept  1
    8 move     r0 r4
    9 jump     L13
   10 rnext    L2
   11 rwait    r1 L2 L12
   12 loadk    r0 :timeout
   13 return   r0
`},
		{"a fn reads captured variables from its environment",
			`x = 1
			 f = fn y -> x + y end`, `top level regs=3
    0 loadk    r1 1
    1 move     r2 r1
    2 fun      r0 fn#0 r2
    3 return   r0
  anonymous fn/1 in :elixir_compiler_0.__FILE__/1 regs=3 captured=1
      0 loadenv  r2 0
      1 add      r1 r2 r0
      2 return   r1
      3 funcerr  
`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, err := compileSrc(t, tc.src)
			if err != nil {
				t.Fatal(err)
			}
			got := compile.Disassemble(code)
			if !strings.Contains(got, strings.TrimPrefix(tc.want, "\n")) {
				t.Errorf("got\n%s\nwant it to contain\n%s", got, tc.want)
			}
		})
	}
}

// Messages follow Elixir 1.14's CompileError wording (checked with
// `elixir x.exs`; Elixir also warns before the error, goiex does not).
func TestCompileErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"x = 1\ny + 1", "t.exs:2: undefined function y/0 (there is no such import)"},
		{"defmodule M do\n  def f, do: g(1)\nend", "t.exs:2: undefined function g/1 (expected M to define such a function or for it to be imported, but none are available)"},
		{"foo(1)", "t.exs:1: undefined function foo/1 (there is no such import)"},
		{"^x = 1", "t.exs:1: undefined variable ^x. No variable \"x\" has been defined before the current pattern"},
		{"def f, do: 1", "t.exs:1: cannot invoke def/2 outside module"},
	} {
		_, err := compileSrc(t, tc.src)
		if err == nil || err.Error() != tc.want {
			t.Errorf("%q: got error %v, want %q", tc.src, err, tc.want)
		}
	}
}
