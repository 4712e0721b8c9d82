package vm

import (
	"goiex/vm/term"
)

// Links, monitors, exit signals and aliases, with the BEAM's rules:
//
//   - A link is two-way. When a process ends with reason R, every linked
//     process receives an exit signal R. A process trapping exits turns it
//     into the message {:EXIT, from, R}; otherwise :normal is ignored and
//     any other reason ends it with R too.
//   - Process.exit(pid, :kill) cannot be trapped: pid ends with :killed,
//     and that is what its links then receive.
//   - A monitor is one-way: when the watched process ends, the watcher
//     receives {:DOWN, ref, :process, pid, R}; a dead pid gives :noproc.

// monitor is one monitor, kept on both sides.
type monitor struct {
	ref     term.Term
	watcher *Process
	target  term.Term // the pid, or the registered name that was monitored
	pid     term.Term

	alias          bool // the ref is also an alias, dropped with the monitor
	replyDemonitor bool // … and dropped (with the monitor) by the first reply
}

var (
	atomEXIT    = term.Atom("EXIT")
	atomDOWN    = term.Atom("DOWN")
	atomProcess = term.Atom("process")
	atomNoproc  = term.Atom("noproc")
	atomNode    = term.Atom("nonode@nohost")
)

func (p *Process) linkedTo(pid term.Term) bool {
	if p.x == nil {
		return false
	}
	return p.x.links.has(pid)
}

func removeTerm(ts []term.Term, t term.Term) []term.Term {
	for i, x := range ts {
		if x == t {
			return append(ts[:i], ts[i+1:]...)
		}
	}
	return ts
}

// Link links p and the process pid. Linking to a dead process sends p
// the exit signal :noproc.
func (v *VM) Link(p *Process, pid term.Term) *Raised {
	if pid == p.pid {
		return nil
	}
	q := v.Process(pid)
	if q == nil {
		return v.signal(p, pid, atomNoproc, false)
	}
	if !p.linkedTo(pid) {
		p.ext().links.add(pid)
		q.ext().links.add(p.pid)
		v.emit(Event{Kind: EventLink, From: p.pid, To: pid})
	}
	return nil
}

// Unlink removes the link between p and pid, if any.
func (v *VM) Unlink(p *Process, pid term.Term) {
	p.ext().links.remove(pid)
	if q := v.Process(pid); q != nil {
		q.ext().links.remove(p.pid)
	}
	v.emit(Event{Kind: EventUnlink, From: p.pid, To: pid})
}

// Monitor makes p watch target (a pid or a registered name).
func (v *VM) Monitor(p *Process, target term.Term) term.Term {
	ref := v.MakeRef()
	p.markRef(ref)
	q := v.Process(target)
	obj := target
	if target.IsAtom() {
		q = v.registry[target]
		obj = term.Tuple(target, atomNode)
	}
	if q == nil {
		v.deliver(p, term.Tuple(atomDOWN, ref, atomProcess, obj, atomNoproc))
		return ref
	}
	m := &monitor{ref: ref, watcher: p, target: obj, pid: q.pid}
	p.ext().monitors = append(p.ext().monitors, m)
	q.ext().monitoredBy = append(q.ext().monitoredBy, m)
	v.emit(Event{Kind: EventMonitor, From: p.pid, To: q.pid, Ref: ref})
	return ref
}

// Demonitor removes the monitor ref set by p; with flush it also removes
// a {:DOWN, ref, …} already in p's mailbox.
func (v *VM) Demonitor(p *Process, ref term.Term, flush bool) bool {
	found := false
	for i, m := range p.ext().monitors {
		if m.ref == ref {
			if m.alias {
				v.Unalias(p, ref)
			}
			p.ext().monitors = append(p.ext().monitors[:i], p.ext().monitors[i+1:]...)
			if q := v.Process(m.pid); q != nil {
				q.ext().monitoredBy = removeMonitor(q.ext().monitoredBy, ref)
			}
			found = true
			break
		}
	}
	if flush {
		// A DOWN for ref came after ref was made: start at its mark.
		start := p.markBefore(ref.RefSerial())
		if start == nil {
			if p.mbox.tail == nil {
				p.mbox.init()
			}
			start = &p.mbox.head
		}
		p.mbox.removeIfFrom(start, func(msg term.Term) bool {
			return msg.IsTuple() && msg.TupleSize() == 5 && msg.Elems()[0] == atomDOWN && msg.Elems()[1] == ref
		}, p.unmarked)
	}
	return found
}

