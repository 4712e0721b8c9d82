package compile_test

import (
	"os"
	"path/filepath"
	"testing"

	"goiex/vm/compile"
	"goiex/vm/syntax"
)

// FuzzCompile checks that no parsable input makes the compiler panic: it
// either compiles or returns a CompileError. The seed corpus (every
// example script) runs in plain `go test`.
func FuzzCompile(f *testing.F) {
	files, _ := filepath.Glob("../../scripts/*.exs")
	lib, _ := filepath.Glob("../../builtins/lib/*.ex")
	for _, name := range append(files, lib...) {
		if src, err := os.ReadFile(name); err == nil {
			f.Add(src)
		}
	}
	for _, s := range []string{
		"&(&1)", "&&1", "fn -> end", "for <- 1, do: 1", "with do end", "receive do end",
		"try do after end", "%{a | }", "^x", "x.(1)", "defmodule A do def f(a \\\\ 1, b \\\\ 2) end end",
		"<<x::utf8, rest::binary>> = y", "case 1 do end", "cond do end", "@a", "__STACKTRACE__",
		"put_in(a, 1)", "defmodule :a do end", "%__MODULE__{}", "raise", "apply(1)",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		tree, err := syntax.Parse("fuzz.exs", src)
		if err != nil {
			return
		}
		code, err := compile.Compile("fuzz.exs", tree, compile.Options{})
		if err == nil {
			compile.Disassemble(code)
		}
	})
}
