package observe

import (
	"fmt"
	"io"
	"strings"

	exprvm "github.com/expr-lang/expr/vm"

	"goiex/vm"
	"goiex/vm/term"
)

// Stepping the scheduler. The VM runs a process for a slice (until it
// waits in a receive, exits, or spends its 4,000 reductions), and can be
// stopped only between slices, so a step is one slice: a ring process
// receiving the token, passing it on and waiting again is one step. The
// stepper tells what the process did in it (every event) and what it
// does now, then shows the run queue and which process runs next.
//
// The shell owns the loop: instead of vm.RunReady it calls Stepper.Run,
// which, while paused, runs only the shell's evaluator (so inputs are
// still evaluated) and then the steps the input asked for with step(n).

// Stepper pauses, steps and resumes a VM's scheduler.
type Stepper struct {
	v     *vm.VM
	w     io.Writer
	skip  func(*vm.Process) bool
	paint painter

	paused  bool
	pending int // steps asked for by step(n), run after the input

	breakQ  *Query
	broke   bool
	breakEv vm.Event
	unbreak func()
	runner  exprvm.VM
	steps   int

	// While paused the stepper listens, so that a receive in a step can
	// name its sender even when the evaluator sent the message.
	stream   *stream
	unlisten func()
	stepping bool
	recorded []vm.Event
}

// NewStepper makes a stepper writing to w; skip names the processes it
// never steps (the shell's evaluator), nil for none.
func NewStepper(v *vm.VM, w io.Writer, skip func(*vm.Process) bool, color bool) *Stepper {
	if skip == nil {
		skip = func(*vm.Process) bool { return false }
	}
	return &Stepper{v: v, w: w, skip: skip, paint: painter{color}}
}

// AttachStepper makes the Goiex.pause/step/resume/break_on natives drive s.
func (o *Observer) AttachStepper(s *Stepper) { o.stepper = s }

// Paused reports whether the scheduler is paused.
func (s *Stepper) Paused() bool { return s.paused }

// Pause stops the scheduler: nothing but the evaluator runs until Step
// or Resume.
func (s *Stepper) Pause() {
	s.pause()
	io.WriteString(s.w, "paused. "+s.Status())
}

func (s *Stepper) pause() {
	s.paused = true
	s.listen()
}

// listen keeps one subscription while the stepper is paused or has a
// breakpoint, so that a receive can always name its sender.
func (s *Stepper) listen() {
	want := s.paused || s.breakQ != nil
	switch {
	case want && s.unlisten == nil:
		s.stream = newStream(s.event)
		s.unlisten = s.v.Subscribe(s.stream.feed)
	case !want && s.unlisten != nil:
		s.unlisten()
		s.unlisten = nil
	}
}

func (s *Stepper) event(e vm.Event) {
	if s.stepping {
		s.recorded = append(s.recorded, e)
	}
	if s.breakQ != nil && !s.paused && !s.broke {
		ev := view(e, s.breakQ)
		if s.breakQ.match(&s.runner, &ev) {
			s.broke, s.breakEv = true, e
		}
	}
}

// Resume lets the scheduler run freely again.
func (s *Stepper) Resume() {
	s.paused = false
	s.pending = 0
	s.listen()
	io.WriteString(s.w, "resumed\n")
}

// BreakOn pauses the scheduler when an event matches the predicate
// (checked between slices: the slice in which it happened completes).
// An empty predicate removes the breakpoint.
func (s *Stepper) BreakOn(where string) error {
	var q *Query
	if where != "" {
		var err error
		if q, err = CompileEventQuery("where", where); err != nil {
			return err
		}
	}
	s.breakQ, s.broke = q, false
	s.listen()
	return nil
}

// Request asks for n steps, run by the next Run (the step(n) native: a
// native cannot run other processes itself).
func (s *Stepper) Request(n int) { s.pending += n }

// Run is the shell's scheduler loop in place of vm.RunReady(stop):
// while paused it runs only the evaluator, then the steps asked for;
// otherwise everything, until stop or a breakpoint.
func (s *Stepper) Run(evaluator *vm.Process, stop func() bool) {
	if !s.paused {
		// pause() called by the running input takes effect at once.
		s.v.RunReady(func() bool { return s.broke || s.paused || (stop != nil && stop()) })
		if s.broke {
			s.broke = false
			s.pause()
			fmt.Fprintf(s.w, "break: %s\npaused. %s", string(appendEvent(nil, s.breakEv, s.paint, atomCache{})), s.Status())
		}
		return
	}
	if evaluator != nil {
		s.v.RunProcess(evaluator, stop)
	}
	if n := s.pending; n > 0 {
		s.pending = 0
		s.Step(n)
	}
}

// Step runs n slices, one process at a time, writing what each did.
func (s *Stepper) Step(n int) {
	for i := 0; i < n; i++ {
		if !s.stepOnce() {
			return
		}
	}
	io.WriteString(s.w, s.Status())
}

