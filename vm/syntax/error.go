package syntax

import (
	"fmt"
	"strings"
)

// Error is a syntax error with its position. Incomplete reports that the
// input ended while something was still open (a do-block, a bracket, a
// string, an operator's right side), so a shell can read another line and
// try again instead of reporting the error.
type Error struct {
	File       string
	Pos        Pos
	Msg        string
	Incomplete bool
	// Line is the text of the source line at Pos, for the caret display
	// ("" when the position is past the end of the input).
	Line string
}

func (e *Error) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Pos.Line, e.Pos.Col, e.Msg)
}

// Kind is the Elixir exception name: TokenMissingError for incomplete
// input, SyntaxError otherwise.
func (e *Error) Kind() string {
	if e.Incomplete {
		return "TokenMissingError"
	}
	return "SyntaxError"
}

// Format renders the error as Elixir 1.14 prints it:
//
//	** (SyntaxError) se.exs:3:5: unexpected token: )
//	    |
//	  3 |   2))
//	    |     ^
//
// The source excerpt is left out when the line is empty, as Elixir does.
func (e *Error) Format() string {
	var b strings.Builder
	fmt.Fprintf(&b, "** (%s) %s", e.Kind(), e.Error())
	if strings.TrimSpace(e.Line) != "" {
		col := max(e.Pos.Col, 1)
		fmt.Fprintf(&b, "\n    |\n%3d | %s\n    | %s^", e.Pos.Line, e.Line, strings.Repeat(" ", col-1))
	}
	return b.String()
}

// newError builds an Error at pos, capturing the source line.
func newError(file string, src []byte, pos Pos, incomplete bool, format string, args ...any) *Error {
	return &Error{
		File:       file,
		Pos:        pos,
		Msg:        fmt.Sprintf(format, args...),
		Incomplete: incomplete,
		Line:       sourceLine(src, pos.Line),
	}
}

// sourceLine returns line n (1-based) of src without its newline.
func sourceLine(src []byte, n int) string {
	for i := 1; i < n; i++ {
		j := indexByte(src, '\n')
		if j < 0 {
			return ""
		}
		src = src[j+1:]
	}
	if j := indexByte(src, '\n'); j >= 0 {
		src = src[:j]
	}
	return strings.TrimSuffix(string(src), "\r")
}

func indexByte(b []byte, c byte) int {
	for i, x := range b {
		if x == c {
			return i
		}
	}
	return -1
}
