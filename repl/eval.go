package repl

import (
	"errors"
	"fmt"
	"io"
	"time"

	"goiex/vm"
	"goiex/vm/compile"
	"goiex/vm/syntax"
	"goiex/vm/term"
)

var helpersModule = term.ModuleAtom("IEx.Helpers")

// goiexModule holds what goiex shows beyond iex: ps, mailbox, trace,
// seq, tree, crash_impact, pause/step/resume (package observe).
var goiexModule = term.ModuleAtom("Goiex")

// dontDisplay is what a helper returns when it has printed its answer
// (i/1, h/1, clear/0): the shell prints no result but the counter
// advances. iex uses the same atom (IEx.dont_display_result/0).
var dontDisplay = term.Atom("do not show this result in output")

// evaluate compiles and runs one input in the shell process and prints
// its result or error.
func (s *Session) evaluate(in *input) {
	if in.cmd != nil {
		s.runCommand(*in.cmd)
		s.refreshCompletions()
		return
	}
	opts := s.m.CompileOptions(in.src)
	opts.Imports = []term.Term{helpersModule, goiexModule}
	opts.Env = &s.env
	code, names, err := compile.CompileWithBindings(shellFile, in.tree, s.names, opts)
	if err != nil {
		s.reportCompileError(err)
		return
	}
	s.run(code, s.values, func(value term.Term, bindings []term.Term) term.Term {
		s.names, s.values = names, bindings
		return value
	})
	s.refreshCompletions()
}

// run evaluates code in the shell process with args in its first
// registers, then prints what iex would: the result (as done decides it
// from the value and new bindings), the error, or the shell's exit.
func (s *Session) run(code *compile.Code, args []term.Term, done func(value term.Term, bindings []term.Term) term.Term) {
	if err := s.m.Eval(s.shell, code, args); err != nil {
		// The shell died while idle and nobody noticed: start over.
		s.shellDied()
		return
	}
	s.interrupted = false
	s.ended = false
	deadlock := s.drive()
	if s.stepper.Paused() {
		s.stepper.Run(nil, nil) // steps asked for by this input (pause(); step())
	}
	value, exc := s.value, s.exc
	s.grace()
	switch {
	case s.halted():
		return
	case !s.shell.Alive():
		// Killed while evaluating (a linked process crashed, or
		// Process.exit(self(), :kill)): iex prints no result.
	case deadlock:
		s.print.Error("** (EXIT) deadlock: the shell process waits in receive forever: no other process can run and no timer is pending", "")
	case s.interrupted:
		s.print.Error("** (EXIT) interrupted", "")
	case exc != nil:
		s.print.Error(exc.Banner(), shellStacktrace(exc))
	case value.Valid():
		bindings, _ := term.ListToSlice(value.Elems()[1])
		result := done(value.Elems()[0], bindings)
		if result != dontDisplay {
			s.print.Result(result)
		}
		s.results[s.counter] = result
		s.counter++
	}
	if s.m.RestartRequested() {
		// :init.restart() answers :ok (printed above), then the machine goes.
		s.restartMachine()
		return
	}
	if s.respawn {
		s.respawn = false
		s.m.ExitSignal(s.shell, s.shell.Pid(), term.Normal)
		s.print.Banner(s.cfg.Version, false, s.cfg.Clock.Virtual())
		s.startShell()
	}
	if !s.shell.Alive() {
		s.shellDied()
	}
}

