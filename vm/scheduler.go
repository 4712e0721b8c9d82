package vm

import "errors"

// Budget is the number of reductions a process runs before it yields,
// as on the BEAM.
const Budget = 4000

// runQueue is a FIFO of runnable processes (a ring buffer).
type runQueue struct {
	buf        []*Process
	head, size int
}

func (q *runQueue) push(p *Process) {
	if q.size == len(q.buf) {
		nb := make([]*Process, max(16, 2*len(q.buf)))
		for i := 0; i < q.size; i++ {
			nb[i] = q.buf[(q.head+i)%len(q.buf)]
		}
		q.buf, q.head = nb, 0
	}
	q.buf[(q.head+q.size)%len(q.buf)] = p
	q.size++
}

func (q *runQueue) pop() *Process {
	if q.size == 0 {
		return nil
	}
	p := q.buf[q.head]
	q.buf[q.head] = nil
	q.head = (q.head + 1) % len(q.buf)
	q.size--
	return p
}

// Len is the number of runnable processes.
func (q *runQueue) Len() int { return q.size }

// wake makes a waiting process runnable.
func (v *VM) wake(p *Process) {
	if p.status == statusWaiting && len(p.frames) > 0 { // an idle evaluator stays idle
		p.status = statusRunnable
		v.runq.push(p)
	}
}

// ErrDeadlock is returned by Run when the process it waits for is
// blocked and nothing else can ever run.
var ErrDeadlock = errors.New("deadlock")

// runOne runs the next runnable process for one slice, first firing due
// timers and, if nothing can run, waiting for (or jumping to) the next
// timer. It returns the process it ran, or nil when nothing can ever run
// again.
func (v *VM) runOne() *Process {
	if len(v.pendingLog) > 0 {
		v.FlushLog()
	}
	v.fireTimers()
	if v.runq.size == 0 {
		when, ok := v.nextTimer()
		if !ok {
			return nil
		}
		v.clock.WaitUntil(when)
		v.fireTimers()
		if v.runq.size == 0 {
			return v.runOne()
		}
	}
	p := v.runq.pop()
	if p.status != statusRunnable {
		return v.runOne()
	}
	v.runSlice(p)
	return p
}

// What work costs on the virtual clock, in nanoseconds: about what the
// BEAM takes on this kind of machine, so that timings measured under the
// virtual clock keep their proportions (a call round trip, or 10,000
// messages skipped by a receive, cost what they would there).
const (
	reductionTime = 100 // a call or a message handled
	scanTime      = 5   // a message a receive passes over
)

// runSlice runs p for one slice and, under the virtual clock, charges
// the work it did, so that a process that spins forever cannot stop
// time for the others.
func (v *VM) runSlice(p *Process) {
	reds, scans := p.reductions, p.scans
	v.execute(p)
	if adv, ok := v.clock.(interface{ Advance(int64) }); ok {
		scanned := p.scans - scans
		adv.Advance((p.reductions-reds-scanned)*reductionTime + scanned*scanTime)
	}
}

// RunUntilExit runs the scheduler until p has exited. It returns
// ErrDeadlock if p waits forever with nothing else to run.
func (v *VM) RunUntilExit(p *Process) error {
	for p.status != statusExited {
		if v.halt {
			return ErrHalt
		}
		if v.restart {
			return ErrRestart
		}
		if v.runOne() == nil {
			return ErrDeadlock
		}
	}
	if v.halt {
		return ErrHalt
	}
	return nil
}
