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
	t.Logf("transcript:\n%s", r.Transcript)
	if !r.Passed() {
		t.Errorf("failures:\n%s", strings.Join(r.Failures, "\n"))
	}
}

func TestCheckFailingLesson(t *testing.T) {
	r := CheckLesson(loadTestdata(t, "02-mistakes.md"), CheckOptions{Version: "test"})
	t.Logf("transcript:\n%s", r.Transcript)
	t.Logf("failures:\n%s", strings.Join(r.Failures, "\n"))
}