func removeMonitor(ms []*monitor, ref term.Term) []*monitor {
	for i, m := range ms {
		if m.ref == ref {
			return append(ms[:i], ms[i+1:]...)
		}
	}
	return ms
}

// ExitSignal is Process.exit(to, reason) sent by p.
func (v *VM) ExitSignal(p *Process, to, reason term.Term) *Raised {
	if !to.IsPid() {
		return Raise(NewArgumentErrorAt(1, "not a pid"))
	}
	return v.signal(v.Process(to), p.pid, reason, true)
}

// signal delivers an exit signal from `from` with reason to q (nil if q
// is dead). direct is true for Process.exit, false for a link. When q is
// the running process and must die, the returned exception ends it.
func (v *VM) signal(q *Process, from, reason term.Term, direct bool) *Raised {
	if q == nil || q.status == statusExited {
		return nil
	}
	if direct && reason == term.Kill {
		return v.kill(q, term.Killed)
	}
	if q.trapExit {
		v.deliver(q, term.Tuple(atomEXIT, from, reason))
		v.emit(Event{Kind: EventExitMessage, From: from, To: q.pid, Reason: reason})
		return nil
	}
	if reason == term.Normal && from != q.pid {
		return nil
	}
	return v.kill(q, reason)
}

// kill ends q with reason because of a signal. If q is the process that
// is running, the returned exception (which no try can catch) ends it
// when the native returns.
func (v *VM) kill(q *Process, reason term.Term) *Raised {
	exc := &Raised{Class: ClassExit, Reason: reason, uncatchable: true}
	if q.status == statusRunning {
		return exc
	}
	v.terminate(q, reason, nil)
	return nil
}

// propagate sends p's exit to its links and monitors.
func (v *VM) propagate(p *Process, reason term.Term) {
	if p.x == nil {
		return
	}
	links := p.ext().links.pids
	p.ext().links = linkSet{}
	for _, pid := range links {
		if q := v.Process(pid); q != nil {
			q.ext().links.remove(p.pid)
			v.signal(q, p.pid, reason, false)
		}
	}
	for _, m := range p.ext().monitoredBy {
		w := m.watcher
		if w.status == statusExited {
			continue
		}
		w.ext().monitors = removeMonitor(w.ext().monitors, m.ref)
		if m.alias {
			v.Unalias(w, m.ref)
		}
		v.deliver(w, term.Tuple(atomDOWN, m.ref, atomProcess, m.target, reason))
		v.emit(Event{Kind: EventDown, From: p.pid, To: w.pid, Ref: m.ref, Reason: reason})
	}
	p.ext().monitoredBy = nil
	for _, m := range p.ext().monitors {
		if q := v.Process(m.pid); q != nil {
			q.ext().monitoredBy = removeMonitor(q.ext().monitoredBy, m.ref)
		}
	}
	p.ext().monitors = nil
	for _, a := range p.ext().aliases {
		delete(v.aliases, a)
	}
	p.ext().aliases = nil
}

// Alias makes a reference that p receives messages through until
// Unalias: replies to a call that timed out are then simply dropped.
func (v *VM) Alias(p *Process) term.Term {
	ref := v.MakeRef()
	p.markRef(ref)
	v.aliases[ref] = p
	p.ext().aliases = append(p.ext().aliases, ref)
	return ref
}

// Unalias deactivates an alias; it reports whether it was active.
func (v *VM) Unalias(p *Process, ref term.Term) bool {
	if v.aliases[ref] != p {
		return false
	}
	delete(v.aliases, ref)
	p.ext().aliases = removeTerm(p.ext().aliases, ref)
	return true
}
