package repl

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	"goiex/vm"
	"goiex/vm/term"
)

// runPiped runs a session over the given input under the virtual clock
// and returns what it printed.
func runPiped(t *testing.T, input string, color bool) (string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Run(Config{
		In: strings.NewReader(input), Out: &out, Err: &errOut,
		Echo: true, Color: color, Clock: vm.NewVirtualClock(), Version: "test",
		Interrupts: make(chan os.Signal),
	})
	if code != 0 {
		t.Errorf("exit status %d", code)
	}
	return out.String(), errOut.String()
}

// Expected outputs below were checked against iex 1.14 (same results,
// prompts and error banners; iex prints no echo when piped).
func TestSessionTranscript(t *testing.T) {
	got, _ := runPiped(t, "x = 1 + 1\nraise \"boom\"\nx\n[1,\n2]\n", false)
	want := "Interactive goiex (test) - press Ctrl+D to exit (type h() ENTER for help)\n" +
		"iex(1)> x = 1 + 1\n2\n" +
		"iex(2)> raise \"boom\"\n** (RuntimeError) boom\n\n" +
		"iex(2)> x\n2\n" +
		"iex(3)> [1,\n...(3)> 2]\n[1, 2]\n"
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestShellRestartAfterKill(t *testing.T) {
	got, _ := runPiped(t, "a = 1\nProcess.exit(self(), :kill)\n:back\n", false)
	want := "iex(2)> Process.exit(self(), :kill)\n" +
		"** (EXIT from #PID<0.100.0>) shell process exited with reason: killed\n\n" +
		"Interactive goiex (test) - press Ctrl+D to exit (type h() ENTER for help)\n" +
		"iex(1)> :back\n:back\n"
	if !strings.HasSuffix(got, want) {
		t.Errorf("got:\n%s\nwant suffix:\n%s", got, want)
	}
}

func TestColorIsAPrinterSetting(t *testing.T) {
	plain, _ := runPiped(t, ":ok\n", false)
	colored, _ := runPiped(t, ":ok\n", true)
	if strings.Contains(plain, "\x1b[") {
		t.Errorf("plain output has escapes: %q", plain)
	}
	if !strings.Contains(colored, "\x1b[36m:ok") {
		t.Errorf("coloured output: got %q, want :ok in cyan", colored)
	}
}

func TestSyntaxColors(t *testing.T) {
	p := newPalette(true)
	for _, tc := range []struct{ in, token, color string }{
		{`{1, :a}`, "1", "33"},
		{`{1, :a}`, ":a", "36"},
		{`"str"`, `"str"`, "32"},
		{`[k: true]`, "k:", "36"},
		{`[k: true]`, "true", "35"},
		{`nil`, "nil", "35"},
		{`%{a: Foo}`, "Foo", "36"},
	} {
		got := p.syntax(tc.in)
		if !strings.Contains(got, "\x1b["+tc.color+"m"+tc.token) {
			t.Errorf("syntax(%q): got %q, want %s in colour %s", tc.in, got, tc.token, tc.color)
		}
	}
	if got := newPalette(false).syntax(`{1, :a}`); got != `{1, :a}` {
		t.Errorf("colour off: got %q", got)
	}
}

func TestParseCommand(t *testing.T) {
	for _, tc := range []struct {
		line     string
		name, ok string
	}{
		{"h GenServer.call", "h", "GenServer.call"},
		{"h(Process.monitor/1)", "h", "Process.monitor/1"},
		{"open GenServer", "open", "GenServer"},
		{`import_file "x.exs"`, "import_file", `"x.exs"`},
		{`c("x.ex")`, "c", `"x.ex"`},
		{"h = 1", "", ""},
		{"h()", "", ""},
		{"c = spawn(fn -> 1 end)", "", ""},
	} {
		c, ok := parseCommand(tc.line)
		if ok != (tc.name != "") || c.name != tc.name || c.arg != tc.ok {
			t.Errorf("parseCommand(%q): got %+v %v, want %s %s", tc.line, c, ok, tc.name, tc.ok)
		}
	}
}

func TestCompletion(t *testing.T) {
	idx := &completionIndex{
		modules: []string{"GenServer", "Process", "Supervisor", "Supervisor.Spec"},
		funcs:   map[string][]string{"Process": {"alive?", "exit", "flag"}, "Supervisor.Spec": {"worker"}},
		locals:  []string{"flush", "my_var", "self"},
	}
	for _, tc := range []struct {
		before string
		want   string
	}{
		{"Process.a", "live?"},
		{"x = Proc", "ess"},
		{"my_", "var"},
		{"fl", "ush"},
		{"Supervisor.S", "pec"},
		{"Supervisor.Spec.w", "orker"},
	} {
		got, _ := idx.complete(tc.before)
		if len(got) != 1 || got[0] != tc.want {
			t.Errorf("complete(%q): got %q, want [%q]", tc.before, got, tc.want)
		}
	}
	if got, _ := idx.complete("Process."); len(got) != 3 {
		t.Errorf("complete(Process.): got %q, want every function", got)
	}
}

func TestFormatUptime(t *testing.T) {
	for _, tc := range []struct {
		d    time.Duration
		want string
	}{
		{0, "0 seconds"},
		{time.Second, "1 second"},
		{197 * time.Second, "3 minutes and 17 seconds"}, // iex's wording
		{3661 * time.Second, "1 hour, 1 minute and 1 second"},
	} {
		if got := formatUptime(tc.d); got != tc.want {
			t.Errorf("formatUptime(%v): got %q, want %q", tc.d, got, tc.want)
		}
	}
}

func TestDottedPid(t *testing.T) {
	for _, s := range []string{"0.110.0", "<0.110.0>", "#PID<0.110.0>"} {
		v, err := pid1(nil, []term.Term{term.String(s)})
		if err != nil || term.Inspect(v) != "#PID<0.110.0>" {
			t.Errorf("pid(%q): got %v, %v", s, v, err)
		}
	}
}
