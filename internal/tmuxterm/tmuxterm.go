// Package tmuxterm runs the goiex binary in a real terminal for the
// end-to-end tests of the shell and of the lesson runner. tmux is a full
// terminal emulator, so what it captures is what a learner would see
// (prompt redraws, output above the prompt, ^C); tests wait for text to
// appear (polling with a deadline), never for a fixed time, and skip
// when tmux is not installed. It owns nothing of goiex itself.
package tmuxterm

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// Binary builds goiex once for the whole test binary. Tests run in their
// package's directory, one level below the module root.
func Binary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "goiex-tmux-")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "goiex")
		build := exec.Command("go", "build", "-o", binPath, "goiex")
		build.Dir = ".."
		if out, err := build.CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

// Screen is one tmux session running a command.
type Screen struct {
	t    *testing.T
	Name string
}

// Start runs command (a shell command line) in a new terminal 100
// columns wide and 40 lines high, kept until the test ends.
func Start(t *testing.T, command string) *Screen {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	name := fmt.Sprintf("goiex-test-%d-%s", os.Getpid(), strings.ReplaceAll(t.Name(), "/", "-"))
	if out, err := exec.Command("tmux", "new-session", "-d", "-s", name, "-x", "100", "-y", "40", command).CombinedOutput(); err != nil {
		t.Fatalf("tmux new-session: %v\n%s", err, out)
	}
	// History() reads everything the pane showed: keep it all.
	exec.Command("tmux", "set-option", "-t", name, "history-limit", "50000").Run()
	t.Cleanup(func() { exec.Command("tmux", "kill-session", "-t", name).Run() })
	return &Screen{t: t, Name: name}
}

// Keys sends tmux key names, or literal text after "-l".
func (s *Screen) Keys(keys ...string) {
	s.t.Helper()
	args := append([]string{"send-keys", "-t", s.Name}, keys...)
	if out, err := exec.Command("tmux", args...).CombinedOutput(); err != nil {
		s.t.Fatalf("tmux send-keys: %v\n%s", err, out)
	}
}

// TypeLine types text literally, then Enter.
func (s *Screen) TypeLine(text string) {
	s.t.Helper()
	if text != "" {
		s.Keys("-l", text)
	}
	s.Keys("Enter")
}

// Visible is what the terminal shows now.
func (s *Screen) Visible() string { return s.capture("-p") }

// History is everything the pane showed, scrolled-off lines included.
func (s *Screen) History() string { return s.capture("-p", "-J", "-S", "-") }

func (s *Screen) capture(args ...string) string {
	out, err := exec.Command("tmux", append(append([]string{"capture-pane"}, args...), "-t", s.Name)...).Output()
	if err != nil {
		return ""
	}
	return string(out)
}

// Running reports whether the session (so the command) still runs.
func (s *Screen) Running() bool {
	return exec.Command("tmux", "has-session", "-t", s.Name).Run() == nil
}

// WaitVisible waits until the terminal shows want.
func (s *Screen) WaitVisible(want string) string {
	s.t.Helper()
	return s.wait(s.Visible, func(got string) bool { return strings.Contains(got, want) },
		fmt.Sprintf("%q", want), 30*time.Second) // generous: CI machines are busy
}

// WaitHistory waits until the pane has shown want, count times in all.
func (s *Screen) WaitHistory(want string, count int, timeout time.Duration) string {
	s.t.Helper()
	return s.wait(s.History, func(got string) bool { return strings.Count(got, want) >= count },
		fmt.Sprintf("%q (%d times)", want, count), timeout)
}

func (s *Screen) wait(read func() string, done func(string) bool, what string, timeout time.Duration) string {
	s.t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		got := read()
		if done(got) {
			return got
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("the terminal never showed %s; it shows:\n%s", what, got)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
