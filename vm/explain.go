package vm

import (
	"goiex/vm/compile"
	"goiex/vm/term"
)

// The observing side of the VM: snapshots of processes and their
// mailboxes, and the receive explainer. Nothing here changes a process.

// MailboxEntry is one waiting message, oldest first.
type MailboxEntry struct {
	Position int       // 1 = the oldest
	Message  term.Term // the message itself (shared, not copied)
	Seq      uint64    // the VM's send number
	Arrived  int64     // clock time it arrived (ns, to the scheduler slice)
	// Clause is the clause of the receive p waits in that would take the
	// message (1-based), 0 if none would (it stays in the mailbox), -1 if
	// p is not waiting in a receive.
	Clause int
}

// Receive describes the receive a process waits in.
type Receive struct {
	Code    *compile.Code
	Line    int   // source line of the receive
	Clauses []int // source line of each clause
	Timeout bool  // it has an after
}

// WaitingIn returns the receive p is waiting in, if it is: parked in it,
// or woken by a new message and about to look at its mailbox again.
func (p *Process) WaitingIn() (Receive, bool) {
	if (p.status != statusWaiting && p.status != statusRunnable) || len(p.frames) == 0 || p.sleepDst >= 0 {
		return Receive{}, false
	}
	fr := p.frames[len(p.frames)-1]
	code := fr.code
	if fr.pc >= len(code.Instrs) || code.Instrs[fr.pc].Op != compile.RPEEK {
		return Receive{}, false
	}
	r := Receive{Code: code, Line: int(code.Lines[fr.pc])}
	// The receive's code runs from RPEEK to its RWAIT; each RACCEPT ends
	// the patterns of one clause.
	for pc := fr.pc + 1; pc < len(code.Instrs); pc++ {
		in := code.Instrs[pc]
		if in.Op == compile.RACCEPT && int(in.A) == len(r.Clauses)+1 {
			r.Clauses = append(r.Clauses, int(code.Lines[pc]))
		}
		if in.Op == compile.RWAIT && int(in.B) == fr.pc {
			r.Timeout = in.A >= 0
			break
		}
	}
	return r, true
}

// Mailbox returns p's messages, oldest first, without taking any; when p
// waits in a receive, each says which clause would take it.
func (v *VM) Mailbox(p *Process) []MailboxEntry {
	_, waiting := p.WaitingIn()
	var out []MailboxEntry
	i := 0
	for n := p.mbox.head.next; n != nil; n = n.next {
		i++
		e := MailboxEntry{Position: i, Message: n.msg, Seq: n.seq, Arrived: n.at, Clause: -1}
		if waiting {
			e.Clause = v.wouldMatch(p, n.msg)
		}
		out = append(out, e)
	}
	return out
}

// wouldMatch runs the patterns and guards of the receive p waits in
// against msg on a scratch copy of p's frame, and returns the clause that
// would take it (0 for none). Patterns and guards have no side effects,
// so the copy can run them for real.
func (v *VM) wouldMatch(p *Process, msg term.Term) (clause int) {
	fr := p.frames[len(p.frames)-1]
	peek := fr.code.Instrs[fr.pc]
	regs := make([]term.Term, fr.code.NumRegs)
	copy(regs, p.regs[fr.base:fr.base+fr.code.NumRegs])
	regs[peek.A] = msg
	q := &Process{vm: v, pid: p.pid, status: statusRunning, explain: true, guardPC: -1, sleepDst: -1, trapExit: p.trapExit}
	q.regs = regs
	q.frames = []frame{{code: fr.code, pc: fr.pc + 1, env: fr.env}}
	saved := v.current
	defer func() {
		v.current = saved
		if recover() != nil {
			clause = 0
		}
	}()
	v.current = q
	v.interpret(q)
	return q.explained
}

// Accessors the observing tools read.

// Reductions is the work the process has done, in calls.
func (p *Process) Reductions() int64 { return p.reductions }

// RegisteredName is the process's registered name, or the zero Term.
func (p *Process) RegisteredName() term.Term {
	if p.x == nil {
		return term.Term{}
	}
	return p.x.registered
}

// InitialCall is {module, function, arity} the process started in.
func (p *Process) InitialCall() term.Term { return p.initialCall }

// Links returns the pids p is linked to.
func (p *Process) Links() []term.Term {
	if p.x == nil {
		return nil
	}
	return append([]term.Term(nil), p.x.links.pids...)
}

// MonitorInfo is one monitor, seen from either side.
type MonitorInfo struct {
	Ref     term.Term
	Watcher term.Term // who gets the DOWN
	Target  term.Term // the pid watched
}

// Monitors returns the monitors p set and those set on p.
func (p *Process) Monitors() (set, on []MonitorInfo) {
	if p.x == nil {
		return nil, nil
	}
	for _, m := range p.x.monitors {
		set = append(set, MonitorInfo{m.ref, m.watcher.pid, m.pid})
	}
	for _, m := range p.x.monitoredBy {
		on = append(on, MonitorInfo{m.ref, m.watcher.pid, m.pid})
	}
	return set, on
}

// TrapsExits reports whether p traps exits.
func (p *Process) TrapsExits() bool { return p.trapExit }

// EachProcess calls f for every live process, in pid order.
func (v *VM) EachProcess(f func(*Process)) { v.procs.each(f) }

// RunQueue returns the runnable processes in the order they will run.
func (v *VM) RunQueue() []*Process {
	out := make([]*Process, 0, v.runq.size)
	for i := 0; i < v.runq.size; i++ {
		if p := v.runq.buf[(v.runq.head+i)%len(v.runq.buf)]; p.status == statusRunnable {
			out = append(out, p)
		}
	}
	return out
}
