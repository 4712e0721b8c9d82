// Package observe shows what the processes of a goiex VM do: the process
// table (ps), mailbox peeks and the receive explainer, stuck-mailbox
// warnings, traces, message sequence diagrams, the link and monitor
// graph, crash-impact predictions and the scheduler stepper. It reads
// the VM's event stream and its observing accessors; it changes nothing
// a program does, and costs nothing while it is not used (no listener
// is registered when nothing is traced or recorded).
//
// Install registers the script API, the natives of module Goiex
// (Goiex.ps/0,1, Goiex.mailbox/1, Goiex.seq/1,2 …; seq itself is Elixir,
// in builtins/lib/goiex.ex). The shell reaches the same functions, and
// drives the Stepper, through the Observer that Install returns.
//
// It does not own the shell's helpers or colour decision (package repl
// sets Observer.Color), nor the event stream itself (package vm).
// Predicates typed by the learner (ps(where: …), trace(where: …),
// break_on(where: …)) are compiled with expr once and run many times.
package observe

import (
	"errors"
	"io"
	"strings"

	"goiex/vm"
	"goiex/vm/term"
)

// Observer is the observing state of one VM: running traces and
// explainers, recordings, the stepper, and the printer's colour setting.
type Observer struct {
	v *vm.VM
	// Color is a printer setting: the shell turns it on for a terminal;
	// scripts leave it off.
	Color bool

	tracers []*Tracer
	records map[int64]*Recording
	nextRec int64
	stepper *Stepper
}

// Install registers module Goiex's natives in v and returns the
// Observer they share.
func Install(v *vm.VM) *Observer {
	o := &Observer{v: v, records: map[int64]*Recording{}}
	for _, s := range o.natives() {
		v.RegisterNative(s)
	}
	// A recording whose process dies before it draws (killed by a link
	// in the middle of seq) stops listening.
	v.OnExit(func(p *vm.Process) {
		if len(o.records) == 0 {
			return
		}
		for id, r := range o.records {
			if r.caller == p.Pid() {
				r.Stop()
				delete(o.records, id)
			}
		}
	})
	return o
}

// VM is the machine observed.
func (o *Observer) VM() *vm.VM { return o.v }

func (o *Observer) natives() []vm.NativeSpec {
	n := func(name string, arity int, fn vm.Native, doc string) vm.NativeSpec {
		return vm.NativeSpec{Module: "Goiex", Name: name, Arity: arity, Fn: fn, Doc: doc}
	}
	return []vm.NativeSpec{
		n("ps", 0, o.natPs, "Prints the process table."),
		n("ps", 1, o.natPs, "Prints the process table: sort: column, limit: n, where: \"predicate\"."),
		n("mailbox", 1, o.natMailbox, "Prints a process's messages, and which clause of its receive would take each."),
		n("mailbox", 2, o.natMailbox, "mailbox/1 with limit: n."),
		n("explain", 1, o.natExplain, "Explains each receive of a process (or :all; :off stops) as it happens."),
		n("stuck", 0, o.natStuck, "Warns about processes whose receive leaves messages in the mailbox for good."),
		n("trace", 1, o.natTrace, "Prints the events of a process (or :all) as they happen; trace(:off) stops."),
		n("trace", 2, o.natTrace, "trace/1 with where: \"predicate\" and time: true."),
		n("untrace", 0, o.natUntrace, "Stops every trace and explainer."),
		n("__seq_start__", 1, o.natSeqStart, ""),
		n("__seq_returned__", 2, o.natSeqReturned, ""),
		n("__seq_settle__", 1, o.natSeqSettle, ""),
		n("__seq_stop__", 1, o.natSeqStop, ""),
		n("links", 1, o.natLinks, "Draws a process's links and monitors."),
		n("tree", 0, o.natTree, "Draws every process's links and monitors as trees (supervisors over their children)."),
		n("crash_impact", 1, o.natCrashImpact, "Predicts what happens if a process dies: who dies with it, who gets {:EXIT, …} or {:DOWN, …}."),
		n("crash_impact", 2, o.natCrashImpact, "crash_impact/1 for a given exit reason."),
		n("pause", 0, o.natPause, "Pauses the scheduler (shell only)."),
		n("step", 0, o.natStep, "Runs the next process for one slice and tells what it did (shell only)."),
		n("step", 1, o.natStep, "step/0, n times."),
		n("resume", 0, o.natResume, "Lets the scheduler run freely again (shell only)."),
		n("break_on", 1, o.natBreakOn, "Pauses when an event matches where: \"predicate\" (shell only)."),
	}
}

// ---- natives ----

func (o *Observer) out(p *vm.Process, s string) { io.WriteString(p.VM().Stdout(), s) }

func (o *Observer) natPs(p *vm.Process, a []term.Term) (term.Term, error) {
	var opts PsOptions
	if len(a) == 1 {
		kw, err := keywords(a[0], "sort", "limit", "where")
		if err != nil {
			return term.Term{}, err
		}
		if t, ok := kw["sort"]; ok {
			if !t.IsAtom() {
				return term.Term{}, argError("sort: expected a column name (an atom), got: " + term.Inspect(t))
			}
			opts.Sort = t.AtomName()
		}
		if opts.Limit, err = limitOpt(kw); err != nil {
			return term.Term{}, err
		}
		if opts.Where, err = stringOpt(kw, "where"); err != nil {
			return term.Term{}, err
		}
	}
	s, err := Ps(o.v, opts)
	if err != nil {
		return term.Term{}, argError(err.Error())
	}
	o.out(p, s)
	return term.OK, nil
}

