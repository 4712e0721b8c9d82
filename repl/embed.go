package repl

import (
	"io"
	"strings"

	"goiex/vm"
	"goiex/vm/term"
)

// Embedded is a shell session driven by a host program instead of by
// the lines it reads: the lesson runner types a lesson's code into it,
// reads what each input printed and what it left behind (bindings, the
// VM's processes), resets it to a fresh machine, and runs its prompt
// with commands of its own (next, skip…) offered each line first.
//
// Like a Session, an Embedded is used from one goroutine; the hook given
// to Interact runs on that goroutine, between inputs, so it may use every
// method here.
type Embedded struct {
	s *Session
}

// Typed is one complete input typed into an embedded session: its lines
// and what the shell printed for it (result, errors, program output and
// crash reports; not the prompt nor the echo of the lines).
type Typed struct {
	Lines  []string
	Output string
}

// NewEmbedded starts a session on a fresh machine with its shell process
// and prints nothing (no banner). cfg is as for Run; when cfg.In is nil
// and cfg.Terminal is false, the session reads no input of its own
// (Interact then returns at once) and only Type feeds it.
func NewEmbedded(cfg Config) (*Embedded, error) {
	if cfg.In == nil && !cfg.Terminal {
		cfg.In = strings.NewReader("")
	}
	s, err := newSession(cfg)
	if err != nil {
		return nil, err
	}
	s.startShell()
	return &Embedded{s: s}, nil
}

// Close releases the session's input (the line editor on a terminal).
func (e *Embedded) Close() error {
	e.s.m.FlushLog()
	return e.s.in.Close()
}

// Type types src at the prompt line by line, as a learner typing or
// pasting it would: each line that completes an expression is evaluated
// at once, so a block of two one-line expressions is two inputs. With
// Config.Echo each line is printed after its prompt, as in a piped
// session's transcript. A trailing unfinished expression is dropped.
func (e *Embedded) Type(src string) []Typed {
	s := e.s
	var typed []Typed
	var buf strings.Builder
	var cur *Typed
	var rec *Recording
	for _, line := range strings.Split(strings.TrimSuffix(src, "\n"), "\n") {
		if cur == nil {
			typed = append(typed, Typed{})
			cur = &typed[len(typed)-1]
			rec = e.Record()
		}
		if s.cfg.Echo {
			e.Say(s.prompt(buf.Len() > 0) + line + "\n")
		}
		cur.Lines = append(cur.Lines, line)
		in, done := s.feed(&buf, line)
		if !done {
			continue
		}
		if in != nil {
			s.evaluate(in)
		}
		cur.Output = rec.Stop()
		cur = nil
	}
	if cur != nil {
		cur.Output = rec.Stop()
	}
	return typed
}

// Interact runs the prompt until input ends, System.halt/1 is called or
// Quit is: lines are read (with the line editor on a terminal) and
// evaluated as in the shell, except that each line typed at a fresh
// prompt (not inside an unfinished expression) is first offered to
// command, which reports whether it took it. It returns the exit status.
func (e *Embedded) Interact(command func(line string) bool) int {
	s := e.s
	s.intercept = command
	defer func() { s.intercept = nil }()
	s.quit = false
	return s.serve()
}

// Quit ends Interact after the current command.
func (e *Embedded) Quit() { e.s.quit = true }

// Reset stops every process of the machine and starts a fresh one with
// a new shell process (counter at 1, no bindings), silently.
func (e *Embedded) Reset() error {
	e.s.m.StopAll()
	if err := e.s.boot(); err != nil {
		return err
	}
	e.s.startShell()
	return nil
}

// Say writes text for the learner where the shell writes (above the
// prompt on a terminal), unless muted; it is not recorded.
func (e *Embedded) Say(text string) { e.s.say(text) }

// Muted runs f with the session's output thrown away (a reset replaying
// earlier steps' code). Nobody watches, so an input stuck in receive
// with nothing that could wake it is ended as a deadlock, even on a
// terminal.
func (e *Embedded) Muted(f func()) {
	mute, unattended := e.s.tap.mute, e.s.unattended
	e.s.tap.mute, e.s.unattended = true, true
	defer func() { e.s.tap.mute, e.s.unattended = mute, unattended }()
	f()
}

// A Recording collects what the session prints from Record until Stop.
type Recording struct {
	tap *tap
	b   strings.Builder
}

// Record starts recording what the session prints (results, errors,
// program output, crash reports; not prompts nor echoes nor Say).
func (e *Embedded) Record() *Recording {
	r := &Recording{tap: e.s.tap}
	e.s.tap.recs = append(e.s.tap.recs, r)
	return r
}

// String is what was recorded so far.
func (r *Recording) String() string { return r.b.String() }

// Stop ends the recording and returns what it holds.
func (r *Recording) Stop() string {
	recs := r.tap.recs
	for i, x := range recs {
		if x == r {
			r.tap.recs = append(recs[:i:i], recs[i+1:]...)
			break
		}
	}
	return r.b.String()
}

// VM is the current machine (a new one after Reset or :init.restart/0).
func (e *Embedded) VM() *vm.VM { return e.s.m }

// Shell is the shell process evaluating inputs (a new one after the
// shell dies, respawn/0 or Reset).
func (e *Embedded) Shell() *vm.Process { return e.s.shell }

// Bindings returns the variables bound at the prompt, by name.
func (e *Embedded) Bindings() map[string]term.Term {
	out := make(map[string]term.Term, len(e.s.names))
	for i, n := range e.s.names {
		if i < len(e.s.values) {
			out[n] = e.s.values[i]
		}
	}
	return out
}

// Counter is the number of the next input (iex(N)>).
func (e *Embedded) Counter() int { return e.s.counter }

// Color reports whether the session prints in colour.
func (e *Embedded) Color() bool { return e.s.cfg.Color }

// Width is the width results are laid out in.
func (e *Embedded) Width() int { return e.s.cfg.Width }

// tap sits between the session and its writers: it can mute them, and
// copies what passes to the recordings in progress.
type tap struct {
	mute bool
	recs []*Recording
}

// tapWriter is one of the session's writers (out or errOut) behind the
// tap.
type tapWriter struct {
	w   io.Writer
	tap *tap
}

func (t *tapWriter) Write(p []byte) (int, error) {
	for _, r := range t.tap.recs {
		r.b.Write(p)
	}
	if t.tap.mute {
		return len(p), nil
	}
	return t.w.Write(p)
}
