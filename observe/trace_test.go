package observe

import (
	"io"
	"strings"
	"testing"

	"goiex/vm"
	"goiex/vm/term"
)

const pingScript = `
pong = spawn(fn ->
  receive do
    {:ping, from} -> send(from, :pong)
  end
end)
ref = Process.monitor(pong)
`

func TestTrace(t *testing.T) {
	for _, c := range []struct {
		script string
		want   string
	}{
		{`Goiex.trace(:all)
send(pong, {:ping, self()})
receive do :pong -> :ok end
receive do {:DOWN, ^ref, _, _, _} -> :ok end
Goiex.trace(:off)`, `
#PID<0.100.0> sends {:ping, #PID<0.100.0>} to #PID<0.101.0> (msg 1)
#PID<0.101.0> receives {:ping, #PID<0.100.0>} from #PID<0.100.0> (msg 1, clause 1)
#PID<0.101.0> sends :pong to #PID<0.100.0> (msg 2)
#PID<0.101.0> exits: :normal
#PID<0.100.0> gets DOWN of #PID<0.101.0>: :normal (msg 3)
#PID<0.100.0> receives :pong from #PID<0.101.0> (msg 2, clause 1)
#PID<0.100.0> receives {:DOWN, #Reference<0.0.0.1>, :process, #PID<0.101.0>, :normal} from #PID<0.101.0> (msg 3, clause 1)
`},
		{`Goiex.trace(pong, where: "type == \"receive\" or type == \"exit\"", time: true)
send(pong, {:ping, self()})
Process.sleep(10)
Goiex.trace(:off)`, `
[0.000 ms] #PID<0.101.0> receives {:ping, #PID<0.100.0>} from #PID<0.100.0> (msg 1, clause 1)
[0.000 ms] #PID<0.101.0> exits: :normal
`},
		{`try do
  Goiex.trace(:all, where: "type = \"send\"")
rescue
  e in ArgumentError -> IO.puts(e.message)
end`, `
where: unexpected token Operator("=") (1:6)
 | type = "send"
 | .....^
fields: type, from, to, message, reason, clause, seq, position, skipped, time
`},
	} {
		got := runScript(t, pingScript+c.script)
		if want := strings.TrimPrefix(c.want, "\n"); got != want {
			t.Errorf("%s\ngot:\n%s\nwant:\n%s", c.script, got, want)
		}
	}
}

// TestTraceOffCostsNothing: once the last trace stops, the VM has no
// listener left, so emitting is a length check again.
func TestTraceOffCostsNothing(t *testing.T) {
	v, _ := newVM(t, io.Discard)
	if v.Listening() {
		t.Fatal("a fresh VM has a listener")
	}
	a, err := StartTrace(v, io.Discard, TraceOptions{})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := StartTrace(v, io.Discard, TraceOptions{Explain: true})
	a.Stop()
	if !v.Listening() {
		t.Fatal("stopping one trace stopped both")
	}
	b.Stop()
	b.Stop()
	if v.Listening() {
		t.Fatal("a listener is left after every trace stopped")
	}
	runScript(t, pingScript+"Goiex.trace(:all)\nGoiex.explain(:all)\nGoiex.untrace()")
}

func TestEventLine(t *testing.T) {
	for _, c := range []struct {
		e    vm.Event
		want string
	}{
		{vm.Event{Kind: vm.EventLink}, "(the host) links to (the host)"},
		{vm.Event{Kind: vm.EventTimer, To: term.Pid(101), Reason: term.Atom("timeout")}, "#PID<0.101.0> timer fires: :timeout"},
	} {
		if got := EventLine(c.e); got != c.want {
			t.Errorf("got %q, want %q", got, c.want)
		}
	}
}

// Colour is the printer's setting: off in scripts, on when the shell
// says so.
func TestTraceColour(t *testing.T) {
	var out strings.Builder
	v, _ := newVM(t, &out)
	tr, err := StartTrace(v, &out, TraceOptions{Color: true})
	if err != nil {
		t.Fatal(err)
	}
	p := spawnScript(t, v, `send(self(), :hi)
receive do :hi -> :ok end`)
	if err := v.RunUntilExit(p); err != nil {
		t.Fatal(err)
	}
	tr.Stop()
	want := "(the host)\x1b[34m spawns \x1b[0m#PID<0.100.0> (:elixir_compiler_0.__FILE__/1)\n" +
		"#PID<0.100.0>\x1b[36m sends \x1b[0m:hi to #PID<0.100.0> (msg 1)\n" +
		"#PID<0.100.0>\x1b[32m receives \x1b[0m:hi from #PID<0.100.0> (msg 1, clause 1)\n" +
		"#PID<0.100.0>\x1b[2m exits: :normal\x1b[0m\n"
	if out.String() != want {
		t.Errorf("got %q\nwant %q", out.String(), want)
	}
}
