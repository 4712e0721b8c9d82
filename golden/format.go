package golden

import (
	"fmt"
	"strconv"
	"strings"
)

// A golden file is plain text:
//
//	# recorded from Elixir 1.14.0 / OTP 25: elixir -e '…Code.eval_file("scripts/x.exs")'
//	-- stdout --
//	…program output…
//	-- stderr --
//	…normalised crash reports and errors…
//	-- exit --
//	0
//
// Lines starting with "#" before the first section are the header. A
// section whose text does not end in a newline is followed by the line
// `\ no newline at end`, as in a unified diff.
const (
	stdoutMarker = "-- stdout --\n"
	stderrMarker = "-- stderr --\n"
	exitMarker   = "-- exit --\n"
	noNewline    = "\\ no newline at end\n"
)

// Result is what one run of a script produced, or what it should produce.
type Result struct {
	Header string // without the leading "# " and the newline
	Stdout string
	Stderr string
	Exit   int
}

func section(b *strings.Builder, marker, text string) {
	b.WriteString(marker)
	b.WriteString(text)
	if text != "" && !strings.HasSuffix(text, "\n") {
		b.WriteString("\n" + noNewline)
	}
}

// Format renders r as a golden file.
func Format(r Result) string {
	var b strings.Builder
	for _, h := range strings.Split(r.Header, "\n") {
		b.WriteString("# " + h + "\n")
	}
	section(&b, stdoutMarker, r.Stdout)
	section(&b, stderrMarker, r.Stderr)
	b.WriteString(exitMarker)
	fmt.Fprintf(&b, "%d\n", r.Exit)
	return b.String()
}

func unsection(text string) string {
	if strings.HasSuffix(text, "\n"+noNewline) {
		return strings.TrimSuffix(text, "\n"+noNewline)
	}
	return text
}

// Parse reads a golden file written by Format.
func Parse(data string) (Result, error) {
	var r Result
	var header []string
	rest := data
	for strings.HasPrefix(rest, "#") {
		line, after, _ := strings.Cut(rest, "\n")
		header = append(header, strings.TrimPrefix(strings.TrimPrefix(line, "#"), " "))
		rest = after
	}
	r.Header = strings.Join(header, "\n")
	if !strings.HasPrefix(rest, stdoutMarker) {
		return r, fmt.Errorf("want %q after the header", strings.TrimSpace(stdoutMarker))
	}
	rest = rest[len(stdoutMarker):]
	// The markers are searched from the end: program output could in
	// principle contain a marker line, the exit section cannot.
	i := strings.LastIndex(rest, exitMarker)
	if i < 0 || (i > 0 && rest[i-1] != '\n') {
		return r, fmt.Errorf("no %q section", strings.TrimSpace(exitMarker))
	}
	code, err := strconv.Atoi(strings.TrimSpace(rest[i+len(exitMarker):]))
	if err != nil {
		return r, fmt.Errorf("exit section: %v", err)
	}
	r.Exit = code
	rest = rest[:i]
	j := strings.LastIndex(rest, stderrMarker)
	if j < 0 || (j > 0 && rest[j-1] != '\n') {
		return r, fmt.Errorf("no %q section", strings.TrimSpace(stderrMarker))
	}
	r.Stdout = unsection(rest[:j])
	r.Stderr = unsection(rest[j+len(stderrMarker):])
	return r, nil
}
