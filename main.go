// Command goiex is a shell for learning how Elixir processes and
// mailboxes behave: it runs Elixir on its own process VM.
//
// This file owns the command line, and is the only place that touches
// os.Stdin, os.Stdout and os.Stderr.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"runtime/pprof"
	"strings"

	"github.com/mattn/go-isatty"

	"goiex/builtins"
	"goiex/observe"
	"goiex/repl"
	"goiex/vm"
	"goiex/vm/compile"
	"goiex/vm/syntax"
	"goiex/vm/term"
)

// Version is goiex's version.
const Version = "0.1.0"

const usage = `goiex %s: Elixir processes and mailboxes, on a VM you can see into.

Usage:
  goiex [shell options]                       the interactive shell, like iex
  goiex run [--clock=real|virtual] FILE.exs   run a script, like elixir FILE.exs
  goiex lessons                               the lessons, and how far you got
  goiex lesson NUMBER|NAME|FILE.md            walk through a lesson in the shell
  goiex lesson --check [-v] [NUMBER|NAME|FILE.md…]
                                              run lessons without a learner (all
                                              by default): outputs and checks
  goiex --version                             print the version
  goiex --help                                this help

Options of run:
  --clock=real      timers follow the wall clock (default)
  --clock=virtual   time jumps to the next timer whenever every process
                    waits: Process.sleep(5000) costs no wall time

Exit status of run: 0 on success, 1 on an uncaught error.

Options of the shell:
  --color=auto      colour results and errors when stdout is a terminal
                    and NO_COLOR is not set (default); always; never
  --clock=real      timers follow the wall clock (default)
  --clock=virtual   time moves only while an input is evaluated, jumping
                    to the next timer whenever every process waits
  --echo            print each input line after its prompt (the default
                    when stdin is not a terminal: goiex < session.iex
                    gives a transcript); --echo=false prints prompts only,
                    as iex does
`

func main() {
	// GOIEX_CPUPROFILE=file writes a CPU profile (for goiex developers).
	if path := os.Getenv("GOIEX_CPUPROFILE"); path != "" {
		if f, err := os.Create(path); err == nil {
			pprof.StartCPUProfile(f)
			code := realMain(os.Args[1:], os.Stdout, os.Stderr)
			pprof.StopCPUProfile()
			os.Exit(code)
		}
	}
	os.Exit(realMain(os.Args[1:], os.Stdout, os.Stderr))
}

func realMain(args []string, stdout, stderr io.Writer) int {
	// The VM's heap is mostly long-lived process state; collecting less
	// often trades some memory for much less time scanning it.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if len(args) == 0 || strings.HasPrefix(args[0], "--") && !isCommandFlag(args[0]) {
		return shellCommand(args, stdout, stderr)
	}
	switch args[0] {
	case "--version", "-v", "version":
		fmt.Fprintf(stdout, "goiex %s\n", Version)
		return 0
	case "--help", "-h", "help":
		fmt.Fprintf(stdout, usage, Version)
		return 0
	case "run":
		return runCommand(args[1:], stdout, stderr)
	case "lessons":
		return lessonsCommand(args[1:], stdout, stderr)
	case "lesson":
		return lessonCommand(args[1:], stdout, stderr)
	}
	fmt.Fprintf(stderr, "goiex: unknown command %q\n\n"+usage, args[0], Version)
	return 2
}

func runCommand(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	fs.SetOutput(stderr)
	clock := fs.String("clock", "real", "real or virtual")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "goiex run: expected one script file")
		return 2
	}
	file := fs.Arg(0)
	src, err := os.ReadFile(file)
	if err != nil {
		fmt.Fprintf(stderr, "** (File.Error) could not read file %q: %s\n", file, errText(err))
		return 1
	}
	out := bufio.NewWriterSize(stdout, 64<<10)
	errw := bufio.NewWriter(stderr)
	defer out.Flush()
	defer errw.Flush()
	var c vm.Clock
	switch *clock {
	case "real":
		c = flushingClock{vm.NewRealClock(), out, errw}
	case "virtual":
		c = vm.NewVirtualClock()
	default:
		fmt.Fprintf(stderr, "goiex run: --clock must be real or virtual, not %q\n", *clock)
		return 2
	}
	return runScript(file, src, vm.Options{Stdout: out, Stderr: errw, Clock: c})
}

// errText words a file error as Elixir does.
func errText(err error) string {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return "no such file or directory"
	case errors.Is(err, os.ErrPermission):
		return "permission denied"
	}
	return err.Error()
}

// runScript compiles and runs a script in a fresh VM; the script ends
// when its main process does, as with `elixir FILE.exs`. After
// :init.restart/0 the script runs again from the start on a fresh VM, as
// the BEAM's restart re-runs the command line.
func runScript(file string, src []byte, opts vm.Options) int {
	for {
		code, restart := runScriptOnce(file, src, opts)
		if !restart {
			return code
		}
	}
}

