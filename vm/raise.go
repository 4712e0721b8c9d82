package vm

import (
	"fmt"
	"io"
	"strings"

	"goiex/vm/compile"
	"goiex/vm/term"
)

// traceEntry is one line of a stacktrace.
type traceEntry struct {
	code *compile.Code
	line int32
}

// captureTrace records where exc was raised: one entry per frame, the
// innermost first (frames replaced by tail calls are gone, as on the BEAM).
func (v *VM) captureTrace(p *Process, exc *Raised) {
	if exc.Stack.Valid() || exc.trace != nil {
		return
	}
	for i := len(p.frames) - 1; i >= 0; i-- {
		fr := p.frames[i]
		line := int32(0)
		if pc := fr.pc - 1; pc >= 0 && pc < len(fr.code.Lines) {
			line = fr.code.Lines[pc]
		}
		if fr.code == v.spawnStub || fr.code == v.applyStub {
			continue
		}
		exc.trace = append(exc.trace, traceEntry{fr.code, line})
	}
	exc.Stack = stackTerm(exc.trace)
}

var (
	atomFile = term.Atom("file")
	atomLine = term.Atom("line")
)

// stackTerm renders a trace as Elixir's list of
// {module, function, arity, [file: ~c"f.exs", line: n]}.
func stackTerm(trace []traceEntry) term.Term {
	elems := make([]term.Term, len(trace))
	for i, e := range trace {
		mod := term.Atom(moduleText(e.code.Module))
		fun, arity := "__FILE__", 1
		if e.code.Function != "" {
			if slash := strings.LastIndexByte(e.code.Function, '/'); slash > 0 {
				fun = e.code.Function[:slash]
				fmt.Sscan(e.code.Function[slash+1:], &arity)
			}
		}
		if strings.HasPrefix(e.code.Name, "anonymous fn") {
			fun = "-" + fun + "/" + fmt.Sprint(arity) + "-fun-0-"
			arity = e.code.Arity
		}
		loc := term.List(
			term.Tuple(atomFile, charlistOf(e.code.File)),
			term.Tuple(atomLine, term.Int(int64(e.line))))
		elems[i] = term.Tuple(mod, term.Atom(fun), term.Int(int64(arity)), loc)
	}
	return term.List(elems...)
}

func charlistOf(s string) term.Term {
	var elems []term.Term
	for _, r := range s {
		elems = append(elems, term.Int(int64(r)))
	}
	return term.List(elems...)
}

// FormatStacktrace renders a trace as Elixir prints it under a banner:
// "    file.exs:3: M.f/1".
func FormatStacktrace(exc *Raised) string {
	var b strings.Builder
	if exc.bif != "" {
		b.WriteString("    " + exc.bif + "\n")
	}
	for _, e := range exc.trace {
		name := e.code.Name
		if name == "top level" {
			name = "(file)"
		}
		prefix := ""
		if strings.HasPrefix(e.code.File, "lib/") {
			prefix = "(goiex) "
		}
		fmt.Fprintf(&b, "    %s%s:%d: %s\n", prefix, e.code.File, e.line, name)
	}
	return b.String()
}

// handle unwinds p to its innermost try, or ends the process with exc.
// It reports whether p goes on running.
func (v *VM) handle(p *Process, exc *Raised) bool {
	if exc.uncatchable {
		v.terminate(p, exc.Reason, nil)
		return false
	}
	v.captureTrace(p, exc)
	p.guardPC = -1
	if n := len(p.handlers); n > 0 {
		h := p.handlers[n-1]
		p.handlers = p.handlers[:n-1]
		for len(p.frames) > h.depth {
			p.frames[len(p.frames)-1] = frame{}
			p.frames = p.frames[:len(p.frames)-1]
		}
		p.frames[len(p.frames)-1].pc = h.pc
		p.regs[h.regs] = exc.Class.Atom()
		p.regs[h.regs+1] = exc.Reason
		p.regs[h.regs+2] = exc.Stack
		p.regs[h.regs+3] = exc.Normalized()
		return true
	}
	if p.evaluator {
		v.evalDone(p, exc)
		return false
	}
	v.exit(p, exc)
	return false
}

// raisedIn rebuilds the exception a TRY stored in four registers.
func (p *Process) raisedIn(at int) *Raised {
	r := &Raised{Reason: p.regs[at+1], Stack: p.regs[at+2]}
	switch p.regs[at].AtomName() {
	case "exit":
		r.Class = ClassExit
	case "throw":
		r.Class = ClassThrow
	default:
		r.Exception = p.regs[at+3]
	}
	return r
}

