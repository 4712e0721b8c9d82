package vm

import "time"

// Clock is the VM's source of time: real for the shell and scripts, or
// virtual for tests and lessons, where time stands still while any
// process can run and jumps to the next timer when every process waits.
type Clock interface {
	// Now is monotonic time in nanoseconds since the clock started.
	Now() int64
	// WaitUntil is called when nothing can run before t: the real clock
	// sleeps, the virtual clock jumps.
	WaitUntil(t int64)
	// Virtual reports whether this is the virtual clock.
	Virtual() bool
	// Wall returns the time of day for log lines.
	Wall() time.Time
}

type realClock struct{ start time.Time }

// NewRealClock returns a clock that follows the wall clock.
func NewRealClock() Clock { return &realClock{start: time.Now()} }

func (c *realClock) Now() int64    { return int64(time.Since(c.start)) }
func (c *realClock) Virtual() bool { return false }
func (c *realClock) Wall() time.Time {
	return time.Now()
}
func (c *realClock) WaitUntil(t int64) {
	if d := t - c.Now(); d > 0 {
		time.Sleep(time.Duration(d))
	}
}

type virtualClock struct{ now int64 }

// NewVirtualClock returns a clock that only moves when every process
// waits, straight to the next timer. It starts at midnight.
func NewVirtualClock() Clock { return &virtualClock{} }

func (c *virtualClock) Now() int64    { return c.now }
func (c *virtualClock) Virtual() bool { return true }
func (c *virtualClock) Wall() time.Time {
	return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(c.now))
}

// Advance moves virtual time on by d: the scheduler charges busy
// processes one microsecond per reduction, so a process that spins
// forever cannot stop time for the others.
func (c *virtualClock) Advance(d int64) { c.now += d }

func (c *virtualClock) WaitUntil(t int64) {
	if t > c.now {
		c.now = t
	}
}
