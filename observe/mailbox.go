package observe

import (
	"fmt"
	"sort"
	"strings"

	"goiex/vm"
	"goiex/vm/term"
)

// Mailbox peeks: the messages in order, without taking any, and for a
// process waiting in a receive, which clause would take each one.

// MailboxOptions are mailbox/2's options.
type MailboxOptions struct {
	Limit int // messages listed; 0 means DefaultMailboxLimit, < 0 all
}

// DefaultMailboxLimit is how many messages mailbox/1 lists.
const DefaultMailboxLimit = 20

// StuckThreshold is how many messages a receive must leave behind before
// mailbox/1 and stuck/0 warn about them.
const StuckThreshold = 10

// Mailbox renders pid's mailbox; caller is the process asking (it is
// running, so it cannot be waiting in a receive).
func Mailbox(v *vm.VM, pid term.Term, caller *vm.Process, o MailboxOptions) string {
	p := v.ProcessByPid(pid)
	if p == nil {
		return pidText(pid) + " is not alive\n"
	}
	limit := o.Limit
	if limit == 0 {
		limit = DefaultMailboxLimit
	}
	var b strings.Builder
	b.WriteString(pidText(pid) + " " + where(p, caller))
	entries := v.Mailbox(p)
	if len(entries) == 0 {
		b.WriteString(", its mailbox is empty\n")
		return b.String()
	}
	fmt.Fprintf(&b, ", %s:\n", plural(len(entries), "message", "messages"))
	rcv, waiting := p.WaitingIn()
	now := v.Now()
	t := &table{header: []string{"#", "MESSAGE", "AGE"}, right: []bool{true, false, true}}
	if waiting {
		t.header = append(t.header, "RECEIVE")
		t.right = append(t.right, false)
	}
	next := true
	for i, e := range entries {
		if limit > 0 && i == limit {
			break
		}
		cells := []string{fmt.Sprint(e.Position), elide(e.Message, 50), ms(now - e.Arrived)}
		if waiting {
			cells = append(cells, clauseText(rcv, e.Clause, &next))
		}
		t.add(cells...)
	}
	var tb strings.Builder
	t.render(&tb)
	for _, l := range strings.SplitAfter(strings.TrimSuffix(tb.String(), "\n"), "\n") {
		b.WriteString("  " + strings.TrimSuffix(l, "\n") + "\n")
	}
	if limit > 0 && len(entries) > limit {
		fmt.Fprintf(&b, "  … %s more (mailbox(pid, limit: n) lists more)\n", thousands(int64(len(entries)-limit)))
	}
	if waiting {
		if w := stuckWarning(p, rcv, entries, StuckThreshold); w != "" {
			b.WriteString(w)
		}
	}
	return b.String()
}

// where says what p is doing, for the heading of a mailbox.
func where(p *vm.Process, caller *vm.Process) string {
	if rcv, ok := p.WaitingIn(); ok {
		if p.Status() == term.Atom("runnable") {
			return "waits in receive at " + receiveSite(rcv) + ", woken by a new message (runnable)"
		}
		return "waits in receive at " + receiveSite(rcv)
	}
	switch {
	case p == caller:
		return "is running (it is the caller)"
	case p.Sleeping():
		return "sleeps (Process.sleep)"
	}
	return "is " + atomText(p.Status()) + ", not in a receive"
}

func receiveSite(r vm.Receive) string {
	file := ""
	if r.Code != nil {
		file = r.Code.File
	}
	site := fmt.Sprintf("%s:%d", file, r.Line)
	if r.Timeout {
		site += " (with after)"
	}
	return site
}

// clauseText says what the receive would do with one message; the first
// message a clause takes is the one taken next.
func clauseText(r vm.Receive, clause int, next *bool) string {
	if clause <= 0 {
		return "no clause matches: stays in the mailbox"
	}
	s := fmt.Sprintf("clause %d", clause)
	if clause-1 < len(r.Clauses) {
		s += fmt.Sprintf(" (line %d)", r.Clauses[clause-1])
	}
	if *next {
		*next = false
		return s + " takes it next"
	}
	return s + " would take it"
}

