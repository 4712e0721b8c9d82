package observe

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	exprvm "github.com/expr-lang/expr/vm"

	"goiex/vm"
	"goiex/vm/term"
)

// EventView is one event as trace(where: …) and break_on(where: …)
// predicates see it: type == "receive" and to == "#PID<0.101.0>".
type EventView struct {
	Type     string `expr:"type"`     // spawn, send, receive, exit, link, unlink, monitor, down, exit_message
	From     string `expr:"from"`     // "#PID<0.100.0>"; a receive's sender; "" when none
	To       string `expr:"to"`       // the receiver, the spawned, linked or monitored process
	Message  string `expr:"message"`  // the message, inspected (spawn: the initial call)
	Reason   string `expr:"reason"`   // exit, down, exit_message: the reason, inspected
	Clause   int    `expr:"clause"`   // receive: the clause that took the message
	Seq      int    `expr:"seq"`      // send, receive: the message's number
	Position int    `expr:"position"` // receive: where the message was in the mailbox (1 = oldest)
	Skipped  int    `expr:"skipped"`  // receive: older messages passed over
	Time     int    `expr:"time"`     // VM clock, milliseconds
}

// CompileEventQuery compiles a predicate over EventView.
func CompileEventQuery(option, src string) (*Query, error) {
	q, err := compileQuery(option, src, EventView{})
	if err != nil {
		err.(*QueryError).Msg += "\nfields: " + strings.Join(fieldNames(EventView{}), ", ")
	}
	return q, err
}

// view builds the predicate's view of e, inspecting only what q reads.
func view(e vm.Event, q *Query) EventView {
	ev := EventView{
		Type: e.Kind.String(), Clause: e.Clause, Seq: int(e.Seq),
		Position: e.Position, Skipped: e.Skipped, Time: int(e.Time / 1e6),
	}
	if e.From.Valid() && e.From != term.Nil {
		ev.From = pidText(e.From)
	}
	if e.To.Valid() {
		ev.To = pidText(e.To)
	}
	if e.Message.Valid() && q.usesField("message") {
		ev.Message = term.Inspect(e.Message)
	}
	if e.Reason.Valid() && q.usesField("reason") {
		ev.Reason = term.Inspect(e.Reason)
	}
	return ev
}

// TraceOptions configure a Tracer.
type TraceOptions struct {
	Pid   term.Term // only events this process takes part in; zero Term or :all for every one
	Where string    // an expr predicate over EventView
	Time  bool      // start each line with the VM clock
	Color bool      // a printer setting: the shell's, never a script's
	// Explain writes only receives (of Pid, when given), each explained:
	// which older messages it skipped and which clause took the message.
	Explain bool
}

// Tracer writes one line per event as the events happen.
type Tracer struct {
	v      *vm.VM
	w      io.Writer
	o      TraceOptions
	q      *Query
	runner exprvm.VM
	paint  painter
	s      *stream
	cancel func()
	buf    []byte
	atoms  atomCache
}

// StartTrace starts writing v's events to w until Stop.
func StartTrace(v *vm.VM, w io.Writer, o TraceOptions) (*Tracer, error) {
	t := &Tracer{v: v, w: w, o: o, paint: painter{o.Color}, atoms: atomCache{}}
	if o.Pid == term.Atom("all") {
		t.o.Pid = term.Term{}
	}
	if o.Where != "" {
		q, err := CompileEventQuery("where", o.Where)
		if err != nil {
			return nil, err
		}
		t.q = q
	}
	t.s = newStream(t.event)
	t.cancel = v.Subscribe(t.s.feed)
	return t, nil
}

// Stop ends the trace; the VM emits nothing once no one listens.
func (t *Tracer) Stop() {
	if t.cancel != nil {
		t.s.flush()
		t.cancel()
		t.cancel = nil
	}
}

func (t *Tracer) event(e vm.Event) {
	if t.o.Explain {
		if e.Kind == vm.EventReceive && (!t.o.Pid.Valid() || e.To == t.o.Pid) {
			io.WriteString(t.w, ExplainReceive(t.v, e)+"\n")
		}
		return
	}
	if t.o.Pid.Valid() && !involves(e, t.o.Pid) {
		return
	}
	if t.q != nil {
		ev := view(e, t.q)
		if !t.q.match(&t.runner, &ev) {
			return
		}
	}
	b := t.buf[:0]
	if t.o.Time {
		b = append(b, '[')
		b = appendClock(b, e.Time)
		b = append(b, "] "...)
	}
	b = appendEvent(b, e, t.paint, t.atoms)
	b = append(b, '\n')
	t.w.Write(b)
	t.buf = b
}

