// Package repl is goiex's interactive shell: it reads Elixir a line at a
// time (readline on a terminal, plain lines from a pipe), evaluates each
// complete input in a long-lived shell process on the VM, and prints
// results, errors and prompts as iex 1.14 does.
//
// It owns prompts, the input counter, bindings, the shell helpers
// (IEx.Helpers: flush/0, i/1, h/1…), colour and completion. It does not
// own the language (package vm and its compiler) nor the library
// (package builtins), and it touches no file descriptor of its own: the
// host (main.go) hands it readers and writers.
//
// One goroutine, the driver, owns the VM (which is single-threaded);
// another reads input. While the prompt waits, the driver keeps running
// processes and timers, so background output appears as it happens.
package repl

import (
	"io"
	"os"
	"os/signal"
	"time"

	"goiex/builtins"
	"goiex/observe"
	"goiex/vm"
	"goiex/vm/compile"
	"goiex/vm/term"
)

// Config configures a session.
type Config struct {
	// In is read line by line when Terminal is false.
	In io.Reader
	// Out receives prompts, results and program output; Err receives
	// crash reports and warnings (the VM's stderr).
	Out, Err io.Writer
	// Terminal selects the line editor (readline, history, completion).
	// In and Out must then be the terminal.
	Terminal bool
	// Echo prints each input line after its prompt, for transcripts of
	// piped sessions (on a terminal the line editor shows it already).
	Echo bool
	// Color turns on IEx's colours for results and errors.
	Color bool
	// Clock is the VM's clock; nil means the real clock.
	Clock vm.Clock
	// Version is goiex's version, for the banner.
	Version string
	// HistoryFile is where the line editor keeps history ("" for none).
	HistoryFile string
	// Width is the width results are laid out in; 0 means 80, or the
	// terminal's width.
	Width int
	// Interrupts delivers Ctrl-C (SIGINT) while an input is evaluated;
	// nil means the session listens for os.Interrupt itself.
	Interrupts <-chan os.Signal
}

// Session is one shell: a VM, its shell process and what the prompt
// remembers (counter, bindings, results for v/1).
type Session struct {
	cfg    Config
	m      *vm.VM
	shell  *vm.Process
	out    io.Writer // where the shell's own output goes
	errOut io.Writer // the VM's stderr (crash reports, warnings)
	print  *Printer
	// stepper drives the scheduler: everything runs, unless a learner
	// paused it to step one process at a time.
	stepper *observe.Stepper
	// env carries alias and import from one input to the next.
	env compile.Env
	in  lineSource

	counter int
	names   []string    // bound variables, in the compiler's order
	values  []term.Term // their values
	results map[int]term.Term
	started time.Time
	sigint  <-chan os.Signal

	interrupted bool // Ctrl-C seen while evaluating
	respawn     bool // respawn/0 was called by the input
	ended       bool // the input has ended; value and exc say how
	value       term.Term
	exc         *vm.Raised

	completions *completionIndex // what Tab offers; read by the line editor's goroutine

	tap       *tap              // mutes or records out and errOut (embed.go)
	intercept func(string) bool // a host's commands, offered each new line first
	quit      bool              // the host ended the session
	// unattended is set while a host types muted input: nobody sees
	// the prompt to press Ctrl-C, so a stuck input is a deadlock, as
	// in a piped session.
	unattended bool
}

// graceSlices is how many scheduler slices other processes get after an
// input returns and before its result is printed. iex's shell prints
// from another process than the one evaluating, so a linked process
// that crashes at once (spawn_link(fn -> raise "boom" end)) kills the
// shell before the pid is printed, and the output of a short spawned
// function comes before the result; a few slices give the same order.
const graceSlices = 64

// Run starts a session and returns the exit status when input ends,
// Ctrl-D is pressed or System.halt/1 is called.
func Run(cfg Config) int {
	s, err := newSession(cfg)
	if err != nil {
		io.WriteString(cfg.Err, "goiex: "+err.Error()+"\n")
		return 1
	}
	defer s.in.Close()
	return s.loop()
}