func runScriptOnce(file string, src []byte, opts vm.Options) (int, bool) {
	machine := vm.New(opts)
	if err := builtins.Install(machine); err != nil {
		fmt.Fprintf(opts.Stderr, "goiex: loading the library failed: %v\n", err)
		return 1, false
	}
	observe.Install(machine)
	code, err := machine.Compile(file, src)
	if err != nil {
		reportCompileError(opts.Stderr, err)
		return 1, false
	}
	main := machine.SpawnCode(code, nil)
	main.SetQuiet()
	err = machine.RunUntilExit(main)
	switch err {
	case vm.ErrRestart:
		machine.FlushLog()
		lost := machine.StopAll()
		fmt.Fprintln(opts.Stderr, lost.String())
		return 0, true
	case vm.ErrHalt:
		machine.FlushLog()
		status, _ := machine.HaltRequested()
		return status, false
	}
	if err != nil {
		machine.FlushLog()
		fmt.Fprintf(opts.Stderr, "** (goiex) deadlock: the script's main process %s waits in receive forever: no other process can run and no timer is pending\n", inspectPid(main))
		return 1, false
	}
	if exc := main.ExitError(); exc != nil {
		machine.FlushLog()
		fmt.Fprintf(opts.Stderr, "%s\n%s", exc.Banner(), vm.FormatStacktrace(exc))
		return 1, false
	}
	if reason := main.ExitReasonTerm(); reason != term.Normal {
		// Killed by an exit signal (a linked process died): the reports
		// still queued are lost, as when the BEAM halts.
		machine.DropLog()
		fmt.Fprintf(opts.Stderr, "** (EXIT from %s) %s\n\n", inspectPid(main), vm.FormatExit(reason, "\n    "))
		return 1, false
	}
	machine.FlushLog()
	return 0, false
}

func reportCompileError(w io.Writer, err error) {
	var se *syntax.Error
	var ce *compile.Error
	switch {
	case errors.As(err, &se):
		fmt.Fprintln(w, se.Format())
	case errors.As(err, &ce):
		fmt.Fprintf(w, "** (CompileError) %s\n", ce.Error())
	default:
		fmt.Fprintf(w, "** %v\n", err)
	}
}

// flushingClock is the real clock, flushing output before it sleeps so
// that a script's output appears as it happens.
type flushingClock struct {
	vm.Clock
	out, err *bufio.Writer
}

func (c flushingClock) WaitUntil(t int64) {
	c.out.Flush()
	c.err.Flush()
	c.Clock.WaitUntil(t)
}

func inspectPid(p *vm.Process) string { return term.Inspect(p.Pid()) }

// isCommandFlag tells the flags that are commands (--help) from the
// shell's options (--color=never).
func isCommandFlag(arg string) bool {
	switch arg {
	case "--version", "--help":
		return true
	}
	return false
}

// colorSetting reads --color: always, never, or auto (on when stdout is
// a terminal and NO_COLOR is not set).
func colorSetting(mode string, stderr io.Writer) (color, ok bool) {
	switch mode {
	case "always":
		return true, true
	case "never":
		return false, true
	case "auto":
		_, noColor := os.LookupEnv("NO_COLOR")
		return !noColor && isatty.IsTerminal(os.Stdout.Fd()), true
	}
	fmt.Fprintf(stderr, "goiex: --color must be auto, always or never, not %q\n", mode)
	return false, false
}

// shellCommand starts the interactive shell. On a terminal it uses the
// line editor and keeps history in ~/.goiex_history; otherwise it reads
// lines plainly and, unless --echo=false, echoes them for a transcript.
func shellCommand(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("goiex", flag.ContinueOnError)
	fs.SetOutput(stderr)
	colorMode := fs.String("color", "auto", "auto, always or never")
	clock := fs.String("clock", "real", "real or virtual")
	terminal := isatty.IsTerminal(os.Stdin.Fd()) && isatty.IsTerminal(os.Stdout.Fd())
	echo := fs.Bool("echo", !terminal, "print each input line after its prompt")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 0 {
		fmt.Fprintf(stderr, "goiex: unexpected argument %q\n\n"+usage, fs.Arg(0), Version)
		return 2
	}
	var c vm.Clock
	switch *clock {
	case "real":
		c = vm.NewRealClock()
	case "virtual":
		c = vm.NewVirtualClock()
	default:
		fmt.Fprintf(stderr, "goiex: --clock must be real or virtual, not %q\n", *clock)
		return 2
	}
	color, ok := colorSetting(*colorMode, stderr)
	if !ok {
		return 2
	}
	cfg := repl.Config{
		In: os.Stdin, Out: stdout, Err: stderr,
		Terminal: terminal, Echo: *echo, Color: color, Clock: c, Version: Version,
	}
	if terminal {
		if home, err := os.UserHomeDir(); err == nil {
			cfg.HistoryFile = filepath.Join(home, ".goiex_history")
		}
	}
	if !terminal {
		// Output to a pipe is buffered; the session flushes it whenever
		// it waits for input.
		out := bufio.NewWriterSize(stdout, 64<<10)
		errw := bufio.NewWriter(stderr)
		defer out.Flush()
		defer errw.Flush()
		cfg.Out, cfg.Err = out, errw
	}
	return repl.Run(cfg)
}
