package lessons

import (
	"fmt"
	"strings"
	"time"

	"goiex/repl"
	"goiex/vm"
)

// WalkOptions configure Walk.
type WalkOptions struct {
	// Shell configures the session the learner types in: terminal or
	// pipe, colour, clock (the real one, normally), version.
	Shell repl.Config
	// Progress records how far the learner got; nil records nothing.
	Progress *Progress
}

// commandHelp is shown when a lesson starts and on `help`.
const commandHelp = "Type each step's code at the prompt, then press Enter on an empty line (or type next)\n" +
	"to check the step. show prints the step's code; skip and back move between steps;\n" +
	"reset starts a fresh machine; help lists these; quit leaves, and keeps your place.\n"

// walker is one learner's walk through a lesson.
type walker struct {
	l        *Lesson
	e        *repl.Embedded
	at       int             // the step shown, from 0
	rec      *repl.Recording // what the shell printed since the step was shown
	progress *Progress
	color    bool
	done     bool
	clock    *replayClock // nil under the virtual clock
}

// Walk runs a lesson interactively: the introduction, then each step's
// prose and a shell prompt where the learner types. Enter on an empty
// line or next checks the step (✓ and the next step, or the hint);
// skip, back, show, reset, help and quit are the other lesson commands.
// A lesson in progress resumes at its step, the earlier steps' code run
// again first. It returns the shell's exit status.
func Walk(l *Lesson, opts WalkOptions) int {
	cfg := opts.Shell
	var clock *replayClock
	if cfg.Clock == nil || !cfg.Clock.Virtual() {
		if cfg.Clock == nil {
			cfg.Clock = vm.NewRealClock()
		}
		clock = &replayClock{real: cfg.Clock}
		cfg.Clock = clock
	}
	e, err := repl.NewEmbedded(cfg)
	if err != nil {
		fmt.Fprintf(opts.Shell.Err, "goiex: %v\n", err)
		return 1
	}
	defer e.Close()
	w := &walker{l: l, e: e, progress: opts.Progress, color: opts.Shell.Color, clock: clock}
	if w.progress == nil {
		w.progress = &Progress{Lessons: map[string]Place{}}
	}
	w.say(paint(w.color, ansiBold, "# "+l.Title) + "\n\n")
	if len(l.Intro) > 0 {
		w.say(renderSegments(l.Intro, w.color) + "\n")
	}
	w.say(paint(w.color, ansiCyan, commandHelp))
	if pl, ok := w.progress.Lessons[key(l)]; ok && !pl.Done && pl.Step > 1 && pl.Step <= len(l.Steps) {
		w.at = pl.Step - 1
		w.replay()
		w.say(fmt.Sprintf("\nWelcome back: resuming at step %d of %d (the code of the earlier steps ran again; back shows them).\n",
			w.at+1, len(l.Steps)))
	}
	w.showStep()
	code := e.Interact(w.command)
	w.save()
	if !w.done {
		// quit, Ctrl-D or System.halt/1
		w.say(fmt.Sprintf("Your place is kept: goiex lesson %s resumes at step %d.\n", w.arg(), w.at+1))
	}
	return code
}

func (w *walker) say(s string) { w.e.Say(s) }

// command takes a lesson command; anything else is Elixir for the shell.
func (w *walker) command(line string) bool {
	switch strings.TrimSpace(line) {
	case "", "next":
		w.next()
	case "skip":
		w.say("Skipped.\n")
		w.advance()
	case "back":
		if w.at == 0 {
			w.say("This is the first step.\n")
			return true
		}
		w.at--
		w.save()
		w.showStep()
	case "show":
		w.show()
	case "reset":
		w.reset()
	case "help":
		w.say(commandHelp)
	case "quit":
		w.e.Quit()
	default:
		return false
	}
	return true
}

// arg is how the learner names this lesson again on the command line.
func (w *walker) arg() string {
	if w.l.Builtin && w.l.Number > 0 {
		return fmt.Sprint(w.l.Number)
	}
	if w.l.Builtin {
		return w.l.Name
	}
	return w.l.File
}

func (w *walker) step() *Step { return w.l.Steps[w.at] }

