package lessons

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// ConfigDirEnv names the variable that moves goiex's configuration
// directory (tests point it at a temporary one).
const ConfigDirEnv = "GOIEX_CONFIG_DIR"

// ProgressPath is where progress is kept: $GOIEX_CONFIG_DIR/progress.json,
// or goiex/progress.json in the user's configuration directory
// (~/.config on Linux).
func ProgressPath() (string, error) {
	if dir := os.Getenv(ConfigDirEnv); dir != "" {
		return filepath.Join(dir, "progress.json"), nil
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "goiex", "progress.json"), nil
}

// Progress is how far the learner got in each lesson.
type Progress struct {
	path    string
	Lessons map[string]Place `json:"lessons"`
}

// Place is how far the learner got in one lesson.
type Place struct {
	Step  int  `json:"step"`  // the step they are on, from 1
	Steps int  `json:"steps"` // how many steps the lesson had then
	Done  bool `json:"done"`
}

// LoadProgress reads the progress file at path; a missing file is no
// progress yet.
func LoadProgress(path string) (*Progress, error) {
	p := &Progress{path: path, Lessons: map[string]Place{}}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return p, nil
	}
	if err != nil {
		return p, err
	}
	if err := json.Unmarshal(data, p); err != nil {
		return p, fmt.Errorf("%s: %v", path, err)
	}
	if p.Lessons == nil {
		p.Lessons = map[string]Place{}
	}
	return p, nil
}

// Save writes the progress file, creating its directory.
func (p *Progress) Save() error {
	if p.path == "" {
		return nil
	}
	data, err := json.MarshalIndent(p, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(p.path), 0o755); err != nil {
		return err
	}
	tmp := p.path + ".tmp"
	if err := os.WriteFile(tmp, append(data, '\n'), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, p.path)
}

// key is the lesson's entry: its name for a built-in lesson, its
// absolute path for a file on disk.
func key(l *Lesson) string {
	if l.Builtin {
		return l.Name
	}
	if abs, err := filepath.Abs(l.File); err == nil {
		return abs
	}
	return l.File
}

// Status words a lesson's progress: "done", "in progress (step 3 of 6)"
// or "not started".
func (p *Progress) Status(l *Lesson) string {
	pl, ok := p.Lessons[key(l)]
	switch {
	case !ok:
		return "not started"
	case pl.Done:
		return "done"
	}
	return fmt.Sprintf("in progress (step %d of %d)", pl.Step, len(l.Steps))
}

// List writes the lessons with the learner's progress, one a line.
func List(w io.Writer, ls []*Lesson, p *Progress) {
	width := 0
	for _, l := range ls {
		width = max(width, utf8.RuneCountInString(l.Title))
	}
	for _, l := range ls {
		pad := strings.Repeat(" ", width-utf8.RuneCountInString(l.Title))
		fmt.Fprintf(w, "%3d  %s%s  %s\n", l.Number, l.Title, pad, p.Status(l))
	}
}