// drive runs the VM until the shell's input ends: by returning, raising,
// being interrupted (Ctrl-C) or the shell dying. It reports a deadlock
// when the shell waits in receive with nothing left that could wake it
// and no one to press Ctrl-C (stdin is not a terminal); the input is
// then interrupted.
func (s *Session) drive() (deadlock bool) {
	stop := func() bool { return s.noteEnd() || s.halted() || s.pollInterrupt() }
	defer s.noteEnd()
	for s.shell.Evaluating() {
		s.stepper.Run(s.shell, stop)
		if s.halted() || s.m.RestartRequested() {
			return false
		}
		if s.interrupted {
			s.m.Interrupt(s.shell)
			return false
		}
		// While paused, only the shell runs by itself: other runnable
		// processes wait for step(), so they must not keep this loop busy.
		if !s.shell.Evaluating() || (s.m.Runnable() && !s.stepper.Paused()) {
			continue
		}
		t, ok := s.m.NextTimer()
		switch {
		case ok && s.cfg.Clock.Virtual():
			s.m.Clock().WaitUntil(t)
		case ok:
			wait := time.Duration(t - s.m.Now())
			if wait <= 0 {
				continue
			}
			s.flushOutput()
			timer := time.NewTimer(wait)
			select {
			case <-timer.C:
			case <-s.sigint:
				s.interrupted = true
			}
			timer.Stop()
		case (!s.cfg.Terminal || s.unattended) && s.stepper.Paused():
			s.m.Interrupt(s.shell)
			s.print.Error("** (goiex) the scheduler is paused and this input waits on other processes: step() or resume()", "")
			return false
		case !s.cfg.Terminal || s.unattended:
			s.m.Interrupt(s.shell)
			return true
		default:
			// Stuck in receive: only Ctrl-C can help. Say so at once,
			// rather than leave a learner looking at a silent prompt.
			if s.stepper.Paused() {
				io.WriteString(s.out, "the scheduler is paused: step() or resume() can't be typed while this input waits — press Ctrl-C\n")
			} else {
				io.WriteString(s.out, "all processes are waiting; nothing can ever send you a message — press Ctrl-C\n")
			}
			s.flushOutput()
			<-s.sigint
			s.interrupted = true
		}
	}
	return false
}

// noteEnd records the input's result as soon as it ends, before any
// other process runs: the VM wakes an idle evaluator when a message
// arrives and then records an internal error as its result (reported
// for vm.wake), so the result must be read before that can happen.
func (s *Session) noteEnd() bool {
	if !s.ended && !s.shell.Evaluating() {
		s.ended = true
		s.value, s.exc = s.shell.EvalResult()
	}
	return s.ended
}

// pollInterrupt notes a pending Ctrl-C without waiting.
func (s *Session) pollInterrupt() bool {
	if s.interrupted {
		return true
	}
	select {
	case <-s.sigint:
		s.interrupted = true
	default:
	}
	return s.interrupted
}

// grace lets the other processes run a few slices before the result is
// printed (see graceSlices).
func (s *Session) grace() {
	if s.stepper.Paused() {
		return // a paused scheduler runs only what step() asks for
	}
	n := 0
	s.m.RunReady(func() bool {
		n++
		return n > graceSlices || !s.shell.Alive() || s.halted()
	})
}

// shellStacktrace is the stacktrace iex shows under an error raised by
// an input: the frames of the input's own top level are left out, as iex
// leaves out the evaluator's (erl_eval) frames.
func shellStacktrace(exc *vm.Raised) string {
	var out []byte
	for _, line := range splitLines(vm.FormatStacktrace(exc)) {
		if isTopLevelFrame(line) {
			continue
		}
		out = append(out, line...)
		out = append(out, '\n')
	}
	return string(out)
}

func isTopLevelFrame(line string) bool {
	var n int
	var rest string
	_, err := fmt.Sscanf(line, "    iex:%d: %s", &n, &rest)
	return err == nil && rest == "(file)"
}

func splitLines(s string) []string {
	var lines []string
	for len(s) > 0 {
		i := 0
		for i < len(s) && s[i] != '\n' {
			i++
		}
		lines = append(lines, s[:i])
		if i < len(s) {
			i++
		}
		s = s[i:]
	}
	return lines
}

// reportCompileError prints a syntax or compile error as iex does.
func (s *Session) reportCompileError(err error) {
	var se *syntax.Error
	var ce *compile.Error
	switch {
	case errors.As(err, &se):
		s.print.Error(se.Format(), "")
	case errors.As(err, &ce):
		s.print.Error("** (CompileError) "+ce.Error(), "")
	default:
		s.print.Error("** "+err.Error(), "")
	}
}
