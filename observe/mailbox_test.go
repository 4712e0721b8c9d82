package observe

import (
	"strings"
	"testing"

	"goiex/vm/term"
)

const stuckScript = `
defmodule Worker do
  def loop do
    receive do
      {:job, n} ->
        IO.puts("job #{n}")
        loop()

      :stop ->
        :ok
    end
  end
end

w = spawn(&Worker.loop/0)
for i <- 1..11, do: send(w, {:log, i})
send(w, :tick)
Process.sleep(5)
send(w, {:job, 1})
send(w, :stop)
`

func TestMailbox(t *testing.T) {
	for _, c := range []struct {
		script string
		want   string
	}{
		{`Goiex.mailbox(w, limit: 3)`, `
#PID<0.101.0> waits in receive at test.exs:4, woken by a new message (runnable), 14 messages:
  #  MESSAGE     AGE  RECEIVE
  1  {:log, 1}  5 ms  no clause matches: stays in the mailbox
  2  {:log, 2}  5 ms  no clause matches: stays in the mailbox
  3  {:log, 3}  5 ms  no clause matches: stays in the mailbox
  … 11 more (mailbox(pid, limit: n) lists more)
warning: #PID<0.101.0> waits in the receive at test.exs:4, and no clause of it matches
  12 messages in its mailbox: {:log, _} ×11, :tick ×1.
  They stay there, and every receive scans them again: add a clause for them
  (or a catch-all ` + "`other -> …`" + `) to drain them.
`},
		{`Goiex.mailbox(w, limit: :infinity)`, `
  12  :tick       5 ms  no clause matches: stays in the mailbox
  13  {:job, 1}   0 ms  clause 1 (line 5) takes it next
  14  :stop       0 ms  clause 2 (line 9) would take it
`},
		{`Goiex.mailbox(self())`, `
#PID<0.100.0> is running (it is the caller), its mailbox is empty
`},
		{`Goiex.explain(w)
Process.sleep(1)
Goiex.explain(:off)`, `
#PID<0.101.0> receives: skipped #1 {:log, 1}, #2 {:log, 2}, #3 {:log, 3} and 9 more (no clause matched); took #13 {:job, 1} with clause 1
job 1
#PID<0.101.0> receives: skipped #1 {:log, 1}, #2 {:log, 2}, #3 {:log, 3} and 9 more (no clause matched); took #13 :stop with clause 2
`},
		{`Goiex.stuck()`, `
warning: #PID<0.101.0> waits in the receive at test.exs:4, and no clause of it matches
  12 messages in its mailbox: {:log, _} ×11, :tick ×1.
`},
		{`Process.sleep(1)
Goiex.mailbox(w)`, `
job 1
#PID<0.101.0> is not alive
`},
	} {
		got := runScript(t, stuckScript+c.script)
		want := strings.TrimPrefix(c.want, "\n")
		if !strings.Contains(got, want) {
			t.Errorf("%s\ngot:\n%s\nwant (within it):\n%s", c.script, got, want)
		}
	}
}

func TestShape(t *testing.T) {
	for _, c := range []struct {
		msg  term.Term
		want string
	}{
		{term.Tuple(term.Atom("log"), term.Int(1), term.Int(2)), "{:log, _, _}"},
		{term.Tuple(term.String("x"), term.Int(1)), "{_, _}"},
		{term.Atom("tick"), ":tick"},
		{term.String("text"), "a string"},
		{term.Int(42), "an integer"},
		{term.Float(1.5), "a float"},
		{term.List(term.Int(1)), "[_ | _]"},
		{term.EmptyList, "[]"},
		{term.Pid(7), "a pid"},
	} {
		if got := shape(c.msg); got != c.want {
			t.Errorf("shape(%s): got %s, want %s", term.Inspect(c.msg), got, c.want)
		}
	}
}
