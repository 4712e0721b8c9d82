package lessons

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strconv"
	"strings"
)

// The lessons built into goiex: every NN-slug.md of this folder
// (README.md, the format's documentation, is not a lesson).
//
//go:embed *.md
var files embed.FS

// isLessonFile tells a lesson (03-selective-receive.md) from the
// folder's other Markdown files.
func isLessonFile(name string) bool {
	return strings.HasSuffix(name, ".md") && nameRE.MatchString(name)
}

// All returns the built-in lessons in order of number. A lesson whose
// file has mistakes is returned as far as it could be read, and its
// mistakes are in the error.
func All() ([]*Lesson, error) {
	entries, err := fs.ReadDir(files, ".")
	if err != nil {
		return nil, err
	}
	var out []*Lesson
	var errs []error
	for _, e := range entries {
		if !isLessonFile(e.Name()) {
			continue
		}
		data, err := files.ReadFile(e.Name())
		if err != nil {
			return nil, err
		}
		l, err := Parse("lessons/"+e.Name(), data)
		if err != nil {
			errs = append(errs, err)
		}
		l.Builtin = true
		out = append(out, l)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Number != out[j].Number {
			return out[i].Number < out[j].Number
		}
		return out[i].Name < out[j].Name
	})
	return out, errors.Join(errs...)
}

// Load reads a lesson file from disk (a teacher's own).
func Load(path string) (*Lesson, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, data)
}

// Find resolves what the learner typed after `goiex lesson`: a file on
// disk (./mine.md), a number (3), a name (03-selective-receive) or the
// name without its number (selective-receive), or a unique beginning
// of one (selective).
func Find(arg string) (*Lesson, error) {
	if strings.HasSuffix(arg, ".md") || strings.ContainsAny(arg, `/\`) {
		if _, err := os.Stat(arg); err == nil {
			return Load(arg)
		}
	}
	all, _ := All()
	var found []*Lesson
	if n, err := strconv.Atoi(arg); err == nil {
		for _, l := range all {
			if l.Number == n {
				found = append(found, l)
			}
		}
	} else {
		name := strings.TrimSuffix(arg, ".md")
		for _, match := range []func(l *Lesson) bool{
			func(l *Lesson) bool { return l.Name == name },
			func(l *Lesson) bool { return slug(l) == name },
			func(l *Lesson) bool { return strings.HasPrefix(slug(l), name) },
		} {
			for _, l := range all {
				if match(l) {
					found = append(found, l)
				}
			}
			if len(found) > 0 {
				break
			}
		}
	}
	switch len(found) {
	case 0:
		return nil, fmt.Errorf("no lesson %q: `goiex lessons` lists them, and a lesson file on disk is named by its path (./mine.md)", arg)
	case 1:
		l := found[0]
		// Read it again, with its mistakes if it has any.
		data, err := files.ReadFile(l.Name + ".md")
		if err != nil {
			return nil, err
		}
		l, err = Parse(l.File, data)
		l.Builtin = true
		return l, err
	}
	var names []string
	for _, l := range found {
		names = append(names, l.Name)
	}
	return nil, fmt.Errorf("%q could be any of %s", arg, strings.Join(names, ", "))
}

// slug is a lesson's name without its number: selective-receive.
func slug(l *Lesson) string {
	return nameRE.ReplaceAllString(l.Name, "")
}
