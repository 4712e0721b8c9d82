package observe

import (
	"strings"
	"testing"
)

func TestTreeAndLinks(t *testing.T) {
	v, pids := graph(t, []bool{true, false, false, false, false}, []string{"0-1", "0-2", "1-2", "3>1"}, 0)
	got := Tree(v, nil)
	want := `
#PID<0.101.0> target N.loop/0 [traps exits]
├─ #PID<0.102.0> N.loop/0
│     ┄ linked to #PID<0.103.0>
└─ #PID<0.103.0> N.loop/0
      ┄ linked to #PID<0.102.0>
#PID<0.104.0> N.loop/0
   → monitors #PID<0.102.0>
no links or monitors: #PID<0.105.0>
`
	if got != strings.TrimPrefix(want, "\n") {
		t.Errorf("Tree: got:\n%s\nwant:\n%s", got, want)
	}
	got = Links(v, pids[1], nil)
	want = `
#PID<0.102.0> N.loop/0
├─ linked to #PID<0.101.0> target N.loop/0 [traps exits]
├─ linked to #PID<0.103.0> N.loop/0
└─ monitored by #PID<0.104.0> (#Reference<0.0.0.1>)
It does not trap exits: a linked process dying of any reason but :normal takes it down too.
`
	if got != strings.TrimPrefix(want, "\n") {
		t.Errorf("Links: got:\n%s\nwant:\n%s", got, want)
	}
}

func TestStepNeedsTheShell(t *testing.T) {
	got := runScript(t, `try do
  Goiex.step()
rescue
  e in ArgumentError -> IO.puts(e.message)
end`)
	if got != "stepping the scheduler needs the shell: start goiex with no arguments\n" {
		t.Errorf("got %q", got)
	}
}