// Stuck is a process whose current receive leaves messages behind.
type Stuck struct {
	Pid      term.Term
	Receive  vm.Receive
	Messages int // how many no clause matches
	Shapes   []ShapeCount
}

// ShapeCount is how many stuck messages have one shape ({:log, _}).
type ShapeCount struct {
	Shape string
	Count int
}

// StuckMailboxes finds the processes waiting in a receive that leaves at
// least min messages in the mailbox (seed 001's pitfall: every receive
// scans them again).
func StuckMailboxes(v *vm.VM, min int) []Stuck {
	var out []Stuck
	v.EachProcess(func(p *vm.Process) {
		if p.MessageQueueLen() < min {
			return
		}
		rcv, ok := p.WaitingIn()
		if !ok {
			return
		}
		if s, ok := stuckOf(p, rcv, v.Mailbox(p), min); ok {
			out = append(out, s)
		}
	})
	return out
}

func stuckOf(p *vm.Process, rcv vm.Receive, entries []vm.MailboxEntry, min int) (Stuck, bool) {
	count := map[string]int{}
	var order []string
	n := 0
	for _, e := range entries {
		if e.Clause != 0 {
			continue
		}
		n++
		s := shape(e.Message)
		if count[s] == 0 {
			order = append(order, s)
		}
		count[s]++
	}
	if n < min {
		return Stuck{}, false
	}
	st := Stuck{Pid: p.Pid(), Receive: rcv, Messages: n}
	for _, s := range order {
		st.Shapes = append(st.Shapes, ShapeCount{s, count[s]})
	}
	sort.SliceStable(st.Shapes, func(i, j int) bool { return st.Shapes[i].Count > st.Shapes[j].Count })
	return st, true
}

func stuckWarning(p *vm.Process, rcv vm.Receive, entries []vm.MailboxEntry, min int) string {
	st, ok := stuckOf(p, rcv, entries, min)
	if !ok {
		return ""
	}
	return st.Warning()
}

// Warning words a stuck mailbox for the learner.
func (s Stuck) Warning() string {
	var shapes []string
	for i, sc := range s.Shapes {
		if i == 4 {
			shapes = append(shapes, "…")
			break
		}
		shapes = append(shapes, fmt.Sprintf("%s ×%s", sc.Shape, thousands(int64(sc.Count))))
	}
	return fmt.Sprintf("warning: %s waits in the receive at %s, and no clause of it matches\n"+
		"  %s in its mailbox: %s.\n"+
		"  They stay there, and every receive scans them again: add a clause for them\n"+
		"  (or a catch-all `other -> …`) to drain them.\n",
		pidText(s.Pid), receiveSite(s.Receive), plural(s.Messages, "message", "messages"), strings.Join(shapes, ", "))
}

// ExplainReceive words a receive event as the receive explainer does:
// "#PID<0.105.0> receives: skipped #1 {:log, "a"}, #2 :tick
// (no clause matched); took #3 {:job, 1} with clause 2". It must be
// called while the event is being emitted: the skipped messages are the
// oldest ones still in the receiver's mailbox.
func ExplainReceive(v *vm.VM, e vm.Event) string {
	var b strings.Builder
	b.WriteString(pidText(e.To) + " receives: ")
	p := v.ProcessByPid(e.To)
	if e.Skipped > 0 && p != nil {
		const shown = 3
		b.WriteString("skipped ")
		for i, m := range p.PeekMessages(min(shown, e.Skipped)) {
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "#%d %s", m.Position, elide(m.Message, 30))
		}
		if e.Skipped > shown {
			fmt.Fprintf(&b, " and %s more", thousands(int64(e.Skipped-shown)))
		}
		b.WriteString(" (no clause matched); ")
	}
	fmt.Fprintf(&b, "took #%d %s with clause %d", e.Position, elide(e.Message, 40), e.Clause)
	if e.Skipped == 0 {
		b.WriteString(", the oldest message")
	}
	return b.String()
}
