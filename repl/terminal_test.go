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
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"goiex/internal/tmuxterm"
)

// screen is the shell running in tmux; its $HOME holds .goiex_history.
type screen struct {
	*tmuxterm.Screen
	t    *testing.T
	home string
}

func startShell(t *testing.T, args ...string) *screen {
	t.Helper()
	dir := t.TempDir()
	cmd := "HOME=" + dir + " " + tmuxterm.Binary(t) + " " + strings.Join(args, " ")
	s := &screen{Screen: tmuxterm.Start(t, cmd), t: t, home: dir}
	s.waitFor("iex(1)>")
	return s
}

func (s *screen) keys(keys ...string)        { s.t.Helper(); s.Keys(keys...) }
func (s *screen) typeLine(text string)       { s.t.Helper(); s.TypeLine(text) }
func (s *screen) text() string               { return s.Visible() }
func (s *screen) waitFor(want string) string { s.t.Helper(); return s.WaitVisible(want) }

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
	for s.Running() {
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
