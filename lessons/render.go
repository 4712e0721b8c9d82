package lessons

import (
	"regexp"
	"strings"
)

// Prose is shown on the terminal nearly as written: Markdown reads well
// as plain text. With colour on (the shell's setting), `code` and
// **bold** are coloured instead of marked, and code blocks are indented
// and coloured; without, only code blocks change (indented, no fences).

const (
	ansiBold   = "\x1b[1m"
	ansiCyan   = "\x1b[36m"
	ansiGreen  = "\x1b[32m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiReset  = "\x1b[0m"
)

var (
	inlineCodeRE = regexp.MustCompile("`([^`\n]+)`")
	boldRE       = regexp.MustCompile(`\*\*([^*\n]+)\*\*`)
)

// paint wraps s in an ANSI colour when color is on.
func paint(color bool, code, s string) string {
	if !color {
		return s
	}
	return code + s + ansiReset
}

// renderSegments renders prose and code blocks for the terminal, a blank
// line between segments.
func renderSegments(segs []Segment, color bool) string {
	var b strings.Builder
	for i, seg := range segs {
		if i > 0 {
			b.WriteByte('\n')
		}
		if seg.Code {
			b.WriteString(renderCode(seg.Text, color))
			continue
		}
		text := seg.Text
		if color {
			text = inlineCodeRE.ReplaceAllString(text, ansiCyan+"$1"+ansiReset)
			text = boldRE.ReplaceAllString(text, ansiBold+"$1"+ansiReset)
		}
		b.WriteString(text)
	}
	return b.String()
}

// renderCode indents a code block by four spaces.
func renderCode(code string, color bool) string {
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimSuffix(code, "\n"), "\n") {
		if line == "" {
			b.WriteByte('\n')
			continue
		}
		b.WriteString("    " + paint(color, ansiYellow, line) + "\n")
	}
	return b.String()
}

// colorCode matches the terminal colour sequences the shell prints.
var colorCode = regexp.MustCompile("\x1b\\[[0-9;]*m")

// stripColor removes colour from recorded output, so that a check like
// `output contains "got pong"` sees the text the learner sees.
func stripColor(s string) string { return colorCode.ReplaceAllString(s, "") }
