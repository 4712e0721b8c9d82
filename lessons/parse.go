// Package lessons owns goiex's lessons: the lesson file format (see
// README.md in this folder, written for teachers), its parser, the
// checks (expr predicates over the machine's state after a step), the
// learner's progress, and the runner, which walks a learner through a
// lesson in a real shell session or checks every lesson without one.
//
// It does not own the shell: it embeds one (repl.Embedded) and only
// offers it lesson commands (next, skip, back, show, reset, quit) before
// each line is evaluated. Nor does it own the lessons' words: the
// NN-slug.md files are written by teachers and embedded as they are.
package lessons

import (
	"errors"
	"fmt"
	"path"
	"regexp"
	"strconv"
	"strings"

	"goiex/vm/syntax"
)

// A Lesson is one parsed lesson file.
type Lesson struct {
	Name   string // the file's name without .md: "03-selective-receive"
	File   string // where errors point: "lessons/03-selective-receive.md", or the path given
	Number int    // 3; 0 when the name starts with no number
	Title  string
	Intro  []Segment // shown before the first step
	Steps  []*Step
	// Builtin is set for the lessons built into goiex (All, Find).
	Builtin bool
}

// A Step is one "## Heading" of a lesson and what follows it.
type Step struct {
	Title  string
	Line   int
	Body   []Segment // prose and the code to type, as shown to the learner
	Inputs []*Input  // elixir and solution blocks, typed in order
	Checks []*Check
}

// A Segment is a piece of prose, or a code block shown as code.
type Segment struct {
	Text string
	Code bool
	Lang string // the code block's language ("elixir"), when Code
}

// An Input is an elixir (or solution) block: code typed at the prompt.
type Input struct {
	Code     string
	Line     int  // the line of the code's first line
	Solution bool // a solution block: typed by --check and reset, not shown
	Output   *Expected
}

// Expected is an output block: what the shell prints for an Input.
type Expected struct {
	Text string
	Line int // the line of the text's first line
}

// Code returns the code typed in the step: its elixir and solution
// blocks, in order.
func (s *Step) Code() string {
	var b strings.Builder
	for _, in := range s.Inputs {
		b.WriteString(in.Code)
	}
	return b.String()
}

// An Error is a mistake in a lesson file, at a line.
type Error struct {
	File string
	Line int
	Msg  string
}

func (e *Error) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

// ErrorList is every mistake found in one file.
type ErrorList []*Error

func (l ErrorList) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

var (
	fenceRE = regexp.MustCompile("^(`{3,}|~{3,})\\s*([^\\s`]*)")
	nameRE  = regexp.MustCompile(`^(\d+)-`)
)

// fileParser holds the state of reading one file, line by line.
type fileParser struct {
	l     *Lesson
	errs  ErrorList
	step  *Step    // the step being read; nil in the introduction
	prose []string // prose lines not yet made a segment
	// last is the elixir or solution block an output block may follow:
	// set when one ends, cleared by anything but blank lines.
	last *Input
}

// Parse reads a lesson file. file is where errors point; the lesson's
// name and number come from its base name (03-selective-receive.md).
// Every mistake is reported, each as "file:line: message".
func Parse(file string, data []byte) (*Lesson, error) {
	name := strings.TrimSuffix(path.Base(strings.ReplaceAll(file, "\\", "/")), ".md")
	l := &Lesson{Name: name, File: file}
	if m := nameRE.FindStringSubmatch(name); m != nil {
		l.Number, _ = strconv.Atoi(m[1])
	}
	p := &fileParser{l: l}
	lines := strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
	// A fence being read: its marker, language, first line and text.
	var fence, lang string
	var fenceLine int
	var block []string
	for i, line := range lines {
		n := i + 1
		if fence != "" {
			if t := strings.TrimSpace(line); strings.HasPrefix(t, fence) && strings.Trim(t, fence[:1]) == "" {
				p.block(lang, fenceLine, block)
				fence, block = "", nil
				continue
			}
			block = append(block, line)
			continue
		}
		if m := fenceRE.FindStringSubmatch(line); m != nil {
			p.flushProse()
			fence, lang, fenceLine = m[1], strings.ToLower(m[2]), n
			continue
		}
		switch {
		case l.Title == "" && strings.TrimSpace(line) == "":
		case l.Title == "":
			if !strings.HasPrefix(line, "# ") {
				p.errorf(n, "a lesson starts with its title: a line \"# Title\"")
				l.Title = "(untitled)"
				p.prose = append(p.prose, line)
				continue
			}
			l.Title = strings.TrimSpace(line[2:])
		case strings.HasPrefix(line, "## "):
			p.flushProse()
			p.last = nil
			p.step = &Step{Title: strings.TrimSpace(line[3:]), Line: n}
			l.Steps = append(l.Steps, p.step)
		default:
			if strings.TrimSpace(line) != "" {
				p.last = nil
			}
			p.prose = append(p.prose, line)
		}
	}
	if fence != "" {
		p.errorf(fenceLine, "this %s block is never closed (a line of %s)", blockName(lang), fence)
	}
	p.flushProse()
	if l.Title == "" {
		p.errorf(1, "a lesson starts with its title: a line \"# Title\"")
	}
	if len(l.Steps) == 0 && len(p.errs) == 0 {
		p.errorf(len(lines), "the lesson has no steps: each step starts with a line \"## Heading\"")
	}
	if len(p.errs) > 0 {
		return l, p.errs
	}
	return l, nil
}