// stepOnce runs one slice and reports it; false when nothing can run.
func (s *Stepper) stepOnce() bool {
	s.pause()
	s.recorded = s.recorded[:0]
	s.stepping = true
	before := s.v.Now()
	jumped := false
	if !s.hasRunnable() {
		jumped = s.v.WaitForTimer()
	}
	var reds int64
	p := s.peekNext()
	if p != nil {
		reds = p.Reductions()
	}
	ran := s.v.StepSlice(s.skip)
	s.stream.flush()
	s.stepping = false
	if ran == nil {
		io.WriteString(s.w, "nothing can run: every process waits, and no timer is pending\n")
		return false
	}
	s.steps++
	var b strings.Builder
	if jumped {
		fmt.Fprintf(&b, "(every process waited: the clock moved on %s to the next timer)\n", ms(s.v.Now()-before))
	}
	fmt.Fprintf(&b, "%s %s runs %s\n", s.paint.paint(ansiBold, fmt.Sprintf("step %d:", s.steps)),
		pidText(ran.Pid()), plural(int(ran.Reductions()-reds), "reduction", "reductions"))
	for _, e := range s.recorded {
		b.WriteString("  " + string(appendEvent(nil, e, s.paint, atomCache{})) + "\n")
	}
	b.WriteString("  now: " + doing(ran) + "\n")
	io.WriteString(s.w, b.String())
	return true
}

// doing says what a process is doing after its slice.
func doing(p *vm.Process) string {
	if !p.Alive() {
		return "exited"
	}
	if r, ok := p.WaitingIn(); ok {
		if p.Status() == term.Atom("runnable") {
			return "back in the run queue: a message arrived for its receive at " + receiveSite(r)
		}
		return "waits in receive at " + receiveSite(r)
	}
	if p.Sleeping() {
		return "sleeps"
	}
	if p.Status() == term.Atom("runnable") {
		return "runnable: next in line again after the others"
	}
	return atomText(p.Status())
}

func (s *Stepper) hasRunnable() bool { return s.peekNext() != nil }

// peekNext is the process StepSlice would run.
func (s *Stepper) peekNext() *vm.Process {
	for _, p := range s.v.RunQueue() {
		if !s.skip(p) {
			return p
		}
	}
	return nil
}

// Status shows the run queue and which process runs next.
func (s *Stepper) Status() string {
	var names []string
	for _, p := range s.v.RunQueue() {
		if !s.skip(p) {
			names = append(names, pidText(p.Pid()))
		}
	}
	if len(names) > 0 {
		return fmt.Sprintf("run queue: %s; next: %s\n", strings.Join(names, ", "), names[0])
	}
	if when, ok := s.v.NextTimer(); ok {
		return fmt.Sprintf("run queue: empty; the next timer is due in %s\n", ms(when-s.v.Now()))
	}
	return "run queue: empty, and no timer is pending: nothing will run until someone sends a message\n"
}

// ---- natives (the shell's pause/step/resume/break_on) ----

func (o *Observer) needStepper() (*Stepper, error) {
	if o.stepper == nil {
		return nil, argError(errNoShell.Error())
	}
	return o.stepper, nil
}

func (o *Observer) natPause(p *vm.Process, a []term.Term) (term.Term, error) {
	s, err := o.needStepper()
	if err != nil {
		return term.Term{}, err
	}
	s.Pause()
	return term.OK, nil
}

func (o *Observer) natStep(p *vm.Process, a []term.Term) (term.Term, error) {
	s, err := o.needStepper()
	if err != nil {
		return term.Term{}, err
	}
	n := 1
	if len(a) == 1 {
		if !a[0].IsSmallInt() || a[0].SmallInt() < 1 {
			return term.Term{}, argError("step: expected a positive number of steps, got: " + term.Inspect(a[0]))
		}
		n = int(a[0].SmallInt())
	}
	s.pause()
	s.Request(n)
	return term.OK, nil
}

func (o *Observer) natResume(p *vm.Process, a []term.Term) (term.Term, error) {
	s, err := o.needStepper()
	if err != nil {
		return term.Term{}, err
	}
	s.Resume()
	return term.OK, nil
}

func (o *Observer) natBreakOn(p *vm.Process, a []term.Term) (term.Term, error) {
	s, err := o.needStepper()
	if err != nil {
		return term.Term{}, err
	}
	var where string
	if a[0] != term.Nil && a[0] != term.Atom("off") {
		kw, err := keywords(a[0], "where")
		if err != nil {
			return term.Term{}, err
		}
		if where, err = stringOpt(kw, "where"); err != nil {
			return term.Term{}, err
		}
	}
	if err := s.BreakOn(where); err != nil {
		return term.Term{}, argError(err.Error())
	}
	return term.OK, nil
}
