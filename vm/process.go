package vm

import (
	"goiex/vm/compile"
	"goiex/vm/term"
)

// status is where a process is in its life.
type status uint8

const (
	statusRunnable status = iota // in the run queue
	statusRunning
	statusWaiting // parked in receive or a sleeping native
	statusExited
)

func (s status) atom() term.Term {
	return term.Atom([...]string{"runnable", "running", "waiting", "exiting"}[s])
}

// frame is one activation of a function.
type frame struct {
	code *compile.Code
	pc   int
	base int         // index of register 0 in Process.regs
	env  []term.Term // captured values of a closure
	dst  int32       // caller's register that receives the result
}

// handler is an active try: where to go and where to put the error.
type handler struct {
	depth int // number of frames when the try began
	pc    int
	regs  int // absolute index of the 4 registers kind, reason, stack, exception
}

// Process is one Elixir process: its frames, registers, mailbox, links,
// monitors, flags and counters. It is plain data; the scheduler runs it.
type Process struct {
	vm     *VM
	pid    term.Term
	status status

	regs     []term.Term
	frames   []frame
	handlers []handler
	guardPC  int // while evaluating a guard: where a failure goes; else -1
	guardTop int // frame depth of that guard

	mbox mailbox

	// receive … after and sleeping natives
	recvGen      uint64 // bumped whenever a wait ends, invalidating old timers
	waiting      bool   // a deadline is set for the current wait
	timedOut     bool
	sleepDst     int32     // register receiving a parked native's result, or -1
	parkedIn     term.Term // {module, function, arity} of the native it is parked in
	sleepReturn  bool      // the parked native was a tail call: return its result
	resume       bool      // on next run, deliver sleepWith first
	resumeReturn bool

	trapExit bool

	reductions  int64
	scans       int64     // messages receives passed over (counted in reductions too)
	initialCall term.Term // {M, f, arity}

	evaluator  bool    // a shell's evaluator: errors end the input, not the process
	evalErr    *Raised // how the last input ended, if with an error
	explain    bool    // a scratch copy explaining a receive (see ExplainReceive)
	explained  int     // the clause the explained message matched, 0 for none
	keepResult bool    // remember the initial call's value (scripts, shell inputs)
	quiet      bool    // no crash report (the script's main process reports its own)

	x *procExtra // rarely used state, allocated on first use
}

// Pid returns the process's pid.
func (p *Process) Pid() term.Term { return p.pid }

// VM returns the machine the process runs on.
func (p *Process) VM() *VM { return p.vm }

// Alive reports whether the process has not exited.
func (p *Process) Alive() bool { return p.status != statusExited }

// Result is the value the process's initial function returned.
func (p *Process) Result() term.Term {
	if p.x == nil {
		return term.Term{}
	}
	return p.x.result
}

// ExitError is the error that ended the process, or nil.
func (p *Process) ExitError() *Raised {
	if p.x == nil {
		return nil
	}
	return p.x.exitRaised
}

// MessageQueueLen is the number of messages in the mailbox.
func (p *Process) MessageQueueLen() int { return p.mbox.len }

// Messages returns the mailbox's messages, oldest first, without
// removing them.
func (p *Process) Messages() []term.Term { return p.mbox.slice() }

// SetQuiet turns off the crash report when p dies of an error.
func (p *Process) SetQuiet() { p.quiet = true }

// OnExit sets a function called once when the process exits.
func (p *Process) OnExit(f func(*Process)) { p.ext().onExit = f }

// procExtra is the state most processes never use (links, monitors,
// names, the dictionary, how they ended), kept apart so that a million
// waiting processes stay small.
type procExtra struct {
	// Receive marks: for the last few references the process made, the
	// message that was last in its mailbox then. No older message can
	// hold that reference (or any made later), so a receive waiting for
	// one starts scanning at the mark.
	marks       [4]recvMark
	sleepWith   term.Term
	links       linkSet
	monitors    []*monitor // monitors this process set
	monitoredBy []*monitor // monitors set on this process
	aliases     []term.Term
	registered  term.Term // registered name, or zero Term
	dict        *term.Map
	result      term.Term // value of the initial call, once it returned
	exitRaised  *Raised   // the error that ended the process, if any
	exitReason  term.Term
	onExit      func(p *Process)
}

type recvMark struct {
	serial uint64   // the reference's number (0: unused slot)
	node   *msgNode // the last message when it was made (or the sentinel)
}

// markRef notes that p made a reference: the mailbox's end is its mark.
func (p *Process) markRef(ref term.Term) {
	if p.mbox.tail == nil {
		p.mbox.init()
	}
	x := p.ext()
	copy(x.marks[1:], x.marks[:len(x.marks)-1])
	x.marks[0] = recvMark{serial: ref.RefSerial(), node: p.mbox.tail}
}

// markBefore returns where a scan for messages holding a reference
// numbered serial (or later) may start: the newest mark made no later
// than that reference, or nil.
func (p *Process) markBefore(serial uint64) *msgNode {
	if p.x == nil {
		return nil
	}
	for _, m := range p.x.marks {
		if m.serial != 0 && m.serial <= serial {
			return m.node
		}
	}
	return nil
}

// unmarked keeps the marks on the list when a message is removed: a mark
// on the removed node moves to the one before it.
func (p *Process) unmarked(removed, prev *msgNode) {
	if p.x == nil {
		return
	}
	for i := range p.x.marks {
		if p.x.marks[i].node == removed {
			p.x.marks[i].node = prev
		}
	}
}

// dropMarks forgets every mark (the mailbox was emptied).
func (p *Process) dropMarks() {
	if p.x != nil {
		p.x.marks = [4]recvMark{}
	}
}

// youngestRef returns the number of the newest reference a pinned value
// is or directly holds (in a tuple, or a short list), or 0.
func youngestRef(t term.Term) uint64 {
	var best uint64
	see := func(x term.Term) {
		if x.IsRef() && x.RefSerial() > best {
			best = x.RefSerial()
		}
	}
	switch {
	case t.IsRef():
		see(t)
	case t.IsTuple():
		for _, e := range t.Elems() {
			see(e)
		}
	case t.IsCons():
		l := t
		for n := 0; l.IsCons() && n < 8; n++ {
			see(l.Head())
			l = l.Tail()
		}
		see(l)
	}
	return best
}

// scanStart is where a receive whose clauses each pin one of rs may
// start scanning, or nil for the oldest message.
func (p *Process) scanStart(rs []int, regs []term.Term) *msgNode {
	if p.x == nil || p.x.marks[0].serial == 0 {
		return nil
	}
	var oldest uint64
	for i, r := range rs {
		s := youngestRef(regs[r])
		if s == 0 {
			return nil
		}
		if i == 0 || s < oldest {
			oldest = s
		}
	}
	return p.markBefore(oldest)
}

// ext returns p's extra state, allocating it on first use.
func (p *Process) ext() *procExtra {
	if p.x == nil {
		p.x = &procExtra{}
	}
	return p.x
}
