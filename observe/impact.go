package observe

import (
	"fmt"
	"strings"

	"goiex/vm"
	"goiex/vm/term"
)

// Crash impact: what would happen if a process exited with a reason,
// predicted by replaying the VM's exit-signal rules (vm/signal.go) on a
// copy of the link and monitor graph, in the order the VM applies them:
//
//   - the dying process's links are told first, one by one, depth first
//     (a linked process that dies tells its own links before the next
//     link of the first is told), then its monitors;
//   - a linked process that traps exits gets {:EXIT, from, reason}; one
//     that does not ignores :normal and dies of any other reason, with
//     that reason;
//   - a watcher gets {:DOWN, ref, :process, object, reason};
//   - Process.exit(pid, :kill) ends pid with :killed, even if it traps
//     exits, and :killed is what its links and monitors are told.

// Happening is one consequence in a crash-impact prediction.
type Happening struct {
	Kind    string    // "dies", "exit_message", "down", "ignores"
	Pid     term.Term // the process it happens to
	Reason  term.Term // dies, ignores: the reason
	Message term.Term // exit_message, down: the message delivered
	Via     term.Term // the process whose death caused it
	Lost    bool      // a message delivered to a process that dies later in the cascade
	Mailbox int       // dies: messages lost with the process
}

// Impact is a prediction.
type Impact struct {
	Pid        term.Term
	Reason     term.Term // the reason asked about
	ExitReason term.Term // the reason pid ends with (:killed for :kill)
	Happenings []Happening
	TrapsExits bool // pid traps exits: Process.exit(pid, reason) would not end it
}

// simulation is the graph copy the prediction runs on.
type simulation struct {
	v     *vm.VM
	links map[term.Term][]term.Term // as the VM's link sets, same order and same removal
	dead  map[term.Term]bool
	out   []Happening
}

// CrashImpact predicts what happens if pid exits with reason (:kill
// meaning Process.exit(pid, :kill)). It changes nothing.
func CrashImpact(v *vm.VM, pid, reason term.Term) (Impact, bool) {
	p := v.ProcessByPid(pid)
	if p == nil {
		return Impact{}, false
	}
	im := Impact{Pid: pid, Reason: reason, ExitReason: reason, TrapsExits: p.TrapsExits()}
	if reason == term.Kill {
		im.ExitReason = term.Killed
	}
	s := &simulation{v: v, links: map[term.Term][]term.Term{}, dead: map[term.Term]bool{}}
	s.terminate(p, im.ExitReason, term.Term{})
	// A message to a process that dies later in the cascade is lost.
	for i, h := range s.out {
		if (h.Kind == "exit_message" || h.Kind == "down") && s.dead[h.Pid] {
			s.out[i].Lost = true
		}
	}
	im.Happenings = s.out
	return im, true
}

func (s *simulation) linksOf(p *vm.Process) []term.Term {
	l, ok := s.links[p.Pid()]
	if !ok {
		l = p.Links()
		s.links[p.Pid()] = l
	}
	return l
}

// unlink removes pid from q's links as the VM's linkSet does: the last
// link takes its place.
func (s *simulation) unlink(q *vm.Process, pid term.Term) {
	l := s.linksOf(q)
	for i, x := range l {
		if x == pid {
			l[i] = l[len(l)-1]
			s.links[q.Pid()] = l[:len(l)-1]
			return
		}
	}
}

func (s *simulation) alive(pid term.Term) *vm.Process {
	if s.dead[pid] {
		return nil
	}
	return s.v.ProcessByPid(pid)
}

// terminate is vm.terminate followed by vm.propagate.
func (s *simulation) terminate(p *vm.Process, reason, via term.Term) {
	if s.dead[p.Pid()] {
		return
	}
	s.dead[p.Pid()] = true
	s.out = append(s.out, Happening{Kind: "dies", Pid: p.Pid(), Reason: reason, Via: via, Mailbox: p.MessageQueueLen()})
	links := s.linksOf(p)
	s.links[p.Pid()] = nil
	for _, pid := range links {
		if q := s.alive(pid); q != nil {
			s.unlink(q, p.Pid())
			s.signal(q, p.Pid(), reason)
		}
	}
	_, on := p.Monitors()
	for _, m := range on {
		if s.alive(m.Watcher) == nil {
			continue
		}
		obj := s.v.DownObject(p, m.Ref)
		msg := term.Tuple(atomDOWN, m.Ref, term.Atom("process"), obj, reason)
		s.out = append(s.out, Happening{Kind: "down", Pid: m.Watcher, Message: msg, Reason: reason, Via: p.Pid()})
	}
}

