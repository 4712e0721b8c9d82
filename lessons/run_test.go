package lessons

import (
	"strings"
	"testing"
)

func loadTestdata(t *testing.T, name string) *Lesson {
	t.Helper()
	l, err := Load("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestCheckPassingLesson(t *testing.T) {
	r := CheckLesson(loadTestdata(t, "01-mailbox.md"), CheckOptions{Version: "test"})
	if !r.Passed() {
		t.Errorf("failures:\n%s", strings.Join(r.Failures, "\n"))
	}
	for _, want := range []string{
		"# A mailbox to look into\n\n## Step 1 of 4: Send yourself two messages\niex(1)> send(self(), {:hello, 1})\n{:hello, 1}\n",
		"✓ mailbox_len(self) == 2\n",
		"## Step 3 of 4: Your turn: a waiting process\n-- solution --\niex(4)> waiter = spawn(fn -> receive do :go -> :ok end end)\n",
		"iex(5)> flush()\n{:hello, 1}\n{:hello, 2}\n:ok\n✓ mailbox_len(self) == 0\n✓ output contains \"{:hello, 2}\"\n",
	} {
		if !strings.Contains(r.Transcript, want) {
			t.Errorf("transcript lacks\n%s\nit is:\n%s", want, r.Transcript)
		}
	}
}

func TestCheckFailingLesson(t *testing.T) {
	r := CheckLesson(loadTestdata(t, "02-mistakes.md"), CheckOptions{Version: "test"})
	want := []string{
		"testdata/02-mistakes.md:9: step 1 (A wrong output): the output differs from the output block (-want +got):\n" +
			"--- testdata/02-mistakes.md:13 (output block)\n+++ goiex\n@@ -13,1 +1,1 @@\n-3\n+2",
		"testdata/02-mistakes.md:23: step 2 (A false check): check failed: x == 42\n    hint: x should be 42.",
		"testdata/02-mistakes.md:34: step 3 (A check that checks nothing): the checks already pass before the step's code is typed: they would pass whatever the learner typed",
	}
	if got := strings.Join(r.Failures, "\n\n"); got != strings.Join(want, "\n\n") {
		t.Errorf("failures: got\n%s\n\nwant\n%s", got, strings.Join(want, "\n\n"))
	}
	for _, mark := range []string{"✗ the output differs from the output block at line 13\n", "✗ x == 42\n", "✗ the checks pass before the step's code is typed\n"} {
		if !strings.Contains(r.Transcript, mark) {
			t.Errorf("transcript lacks %q:\n%s", mark, r.Transcript)
		}
	}
}

func TestCheckAllSummary(t *testing.T) {
	var out strings.Builder
	failed := CheckAll(&out, []*Lesson{loadTestdata(t, "01-mailbox.md"), loadTestdata(t, "02-mistakes.md")}, nil, false, CheckOptions{})
	got := out.String()
	if failed != 1 || !strings.HasPrefix(got, "ok   testdata/01-mailbox.md (4 steps)\nFAIL testdata/02-mistakes.md\n") ||
		!strings.HasSuffix(got, "\n1 passed, 1 failed\n") {
		t.Errorf("failed %d, output:\n%s", failed, got)
	}
}

func TestCheckStepWithChecksButNoCode(t *testing.T) {
	l, err := Parse("x.md", []byte("# T\n## Exercise\nDo it.\n```check\nalive(p)\n```\n"))
	if err != nil {
		t.Fatal(err)
	}
	r := CheckLesson(l, CheckOptions{})
	if len(r.Failures) == 0 || !strings.Contains(r.Failures[0], "x.md:5: step 1 (Exercise): the step has checks but no code that passes them") {
		t.Errorf("failures: %q", r.Failures)
	}
}

func TestSameOutputIsLooseWherePromised(t *testing.T) {
	for _, tc := range []struct {
		want, got string
		same      bool
	}{
		{"#PID<0.101.0>\n", "#PID<0.250.0>\n", true},
		{"{#Reference<0.1.2.3>, #Function<1.2/0 in :erl_eval>}\n", "{#Reference<0.0.0.9>, #Function<0.77/0 in x>}\n", true},
		{"Interactive goiex (0.1.0) - press\n", "Interactive goiex (test) - press\n", true},
		{"a  \nb\n\n\n", "a\nb\n", true},
		{"a\n", "a\n\n** (RuntimeError) boom\n", false},
		{" a\n", "a\n", false},
		{"#PID<0.1.0>\n", "#Reference<0.1.0.0>\n", false},
	} {
		if got := sameOutput(tc.want, tc.got); got != tc.same {
			t.Errorf("sameOutput(%q, %q): got %v, want %v", tc.want, tc.got, got, tc.same)
		}
	}
}

func TestUnifiedDiff(t *testing.T) {
	want := "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n"
	got := "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n"
	d := unifiedDiff("l.md", 20, want, got)
	exp := "--- l.md:20 (output block)\n+++ goiex\n" +
		"@@ -21,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n" +
		"@@ -29,3 +10,4 @@\n 10\n 11\n 12\n+13\n"
	if d != exp {
		t.Errorf("got\n%s\nwant\n%s", d, exp)
	}
}
