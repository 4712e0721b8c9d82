package vm

import (
	"errors"
	"strconv"

	"goiex/vm/term"
)

// Restarting and halting the machine. :init.restart/0 (and
// System.restart/0) returns :ok at once and the machine restarts
// shortly after, as on the BEAM: every process stops and every mailbox
// is thrown away; only what was written to disk survives. The host (the
// script runner, the shell) sees ErrRestart from RunUntilExit, or
// RestartRequested in its own loop, and starts again on a fresh VM.

// ErrRestart is returned by RunUntilExit when a process asked for a
// restart of the machine.
var ErrRestart = errors.New("restart requested")

// ErrHalt is returned by RunUntilExit after System.halt/0,1; HaltStatus
// gives the exit status.
var ErrHalt = errors.New("halt requested")

// LossReport counts what a restart threw away.
type LossReport struct {
	Processes int // processes that were alive
	Messages  int // messages that were waiting in their mailboxes
}

// String answers the first seed's question with numbers.
func (r LossReport) String() string {
	plural := func(n int, one, many string) string {
		if n == 1 {
			return "1 " + one
		}
		return strconv.Itoa(n) + " " + many
	}
	return "** (goiex) restarting the machine: " + plural(r.Processes, "process", "processes") +
		" stopped, " + plural(r.Messages, "undelivered message", "undelivered messages") + " lost; files on disk remain"
}

// RestartRequested reports whether a process asked for a restart.
func (v *VM) RestartRequested() bool { return v.restart }

// HaltRequested reports whether System.halt was called, and its status.
func (v *VM) HaltRequested() (int, bool) { return v.haltStatus, v.halt }

// StopAll ends every process at once, as a restart or halt does: no exit
// signals, no crash reports, mailboxes discarded. It returns what was
// lost.
func (v *VM) StopAll() LossReport {
	var r LossReport
	var all []*Process
	v.procs.each(func(p *Process) { all = append(all, p) })
	for _, p := range all {
		r.Processes++
		r.Messages += p.mbox.len
		p.status = statusExited
		p.frames, p.regs, p.handlers = nil, nil, nil
		p.mbox.clear()
		v.procs.remove(p.pid.PidSerial())
		for _, h := range v.exitHooks {
			h(p)
		}
	}
	v.registry = map[term.Term]*Process{}
	v.aliases = map[term.Term]*Process{}
	v.timers = nil
	v.runq = runQueue{}
	v.pendingLog = v.pendingLog[:0]
	return r
}

func natRestart(p *Process, _ []term.Term) (term.Term, error) {
	p.vm.restart = true
	return term.OK, nil
}

func natHalt(p *Process, a []term.Term) (term.Term, error) {
	status := 0
	if len(a) == 1 {
		switch x := a[0]; {
		case x.IsSmallInt() && x.SmallInt() >= 0:
			status = int(x.SmallInt())
		case x == term.Atom("abort"):
			status = 134
		case x.IsBinary():
			status = 1
		default:
			return term.Term{}, Raise(NewArgumentError("argument error"))
		}
	}
	p.vm.halt, p.vm.haltStatus = true, status
	// Nothing runs after halt: the process stops here.
	return term.Term{}, &Raised{Class: ClassExit, Reason: term.Atom("halt"), uncatchable: true}
}

func init() {
	vmNativeGroups = append(vmNativeGroups,
		NativeSpec{Module: ":init", Name: "restart", Arity: 0, Fn: natRestart, Doc: "Restarts the machine: every process stops and every mailbox is lost; files on disk remain."},
		NativeSpec{Module: "System", Name: "restart", Arity: 0, Fn: natRestart, Doc: "Restarts the machine: every process stops and every mailbox is lost; files on disk remain."},
		NativeSpec{Module: "System", Name: "halt", Arity: 0, Fn: natHalt, Doc: "Stops the machine (exit status 0)."},
		NativeSpec{Module: "System", Name: "halt", Arity: 1, Fn: natHalt, Doc: "Stops the machine with the given exit status."},
		NativeSpec{Module: ":erlang", Name: "halt", Arity: 0, Fn: natHalt},
		NativeSpec{Module: ":erlang", Name: "halt", Arity: 1, Fn: natHalt},
	)
}
