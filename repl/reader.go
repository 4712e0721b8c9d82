package repl

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/chzyer/readline"
)

// errInterrupt is Ctrl-C pressed at the prompt: the line is dropped.
var errInterrupt = errors.New("interrupted")

// lineResult is one line read, or why there is none (io.EOF,
// errInterrupt).
type lineResult struct {
	line string
	err  error
}

// lineSource reads input lines in its own goroutine, so that the driver
// can keep the VM running while the prompt waits.
type lineSource interface {
	// Request asks for the next line, shown with prompt where the source
	// shows prompts (the line editor). The line arrives on Lines.
	Request(prompt string)
	// SetPrompt changes the prompt of the line being read (the shell
	// restarted while the prompt waited).
	SetPrompt(prompt string)
	Lines() <-chan lineResult
	Close() error
}

// plainReader reads lines from a pipe or file: no editing, no history.
// It reads ahead; a line waits in the channel until the driver takes it.
type plainReader struct {
	lines chan lineResult
}

func newPlainReader(r io.Reader) *plainReader {
	pr := &plainReader{lines: make(chan lineResult, 1)}
	go func() {
		br := bufio.NewReaderSize(r, 64<<10)
		for {
			line, err := br.ReadString('\n')
			if line != "" {
				pr.lines <- lineResult{line: strings.TrimRight(line, "\r\n")}
			}
			if err != nil {
				pr.lines <- lineResult{err: io.EOF}
				return
			}
		}
	}()
	return pr
}

func (pr *plainReader) Request(string)           {}
func (pr *plainReader) SetPrompt(string)         {}
func (pr *plainReader) Lines() <-chan lineResult { return pr.lines }
func (pr *plainReader) Close() error             { return nil }

// terminalReader is the line editor (chzyer/readline): history,
// completion, and output of other processes drawn above the prompt.
type terminalReader struct {
	rl       *readline.Instance
	requests chan string
	lines    chan lineResult
}

func newTerminalReader(cfg Config, complete func(line string, pos int) ([]string, int)) (*terminalReader, error) {
	history := cfg.HistoryFile
	if history != "" {
		if err := checkWritable(history); err != nil {
			fmt.Fprintf(cfg.Err, "goiex: history is off: %s cannot be written (%v)\n", history, err)
			history = ""
		}
	}
	rl, err := readline.NewEx(&readline.Config{
		Prompt:                 "iex(1)> ",
		HistoryFile:            history,
		DisableAutoSaveHistory: false,
		AutoComplete:           completer(complete),
		InterruptPrompt:        "^C",
		EOFPrompt:              "",
		Stdout:                 cfg.Out,
		Stderr:                 cfg.Err,
	})
	if err != nil {
		return nil, err
	}
	tr := &terminalReader{rl: rl, requests: make(chan string), lines: make(chan lineResult, 1)}
	go tr.loop()
	return tr, nil
}

// checkWritable reports whether the history file can be appended to
// (created if missing).
func checkWritable(path string) error {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			return pe.Err
		}
		return err
	}
	return f.Close()
}

func (tr *terminalReader) loop() {
	for prompt := range tr.requests {
		tr.rl.SetPrompt(prompt)
		line, err := tr.rl.Readline()
		switch {
		case errors.Is(err, readline.ErrInterrupt):
			err = errInterrupt
		case err != nil:
			err = io.EOF
		}
		tr.lines <- lineResult{line: line, err: err}
	}
}

func (tr *terminalReader) Request(prompt string) { tr.requests <- prompt }

func (tr *terminalReader) SetPrompt(prompt string) {
	tr.rl.SetPrompt(prompt)
	tr.rl.Refresh()
}

func (tr *terminalReader) Lines() <-chan lineResult { return tr.lines }

func (tr *terminalReader) Close() error {
	close(tr.requests)
	return tr.rl.Close()
}

// Stdout and Stderr write above the prompt while a line is being edited.
func (tr *terminalReader) Stdout() io.Writer { return tr.rl.Stdout() }
func (tr *terminalReader) Stderr() io.Writer { return tr.rl.Stderr() }

// Width is the terminal's width in columns.
func (tr *terminalReader) Width() int { return readline.GetScreenWidth() }

// readLine reads one line of input. cont selects the continuation
// prompt. While the line is awaited, other processes keep running.
func (s *Session) readLine(cont bool) (string, error) {
	prompt := s.prompt(cont)
	if !s.cfg.Terminal && !s.cfg.Echo {
		s.say(prompt)
	}
	s.in.Request(prompt)
	r := s.awaitLine()
	if r.err == nil && !s.cfg.Terminal && s.cfg.Echo {
		s.say(s.prompt(cont) + r.line + "\n")
	}
	return r.line, r.err
}

func (s *Session) prompt(cont bool) string {
	if cont {
		return fmt.Sprintf("...(%d)> ", s.counter)
	}
	return fmt.Sprintf("iex(%d)> ", s.counter)
}

// awaitLine waits for the requested line, running processes and timers
// meanwhile. Under the virtual clock nothing runs while the prompt
// waits: a piped session then gives the same transcript on every run.
func (s *Session) awaitLine() lineResult {
	ch := s.in.Lines()
	s.flushOutput()
	if s.cfg.Clock.Virtual() {
		return <-ch
	}
	for {
		select {
		case r := <-ch:
			return r
		default:
		}
		if !s.stepper.Paused() {
			s.m.RunReady(func() bool { return len(ch) > 0 || s.halted() })
		}
		if s.halted() {
			return lineResult{err: io.EOF}
		}
		if !s.shell.Alive() {
			s.shellDied()
			s.in.SetPrompt(s.prompt(false))
		}
		if len(ch) > 0 || s.m.Runnable() {
			continue
		}
		s.flushOutput()
		var wake <-chan time.Time
		var timer *time.Timer
		if t, ok := s.m.NextTimer(); ok {
			timer = time.NewTimer(time.Duration(t - s.m.Now()))
			wake = timer.C
		}
		var r *lineResult
		select {
		case got := <-ch:
			r = &got
		case <-wake:
		case <-s.sigint:
			// Ctrl-C at a prompt the line editor does not own (a pipe).
			r = &lineResult{err: io.EOF}
		}
		if timer != nil {
			timer.Stop()
		}
		if r != nil {
			return *r
		}
	}
}