func newSession(cfg Config) (*Session, error) {
	if cfg.Clock == nil {
		cfg.Clock = vm.NewRealClock()
	}
	if cfg.Width == 0 {
		cfg.Width = 80
	}
	s := &Session{cfg: cfg, results: map[int]term.Term{}, started: time.Now()}
	var stdout, stderr io.Writer = cfg.Out, cfg.Err
	if cfg.Terminal {
		tr, err := newTerminalReader(cfg, s.complete)
		if err != nil {
			return nil, err
		}
		s.in = tr
		stdout, stderr = tr.Stdout(), tr.Stderr()
		if w := tr.Width(); w > 0 && cfg.Width == 80 {
			s.cfg.Width = w
		}
	} else {
		s.in = newPlainReader(cfg.In)
	}
	// Everything the session writes passes through one tap, which an
	// embedding host can mute or record (embed.go).
	s.tap = &tap{}
	s.out, s.errOut = &tapWriter{w: stdout, tap: s.tap}, &tapWriter{w: stderr, tap: s.tap}
	s.print = NewPrinter(s.out, cfg.Color, s.cfg.Width)
	if err := s.boot(); err != nil {
		return nil, err
	}
	if cfg.Interrupts != nil {
		s.sigint = cfg.Interrupts
	} else {
		ch := make(chan os.Signal, 1)
		signal.Notify(ch, os.Interrupt)
		s.sigint = ch
	}
	return s, nil
}

// boot starts a fresh machine: the VM, its library, the shell helpers,
// and the observing tools (ps, mailbox, trace, seq, step…) with the
// stepper that drives the scheduler while the shell waits.
func (s *Session) boot() error {
	opts := vm.Options{Stdout: s.out, Stderr: s.errOut, Clock: s.cfg.Clock}
	if s.m != nil {
		opts.FirstPid = s.m.NextPid() // after a restart, pids go on counting
	}
	s.m = vm.New(opts)
	if err := builtins.Install(s.m); err != nil {
		return err
	}
	// The shell completes and documents every module: compile the whole
	// library now (scripts compile it lazily, module by module).
	if err := s.m.LoadAll(); err != nil {
		return err
	}
	obs := observe.Install(s.m)
	obs.Color = s.cfg.Color
	s.stepper = observe.NewStepper(s.m, s.out, func(p *vm.Process) bool { return p == s.shell }, s.cfg.Color)
	obs.AttachStepper(s.stepper)
	s.installHelpers()
	s.refreshCompletions()
	return nil
}

// restartMachine is :init.restart/0 at the prompt: every process stops,
// every mailbox is lost (and counted), and the system comes back with a
// fresh shell; files on disk remain.
func (s *Session) restartMachine() {
	lost := s.m.StopAll()
	s.print.Error(lost.String(), "")
	if err := s.boot(); err != nil {
		io.WriteString(s.errOut, "goiex: "+err.Error()+"\n")
		return
	}
	s.print.Banner(s.cfg.Version, false, s.cfg.Clock.Virtual())
	s.startShell()
}

func (s *Session) loop() int {
	s.print.Banner(s.cfg.Version, s.cfg.Terminal, s.cfg.Clock.Virtual())
	s.startShell()
	return s.serve()
}

// serve reads and evaluates inputs until input ends, System.halt/1 is
// called or the host quits, and returns the exit status.
func (s *Session) serve() int {
	for !s.halted() && !s.quit {
		src, ok := s.readInput()
		if !ok {
			break
		}
		if src != nil {
			s.evaluate(src)
		}
	}
	s.m.FlushLog()
	if code, ok := s.m.HaltRequested(); ok {
		return code
	}
	return 0
}

// say writes prompts and echoed input: like the rest of the output it
// can be muted, but it is never recorded as what an input printed.
func (s *Session) say(text string) {
	if !s.tap.mute {
		io.WriteString(s.out.(*tapWriter).w, text)
	}
}

// halted reports whether System.halt/0,1 was called: the session ends.
func (s *Session) halted() bool {
	_, ok := s.m.HaltRequested()
	return ok
}

// flushOutput pushes buffered output out before the session waits
// (for input, or for a timer on the real clock).
func (s *Session) flushOutput() {
	for _, w := range []io.Writer{s.cfg.Out, s.cfg.Err} {
		if f, ok := w.(interface{ Flush() error }); ok {
			f.Flush()
		}
	}
}

// startShell starts a new shell process: counter back to 1, bindings
// and results gone, as when iex restarts its evaluator.
func (s *Session) startShell() {
	s.shell = s.m.SpawnEvaluator()
	s.counter = 1
	s.names, s.values = nil, nil
	s.env = compile.Env{}
	clear(s.results)
}

// shellDied reports the end of the shell process as iex does and starts
// another one.
func (s *Session) shellDied() {
	s.print.ShellExited(s.shell.Pid(), s.shell.ExitReasonTerm())
	s.print.Banner(s.cfg.Version, false, s.cfg.Clock.Virtual())
	s.startShell()
}
