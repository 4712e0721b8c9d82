package golden

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Tests of what survives the goiex OS process (issue 5): programs in
// testdata/durable_*.exs run by the binary TestMain built, in a scratch
// directory of their own (their :dets files are relative paths), twice
// or killed in the middle. They are not golden scripts because one run
// cannot show it.

// runIn runs the goiex binary on a testdata script with dir as its
// working directory, and returns stdout; stderr goes in the failure.
func runIn(t *testing.T, dir, script string) string {
	t.Helper()
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	cmd := exec.Command(goiexBin, "run", filepath.Join(moduleRoot, "golden", "testdata", script))
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("goiex run %s: %v\nstdout:\n%s\nstderr:\n%s", script, err, stdout.String(), stderr.String())
	}
	return stdout.String()
}

// TestDurableRestart runs the same program twice: the counter's state
// and the job that was taken but never acked are there for the second
// run. The expectations follow from the program (four bumps a run; a
// job pulled without ack is delivered again), not from Elixir, which has
// no DurableQueue.
func TestDurableRestart(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	runs := []string{
		"counter restored: 0\n" +
			"counter now: 4\n" +
			"jobs waiting from before: []\n" +
			"took job 1 and stopped before ack\n",
		"counter restored: 4\n" +
			"counter now: 8\n" +
			"jobs waiting from before: [{1, {:resize, \"cat.png\"}}]\n" +
			"redelivered job 1: {:resize, \"cat.png\"}\n",
		"counter restored: 8\n" +
			"counter now: 12\n" +
			"jobs waiting from before: []\n" +
			"took job 2 and stopped before ack\n",
	}
	for i, want := range runs {
		if got := runIn(t, dir, "durable_restart.exs"); got != want {
			t.Errorf("run %d: got\n%s\nwant\n%s", i+1, got, want)
		}
	}
}

// TestDurableQueueSurvivesSIGKILL kills goiex with SIGKILL in the middle
// of a burst of pushes and checks that every push that had returned (its
// id printed) is in the file when the queue is opened again. That is the
// promise of DurableQueue.push/2, resting on :dets.insert returning only
// after bbolt's commit (and fsync).
func TestDurableQueueSurvivesSIGKILL(t *testing.T) {
	t.Parallel()
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	dir := t.TempDir()
	for round := 1; round <= 3; round++ {
		cmd := exec.Command(goiexBin, "run", filepath.Join(moduleRoot, "golden", "testdata", "durable_kill_push.exs"))
		cmd.Dir = dir
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Read acknowledgements until a few hundred have come, then kill
		// without warning: no exit hook, no close, no flush.
		acked := map[string]bool{}
		lines := bufio.NewScanner(out)
		deadline := time.Now().Add(20 * time.Second)
		for len(acked) < 200 && time.Now().Before(deadline) && lines.Scan() {
			if id, ok := strings.CutPrefix(lines.Text(), "acked "); ok {
				acked[id] = true
			}
		}
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		// Lines already written before the kill are acknowledgements too.
		for lines.Scan() {
			if id, ok := strings.CutPrefix(lines.Text(), "acked "); ok {
				acked[id] = true
			}
		}
		cmd.Wait()
		if len(acked) < 200 {
			t.Fatalf("round %d: only %d pushes acknowledged before the deadline; stderr:\n%s", round, len(acked), stderr.String())
		}
		check := runIn(t, dir, "durable_kill_check.exs")
		if !strings.HasSuffix(check, "done\n") {
			t.Fatalf("round %d: the check did not finish:\n%s", round, check)
		}
		pending := map[string]bool{}
		for _, l := range strings.Split(check, "\n") {
			if id, ok := strings.CutPrefix(l, "pending "); ok {
				pending[id] = true
			}
		}
		for id := range acked {
			if !pending[id] {
				t.Errorf("round %d: job %s was acknowledged but is not in the file after SIGKILL", round, id)
			}
		}
		t.Logf("round %d: %d acknowledged, %d on disk after SIGKILL", round, len(acked), len(pending))
	}
	if _, err := os.Stat(filepath.Join(dir, "kill.dets")); err != nil {
		t.Fatal(err)
	}
}