// appendClock writes a clock time as milliseconds with microseconds.
func appendClock(b []byte, ns int64) []byte {
	b = strconv.AppendInt(b, ns/1e6, 10)
	b = append(b, '.')
	us := (ns / 1e3) % 1000
	if us < 100 {
		b = append(b, '0')
	}
	if us < 10 {
		b = append(b, '0')
	}
	b = strconv.AppendInt(b, us, 10)
	return append(b, " ms"...)
}

// EventLine words one event on one line (no colour).
func EventLine(e vm.Event) string { return string(appendEvent(nil, e, painter{}, atomCache{})) }

// appendEvent words e: subject, verb, object, with the message number
// that pairs a send with its receive.
func appendEvent(b []byte, e vm.Event, c painter, ac atomCache) []byte {
	pid := func(t term.Term) {
		switch {
		case !t.Valid() || t == term.Nil:
			b = append(b, "(the host)"...)
		case t.IsPid():
			b = appendPid(b, t)
		default:
			b = append(b, term.Inspect(t)...)
		}
	}
	msgNo := func() {
		b = append(b, " (msg "...)
		b = strconv.AppendUint(b, e.Seq, 10)
	}
	switch e.Kind {
	case vm.EventSpawn:
		pid(e.From)
		b = append(b, c.paint(ansiBlue, " spawns ")...)
		pid(e.To)
		if e.Message.Valid() {
			b = append(b, " ("...)
			b = append(b, mfaText(e.Message)...)
			b = append(b, ')')
		}
	case vm.EventSend:
		pid(e.From)
		b = append(b, c.paint(ansiCyan, " sends ")...)
		b = appendElided(b, e.Message, 80, ac)
		b = append(b, " to "...)
		pid(e.To)
		msgNo()
		b = append(b, ')')
	case vm.EventReceive:
		pid(e.To)
		b = append(b, c.paint(ansiGreen, " receives ")...)
		b = appendElided(b, e.Message, 80, ac)
		if e.From.Valid() {
			b = append(b, " from "...)
			pid(e.From)
		}
		msgNo()
		b = append(b, ", clause "...)
		b = strconv.AppendInt(b, int64(e.Clause), 10)
		if e.Skipped > 0 {
			b = append(b, ", skipped "...)
			b = strconv.AppendInt(b, int64(e.Skipped), 10)
			b = append(b, " older"...)
		}
		b = append(b, ')')
	case vm.EventExit:
		pid(e.From)
		if e.Reason == term.Normal {
			b = append(b, c.paint(ansiFaint, " exits: :normal")...)
		} else {
			b = append(b, c.paint(ansiRed, " dies: "+elide(e.Reason, 60))...)
		}
	case vm.EventLink:
		pid(e.From)
		b = append(b, " links to "...)
		pid(e.To)
	case vm.EventUnlink:
		pid(e.From)
		b = append(b, " unlinks from "...)
		pid(e.To)
	case vm.EventMonitor:
		pid(e.From)
		b = append(b, " monitors "...)
		pid(e.To)
		b = append(b, " ("...)
		b = append(b, term.Inspect(e.Ref)...)
		b = append(b, ')')
	case vm.EventDown:
		pid(e.To)
		b = append(b, c.paint(ansiYellow, " gets DOWN")...)
		b = append(b, " of "...)
		pid(e.From)
		b = append(b, ": "...)
		b = appendElided(b, e.Reason, 60, ac)
		if e.Seq > 0 {
			msgNo()
			b = append(b, ')')
		}
	case vm.EventExitMessage:
		pid(e.To)
		b = append(b, c.paint(ansiYellow, " traps the exit")...)
		b = append(b, " of "...)
		pid(e.From)
		b = append(b, ": gets {:EXIT, "...)
		pid(e.From)
		b = append(b, ", "...)
		b = appendElided(b, e.Reason, 60, ac)
		b = append(b, '}')
		if e.Seq > 0 {
			msgNo()
			b = append(b, ')')
		}
	case vm.EventTimer:
		// Not emitted by the VM yet: a receive's after firing, a sleep
		// ending, or a send_after delivering.
		pid(e.To)
		b = append(b, c.paint(ansiYellow, " timer fires")...)
		if e.Message.Valid() {
			b = append(b, ": "...)
			b = appendElided(b, e.Message, 60, ac)
		} else if e.Reason.Valid() {
			b = append(b, ": "...)
			b = appendElided(b, e.Reason, 60, ac)
		}
	default:
		b = append(b, e.Kind.String()...)
		b = append(b, fmt.Sprintf(" %v %v", e.From, e.To)...)
	}
	return b
}
