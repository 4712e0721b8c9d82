package vm

import (
	"errors"

	"goiex/vm/compile"
	"goiex/vm/term"
)

// An evaluator is a long-lived process that runs one piece of code after
// another, as iex's shell process does: self() stays the same across
// inputs, messages sent to it wait in its mailbox between inputs, and an
// error raised by an input ends that input, not the process. Exit
// signals (a linked process crashing, Process.exit(self(), :kill)) still
// end it; the host then starts a new one.

// SpawnEvaluator starts an idle evaluator process.
func (v *VM) SpawnEvaluator() *Process {
	p := v.newProcess()
	p.keepResult = true
	p.evaluator = true
	p.status = statusWaiting
	p.initialCall = term.Tuple(term.Atom("Elixir.IEx.Evaluator"), term.Atom("init"), term.Int(5))
	return p
}

// ErrBusy is returned by Eval when the evaluator is still running an input.
var ErrBusy = errors.New("the evaluator is busy")

// ErrDead is returned by Eval when the evaluator has exited.
var ErrDead = errors.New("the evaluator has exited")

// Eval starts running code in the evaluator p, with args in its first
// registers. Run the scheduler (RunReady) until p.Evaluating() is false,
// then read p.EvalResult().
func (v *VM) Eval(p *Process, code *compile.Code, args []term.Term) error {
	if p.status == statusExited {
		return ErrDead
	}
	if len(p.frames) > 0 {
		return ErrBusy
	}
	n := code.NumRegs
	if n < len(args) {
		n = len(args)
	}
	p.regs = make([]term.Term, n)
	copy(p.regs, args)
	p.frames = append(p.frames[:0], frame{code: code})
	p.handlers = p.handlers[:0]
	p.evalErr = nil
	p.ext().result = term.Term{}
	p.status = statusRunnable
	v.runq.push(p)
	return nil
}

// Evaluating reports whether p is running an input.
func (p *Process) Evaluating() bool { return p.status != statusExited && len(p.frames) > 0 }

// EvalResult returns the value of the last input, or the error that
// ended it.
func (p *Process) EvalResult() (term.Term, *Raised) {
	if p.evalErr != nil {
		return term.Term{}, p.evalErr
	}
	return p.Result(), nil
}

// evalDone puts an evaluator back to idle after an input ended.
func (v *VM) evalDone(p *Process, exc *Raised) {
	for i := range p.frames {
		p.frames[i] = frame{}
	}
	p.frames = p.frames[:0]
	p.handlers = p.handlers[:0]
	p.guardPC = -1
	p.evalErr = exc
	p.waiting, p.timedOut = false, false
	p.sleepDst = -1
	p.resume = false
	p.recvGen++
	p.status = statusWaiting
}

// Interrupt ends the input p is running as if it had exited with
// :interrupted (the shell's Ctrl-C). It reports whether p was running one.
func (v *VM) Interrupt(p *Process) bool {
	if !p.Evaluating() {
		return false
	}
	v.evalDone(p, &Raised{Class: ClassExit, Reason: term.Atom("interrupted")})
	return true
}

// RunReady runs processes, firing due timers, until no process is
// runnable or stop returns true (checked between slices, so a shell can
// interrupt a runaway evaluation). It never waits for a future timer.
func (v *VM) RunReady(stop func() bool) {
	for {
		if len(v.pendingLog) > 0 {
			v.FlushLog()
		}
		v.fireTimers()
		if v.runq.size == 0 || v.restart || v.halt || (stop != nil && stop()) {
			return
		}
		p := v.runq.pop()
		if p.status != statusRunnable {
			continue
		}
		v.runSlice(p)
	}
}

// NextTimer returns the clock time of the next pending timer.
func (v *VM) NextTimer() (int64, bool) { return v.nextTimer() }

// Runnable reports whether some process is ready to run.
func (v *VM) Runnable() bool { return v.runq.size > 0 }

// ProcessByPid returns the live process with the given pid, or nil.
func (v *VM) ProcessByPid(pid term.Term) *Process { return v.Process(pid) }

// Flush removes and returns every message in p's mailbox (the shell's
// flush/0).
func (p *Process) Flush() []term.Term {
	msgs := p.mbox.slice()
	p.mbox.clear()
	p.dropMarks()
	return msgs
}
