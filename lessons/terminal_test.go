package lessons_test

// End-to-end walks through lessons on a real terminal: the goiex binary
// runs `goiex lesson …` inside tmux (a full terminal emulator, as in
// repl/terminal_test.go), and the test types what a learner would,
// waiting for text to appear on screen (polling with a deadline), never
// for a fixed time. They skip when tmux is not installed.

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"goiex/internal/tmuxterm"
	"goiex/lessons"
)

// screen is `goiex lesson` running in tmux, with its progress file.
type screen struct {
	*tmuxterm.Screen
	t      *testing.T
	config string // GOIEX_CONFIG_DIR
}

// startLesson runs `goiex lesson --color=never ARG` in a terminal and
// waits for its first prompt.
func startLesson(t *testing.T, arg string) *screen {
	t.Helper()
	home := t.TempDir()
	config := filepath.Join(home, "config")
	// The pane stays after goiex exits, so that its last words can be
	// read; the line after them says it exited.
	cmd := fmt.Sprintf("HOME=%s %s=%s %s lesson --color=never %s; echo '[goiex exited]' $?; sleep 600",
		home, lessons.ConfigDirEnv, config, tmuxterm.Binary(t), arg)
	s := &screen{Screen: tmuxterm.Start(t, cmd), t: t, config: config}
	s.waitFor("iex(1)>")
	return s
}

func (s *screen) keys(keys ...string)  { s.t.Helper(); s.Keys(keys...) }
func (s *screen) typeLine(text string) { s.t.Helper(); s.TypeLine(text) }
func (s *screen) text() string         { return s.History() }
func (s *screen) waitForN(want string, count int, timeout time.Duration) string {
	s.t.Helper()
	return s.WaitHistory(want, count, timeout)
}
func (s *screen) waitFor(want string) string { return s.waitForN(want, 1, 10*time.Second) }

// waitExit waits for goiex to end with status 0.
func (s *screen) waitExit() {
	s.t.Helper()
	s.waitFor("[goiex exited] 0")
}

func (s *screen) progress() map[string]lessons.Place {
	s.t.Helper()
	data, err := os.ReadFile(filepath.Join(s.config, "progress.json"))
	if err != nil {
		s.t.Fatal(err)
	}
	var p struct{ Lessons map[string]lessons.Place }
	if err := json.Unmarshal(data, &p); err != nil {
		s.t.Fatal(err)
	}
	return p.Lessons
}

// TestTerminalWalk walks the test lesson with every command: code typed,
// a failing check (its hint), the fix, next (✓), show, skip, back,
// reset, quit.
func TestTerminalWalk(t *testing.T) {
	t.Parallel()
	s := startLesson(t, "testdata/01-mailbox.md")
	s.waitFor("## Step 1 of 4: Send yourself two messages")
	s.typeLine("send(self(), {:hello, 1})")
	s.waitFor("iex(2)>")
	s.typeLine("")
	s.waitFor("✗ Not yet. Send two messages to self(), the shell's own pid.")
	s.typeLine("send(self(), {:hello, 2})")
	s.waitFor("iex(3)>")
	s.typeLine("next")
	s.waitFor("✓ Step 1: Send yourself two messages")
	s.waitFor("## Step 2 of 4: A process that finishes")
	s.typeLine("show")
	s.waitFor("iex(3)> show\n    pid = spawn(fn -> :done end)")
	s.typeLine("skip")
	s.waitFor("## Step 3 of 4: Your turn: a waiting process")
	s.typeLine("back")
	s.waitForN("## Step 2 of 4: A process that finishes", 2, 10*time.Second)
	s.typeLine("pid = spawn(fn -> :done end)")
	s.waitFor("iex(4)>")
	s.typeLine("reset")
	s.waitFor("A fresh machine; the code of step 1 ran again.")
	// The fresh machine forgot pid, but step 1's messages were sent again.
	s.typeLine("flush()")
	got := s.waitFor("iex(4)>")
	if !strings.Contains(got, "flush()\n{:hello, 1}\n{:hello, 2}\n:ok") {
		t.Errorf("after reset, flush should show step 1's messages:\n%s", got)
	}
	s.typeLine("quit")
	s.waitExit()
	if got, want := s.progress()[mustAbs(t, "testdata/01-mailbox.md")], (lessons.Place{Step: 2, Steps: 4}); got != want {
		t.Errorf("progress: got %+v, want %+v", got, want)
	}
}

func mustAbs(t *testing.T, path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

// walkWhole walks a whole built-in lesson by typing each step's code
// (its solution for an exercise) and next, as a learner who gets every
// step right would, on the real clock.
func walkWhole(t *testing.T, number int) {
	l, err := lessons.Find(fmt.Sprint(number))
	if err != nil {
		t.Skipf("lesson %d: %v", number, err)
	}
	t.Parallel()
	// Lessons that keep files use fixed paths under /tmp (simple for a
	// learner to read); this walk gets its own copy with its own paths, so
	// it cannot collide with --check running the same lesson meanwhile.
	src, err := os.ReadFile(l.Name + ".md")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	copyPath := filepath.Join(dir, l.Name+".md")
	private := strings.ReplaceAll(string(src), "/tmp/goiex-lesson-", filepath.Join(dir, "goiex-lesson-"))
	if err := os.WriteFile(copyPath, []byte(private), 0o644); err != nil {
		t.Fatal(err)
	}
	if l, err = lessons.Load(copyPath); err != nil {
		t.Fatal(err)
	}
	s := startLesson(t, copyPath)
	for i, st := range l.Steps {
		header := fmt.Sprintf("## Step %d of %d: %s", i+1, len(l.Steps), st.Title)
		s.waitFor(header)
		for _, line := range strings.Split(strings.TrimSuffix(st.Code(), "\n"), "\n") {
			s.typeLine(line)
		}
		s.typeLine("next")
		if len(st.Checks) > 0 {
			s.waitForN(fmt.Sprintf("✓ Step %d: %s", i+1, st.Title), 1, 30*time.Second)
		}
	}
	s.waitForN("✓ Lesson complete: "+l.Title, 1, 30*time.Second)
	s.waitExit()
	if got := s.progress()[copyPath]; !got.Done {
		t.Errorf("progress after the last step: %+v, want done", got)
	}
}

func TestTerminalWalkLesson3(t *testing.T)  { walkWhole(t, 3) }
func TestTerminalWalkLesson13(t *testing.T) { walkWhole(t, 13) }

// TestTerminalResetDoesNotWait resets after a step that sleeps a minute
// and then waits forever: the replay jumps the sleep and gives up the
// receive, where a learner would have waited and pressed Ctrl-C.
func TestTerminalResetDoesNotWait(t *testing.T) {
	t.Parallel()
	s := startLesson(t, "testdata/03-replay.md")
	s.typeLine("skip")
	s.waitFor("## Step 2 of 2: After it")
	s.typeLine("reset")
	s.waitFor("A fresh machine; the code of step 1 ran again.")
	s.typeLine(":still_here")
	s.waitFor("iex(2)> :still_here\n:still_here")
}
