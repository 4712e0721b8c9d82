package vm

import (
	"unsafe"

	"goiex/vm/term"
)

// Accessors for package observe (process table, traces, diagrams, the
// stepper). Like explain.go, nothing here changes what a program does;
// StepSlice and RunProcess only choose which runnable process runs next.

// Subscribe is Listen with a way out: cancel removes f again, so that
// once the last subscriber has gone the VM is back to emitting nothing.
func (v *VM) Subscribe(f func(Event)) (cancel func()) {
	// A fresh closure per subscription, so that its identity (the
	// closure's address) finds it again among the listeners.
	g := func(e Event) { f(e) }
	v.listeners = append(v.listeners, g)
	id := funcIdentity(g)
	return func() {
		for i, l := range v.listeners {
			if funcIdentity(l) == id {
				v.listeners = append(v.listeners[:i:i], v.listeners[i+1:]...)
				if len(v.listeners) == 0 {
					v.listeners = nil
				}
				return
			}
		}
	}
}

// funcIdentity is the address of a func value's closure record.
func funcIdentity(f func(Event)) uintptr { return *(*uintptr)(unsafe.Pointer(&f)) }

// Listening reports whether anyone listens to events.
func (v *VM) Listening() bool { return len(v.listeners) > 0 }

// PeekMessages returns at most n of p's oldest messages (n < 0: all),
// without asking which clause would take them (Clause is -1). It is
// cheap enough to call from an event listener, even while p runs.
func (p *Process) PeekMessages(n int) []MailboxEntry {
	var out []MailboxEntry
	i := 0
	for m := p.mbox.head.next; m != nil && (n < 0 || i < n); m = m.next {
		i++
		out = append(out, MailboxEntry{Position: i, Message: m.msg, Seq: m.seq, Arrived: m.at, Clause: -1})
	}
	return out
}

// Sleeping reports whether p waits in a sleeping native
// (Process.sleep), not in a receive.
func (p *Process) Sleeping() bool { return p.status == statusWaiting && p.sleepDst >= 0 }

// DownObject is what a monitor's {:DOWN, ref, :process, object, reason}
// names: the pid, or {name, node} when a registered name was monitored.
func (v *VM) DownObject(watched *Process, ref term.Term) term.Term {
	if watched.x != nil {
		for _, m := range watched.x.monitoredBy {
			if m.ref == ref {
				return m.target
			}
		}
	}
	return watched.pid
}

// StepSlice runs the first runnable process for which skip is false for
// one slice, as RunReady would (firing due timers first, charging the
// virtual clock for the reductions). The processes it passes over keep
// their places in the run queue. It returns the process it ran, or nil
// when none could run.
func (v *VM) StepSlice(skip func(*Process) bool) *Process {
	if len(v.pendingLog) > 0 {
		v.FlushLog()
	}
	v.fireTimers()
	var p *Process
	kept := make([]*Process, 0, v.runq.size)
	for v.runq.size > 0 {
		q := v.runq.pop()
		if q.status != statusRunnable {
			continue
		}
		if p == nil && (skip == nil || !skip(q)) {
			p = q
			continue
		}
		kept = append(kept, q)
	}
	for _, q := range kept {
		v.runq.push(q)
	}
	if p == nil {
		return nil
	}
	// One step is one event: the slice ends after the first thing the
	// process does that others could see (a receive, a send, a spawn…).
	v.oneEvent, v.eventSeen = true, false
	v.runSlice(p)
	v.oneEvent = false
	return p
}

// RunProcess runs p alone, slice after slice, while it is runnable and
// stop (checked between slices) is false; the other runnable processes
// wait in the run queue. The shell uses it to evaluate inputs while the
// scheduler is paused.
func (v *VM) RunProcess(p *Process, stop func() bool) {
	v.fireTimers() // p may be waiting for one that is now due
	for p.status == statusRunnable && !v.restart && !v.halt && (stop == nil || !stop()) {
		if len(v.pendingLog) > 0 {
			v.FlushLog()
		}
		v.fireTimers()
		n := v.runq.size
		found := false
		for i := 0; i < n; i++ {
			q := v.runq.pop()
			if q == p && !found {
				found = true
				continue
			}
			v.runq.push(q)
		}
		if !found {
			return
		}
		v.runSlice(p)
	}
}

// WaitForTimer moves the clock to the next pending timer (the virtual
// clock jumps; the real clock sleeps) and fires it. It reports whether
// there was one.
func (v *VM) WaitForTimer() bool {
	when, ok := v.nextTimer()
	if !ok {
		return false
	}
	v.clock.WaitUntil(when)
	v.fireTimers()
	return true
}

// DictionaryValue is the value of key in p's process dictionary (OTP's
// proc_lib keeps "$initial_call" and "$ancestors" there).
func (p *Process) DictionaryValue(key term.Term) (term.Term, bool) {
	if p.x == nil || p.x.dict == nil {
		return term.Term{}, false
	}
	return p.x.dict.Get(key)
}
