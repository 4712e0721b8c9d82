package observe

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"goiex/vm"
	"goiex/vm/term"
)

// graphModule is a process that links, monitors, traps exits or dies on
// request; the tests build graphs of them.
const graphModule = `
defmodule N do
  def start(trap) do
    Process.flag(:trap_exit, trap)
    loop()
  end

  def loop do
    receive do
      {:link, pid} -> Process.link(pid); loop()
      {:monitor, pid} -> Process.monitor(pid); loop()
      {:die, r} -> exit(r)
      _ -> loop()
    end
  end
end
`

// graph builds processes (true: traps exits), then links and monitors
// between them by index ("0-1" links 0 and 1, "2>0" makes 2 monitor 0),
// and registers process target as :target.
func graph(t *testing.T, traps []bool, edges []string, target int) (*vm.VM, []term.Term) {
	t.Helper()
	var src strings.Builder
	src.WriteString(graphModule)
	fmt.Fprintf(&src, "ps = Enum.map(%s, fn t -> spawn(N, :start, [t]) end)\n", term.Inspect(boolList(traps)))
	for _, e := range edges {
		var a, b int
		if _, err := fmt.Sscanf(e, "%d-%d", &a, &b); err == nil {
			fmt.Fprintf(&src, "send(Enum.at(ps, %d), {:link, Enum.at(ps, %d)})\n", a, b)
			continue
		}
		if _, err := fmt.Sscanf(e, "%d>%d", &a, &b); err == nil {
			fmt.Fprintf(&src, "send(Enum.at(ps, %d), {:monitor, Enum.at(ps, %d)})\n", a, b)
			continue
		}
		t.Fatalf("bad edge %q", e)
	}
	fmt.Fprintf(&src, "Process.register(Enum.at(ps, %d), :target)\n", target)
	v, _ := newVM(t, io.Discard)
	main := spawnScript(t, v, src.String())
	if err := v.RunUntilExit(main); err != nil {
		t.Fatal(err)
	}
	v.RunReady(nil)
	var pids []term.Term
	v.EachProcess(func(p *vm.Process) { pids = append(pids, p.Pid()) })
	return v, pids
}

func boolList(bs []bool) term.Term {
	var ts []term.Term
	for _, b := range bs {
		ts = append(ts, term.Bool(b))
	}
	return term.List(ts...)
}

// happened words what the VM did, as the prediction words it.
func happened(e vm.Event) string {
	switch e.Kind {
	case vm.EventExit:
		return "dies " + term.Inspect(e.From) + " " + term.Inspect(e.Reason)
	case vm.EventExitMessage:
		return "exit_message " + term.Inspect(e.To) + " " + term.Inspect(term.Tuple(atomEXIT, e.From, e.Reason))
	case vm.EventDown:
		return "down " + term.Inspect(e.To) + " " + term.Inspect(e.Reason)
	}
	return ""
}

func predicted(h Happening) string {
	switch h.Kind {
	case "dies":
		return "dies " + term.Inspect(h.Pid) + " " + term.Inspect(h.Reason)
	case "exit_message":
		return "exit_message " + term.Inspect(h.Pid) + " " + term.Inspect(h.Message)
	case "down":
		return "down " + term.Inspect(h.Pid) + " " + term.Inspect(h.Reason)
	}
	return ""
}

// TestCrashImpactMatchesTheVM predicts, then does it, and compares the
// prediction with what the VM did, in order.
func TestCrashImpactMatchesTheVM(t *testing.T) {
	for _, c := range []struct {
		name   string
		traps  []bool
		edges  []string
		target int
		reason term.Term
	}{
		{"chain", []bool{false, false, false}, []string{"0-1", "1-2"}, 0, term.Atom("boom")},
		{"chain stops at a trapper", []bool{false, true, false}, []string{"0-1", "1-2"}, 0, term.Atom("boom")},
		{"diamond", []bool{false, false, false, false}, []string{"0-1", "0-2", "1-3", "2-3"}, 0, term.Atom("boom")},
		{"cycle", []bool{false, false, false}, []string{"0-1", "1-2", "2-0"}, 1, term.Atom("boom")},
		{"normal is ignored", []bool{false, false, true}, []string{"0-1", "0-2"}, 0, term.Normal},
		{"monitors", []bool{false, false, false, true}, []string{"0-1", "2>0", "2>1", "3>1", "1>0"}, 0, term.Atom("boom")},
		{"killed trapper", []bool{true, false, true}, []string{"0-1", "0-2", "2>0"}, 0, term.Kill},
		{"supervisor", []bool{true, false, false, false}, []string{"0-1", "0-2", "0-3", "1-2", "3>2"}, 2, term.Atom("crash")},
		{"a watcher that dies first", []bool{false, false, false}, []string{"0-1", "1>0", "2>1"}, 0, term.Atom("boom")},
	} {
		t.Run(c.name, func(t *testing.T) {
			v, _ := graph(t, c.traps, c.edges, c.target)
			target := v.Whereis(term.Atom("target"))
			im, ok := CrashImpact(v, target.Pid(), c.reason)
			if !ok {
				t.Fatal("target not alive")
			}
			var want []string
			for _, h := range im.Happenings {
				if s := predicted(h); s != "" {
					want = append(want, s)
				}
			}
			trigger := fmt.Sprintf("send(Process.whereis(:target), {:die, %s})", term.Inspect(c.reason))
			if c.reason == term.Kill {
				trigger = "Process.exit(Process.whereis(:target), :kill)"
			}
			p := spawnScript(t, v, trigger)
			var got []string
			cancel := v.Subscribe(func(e vm.Event) {
				// The trigger's own exit is not part of the prediction.
				if s := happened(e); s != "" && e.From != p.Pid() {
					got = append(got, s)
				}
			})
			defer cancel()
			if err := v.RunUntilExit(p); err != nil {
				t.Fatal(err)
			}
			v.RunReady(nil)
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("prediction differs from the VM\npredicted:\n  %s\nthe VM did:\n  %s\n%s",
					strings.Join(want, "\n  "), strings.Join(got, "\n  "), im.Render())
			}
		})
	}
}

func TestCrashImpactRender(t *testing.T) {
	v, pids := graph(t, []bool{false, true, false, false}, []string{"0-1", "0-2", "3>0"}, 0)
	im, _ := CrashImpact(v, pids[0], term.Atom("boom"))
	got := strings.ReplaceAll(im.Render(), "#PID<0.", "#PID<")
	want := `If #PID<101.0> exits with :boom:
  #PID<101.0> dies with :boom
  #PID<102.0> gets {:EXIT, #PID<101.0>, :boom}: linked to #PID<101.0>, traps exits
  #PID<103.0> dies with :boom: linked to #PID<101.0>, does not trap exits
  #PID<104.0> gets {:DOWN, #Reference<0.0.0.1>, :process, #PID<101.0>, :boom}: monitors #PID<101.0>
In all: 2 processes die, 2 messages delivered.
`
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	im, _ = CrashImpact(v, pids[1], term.Normal)
	got = strings.ReplaceAll(im.Render(), "#PID<0.", "#PID<")
	want = `If #PID<102.0> exits with :normal:
  #PID<102.0> exits with :normal
  #PID<101.0> ignores the exit signal :normal: linked to #PID<102.0>, does not trap exits
In all: 1 process exits, 0 messages delivered.
Note: #PID<102.0> traps exits, so Process.exit(pid, :normal) would only send it {:EXIT, from, :normal};
  it ends like this if it raises or calls exit(:normal) itself.
`
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}
