package vm

import (
	"container/heap"

	"goiex/vm/term"
)

// timer is a pending timeout: a receive's after, a sleep, or a message
// to deliver later (Process.send_after).
type timer struct {
	when int64
	seq  uint64 // ties broken by creation order, for determinism
	proc *Process
	gen  uint64 // the process's recvGen when set; stale if it moved on

	// For send_after: the destination and message.
	to      term.Term
	msg     term.Term
	ref     term.Term
	removed bool
}

type timerHeap []*timer

func (h timerHeap) Len() int { return len(h) }
func (h timerHeap) Less(i, j int) bool {
	if h[i].when != h[j].when {
		return h[i].when < h[j].when
	}
	return h[i].seq < h[j].seq
}
func (h timerHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *timerHeap) Push(x any)   { *h = append(*h, x.(*timer)) }
func (h *timerHeap) Pop() any {
	old := *h
	t := old[len(old)-1]
	*h = old[:len(old)-1]
	return t
}

func (v *VM) addTimer(t *timer) {
	v.timerSeq++
	t.seq = v.timerSeq
	heap.Push(&v.timers, t)
}

// fireTimers runs every timer that is due.
func (v *VM) fireTimers() {
	if len(v.timers) == 0 {
		return
	}
	now := v.clock.Now()
	for len(v.timers) > 0 && v.timers[0].when <= now {
		t := heap.Pop(&v.timers).(*timer)
		if t.removed {
			continue
		}
		if t.proc == nil {
			if len(v.listeners) > 0 {
				v.emit(Event{Kind: EventTimer, To: t.to, Message: t.msg, Ref: t.ref})
			}
			v.deliverLater(t)
			continue
		}
		p := t.proc
		if p.status != statusWaiting || p.recvGen != t.gen {
			continue
		}
		if len(v.listeners) > 0 {
			why := term.Atom("timeout")
			if p.sleepDst >= 0 {
				why = term.Atom("sleep")
			}
			v.emit(Event{Kind: EventTimer, To: p.pid, Reason: why})
		}
		p.timedOut = true
		if p.sleepDst >= 0 {
			p.resume, p.resumeReturn = true, p.sleepReturn
			p.timedOut = false
			p.recvGen++
		}
		v.wake(p)
	}
}

// nextTimer returns when the next live timer is due.
func (v *VM) nextTimer() (int64, bool) {
	for len(v.timers) > 0 {
		t := v.timers[0]
		stale := t.removed || (t.proc != nil && (t.proc.status != statusWaiting || t.proc.recvGen != t.gen))
		if !stale {
			return t.when, true
		}
		heap.Pop(&v.timers)
	}
	return 0, false
}