// showStep prints the current step and starts recording its output.
func (w *walker) showStep() {
	st := w.step()
	w.say("\n" + paint(w.color, ansiBold, fmt.Sprintf("## Step %d of %d: %s", w.at+1, len(w.l.Steps), st.Title)) + "\n\n")
	if len(st.Body) > 0 {
		w.say(renderSegments(st.Body, w.color) + "\n")
	}
	w.record()
}

func (w *walker) record() {
	if w.rec != nil {
		w.rec.Stop()
	}
	w.rec = w.e.Record()
}

// next checks the step: on success the next one is shown, else the hint.
func (w *walker) next() {
	st := w.step()
	if len(st.Checks) > 0 {
		results := runChecks(st.Checks, checkEnv(w.e, stripColor(w.rec.String())))
		if !allPassed(results) {
			w.say(paint(w.color, ansiRed, "✗ Not yet.") + " " + failedHint(results) + "\n")
			return
		}
		w.say(paint(w.color, ansiGreen, fmt.Sprintf("✓ Step %d: %s", w.at+1, st.Title)) + "\n")
	}
	w.advance()
}

// advance moves to the next step, or ends the lesson after the last.
func (w *walker) advance() {
	w.at++
	if w.at < len(w.l.Steps) {
		w.save()
		w.showStep()
		return
	}
	w.at = len(w.l.Steps) - 1
	w.done = true
	w.save()
	w.say("\n" + paint(w.color, ansiGreen, "✓ Lesson complete: "+w.l.Title) + "\n`goiex lessons` lists the others.\n")
	w.e.Quit()
}

// show prints the step's code: what to type, and the solution of an
// exercise (asked for, so shown).
func (w *walker) show() {
	st := w.step()
	if len(st.Inputs) == 0 {
		w.say("This step has no code to type.\n")
		return
	}
	for _, in := range st.Inputs {
		if in.Solution {
			w.say("A solution:\n")
		}
		w.say(renderCode(in.Code, w.color))
	}
}

// reset starts a fresh machine and runs the earlier steps' code on it,
// silently, so that the current step finds what it expects.
func (w *walker) reset() {
	if err := w.e.Reset(); err != nil {
		w.say(fmt.Sprintf("goiex: %v\n", err))
		return
	}
	w.replay()
	switch w.at {
	case 0:
		w.say("A fresh machine.\n")
	case 1:
		w.say("A fresh machine; the code of step 1 ran again.\n")
	default:
		w.say(fmt.Sprintf("A fresh machine; the code of steps 1 to %d ran again.\n", w.at))
	}
	w.record()
}

// replay types the code of the steps before the current one, muted,
// with time jumping to the next timer.
func (w *walker) replay() {
	if w.clock != nil {
		w.clock.fast = true
		defer func() { w.clock.fast = false }()
	}
	w.e.Muted(func() {
		for _, st := range w.l.Steps[:w.at] {
			w.e.Type(st.Code())
		}
	})
}

func (w *walker) save() {
	// Once done, a lesson stays done: walking it again is revision.
	prev := w.progress.Lessons[key(w.l)]
	w.progress.Lessons[key(w.l)] = Place{Step: w.at + 1, Steps: len(w.l.Steps), Done: w.done || prev.Done}
	if err := w.progress.Save(); err != nil {
		w.say(fmt.Sprintf("goiex: progress not saved: %v\n", err))
	}
}

// replayClock is the real clock, except while the earlier steps' code
// runs again (reset, resume): then it jumps to the next timer as the
// virtual clock does, so the learner does not wait out the lesson's
// sleeps a second time. Time only moves forward: the jumps are kept as
// an offset.
type replayClock struct {
	real   vm.Clock
	offset int64
	fast   bool
}

func (c *replayClock) Now() int64      { return c.real.Now() + c.offset }
func (c *replayClock) Virtual() bool   { return c.fast }
func (c *replayClock) Wall() time.Time { return c.real.Wall().Add(time.Duration(c.offset)) }

func (c *replayClock) WaitUntil(t int64) {
	d := t - c.Now()
	switch {
	case d <= 0:
	case c.fast:
		c.offset += d
	default:
		c.real.WaitUntil(t - c.offset)
	}
}
