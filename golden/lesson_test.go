package golden

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"goiex/lessons"
)

// Lessons: every lesson built into goiex runs as `goiex lesson --check`
// runs it (lessons.CheckLesson: a fresh machine, the virtual clock,
// every elixir and solution block typed, outputs compared, checks run),
// in this process. It must pass, and its whole transcript is compared
// with golden/lesson_NN.golden: stdout holds the transcript, stderr the
// failures (none), exit 0. The expectations are written by goiex
// (-update) and reviewed: the lesson's own output blocks were checked
// against Elixir by its writer; the transcript adds the echoed code and
// every check's result.

// lessonVersion is the version the shell's banner shows in transcripts,
// so that they do not change with goiex's.
const lessonVersion = "0.1.0"

func lessonGoldenPath(l *lessons.Lesson) string {
	name := l.Name
	if l.Number > 0 {
		name = fmt.Sprintf("%02d", l.Number)
	}
	return filepath.Join(moduleRoot, "golden", "lesson_"+name+".golden")
}

func TestLessons(t *testing.T) {
	if *recordElixir {
		t.Skip("lesson transcripts are recorded from goiex (-update) and reviewed")
	}
	all, err := lessons.All()
	if err != nil {
		t.Errorf("lesson files with mistakes:\n%v", err)
	}
	for _, l := range all {
		if *only != "" && !strings.Contains(l.Name, *only) {
			continue
		}
		t.Run(l.Name, func(t *testing.T) {
			t.Parallel()
			if _, err := lessons.Find(l.Name); err != nil {
				t.Skip("the lesson file has mistakes (reported above)")
			}
			r := lessons.CheckLesson(l, lessons.CheckOptions{Version: lessonVersion})
			got := Result{Stdout: r.Transcript}
			if !r.Passed() {
				got.Stderr = strings.Join(r.Failures, "\n") + "\n"
				got.Exit = 1
				t.Errorf("goiex lesson --check %s fails:\n%s", l.File, got.Stderr)
			}
			got.Stdout, got.Stderr = Normalize(got.Stdout, got.Stderr)
			path := lessonGoldenPath(l)
			data, readErr := os.ReadFile(path)
			want, parseErr := Parse(string(data))
			if *update {
				if !r.Passed() {
					return // a failing lesson's transcript is not an expectation
				}
				if readErr != nil || parseErr != nil || !sameOutput(got, want) {
					got.Header = "recorded from goiex, reviewed: goiex lesson --check -v " + l.File
					if err := os.WriteFile(path, []byte(Format(got)), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				return
			}
			if readErr != nil {
				t.Fatalf("%v (write it with -update, then review it)", readErr)
			}
			if parseErr != nil {
				t.Fatalf("%s: %v", path, parseErr)
			}
			compare(t, filepath.Base(path), got, want)
		})
	}
}
