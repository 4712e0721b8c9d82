package lessons

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"goiex/repl"
	"goiex/vm"
)

// walkPiped walks a lesson with the learner's lines piped in (no
// terminal: the tmux tests in goiex's main package do that) and returns
// what was printed.
func walkPiped(t *testing.T, l *Lesson, progress *Progress, input string) string {
	t.Helper()
	var out strings.Builder
	code := Walk(l, WalkOptions{
		Shell: repl.Config{In: strings.NewReader(input), Out: &out, Err: &out, Echo: true,
			Clock: vm.NewVirtualClock(), Version: "test", Interrupts: make(chan os.Signal)},
		Progress: progress,
	})
	if code != 0 {
		t.Errorf("exit status %d", code)
	}
	return out.String()
}

func TestWalk(t *testing.T) {
	l := loadTestdata(t, "01-mailbox.md")
	p, _ := LoadProgress(filepath.Join(t.TempDir(), "progress.json"))
	got := walkPiped(t, l, p, strings.Join([]string{
		"send(self(), {:hello, 1})",
		"",                          // a check fails: the hint
		"send(self(), {:hello, 2})", //
		"next",                      // ✓, step 2
		"show",
		"skip", // step 3
		"back", // step 2 again
		"reset",
		"Process.alive?(pid)", // a fresh machine: pid is gone
		"flush()",             // but step 1's messages were sent again
		"quit",
		":never_read",
	}, "\n")+"\n")
	for _, want := range []string{
		"# A mailbox to look into\n\nA tiny lesson",
		"## Step 1 of 4: Send yourself two messages\n\nEvery process has a mailbox, the shell's too. Send it two messages:\n\n    send(self(), {:hello, 1})\n",
		"iex(2)> \n✗ Not yet. Send two messages to self(), the shell's own pid.\n",
		"iex(3)> next\n✓ Step 1: Send yourself two messages\n\n## Step 2 of 4: A process that finishes\n",
		"iex(3)> show\n    pid = spawn(fn -> :done end)\n",
		"iex(3)> skip\nSkipped.\n\n## Step 3 of 4: Your turn: a waiting process\n\nSpawn a process",
		"iex(3)> back\n\n## Step 2 of 4: A process that finishes\n",
		"iex(3)> reset\nA fresh machine; the code of step 1 ran again.\n",
		"Process.alive?(pid)\n** (CompileError) iex:3: undefined function pid/0",
		"flush()\n{:hello, 1}\n{:hello, 2}\n:ok\n",
		"quit\nYour place is kept: goiex lesson testdata/01-mailbox.md resumes at step 2.\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("walk lacks\n%s\nit printed:\n%s", want, got)
		}
	}
	if strings.Contains(got, "solution") || strings.Contains(got, ":never_read") {
		t.Errorf("a solution was shown, or input after quit was read:\n%s", got)
	}
	// The place was saved, and a new walk resumes there.
	p2, err := LoadProgress(p.path)
	if err != nil {
		t.Fatal(err)
	}
	if got := p2.Status(l); got != "in progress (step 2 of 4)" {
		t.Errorf("status after quit: %q", got)
	}
	got = walkPiped(t, l, p2, "pid = spawn(fn -> :done end)\n\nshow\n")
	for _, want := range []string{
		"Welcome back: resuming at step 2 of 4",
		"iex(3)> pid = spawn(fn -> :done end)\n#PID<0.101.0>\niex(4)> \n✓ Step 2: A process that finishes\n",
		"iex(4)> show\nA solution:\n    waiter = spawn(fn -> receive do :go -> :ok end end)\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("resumed walk lacks\n%s\nit printed:\n%s", want, got)
		}
	}
}

func TestWalkToTheEnd(t *testing.T) {
	l := loadTestdata(t, "01-mailbox.md")
	p, _ := LoadProgress(filepath.Join(t.TempDir(), "progress.json"))
	var in strings.Builder
	for _, st := range l.Steps {
		in.WriteString(st.Code())
		in.WriteString("next\n")
	}
	in.WriteString(":after_the_end\n")
	got := walkPiped(t, l, p, in.String())
	for i, st := range l.Steps {
		if len(st.Checks) > 0 && !strings.Contains(got, "✓ Step "+string(rune('1'+i))+": "+st.Title) {
			t.Errorf("step %d not passed:\n%s", i+1, got)
		}
	}
	if !strings.Contains(got, "✓ Lesson complete: A mailbox to look into\n") || strings.Contains(got, ":after_the_end") {
		t.Errorf("the walk should end with the lesson:\n%s", got)
	}
	if s := p.Status(l); s != "done" {
		t.Errorf("status: %q, want done", s)
	}
}

func TestProgress(t *testing.T) {
	dir := t.TempDir()
	t.Setenv(ConfigDirEnv, dir)
	path, err := ProgressPath()
	if err != nil || path != filepath.Join(dir, "progress.json") {
		t.Fatalf("ProgressPath: %q, %v", path, err)
	}
	p, err := LoadProgress(path)
	if err != nil {
		t.Fatal(err)
	}
	a := &Lesson{Name: "01-a", Number: 1, Title: "Alpha", Builtin: true, Steps: make([]*Step, 4)}
	b := &Lesson{Name: "02-b", Number: 2, Title: "A longer title", Builtin: true, Steps: make([]*Step, 6)}
	c := &Lesson{Name: "03-c", Number: 3, Title: "C", Builtin: true, Steps: make([]*Step, 2)}
	p.Lessons[key(a)] = Place{Step: 4, Steps: 4, Done: true}
	p.Lessons[key(b)] = Place{Step: 3, Steps: 6}
	if err := p.Save(); err != nil {
		t.Fatal(err)
	}
	p, err = LoadProgress(path)
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	List(&out, []*Lesson{a, b, c}, p)
	want := "  1  Alpha           done\n" +
		"  2  A longer title  in progress (step 3 of 6)\n" +
		"  3  C               not started\n"
	if out.String() != want {
		t.Errorf("got\n%s\nwant\n%s", out.String(), want)
	}
	os.WriteFile(path, []byte("{not json"), 0o644)
	if _, err := LoadProgress(path); err == nil || !strings.Contains(err.Error(), path) {
		t.Errorf("a broken progress file: got %v", err)
	}
}

func TestReplayClockJumpsOnlyWhileReplaying(t *testing.T) {
	real := vm.NewVirtualClock() // stands in for the wall clock
	c := &replayClock{real: real}
	c.fast = true
	c.WaitUntil(5_000_000_000)
	if c.Now() != 5_000_000_000 || real.Now() != 0 || !c.Virtual() {
		t.Errorf("fast: now %d, real %d", c.Now(), real.Now())
	}
	c.fast = false
	c.WaitUntil(6_000_000_000)
	if c.Now() != 6_000_000_000 || real.Now() != 1_000_000_000 || c.Virtual() {
		t.Errorf("after: now %d, real %d (the real clock waits the rest)", c.Now(), real.Now())
	}
}
