package repl

import (
	"fmt"
	"io"
	"strings"

	"goiex/vm"
	"goiex/vm/term"
)

// Printer writes what the shell itself says: banner, prompts, results,
// errors. Colour is its setting, not a global: two printers may differ.
type Printer struct {
	w     io.Writer
	color bool
	width int
	pal   palette
}

// NewPrinter returns a printer writing to w, laying results out at width
// columns, with IEx's colours when color is set.
func NewPrinter(w io.Writer, color bool, width int) *Printer {
	return &Printer{w: w, color: color, width: width, pal: newPalette(color)}
}

// Banner is iex's start line naming goiex instead of Elixir. The first
// time on a terminal it is preceded, as iex's is by Erlang's, by a line
// of system facts.
func (pr *Printer) Banner(version string, first, virtual bool) {
	if first {
		clock := "real"
		if virtual {
			clock = "virtual"
		}
		fmt.Fprintf(pr.w, "goiex %s [Elixir 1.14 semantics] [clock: %s]\n\n", version, clock)
	}
	fmt.Fprintf(pr.w, "Interactive goiex (%s) - press Ctrl+D to exit (type h() ENTER for help)\n", version)
}

// Result prints an input's value as iex does: inspect, pretty, at the
// printer's width.
func (pr *Printer) Result(v term.Term) {
	io.WriteString(pr.w, pr.Inspect(v)+"\n")
}

// Inspect renders v as the shell shows it (colours included).
func (pr *Printer) Inspect(v term.Term) string {
	s := term.InspectWith(v, term.InspectOptions{Pretty: true, Width: pr.width})
	if pr.color {
		s = pr.pal.syntax(s)
	}
	return s
}

// Error prints an error banner and its stacktrace lines as iex does: the
// stacktrace's lines end in a newline; with none, a blank line follows
// the banner.
func (pr *Printer) Error(banner, stack string) {
	if stack == "" {
		io.WriteString(pr.w, pr.pal.err(banner)+"\n\n")
		return
	}
	io.WriteString(pr.w, pr.pal.err(banner)+"\n"+pr.pal.err(strings.TrimSuffix(stack, "\n"))+"\n")
}

// ShellExited reports the end of the shell process, as iex 1.14 does:
//
//	** (EXIT from #PID<0.108.0>) shell process exited with reason: killed
//
// followed by a blank line (the banner comes next).
func (pr *Printer) ShellExited(pid, reason term.Term) {
	msg := fmt.Sprintf("** (EXIT from %s) shell process exited with reason: %s",
		term.Inspect(pid), vm.FormatExit(reason, "\n    "))
	io.WriteString(pr.w, pr.pal.err(msg)+"\n\n")
}

// Info writes helper output as is.
func (pr *Printer) Info(s string) { io.WriteString(pr.w, s) }
