package repl

import (
	"errors"
	"fmt"
	"strings"

	"goiex/vm/syntax"
)

// shellFile is the file name inputs are compiled under, as in iex
// (`** (SyntaxError) iex:3:4: …`, stack lines `iex:3: M.f/1`).
const shellFile = "iex"

// breakLine abandons an unfinished expression.
const breakLine = "#iex:break"

// input is one complete expression typed at the prompt.
type input struct {
	src  []byte // padded with blank lines so that line numbers match iex
	tree *syntax.Block
	cmd  *command // h, open, c or import_file, read before compiling
}

// readInput reads lines until they make a complete expression and
// returns it; nil when the lines were abandoned or invalid (the error is
// printed). ok is false when input has ended. A blank line or a comment
// is a complete (empty) expression: iex 1.14 prints nil for it and
// advances the counter.
func (s *Session) readInput() (in *input, ok bool) {
	var buf strings.Builder
	for {
		line, err := s.readLine(buf.Len() > 0)
		if errors.Is(err, errInterrupt) {
			// Ctrl-C at the prompt: the line (and any unfinished
			// expression) is dropped.
			return nil, true
		}
		if err != nil {
			return nil, false
		}
		if buf.Len() == 0 && s.intercept != nil && s.intercept(line) {
			return nil, true
		}
		if in, done := s.feed(&buf, line); done {
			return in, true
		}
	}
}

// feed adds one typed line to the unfinished expression in buf. done
// reports that the line finished it (buf is then empty again): in is the
// complete input, or nil when the lines were abandoned or invalid (the
// error is printed).
func (s *Session) feed(buf *strings.Builder, line string) (in *input, done bool) {
	if buf.Len() > 0 && strings.TrimSpace(line) == breakLine {
		buf.Reset()
		s.print.Error(fmt.Sprintf("** (TokenMissingError) iex:%d: incomplete expression", s.counter), "")
		return nil, true
	}
	if buf.Len() == 0 {
		if c, ok := parseCommand(line); ok {
			return &input{cmd: &c}, true
		}
	}
	buf.WriteString(line)
	buf.WriteByte('\n')
	text := buf.String()
	// iex numbers the lines of input N from N on.
	src := []byte(strings.Repeat("\n", s.counter-1) + text)
	tree, err := syntax.Parse(shellFile, src)
	var se *syntax.Error
	if errors.As(err, &se) && se.Incomplete {
		return nil, false
	}
	buf.Reset()
	if err != nil {
		s.reportCompileError(err)
		return nil, true
	}
	return &input{src: src, tree: tree}, true
}
