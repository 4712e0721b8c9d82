package lessons

import (
	"os"
	"strings"
	"testing"

	"goiex/repl"
	"goiex/vm"
)

// session types code into a fresh embedded shell and returns it.
func session(t *testing.T, code string) *repl.Embedded {
	t.Helper()
	var out strings.Builder
	e, err := repl.NewEmbedded(repl.Config{Out: &out, Err: &out, Clock: vm.NewVirtualClock(),
		Version: "test", Interrupts: make(chan os.Signal)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	e.Type(code)
	return e
}

func TestChecksSeeTheState(t *testing.T) {
	e := session(t, `send(self(), {:a, 1}); send(self(), "two")
pid = spawn(fn -> :done end)
waiter = spawn(fn -> receive do :go -> :ok end end)
Process.register(waiter, :waiter)
count = 7
result = {:ok, 42}
state = %{count: 3, name: "n", items: [1, 2.5, :x, nil, true]}
self = :shadowed
`)
	env := checkEnv(e, "the output\n")
	for _, tc := range []struct {
		src  string
		want bool
	}{
		{`mailbox_len(self) == 2`, true},
		{`mailbox(self) == ["{:a, 1}", "\"two\""]`, true},
		{`alive(pid) == false`, true},
		{`alive(waiter)`, true},
		{`alive(pid("0.100.0"))`, true}, // the shell
		{`pid("0.100.0") == self`, true},
		{`registered("waiter") == waiter && registered(":waiter") == waiter`, true},
		{`registered("nobody") == nil`, true},
		{`count > 3 && vars.count == 7`, true}, // a variable named like expr's count
		{`count(processes, .status == "waiting") >= 1`, true},
		{`any(processes, .pid == waiter && .registered_name == "waiter" && .name == "waiter")`, true},
		{`all(processes, .message_queue_len >= 0 && .reductions >= 0 && .memory > 0)`, true},
		{`len(processes) == 2`, true},
		{`inspect(result) == "{:ok, 42}"`, true},
		{`result[0] == ":ok" && result[1] == 42`, true},
		{`inspect(pid) startsWith "#PID<0."`, true},
		{`state.count == 3 && state.name == "n"`, true},
		{`state.items == [1, 2.5, ":x", nil, true]`, true},
		{`vars.self == ":shadowed"`, true},
		{`output contains "the output"`, true},
		{`let n = mailbox_len(self); n == 2`, true},
		{`mailbox_len(self) == 3`, false},
	} {
		c, err := compileCheck(tc.src, 1)
		if err != nil {
			t.Errorf("%s: %v", tc.src, err)
			continue
		}
		r := runChecks([]*Check{c}, env)[0]
		if r.ok != tc.want || r.err != nil {
			t.Errorf("%s: got %v (error %v), want %v", tc.src, r.ok, r.err, tc.want)
		}
	}
}

// A check that cannot run fails, and says why.
func TestChecksThatCannotRun(t *testing.T) {
	e := session(t, "dead = spawn(fn -> :ok end)\n")
	env := checkEnv(e, "")
	for _, tc := range []struct{ src, err string }{
		{`alive(unbound)`, "not a pid: nil (is the variable bound?)"},
		{`mailbox_len(dead) == 0`, "#PID<0.101.0> is not alive"},
		{`unbound > 3`, "invalid operation"},
		{`pid("1.2") == self`, `want "0.N.0"`},
	} {
		c, err := compileCheck(tc.src, 1)
		if err != nil {
			t.Fatalf("%s: %v", tc.src, err)
		}
		r := runChecks([]*Check{c}, env)[0]
		if r.ok || r.err == nil || !strings.Contains(r.err.Error(), tc.err) {
			t.Errorf("%s: got %v, %v; want an error containing %q", tc.src, r.ok, r.err, tc.err)
		}
	}
}

func TestFailedHint(t *testing.T) {
	a, _ := compileCheck("true", 1)
	b, _ := compileCheck("false", 2)
	b.Hint = "do it"
	c, _ := compileCheck("1 == 2", 3)
	env := checkEnv(nil, "")
	if got := failedHint(runChecks([]*Check{a, b, c}, env)); got != "do it" {
		t.Errorf("got %q, want the first failed check's hint", got)
	}
	if got := failedHint(runChecks([]*Check{a, c}, env)); got != "This should hold, and does not yet: 1 == 2" {
		t.Errorf("got %q, want the check itself when it has no hint", got)
	}
}

func TestChecksSeeOutputWithoutColour(t *testing.T) {
	if got := stripColor("\x1b[33m42\x1b[0m and \x1b[1;31mboom\x1b[0m"); got != "42 and boom" {
		t.Errorf("got %q", got)
	}
}
