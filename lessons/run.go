package lessons

import (
	"fmt"
	"io"
	"os"
	"strings"

	"goiex/repl"
	"goiex/vm"
)

// CheckOptions configure CheckLesson.
type CheckOptions struct {
	// Version is goiex's version, which the shell's banner shows when a
	// step's code ends the shell process and a new one starts.
	Version string
}

// A Report is what checking one lesson found.
type Report struct {
	Lesson *Lesson
	// Transcript is the session as a learner typing every step's code
	// would see it (prompts, echoed lines, output), with step headings
	// and each check's result.
	Transcript string
	// Failures are "file:line: step N (Title): what went wrong", an
	// output that differs followed by its diff.
	Failures []string
}

// Passed reports whether the lesson passed.
func (r *Report) Passed() bool { return len(r.Failures) == 0 }

// CheckLesson runs a lesson without a learner, on a fresh machine under the
// virtual clock: it types every elixir and solution block as at the
// prompt, compares what the shell printed with the output blocks, and
// runs each step's checks. Before a step's code is typed its checks
// must not all pass already: a check that passes whatever the learner
// types checks nothing.
func CheckLesson(l *Lesson, opts CheckOptions) *Report {
	r := &Report{Lesson: l}
	var tr strings.Builder
	e, err := repl.NewEmbedded(repl.Config{
		Out: &tr, Err: &tr, Echo: true, Clock: vm.NewVirtualClock(),
		Version: opts.Version, Interrupts: make(chan os.Signal),
	})
	if err != nil {
		r.Failures = append(r.Failures, fmt.Sprintf("%s: starting the shell: %v", l.File, err))
		return r
	}
	defer e.Close()
	e.Say("# " + l.Title + "\n")
	for i, st := range l.Steps {
		where := func(line int) string {
			return fmt.Sprintf("%s:%d: step %d (%s)", l.File, line, i+1, st.Title)
		}
		e.Say(fmt.Sprintf("\n## Step %d of %d: %s\n", i+1, len(l.Steps), st.Title))
		if len(st.Checks) > 0 {
			if len(st.Inputs) == 0 {
				r.Failures = append(r.Failures, where(st.Checks[0].Line)+
					": the step has checks but no code that passes them: add the code a learner would type, in a solution block")
			} else if allPassed(runChecks(st.Checks, checkEnv(e, ""))) {
				e.Say("✗ the checks pass before the step's code is typed\n")
				r.Failures = append(r.Failures, where(st.Checks[0].Line)+
					": the checks already pass before the step's code is typed: they would pass whatever the learner typed")
			}
		}
		rec := e.Record()
		for _, in := range st.Inputs {
			if in.Solution {
				e.Say("-- solution --\n")
			}
			var got strings.Builder
			for _, t := range e.Type(in.Code) {
				got.WriteString(t.Output)
			}
			if in.Output != nil && !sameOutput(in.Output.Text, got.String()) {
				e.Say(fmt.Sprintf("✗ the output differs from the output block at line %d\n", in.Output.Line))
				r.Failures = append(r.Failures, where(in.Line)+": the output differs from the output block (-want +got):\n"+
					strings.TrimSuffix(unifiedDiff(l.File, in.Output.Line, in.Output.Text, got.String()), "\n"))
			}
		}
		output := rec.Stop()
		for _, res := range runChecks(st.Checks, checkEnv(e, output)) {
			e.Say(res.String() + "\n")
			if res.ok {
				continue
			}
			msg := where(res.check.Line) + ": check failed: " + res.check.Source
			if res.err != nil {
				msg += "\n    " + strings.ReplaceAll(strings.TrimRight(res.err.Error(), "\n"), "\n", "\n    ")
			}
			if res.check.Hint != "" {
				msg += "\n    hint: " + res.check.Hint
			}
			r.Failures = append(r.Failures, msg)
		}
	}
	r.Transcript = tr.String()
	return r
}

// CheckAll checks each lesson (a nil lesson stands for one that could
// not be read: its error is in errs) and writes, for each, "ok" or its
// failures, then the line "N passed, M failed". With verbose, each
// lesson's transcript comes first. It returns how many failed.
func CheckAll(w io.Writer, ls []*Lesson, readErrs []error, verbose bool, opts CheckOptions) (failed int) {
	passed := 0
	for _, err := range readErrs {
		fmt.Fprintf(w, "FAIL %v\n", err)
		failed++
	}
	for _, l := range ls {
		r := CheckLesson(l, opts)
		if verbose {
			fmt.Fprintf(w, "%s\n", r.Transcript)
		}
		if r.Passed() {
			fmt.Fprintf(w, "ok   %s (%d steps)\n", l.File, len(l.Steps))
			passed++
			continue
		}
		failed++
		fmt.Fprintf(w, "FAIL %s\n", l.File)
		for _, f := range r.Failures {
			fmt.Fprintf(w, "%s\n", f)
		}
	}
	fmt.Fprintf(w, "%d passed, %d failed\n", passed, failed)
	return failed
}
