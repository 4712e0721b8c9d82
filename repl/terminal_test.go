package repl_test

// End-to-end tests of the interactive shell on a real terminal: the
// goiex binary runs inside tmux, which is a full terminal emulator, so
// what capture-pane returns is what a learner would see on screen
// (prompt redraws, output above the prompt, ^C). tmux rather than a Go
// pty library: no new dependency, and the screen is rendered, not a raw
// byte stream we would have to interpret. The tests skip when tmux is
// not installed. They wait for text to appear on screen (polling with a
// deadline), never for a fixed time.

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

type screen struct {
	t    *testing.T
	name string
	home string // the shell's $HOME, holding .goiex_history
}

func startShell(t *testing.T, args ...string) *screen {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "goiex")
	build := exec.Command("go", "build", "-o", bin, "goiex")
	build.Dir = ".."
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	name := fmt.Sprintf("goiex-test-%d-%s", os.Getpid(), strings.ReplaceAll(t.Name(), "/", "-"))
	cmd := "HOME=" + dir + " " + bin + " " + strings.Join(args, " ")
	if out, err := exec.Command("tmux", "new-session", "-d", "-s", name, "-x", "100", "-y", "40", cmd).CombinedOutput(); err != nil {
		t.Fatalf("tmux new-session: %v\n%s", err, out)
	}
	s := &screen{t: t, name: name, home: dir}
	t.Cleanup(func() { exec.Command("tmux", "kill-session", "-t", name).Run() })
	s.waitFor("iex(1)>")
	return s
}

func (s *screen) keys(keys ...string) {
	s.t.Helper()
	args := append([]string{"send-keys", "-t", s.name}, keys...)
	if out, err := exec.Command("tmux", args...).CombinedOutput(); err != nil {
		s.t.Fatalf("tmux send-keys: %v\n%s", err, out)
	}
}

// typeLine types text literally, then Enter.
func (s *screen) typeLine(text string) {
	s.t.Helper()
	s.keys("-l", text)
	s.keys("Enter")
}

func (s *screen) text() string {
	out, err := exec.Command("tmux", "capture-pane", "-p", "-t", s.name).Output()
	if err != nil {
		return ""
	}
	return string(out)
}

// waitFor waits until the screen contains want.
func (s *screen) waitFor(want string) string {
	s.t.Helper()
	deadline := time.Now().Add(30 * time.Second) // generous: CI machines are busy
	for {
		got := s.text()
		if strings.Contains(got, want) {
			return got
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("screen never showed %q; it shows:\n%s", want, got)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestTerminalPromptsAndResults(t *testing.T) {
	t.Parallel()
	s := startShell(t, "--color=never")
	s.waitFor("Interactive goiex")
	s.typeLine("x = 1 +")
	s.waitFor("...(1)>")
	s.typeLine("2")
	s.waitFor("iex(2)>")
	s.typeLine("x * 10")
	got := s.waitFor("iex(3)>")
	if !strings.Contains(got, "...(1)> 2\n3\n") || !strings.Contains(got, "iex(2)> x * 10\n30\n") {
		t.Errorf("results: got screen\n%s", got)
	}
}

func TestTerminalCtrlCInterruptsReceive(t *testing.T) {
	t.Parallel()
	s := startShell(t, "--color=never")
	s.typeLine("receive do")
	s.typeLine("  :never -> :ok")
	s.typeLine("end")
	s.waitFor("...(1)> end")
	// The shell is stuck in receive: nothing will ever arrive, and it
	// says so at once.
	s.waitFor("all processes are waiting; nothing can ever send you a message — press Ctrl-C")
	s.keys("C-c")
	s.waitFor("** (EXIT) interrupted")
	s.waitFor("iex(1)>")
	s.typeLine("self() == self()")
	s.waitFor("true")
}

func TestTerminalCtrlCAtPromptClearsLine(t *testing.T) {
	t.Parallel()
	s := startShell(t, "--color=never")
	s.keys("-l", "this is not elixir")
	s.waitFor("this is not elixir")
	s.keys("C-c")
	s.typeLine(":fine")
	got := s.waitFor("iex(2)>")
	if strings.Contains(got, "SyntaxError") {
		t.Errorf("the cleared line was evaluated:\n%s", got)
	}
}

func TestTerminalBackgroundOutputAbovePrompt(t *testing.T) {
	t.Parallel()
	s := startShell(t, "--color=never")
	s.typeLine(`spawn(fn -> Enum.each(1..3, fn i -> Process.sleep(300); IO.puts("tick #{i}") end) end)`)
	s.waitFor("iex(2)>")
	s.keys("-l", "half typed")
	got := s.waitFor("tick 3")
	lines := strings.Split(strings.TrimRight(got, "\n"), "\n")
	last := lines[len(lines)-1]
	if last != "iex(2)> half typed" {
		t.Errorf("the line being typed should stay last and whole; screen:\n%s", got)
	}
	if strings.Index(got, "tick 1") > strings.Index(got, "iex(2)> half typed") {
		t.Errorf("background output should appear above the prompt; screen:\n%s", got)
	}
}

func TestTerminalCompletion(t *testing.T) {
	t.Parallel()
	s := startShell(t, "--color=never")
	s.keys("-l", "Process.ali")
	s.keys("Tab")
	s.waitFor("Process.alive?")
	s.keys("-l", "(self())")
	s.keys("Enter")
	s.waitFor("true")
	s.typeLine("my_var = 5")
	s.waitFor("iex(3)>")
	s.keys("-l", "my_v")
	s.keys("Tab")
	s.waitFor("iex(3)> my_var")
}

func TestTerminalCtrlDExitsAndKeepsHistory(t *testing.T) {
	t.Parallel()
	s := startShell(t, "--color=never")
	s.typeLine(":remember_me")
	s.waitFor("iex(2)>")
	s.keys("C-d")
	deadline := time.Now().Add(30 * time.Second) // generous: CI machines are busy
	for exec.Command("tmux", "has-session", "-t", s.name).Run() == nil {
		if time.Now().After(deadline) {
			t.Fatalf("goiex did not exit on Ctrl-D; screen:\n%s", s.text())
		}
		time.Sleep(20 * time.Millisecond)
	}
	data, err := os.ReadFile(filepath.Join(s.home, ".goiex_history"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), ":remember_me") {
		t.Errorf("history: got %q", data)
	}
}
