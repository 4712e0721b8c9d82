package builtins

import (
	"io/fs"
	"os"
	"strings"
	"testing"
)

// The Elixir library is checked on real Elixir: testdata/oracle.exs loads
// lib/*.ex under renamed modules (Enum as GEnum…) and runs every case of
// a case file with both, printing the real result and any mismatch.
// The outputs are recorded in testdata/*_cases.out so that the VM's own
// tests can replay the same cases against goiex once it runs Elixir.

func TestLibraryMatchesElixir(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"enum_cases", "lib_cases"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got := runElixir(t, "oracle.exs", "../lib", name+".exs")
			if strings.Contains(got, "MISMATCH") || !strings.HasSuffix(got, "\n0 mismatches\n") {
				for _, l := range strings.Split(got, "\n") {
					if strings.HasPrefix(l, "MISMATCH") {
						t.Error(l)
					}
				}
				t.Fatalf("the library disagrees with Elixir; full output:\n%s", got)
			}
			recorded, err := os.ReadFile("testdata/" + name + ".out")
			if err != nil {
				t.Fatal(err)
			}
			if string(recorded) != got {
				t.Errorf("testdata/%s.out is stale: run `cd builtins/testdata && elixir oracle.exs ../lib %s.exs > %s.out`", name, name, name)
			}
		})
	}
}

// TestRecordedLibraryCases checks, without Elixir, that every case has a
// recorded result and none recorded a mismatch.
func TestRecordedLibraryCases(t *testing.T) {
	for _, name := range []string{"enum_cases", "lib_cases"} {
		cases := readCases(t, "testdata/"+name+".exs", "testdata/"+name+".out")
		if len(cases) < 80 {
			t.Errorf("%s: only %d cases", name, len(cases))
		}
		out := strings.Join(readLines(t, "testdata/"+name+".out"), "\n")
		if strings.Contains(out, "MISMATCH") {
			t.Errorf("%s.out records a mismatch", name)
		}
	}
}

// TestLibraryFiles checks every library file defines modules and parses
// as far as a quick look can tell (balanced do/end).
func TestLibraryFiles(t *testing.T) {
	names, err := fs.Glob(Library(), "*.ex")
	if err != nil || len(names) < 5 {
		t.Fatalf("library files: %v, %v", names, err)
	}
	for _, n := range names {
		src, _ := fs.ReadFile(Library(), n)
		if !strings.Contains(string(src), "defmodule ") {
			t.Errorf("%s defines no module", n)
		}
	}
}