// signal is vm.signal for a link's exit signal (never direct).
func (s *simulation) signal(q *vm.Process, from, reason term.Term) {
	if q.TrapsExits() {
		msg := term.Tuple(atomEXIT, from, reason)
		s.out = append(s.out, Happening{Kind: "exit_message", Pid: q.Pid(), Message: msg, Reason: reason, Via: from})
		return
	}
	if reason == term.Normal && from != q.Pid() {
		s.out = append(s.out, Happening{Kind: "ignores", Pid: q.Pid(), Reason: reason, Via: from})
		return
	}
	s.terminate(q, reason, from)
}

// Render words the prediction, one consequence per line, in the order
// they would happen.
func (im Impact) Render() string {
	var b strings.Builder
	how := "exits with " + elide(im.Reason, 60)
	if im.Reason == term.Kill {
		how = "is killed (Process.exit(pid, :kill))"
	}
	fmt.Fprintf(&b, "If %s %s:\n", pidText(im.Pid), how)
	dies, delivered, lost := 0, 0, 0
	for _, h := range im.Happenings {
		b.WriteString("  ")
		switch h.Kind {
		case "dies":
			dies++
			verb := "dies with"
			if h.Reason == term.Normal {
				verb = "exits with"
			}
			fmt.Fprintf(&b, "%s %s %s", pidText(h.Pid), verb, elide(h.Reason, 60))
			if h.Via.Valid() {
				fmt.Fprintf(&b, ": linked to %s, does not trap exits", pidText(h.Via))
			}
			if h.Mailbox > 0 {
				fmt.Fprintf(&b, " (%s lost)", plural(h.Mailbox, "message", "messages"))
			}
		case "exit_message":
			fmt.Fprintf(&b, "%s gets %s: linked to %s, traps exits", pidText(h.Pid), elide(h.Message, 80), pidText(h.Via))
		case "down":
			fmt.Fprintf(&b, "%s gets %s: monitors %s", pidText(h.Pid), elide(h.Message, 80), pidText(h.Via))
		case "ignores":
			fmt.Fprintf(&b, "%s ignores the exit signal :normal: linked to %s, does not trap exits", pidText(h.Pid), pidText(h.Via))
		}
		if h.Kind == "exit_message" || h.Kind == "down" {
			if h.Lost {
				lost++
				b.WriteString(" (lost: it dies too)")
			} else {
				delivered++
			}
		}
		b.WriteString("\n")
	}
	ends := plural(dies, "process dies", "processes die")
	if im.ExitReason == term.Normal {
		ends = plural(dies, "process exits", "processes exit")
	}
	fmt.Fprintf(&b, "In all: %s, %s delivered", ends, plural(delivered, "message", "messages"))
	if lost > 0 {
		fmt.Fprintf(&b, ", %d lost", lost)
	}
	b.WriteString(".\n")
	if im.TrapsExits && im.Reason != term.Kill {
		fmt.Fprintf(&b, "Note: %s traps exits, so Process.exit(pid, %s) would only send it {:EXIT, from, %s};\n"+
			"  it ends like this if it raises or calls exit(%s) itself.\n",
			pidText(im.Pid), elide(im.Reason, 30), elide(im.Reason, 30), elide(im.Reason, 30))
	}
	return b.String()
}

func (o *Observer) natCrashImpact(p *vm.Process, a []term.Term) (term.Term, error) {
	pid, err := pidArg(o.v, a[0])
	if err != nil {
		return term.Term{}, err
	}
	reason := term.Kill
	if len(a) == 2 {
		reason = a[1]
	}
	im, ok := CrashImpact(o.v, pid, reason)
	if !ok {
		o.out(p, pidText(pid)+" is not alive: nothing would happen\n")
		return term.OK, nil
	}
	o.out(p, im.Render())
	return term.OK, nil
}