func (o *Observer) natMailbox(p *vm.Process, a []term.Term) (term.Term, error) {
	pid, err := pidArg(o.v, a[0])
	if err != nil {
		return term.Term{}, err
	}
	var opts MailboxOptions
	if len(a) == 2 {
		kw, err := keywords(a[1], "limit")
		if err != nil {
			return term.Term{}, err
		}
		if opts.Limit, err = limitOpt(kw); err != nil {
			return term.Term{}, err
		}
	}
	o.out(p, Mailbox(o.v, pid, p, opts))
	return term.OK, nil
}

func (o *Observer) natStuck(p *vm.Process, a []term.Term) (term.Term, error) {
	stuck := StuckMailboxes(o.v, StuckThreshold)
	if len(stuck) == 0 {
		o.out(p, "no process waits in a receive that leaves "+plural(StuckThreshold, "message", "messages")+" or more behind\n")
	}
	for _, s := range stuck {
		o.out(p, s.Warning())
	}
	return term.OK, nil
}

func (o *Observer) natExplain(p *vm.Process, a []term.Term) (term.Term, error) {
	if a[0] == term.Atom("off") {
		o.stopTraces(true)
		return term.OK, nil
	}
	pid := a[0]
	if pid != term.Atom("all") {
		var err error
		if pid, err = pidArg(o.v, a[0]); err != nil {
			return term.Term{}, err
		}
	}
	t, err := StartTrace(o.v, o.v.Stdout(), TraceOptions{Pid: pid, Explain: true, Color: o.Color})
	if err != nil {
		return term.Term{}, argError(err.Error())
	}
	o.tracers = append(o.tracers, t)
	return term.OK, nil
}

func (o *Observer) natTrace(p *vm.Process, a []term.Term) (term.Term, error) {
	if a[0] == term.Atom("off") {
		o.stopTraces(false)
		return term.OK, nil
	}
	opts := TraceOptions{Pid: a[0], Color: o.Color}
	if a[0] != term.Atom("all") {
		pid, err := pidArg(o.v, a[0])
		if err != nil {
			return term.Term{}, err
		}
		opts.Pid = pid
	}
	if len(a) == 2 {
		kw, err := keywords(a[1], "where", "time")
		if err != nil {
			return term.Term{}, err
		}
		if opts.Where, err = stringOpt(kw, "where"); err != nil {
			return term.Term{}, err
		}
		opts.Time = kw["time"] == term.True
	}
	t, err := StartTrace(o.v, o.v.Stdout(), opts)
	if err != nil {
		return term.Term{}, argError(err.Error())
	}
	o.tracers = append(o.tracers, t)
	return term.OK, nil
}

func (o *Observer) natUntrace(p *vm.Process, a []term.Term) (term.Term, error) {
	o.stopTraces(false)
	o.stopTraces(true)
	return term.OK, nil
}

// stopTraces stops the explainers (explain) or the traces (!explain).
func (o *Observer) stopTraces(explain bool) {
	kept := o.tracers[:0]
	for _, t := range o.tracers {
		if t.o.Explain == explain {
			t.Stop()
			continue
		}
		kept = append(kept, t)
	}
	o.tracers = kept
}

// ---- arguments ----

func argError(msg string) error { return vm.Raise(vm.NewArgumentError(msg)) }

// pidArg accepts a pid or a registered name.
func pidArg(v *vm.VM, t term.Term) (term.Term, error) {
	if t.IsPid() {
		return t, nil
	}
	if t.IsAtom() {
		if p := v.Whereis(t); p != nil {
			return p.Pid(), nil
		}
		return term.Term{}, argError("no process is registered as " + term.Inspect(t))
	}
	return term.Term{}, argError("expected a pid or a registered name, got: " + term.Inspect(t))
}

// keywords reads a keyword list of options, rejecting unknown ones.
func keywords(t term.Term, known ...string) (map[string]term.Term, error) {
	out := map[string]term.Term{}
	items, ok := term.ListToSlice(t)
	if !ok {
		return nil, argError("expected a keyword list of options, got: " + term.Inspect(t))
	}
	for _, it := range items {
		if !it.IsTuple() || it.TupleSize() != 2 || !it.Elems()[0].IsAtom() {
			return nil, argError("expected a keyword list of options, got: " + term.Inspect(t))
		}
		k := it.Elems()[0].AtomName()
		found := false
		for _, n := range known {
			found = found || n == k
		}
		if !found {
			return nil, argError("unknown option :" + k + " (known: " + strings.Join(known, ", ") + ")")
		}
		out[k] = it.Elems()[1]
	}
	return out, nil
}

func limitOpt(kw map[string]term.Term) (int, error) {
	t, ok := kw["limit"]
	switch {
	case !ok:
		return 0, nil
	case t == term.Infinity:
		return -1, nil
	case t.IsSmallInt() && t.SmallInt() > 0:
		return int(t.SmallInt()), nil
	}
	return 0, argError("limit: expected a positive integer or :infinity, got: " + term.Inspect(t))
}

func stringOpt(kw map[string]term.Term, name string) (string, error) {
	t, ok := kw[name]
	if !ok {
		return "", nil
	}
	if !t.IsBinary() {
		return "", argError(name + ": expected a string, got: " + term.Inspect(t))
	}
	return t.Str(), nil
}

var errNoShell = errors.New("stepping the scheduler needs the shell: start goiex with no arguments")
