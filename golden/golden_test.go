package golden

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

var (
	update = flag.Bool("update", false,
		"rewrite golden files from goiex's own output (review the diff before committing)")
	recordElixir = flag.Bool("record-elixir", false,
		"re-record golden files by running each script in Elixir (needs elixir on PATH)")
	runSkipped = flag.Bool("run-skipped", false,
		"also run the scripts on the skip list")
	only = flag.String("script", "",
		"run only scripts whose name contains this string")
)

// skipPrefixes lists the scripts that need a later issue. They have golden
// files recorded from Elixir, and each shows up in the test output as a skip
// with its reason. Remove a line when its issue lands.
var skipPrefixes = map[string]string{}

// scriptTimeout bounds one run. Under the virtual clock no script should
// come near it; reaching it is a failure (a hang, or a sleep on wall time).
const scriptTimeout = 20 * time.Second

// elixirEval is the command the expectations are recorded with. The script
// runs through the evaluator (Code.eval_file) rather than `elixir FILE`,
// which trips over a compiler bug around receive on this install; the two
// differ only in stacktrace lines and #Function<…> names, both normalised
// away. Logger's console backend writes to stdout by default in Elixir
// 1.14; it is pointed at stderr, where goiex writes its crash reports.
// Crash reports are written asynchronously and are lost if the run ends
// first, so a run that finishes normally flushes Logger.
const elixirEval = `Logger.configure_backend(:console, device: :standard_error); Code.eval_file(%q); Logger.flush()`

var (
	moduleRoot string // the directory holding go.mod; scripts run from there
	goiexBin   string // the binary under test
	buildErr   error  // why goiexBin could not be built, if it could not
)