func (v *VM) functionClauseError(code *compile.Code, regs []term.Term) *Raised {
	name, arity := code.Function, code.Arity
	if slash := strings.LastIndexByte(name, '/'); slash > 0 {
		name = name[:slash]
	}
	mod := term.Atom(moduleText(code.Module))
	if strings.HasPrefix(code.Name, "anonymous fn") {
		e := NewFunctionClauseError(mod, name, arity)
		e = term.NewMapTerm(e.MapVal().Put(fMessage, term.String("no function clause matching in "+code.Name)))
		return &Raised{Class: ClassError, Reason: atomFunctionClause, Exception: e}
	}
	return &Raised{Class: ClassError, Reason: atomFunctionClause, Exception: NewFunctionClauseError(mod, name, arity)}
}

var atomFunctionClause = term.Atom("function_clause")

// ExitReason is the reason a process that died of exc exits with, as
// Erlang shapes it: {reason, stacktrace} for errors, {{:nocatch, v},
// stacktrace} for an uncaught throw, the reason itself for exit/1.
func ExitReason(exc *Raised) term.Term {
	switch exc.Class {
	case ClassExit:
		return exc.Reason
	case ClassThrow:
		return term.Tuple(term.Tuple(term.Atom("nocatch"), exc.Reason), exc.Stack)
	}
	return term.Tuple(exc.Reason, exc.Stack)
}

// exit ends p: normally (exc nil) or with exc.
func (v *VM) exit(p *Process, exc *Raised) {
	reason := term.Normal
	if exc != nil {
		reason = ExitReason(exc)
	}
	v.terminate(p, reason, exc)
}

// terminate ends p with reason; exc is the error that caused it, if any
// (a signal from another process has none).
func (v *VM) terminate(p *Process, reason term.Term, exc *Raised) {
	if p.status == statusExited {
		return
	}
	p.status = statusExited
	v.procs.remove(p.pid.PidSerial())
	if p.x != nil && p.x.registered.Valid() {
		delete(v.registry, p.x.registered)
	}
	if reason != term.Normal || p.x != nil {
		p.ext().exitReason = reason
	}
	if exc != nil {
		p.ext().exitRaised = exc
		if !p.quiet && exc.Class != ClassExit {
			v.crashReport(p, exc, p.mbox.len)
		}
	}
	if lost := p.mbox.len; lost > 0 && !p.quiet && (exc == nil || exc.Class == ClassExit) && !isShutdown(reason) {
		v.Log(fmt.Sprintf("\n%s [error] %s", v.clock.Wall().Format("15:04:05.000"), LostLine(lost, p.pid)))
	}
	p.frames = nil
	p.regs = nil
	p.handlers = nil
	p.mbox.clear()
	v.emit(Event{Kind: EventExit, From: p.pid, Reason: reason})
	v.propagate(p, reason)
	for _, h := range v.exitHooks {
		h(p)
	}
	if p.x != nil && p.x.onExit != nil {
		p.x.onExit(p)
	}
}

// ExitReason of a dead process (:normal if it ended normally).
func (p *Process) ExitReasonTerm() term.Term {
	if p.x == nil || !p.x.exitReason.Valid() {
		return term.Normal
	}
	return p.x.exitReason
}

// crashReport logs a process that died of an error, as Elixir's Logger
// does.
func (v *VM) crashReport(p *Process, exc *Raised, lost int) {
	banner := FormatRaised(exc.Class, exc.Normalized())
	if exc.Class == ClassThrow {
		banner = FormatRaised(ClassError, term.Tuple(term.Atom("nocatch"), exc.Reason))
	}
	v.Log(fmt.Sprintf("\n%s [error] Process %s raised an exception\n%s\n%s%s",
		v.clock.Wall().Format("15:04:05.000"), term.Inspect(p.pid), banner, FormatStacktrace(exc), LostLine(lost, p.pid)))
}

func isShutdown(reason term.Term) bool {
	if reason == term.Normal || reason == term.Atom("shutdown") {
		return true
	}
	return reason.IsTuple() && reason.TupleSize() == 2 && reason.Elems()[0] == term.Atom("shutdown")
}

// LostLine is goiex's addition to a crash report: the messages that were
// still waiting in the mailbox of the process that died ("" if none).
func LostLine(n int, pid term.Term) string {
	switch n {
	case 0:
		return ""
	case 1:
		return "1 message lost with " + term.Inspect(pid) + "\n"
	}
	return fmt.Sprintf("%d messages lost with %s\n", n, term.Inspect(pid))
}

// Log queues a log report. Like Elixir's Logger, reports are written
// asynchronously: at the scheduler's next step, so a report of a process
// whose crash also ends the program (through a link) is lost, as it is
// on the BEAM.
func (v *VM) Log(text string) { v.pendingLog = append(v.pendingLog, text) }

// FlushLog writes the queued log reports.
func (v *VM) FlushLog() {
	for _, l := range v.pendingLog {
		io.WriteString(v.opts.Stderr, l)
	}
	v.pendingLog = v.pendingLog[:0]
}

// DropLog forgets the queued log reports.
func (v *VM) DropLog() { v.pendingLog = v.pendingLog[:0] }
