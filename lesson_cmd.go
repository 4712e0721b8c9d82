package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/mattn/go-isatty"

	"goiex/lessons"
	"goiex/repl"
	"goiex/vm"
)

// lessonsCommand is `goiex lessons`: the built-in lessons with the
// learner's progress.
func lessonsCommand(args []string, stdout, stderr io.Writer) int {
	if len(args) != 0 {
		fmt.Fprintln(stderr, "goiex lessons: takes no arguments (goiex lesson N walks one)")
		return 2
	}
	all, err := lessons.All()
	if err != nil {
		fmt.Fprintf(stderr, "goiex: %v\n", err)
	}
	progress := loadProgress(stderr)
	lessons.List(stdout, all, progress)
	fmt.Fprintln(stdout, "\ngoiex lesson N walks through lesson N.")
	return 0
}

func loadProgress(stderr io.Writer) *lessons.Progress {
	path, err := lessons.ProgressPath()
	if err != nil {
		fmt.Fprintf(stderr, "goiex: progress is not saved: %v\n", err)
		path = ""
	}
	p, err := lessons.LoadProgress(path)
	if err != nil {
		fmt.Fprintf(stderr, "goiex: %v\n", err)
	}
	return p
}

// lessonCommand is `goiex lesson NAME` (walk one) and
// `goiex lesson --check [NAME…]` (check them, all by default).
func lessonCommand(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("lesson", flag.ContinueOnError)
	fs.SetOutput(stderr)
	check := fs.Bool("check", false, "run lessons without a learner: outputs and checks")
	verbose := fs.Bool("v", false, "with --check, print each lesson's transcript")
	colorMode := fs.String("color", "auto", "auto, always or never")
	clock := fs.String("clock", "real", "real or virtual (a walk; --check is always virtual)")
	terminal := isatty.IsTerminal(os.Stdin.Fd()) && isatty.IsTerminal(os.Stdout.Fd())
	echo := fs.Bool("echo", !terminal, "print each input line after its prompt")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *check {
		return checkLessons(fs.Args(), *verbose, stdout, stderr)
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "goiex lesson: which lesson? goiex lesson N walks through lesson N:")
		all, _ := lessons.All()
		lessons.List(stderr, all, loadProgress(stderr))
		return 2
	}
	l, err := lessons.Find(fs.Arg(0))
	if err != nil {
		fmt.Fprintf(stderr, "goiex: %v\n", err)
		return 1
	}
	color, ok := colorSetting(*colorMode, stderr)
	if !ok {
		return 2
	}
	var c vm.Clock
	switch *clock {
	case "real":
		c = vm.NewRealClock()
	case "virtual":
		c = vm.NewVirtualClock()
	default:
		fmt.Fprintf(stderr, "goiex lesson: --clock must be real or virtual, not %q\n", *clock)
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
	} else {
		out := bufio.NewWriterSize(stdout, 64<<10)
		errw := bufio.NewWriter(stderr)
		defer out.Flush()
		defer errw.Flush()
		cfg.Out, cfg.Err = out, errw
	}
	return lessons.Walk(l, lessons.WalkOptions{Shell: cfg, Progress: loadProgress(stderr)})
}

func checkLessons(names []string, verbose bool, stdout, stderr io.Writer) int {
	var ls []*lessons.Lesson
	var errs []error
	if len(names) == 0 {
		all, _ := lessons.All()
		for _, l := range all {
			names = append(names, l.Name)
		}
	}
	for _, name := range names {
		l, err := lessons.Find(name)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		ls = append(ls, l)
	}
	if lessons.CheckAll(stdout, ls, errs, verbose, lessons.CheckOptions{Version: Version}) > 0 {
		return 1
	}
	return 0
}