func TestMain(m *testing.M) {
	flag.Parse()
	wd, err := os.Getwd()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	moduleRoot = filepath.Dir(wd)
	if *recordElixir {
		os.Exit(m.Run())
	}
	// GOIEX_BIN runs the suite against another binary. It exists to test
	// this harness (golden/testdata/elixir-as-goiex.sh plays goiex by
	// running Elixir), not to test goiex. A relative path is taken from the
	// module root.
	if bin := os.Getenv("GOIEX_BIN"); bin != "" {
		if !filepath.IsAbs(bin) {
			bin = filepath.Join(moduleRoot, bin)
		}
		goiexBin = bin
		os.Exit(m.Run())
	}
	dir, err := os.MkdirTemp("", "goiex-golden-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	goiexBin = filepath.Join(dir, "goiex")
	build := exec.Command("go", "build", "-o", goiexBin, "goiex")
	build.Dir = moduleRoot
	if out, err := build.CombinedOutput(); err != nil {
		buildErr = fmt.Errorf("go build -o %s goiex: %v\n%s", goiexBin, err, out)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// scripts lists the names (without .exs) of the programs in scripts/; the
// benchmark programs in scripts/bench/ are not among them.
func scripts(t testing.TB) []string {
	paths, err := filepath.Glob(filepath.Join(moduleRoot, "scripts", "*.exs"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range paths {
		names = append(names, strings.TrimSuffix(filepath.Base(p), ".exs"))
	}
	sort.Strings(names)
	return names
}

func skipReason(name string) string {
	for prefix, reason := range skipPrefixes {
		if strings.HasPrefix(name, prefix) {
			return reason
		}
	}
	return ""
}

// run executes argv from the module root and returns its normalised result.
func run(argv []string) (Result, error) {
	ctx, cancel := context.WithTimeout(context.Background(), scriptTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	cmd.Dir = moduleRoot
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	cmd.WaitDelay = time.Second
	err := cmd.Run()
	if ctx.Err() != nil {
		return Result{}, fmt.Errorf("%s: timed out after %v\nstdout so far:\n%s\nstderr so far:\n%s",
			strings.Join(argv, " "), scriptTimeout, stdout.String(), stderr.String())
	}
	r := Result{}
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		r.Exit = exit.ExitCode()
	case err != nil:
		return Result{}, err
	}
	r.Stdout, r.Stderr = Normalize(stdout.String(), stderr.String())
	return r, nil
}

func goldenPath(name string) string {
	return filepath.Join(moduleRoot, "golden", name+".golden")
}

func scriptArg(name string) string {
	return "scripts/" + name + ".exs"
}

func TestScripts(t *testing.T) {
	names := scripts(t)
	if len(names) == 0 {
		t.Fatal("no scripts in scripts/*.exs")
	}
	for _, name := range names {
		if *only != "" && !strings.Contains(name, *only) {
			continue
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if *recordElixir {
				recordFromElixir(t, name)
				return
			}
			if reason := skipReason(name); reason != "" && !*runSkipped {
				t.Skipf("skip list: %s", reason)
			}
			if buildErr != nil {
				t.Fatal(buildErr)
			}
			got, err := run([]string{goiexBin, "run", "--clock=virtual", scriptArg(name)})
			if err != nil {
				t.Fatal(err)
			}
			data, readErr := os.ReadFile(goldenPath(name))
			want, parseErr := Parse(string(data))
			if *update {
				// Only a changed expectation is rewritten, so the header of
				// one recorded from Elixir survives an -update that agrees.
				if readErr != nil || parseErr != nil || !sameOutput(got, want) {
					got.Header = "recorded from goiex, reviewed: goiex run --clock=virtual " + scriptArg(name)
					writeGolden(t, name, got)
				}
				return
			}
			if readErr != nil {
				t.Fatalf("%v (record it with -record-elixir, or -update)", readErr)
			}
			if parseErr != nil {
				t.Fatalf("%s: %v", goldenPath(name), parseErr)
			}
			compare(t, name, got, want)
		})
	}
}

func sameOutput(a, b Result) bool {
	return a.Stdout == b.Stdout && a.Stderr == b.Stderr && a.Exit == b.Exit
}

func compare(t *testing.T, name string, got, want Result) {
	t.Helper()
	if got.Stdout != want.Stdout {
		t.Errorf("%s: stdout differs (-want +got):\n%s", name, Diff(want.Stdout, got.Stdout))
	}
	if got.Stderr != want.Stderr {
		t.Errorf("%s: stderr differs (-want +got):\n%s", name, Diff(want.Stderr, got.Stderr))
	}
	if got.Exit != want.Exit {
		t.Errorf("%s: exit status: got %d, want %d", name, got.Exit, want.Exit)
	}
}

func recordFromElixir(t *testing.T, name string) {
	elixir, err := exec.LookPath("elixir")
	if err != nil {
		t.Fatal("-record-elixir: elixir is not on PATH")
	}
	got, err := run([]string{elixir, "-e", fmt.Sprintf(elixirEval, scriptArg(name))})
	if err != nil {
		t.Fatal(err)
	}
	got.Header = fmt.Sprintf("recorded from %s: elixir -e '%s'", elixirVersion(), fmt.Sprintf(elixirEval, scriptArg(name)))
	writeGolden(t, name, got)
}

func writeGolden(t *testing.T, name string, r Result) {
	if err := os.WriteFile(goldenPath(name), []byte(Format(r)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// elixirVersion names the Elixir and OTP releases that run the scripts,
// e.g. "Elixir 1.14.0 / OTP 25".
var elixirVersion = sync.OnceValue(func() string {
	out, err := exec.Command("elixir", "-e",
		`IO.write("Elixir #{System.version()} / OTP #{System.otp_release()}")`).Output()
	if err != nil {
		return "Elixir (version unknown)"
	}
	return string(out)
})

// TestNormalize pins down the normalisation, since every golden file
// depends on it.
func TestNormalize(t *testing.T) {
	stdout := "#PID<0.97.0> #PID<0.98.0> #PID<0.97.0> #Reference<0.1.2.3> " +
		"#Function<42.3316493/1 in :erl_eval.expr/6> &Enum.map/2\n"
	stderr := "\n23:07:21.413 [error] Process #PID<0.98.0> raised an exception\n" +
		"** (RuntimeError) boom\n" +
		"    (stdlib 4.2) erl_eval.erl:742: :erl_eval.do_apply/7\n" +
		"** (UndefinedFunctionError) function IO.puts/0 is undefined or private. Did you mean:\n\n" +
		"      * puts/1\n\n" +
		"    (elixir 1.14.0) IO.puts()\n" +
		"    scripts/x.exs:3: (file)\n" +
		"** (ArithmeticError) bad argument in arithmetic expression\n" +
		"    :erlang./(1, 0)\n" +
		"** (UndefinedFunctionError) function Foo.bar/1 is undefined (module Foo is not available)\n" +
		"    Foo.bar(1)\n" +
		"    scripts/x.exs:2: (file)\n" +
		"** (SyntaxError) scripts/x.exs:2:8: syntax error before: '*'\n" +
		"    |\n  2 | x = 1 +* 2\n    |        ^\n" +
		"    (elixir 1.14.0) lib/code.ex:421: Code.validated_eval_string/3\n"
	gotOut, gotErr := Normalize(stdout, stderr)
	wantOut := "#PID<p1> #PID<p2> #PID<p1> #Reference<r1> #Function<…/1> &Enum.map/2\n"
	wantErr := "\n[error] Process #PID<p2> raised an exception\n" +
		"** (RuntimeError) boom\n" +
		"** (UndefinedFunctionError) function IO.puts/0 is undefined or private. Did you mean:\n\n" +
		"      * puts/1\n\n" +
		"** (ArithmeticError) bad argument in arithmetic expression\n" +
		"** (UndefinedFunctionError) function Foo.bar/1 is undefined (module Foo is not available)\n" +
		"** (SyntaxError) scripts/x.exs:2:8: syntax error before: '*'\n" +
		"    |\n  2 | x = 1 +* 2\n    |        ^\n"
	if gotOut != wantOut {
		t.Errorf("stdout: got %q, want %q", gotOut, wantOut)
	}
	if gotErr != wantErr {
		t.Errorf("stderr: got %q, want %q", gotErr, wantErr)
	}
	// Idempotent: a normalised golden file normalises to itself.
	if o, e := Normalize(wantOut, wantErr); o != wantOut || e != wantErr {
		t.Errorf("not idempotent: got %q, %q", o, e)
	}
}

func TestFormatRoundTrip(t *testing.T) {
	for _, r := range []Result{
		{Header: "h", Stdout: "a\nb\n", Stderr: "", Exit: 0},
		{Header: "h1\nh2", Stdout: "", Stderr: "** (x) y\n", Exit: 1},
		{Header: "h", Stdout: "no newline", Stderr: "e", Exit: 0},
		{Header: "h", Stdout: "-- stderr --\n", Stderr: "-- exit --\n", Exit: 1},
	} {
		got, err := Parse(Format(r))
		if err != nil {
			t.Errorf("Parse(Format(%#v)): %v", r, err)
			continue
		}
		if got != r {
			t.Errorf("Parse(Format(r)): got %#v, want %#v", got, r)
		}
	}
}

func TestDiff(t *testing.T) {
	got := Diff("a\nb\nc\n", "a\nB\nc\nd")
	want := " a\n-b\n+B\n c\n+d\n\\ no newline at end\n"
	if got != want {
		t.Errorf("Diff: got %q, want %q", got, want)
	}
}
