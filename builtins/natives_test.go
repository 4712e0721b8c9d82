package builtins

import (
	"bufio"
	"os"
	"os/exec"
	"strings"
	"testing"

	"goiex/vm"
	"goiex/vm/term"
)

// nativeTable indexes Natives() by "Module.name/arity".
func nativeTable(t *testing.T) map[string]vm.Native {
	t.Helper()
	table := map[string]vm.Native{}
	for _, s := range Natives() {
		key := s.Module + "." + s.Name + "/" + itoa(s.Arity)
		if _, dup := table[key]; dup {
			t.Errorf("native %s registered twice", key)
		}
		table[key] = s.Fn
	}
	return table
}

func itoa(n int) string { return term.Inspect(term.Int(int64(n))) }

// callCase runs one "Mod.fun(args)" case and renders its result as the
// case files do: inspect of the value, or "** (Module) message".
func callCase(t *testing.T, table map[string]vm.Native, src string) string {
	t.Helper()
	module, name, args := parseCall(src)
	fn := table[module+"."+name+"/"+itoa(len(args))]
	if fn == nil {
		return "no native"
	}
	v, err := fn(nil, args)
	if err != nil {
		r, ok := err.(*vm.Raised)
		if !ok {
			return "Go error: " + err.Error()
		}
		e := vm.NormalizeError(r.Reason)
		mod, _ := term.StructName(e)
		return strings.ReplaceAll("** ("+term.ModuleName(mod)+") "+vm.ExceptionMessage(e), "\n", `\n`)
	}
	return term.Inspect(v)
}

// TestNatives calls every case of testdata/native_cases.exs and compares
// with testdata/native_cases.out, recorded from Elixir 1.14 by
// testdata/record.exs (TestNativeCasesRecorded checks it is current).
func TestNatives(t *testing.T) {
	table := nativeTable(t)
	cases := readCases(t, "testdata/native_cases.exs", "testdata/native_cases.out")
	for _, c := range cases {
		src, want := c[0], c[1]
		got := callCase(t, table, src)
		if got != want {
			t.Errorf("%s\n got: %s\nwant: %s", src, got, want)
		}
	}
	if len(cases) < 400 {
		t.Errorf("only %d cases read", len(cases))
	}
}

// readCases pairs each case of a case file with its recorded result:
// the output line is "<case> => <result>".
func readCases(t *testing.T, casesFile, outFile string) [][2]string {
	t.Helper()
	var srcs []string
	for _, l := range readLines(t, casesFile) {
		if l != "" && !strings.HasPrefix(l, "#") {
			srcs = append(srcs, l)
		}
	}
	outs := readLines(t, outFile)
	if len(outs) < len(srcs) {
		t.Fatalf("%s has %d lines for %d cases", outFile, len(outs), len(srcs))
	}
	cases := make([][2]string, len(srcs))
	for i, src := range srcs {
		want, ok := strings.CutPrefix(outs[i], src+" => ")
		if !ok {
			t.Fatalf("%s line %d is not for %q", outFile, i+1, src)
		}
		cases[i] = [2]string{src, want}
	}
	return cases
}

func readLines(t *testing.T, file string) []string {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	return lines
}

// TestNativeCasesRecorded re-records the expectations with real Elixir,
// when it is installed, and checks the recorded file is current.
func TestNativeCasesRecorded(t *testing.T) {
	t.Parallel()
	want := runElixir(t, "record.exs", "native_cases.exs")
	got, err := os.ReadFile("testdata/native_cases.out")
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("testdata/native_cases.out is stale: run `cd builtins/testdata && elixir record.exs native_cases.exs > native_cases.out`")
	}
}

// runElixir runs an Elixir script of testdata, skipping without Elixir.
func runElixir(t *testing.T, args ...string) string {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: not running Elixir")
	}
	if _, err := exec.LookPath("elixir"); err != nil {
		t.Skip("elixir not on PATH")
	}
	cmd := exec.Command("elixir", args...)
	cmd.Dir = "testdata"
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("elixir %v: %v", args, err)
	}
	return string(out)
}