func blockName(lang string) string {
	if lang == "" {
		return "code"
	}
	return lang
}

func (p *fileParser) errorf(line int, format string, args ...any) {
	p.errs = append(p.errs, &Error{File: p.l.File, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// segments is where prose and shown code go: the step's body, or the
// introduction.
func (p *fileParser) segments() *[]Segment {
	if p.step == nil {
		return &p.l.Intro
	}
	return &p.step.Body
}

// flushProse makes the prose read so far a segment, without the blank
// lines around it.
func (p *fileParser) flushProse() {
	text := strings.Trim(strings.Join(p.prose, "\n"), "\n")
	p.prose = p.prose[:0]
	if strings.TrimSpace(text) == "" {
		return
	}
	seg := p.segments()
	*seg = append(*seg, Segment{Text: text + "\n"})
}

// block takes a fenced block that starts at line start (its fence).
func (p *fileParser) block(lang string, start int, lines []string) {
	text := strings.Join(lines, "\n")
	if len(lines) > 0 {
		text += "\n"
	}
	last := p.last
	p.last = nil
	switch {
	case p.step == nil || (lang != "elixir" && lang != "solution" && lang != "output" && lang != "check"):
		if lang == "output" || lang == "check" || lang == "solution" {
			p.errorf(start, "a %s block belongs in a step (after a \"## Heading\")", lang)
			return
		}
		// Shown, never typed: examples in the introduction, and blocks in
		// other languages.
		seg := p.segments()
		*seg = append(*seg, Segment{Text: text, Code: true, Lang: lang})
	case lang == "elixir" || lang == "solution":
		if strings.TrimSpace(text) == "" {
			p.errorf(start, "this %s block is empty", lang)
			return
		}
		if msg, line := unfinished(lines); msg != "" {
			p.errorf(start+line, "%s", msg)
		}
		in := &Input{Code: text, Line: start + 1, Solution: lang == "solution"}
		p.step.Inputs = append(p.step.Inputs, in)
		if lang == "elixir" {
			p.step.Body = append(p.step.Body, Segment{Text: text, Code: true, Lang: lang})
		}
		p.last = in
	case lang == "output":
		switch {
		case last == nil:
			p.errorf(start, "an output block comes right after the elixir (or solution) block whose output it is")
		case last.Output != nil:
			p.errorf(start, "the elixir block at line %d already has an output block", last.Line-1)
		default:
			last.Output = &Expected{Text: text, Line: start + 1}
		}
		p.last = last // so that a second output block is reported as such
	case lang == "check":
		p.checks(start, lines)
	}
}

// checks reads a check block: one predicate per line, then optionally
// "hint: …" (which may go on over the following lines).
func (p *fileParser) checks(start int, lines []string) {
	var hint []string
	var block []*Check
	for i, line := range lines {
		n := start + 1 + i
		t := strings.TrimSpace(line)
		switch {
		case hint != nil:
			if t != "" {
				hint = append(hint, t)
			}
		case strings.HasPrefix(t, "hint:"):
			hint = append(hint, strings.TrimSpace(strings.TrimPrefix(t, "hint:")))
		case t == "" || strings.HasPrefix(t, "//"):
		default:
			c, err := compileCheck(t, n)
			if err != nil {
				p.errorf(n, "check: %s", err)
				continue
			}
			block = append(block, c)
		}
	}
	if len(block) == 0 && len(p.errs) == 0 {
		p.errorf(start, "this check block has no predicate (one per line, before the hint)")
	}
	for _, c := range block {
		c.Hint = strings.Join(hint, " ")
	}
	p.step.Checks = append(p.step.Checks, block...)
}

// unfinished reports an elixir block that ends inside an expression
// (an unclosed do, bracket or string): the learner could never finish
// typing it. line is where the unfinished expression starts (1-based in
// the block).
func unfinished(lines []string) (msg string, line int) {
	var buf strings.Builder
	first := 0
	for i, l := range lines {
		if buf.Len() == 0 {
			first = i + 1
		}
		buf.WriteString(l)
		buf.WriteByte('\n')
		_, err := syntax.Parse("iex", []byte(buf.String()))
		var se *syntax.Error
		if errors.As(err, &se) && se.Incomplete {
			continue
		}
		buf.Reset()
	}
	if buf.Len() > 0 {
		return "the block ends inside an unfinished expression (an unclosed do, bracket or string)", first
	}
	return "", 0
}
