package lessons

import (
	"fmt"
	"strings"
	"testing"
)

func TestParseShape(t *testing.T) {
	src := "# Title here\n\nIntro text.\n\n```elixir\nshown_only()\n```\n\n## First\n\nSay `this`.\n\n" +
		"```elixir\nx = 1\ny = 2\n```\n\n```output\n1\n2\n```\n\n```check\nx == 1\n// a comment\ny == 2\nhint: bind x\n  and y\n```\n\n" +
		"```text\nnot typed\n```\n\n## Second\n\n```solution\ndefmodule M do\n  def f, do: 1\nend\n```\n\n```check\nvars.M == nil\n```\n"
	l, err := Parse("lessons/07-shape.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if l.Name != "07-shape" || l.Number != 7 || l.Title != "Title here" {
		t.Errorf("name %q number %d title %q", l.Name, l.Number, l.Title)
	}
	if len(l.Intro) != 2 || l.Intro[0].Text != "Intro text.\n" || !l.Intro[1].Code {
		t.Errorf("intro: got %+v", l.Intro)
	}
	if len(l.Steps) != 2 {
		t.Fatalf("got %d steps, want 2", len(l.Steps))
	}
	s1, s2 := l.Steps[0], l.Steps[1]
	if s1.Title != "First" || s1.Line != 9 {
		t.Errorf("step 1: title %q line %d", s1.Title, s1.Line)
	}
	if len(s1.Inputs) != 1 || s1.Inputs[0].Code != "x = 1\ny = 2\n" || s1.Inputs[0].Line != 14 {
		t.Fatalf("step 1 inputs: %+v", s1.Inputs)
	}
	if o := s1.Inputs[0].Output; o == nil || o.Text != "1\n2\n" || o.Line != 19 {
		t.Errorf("step 1 output: %+v", o)
	}
	if len(s1.Checks) != 2 || s1.Checks[1].Source != "y == 2" || s1.Checks[1].Line != 26 || s1.Checks[0].Hint != "bind x and y" {
		t.Errorf("step 1 checks: %+v", s1.Checks)
	}
	// The body shows prose, the elixir block and the text block; never
	// output, check or solution blocks.
	var kinds []string
	for _, seg := range s1.Body {
		kinds = append(kinds, seg.Lang+":"+strings.TrimSpace(seg.Text))
	}
	if got, want := strings.Join(kinds, "|"), ":Say `this`.|elixir:x = 1\ny = 2|text:not typed"; got != want {
		t.Errorf("step 1 body: got %q, want %q", got, want)
	}
	if len(s2.Body) != 0 || len(s2.Inputs) != 1 || !s2.Inputs[0].Solution {
		t.Errorf("step 2: body %+v inputs %+v", s2.Body, s2.Inputs)
	}
	if got := s2.Code(); got != "defmodule M do\n  def f, do: 1\nend\n" {
		t.Errorf("step 2 code: %q", got)
	}
}

func TestParseNestedFence(t *testing.T) {
	src := "# T\n\n## S\n\n````markdown\n```elixir\nnot_code()\n```\n````\n"
	l, err := Parse("x.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Steps[0].Inputs) != 0 || len(l.Steps[0].Body) != 1 {
		t.Errorf("a fence inside a longer fence is text: %+v", l.Steps[0])
	}
}

// Every mistake is reported, each with the file and line.
func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"Not a title\n## S\n", "m.md:1: a lesson starts with its title"},
		{"# T\n\nno steps\n", "m.md:4: the lesson has no steps"},
		{"# T\n## S\n```output\n1\n```\n", "m.md:3: an output block comes right after the elixir"},
		{"# T\n## S\n```elixir\n1\n```\nprose\n```output\n1\n```\n", "m.md:7: an output block comes right after"},
		{"# T\n## S\n```elixir\n1\n```\n```output\n1\n```\n```output\n1\n```\n", "m.md:9: the elixir block at line 3 already has an output block"},
		{"# T\n## S\n```elixir\nx = 1\ndefmodule M do\n  def f, do: 1\n```\n", "m.md:5: the block ends inside an unfinished expression"},
		{"# T\n## S\n```elixir\n```\n", "m.md:3: this elixir block is empty"},
		{"# T\n## S\n```elixir\n1\n", "m.md:3: this elixir block is never closed"},
		{"# T\n## S\n```check\nhint: only a hint\n```\n", "m.md:3: this check block has no predicate"},
		{"# T\n```check\ntrue\n```\n## S\n", "m.md:2: a check block belongs in a step"},
		{"# T\n## S\n```check\nmailbox_len(self) ==\n```\n", "m.md:4: check: unexpected token EOF"},
		{"# T\n## S\n```check\nmailboxlen(self) == 1\n```\n", "m.md:4: check: unknown name mailboxlen"},
		{"# T\n## S\n```check\nmailbox_len(self)\n```\n", "m.md:4: check: expected bool, but got int"},
		{"# T\n## S\n```check\nalive(\"0.1.0\") && x\n```\n", ""},
	} {
		_, err := Parse("m.md", []byte(tc.src))
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%q: unexpected error %v", tc.src, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%q: got error %v, want one containing %q", tc.src, err, tc.want)
		}
	}
}

func TestParseReportsEveryMistake(t *testing.T) {
	_, err := Parse("m.md", []byte("# T\n## S\n```check\nnope(\n```\n```output\nx\n```\n"))
	list, ok := err.(ErrorList)
	if !ok || len(list) != 2 {
		t.Fatalf("got %v, want two errors", err)
	}
	if list[0].Line != 4 || list[1].Line != 6 {
		t.Errorf("lines: got %d and %d, want 4 and 6", list[0].Line, list[1].Line)
	}
}

// The built-in lessons all parse (their checks compile).
func TestBuiltinLessonsParse(t *testing.T) {
	all, err := All()
	if err != nil {
		t.Errorf("%v", err)
	}
	for _, l := range all {
		if !l.Builtin || l.Title == "" || len(l.Steps) == 0 || !strings.HasPrefix(l.File, "lessons/") {
			t.Errorf("%s: builtin %v title %q, %d steps", l.File, l.Builtin, l.Title, len(l.Steps))
		}
	}
}

func TestFind(t *testing.T) {
	all, _ := All()
	if len(all) == 0 {
		t.Skip("no built-in lessons yet")
	}
	l := all[0]
	for _, arg := range []string{l.Name, slug(l), fmt.Sprint(l.Number)} {
		got, err := Find(arg)
		if err != nil || got.Name != l.Name || !got.Builtin {
			t.Errorf("Find(%q): got %v, %v; want %s", arg, got, err, l.Name)
		}
	}
	if got, err := Find("testdata/01-mailbox.md"); err != nil || got.Builtin || got.File != "testdata/01-mailbox.md" {
		t.Errorf("Find(a file): got %+v, %v", got, err)
	}
	if _, err := Find("no-such-lesson"); err == nil || !strings.Contains(err.Error(), "goiex lessons") {
		t.Errorf("Find(unknown): got %v", err)
	}
}
