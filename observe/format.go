package observe

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"goiex/vm/term"
)

// How the observing tools print terms, pids, times and colour.

// elide inspects t on one line, cut to at most max runes with "…" (at
// least the start of the term is kept, so {:request, … stays readable).
func elide(t term.Term, max int) string {
	s := term.InspectWith(t, term.InspectOptions{Limit: 8, PrintableLimit: max})
	return cut(s, max)
}

// cut shortens s to max runes, ending it with "…".
func cut(s string, max int) string {
	if max <= 0 || utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	return string(r[:max-1]) + "…"
}

// pidText is a pid as Elixir prints it.
func pidText(pid term.Term) string { return term.Inspect(pid) }

// mfaText renders {M, f, a} as M.f/a (":erlang.apply/2" for Erlang
// modules), anything else inspected.
func mfaText(t term.Term) string {
	if !t.IsTuple() || t.TupleSize() != 3 {
		return term.Inspect(t)
	}
	e := t.Elems()
	if !e[0].IsAtom() || !e[1].IsAtom() || !e[2].IsSmallInt() {
		return term.Inspect(t)
	}
	mod := term.Inspect(e[0])
	fun := e[1].AtomName()
	if q := term.Inspect(e[1]); strings.HasPrefix(q, ":\"") {
		fun = q[1:]
	}
	return mod + "." + fun + "/" + strconv.FormatInt(e[2].SmallInt(), 10)
}

// atomText is an atom without its colon (:waiting → "waiting"; a module
// stays MyServer).
func atomText(t term.Term) string {
	s := term.Inspect(t)
	return strings.TrimPrefix(s, ":")
}

// ms renders a duration in nanoseconds as whole milliseconds.
func ms(ns int64) string {
	if ns < 0 {
		ns = 0
	}
	return strconv.FormatInt(ns/1e6, 10) + " ms"
}

// plural is "1 message", "3 messages".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// shape names the pattern a message has: {:log, _}, :tick, "…", 42.
// Messages with the same shape are stuck for the same reason.
func shape(t term.Term) string {
	switch t.Kind() {
	case term.KindAtom:
		return term.Inspect(t)
	case term.KindTuple:
		e := t.Elems()
		parts := make([]string, len(e))
		for i := range e {
			parts[i] = "_"
		}
		if len(e) > 0 && e[0].IsAtom() {
			parts[0] = term.Inspect(e[0])
		}
		return "{" + strings.Join(parts, ", ") + "}"
	case term.KindEmptyList:
		return "[]"
	case term.KindCons:
		return "[_ | _]"
	case term.KindBinary:
		return "a string"
	case term.KindInt, term.KindBigInt:
		return "an integer"
	case term.KindFloat:
		return "a float"
	case term.KindMap:
		if s := term.Inspect(t); strings.HasPrefix(s, "%") && !strings.HasPrefix(s, "%{") {
			if i := strings.IndexByte(s, '{'); i > 0 {
				return s[:i] + "{}"
			}
		}
		return "a map"
	case term.KindPid:
		return "a pid"
	case term.KindRef:
		return "a reference"
	case term.KindFun:
		return "a function"
	}
	return t.Kind().String()
}

// painter colours text when colour is on (a printer setting: the shell
// turns it on for a terminal; scripts never do).
type painter struct{ on bool }

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiGreen  = "\x1b[32m"
	ansiYellow = "\x1b[33m"
	ansiBlue   = "\x1b[34m"
	ansiCyan   = "\x1b[36m"
	ansiFaint  = "\x1b[2m"
)

func (c painter) paint(code, s string) string {
	if !c.on || s == "" {
		return s
	}
	return code + s + ansiReset
}

// table lays out rows of cells in columns; numeric columns are aligned
// right.
type table struct {
	header []string
	right  []bool
	rows   [][]string
}

func (t *table) add(cells ...string) { t.rows = append(t.rows, cells) }

func (t *table) render(b *strings.Builder) {
	width := make([]int, len(t.header))
	for i, h := range t.header {
		width[i] = utf8.RuneCountInString(h)
	}
	for _, r := range t.rows {
		for i, c := range r {
			if n := utf8.RuneCountInString(c); n > width[i] {
				width[i] = n
			}
		}
	}
	line := func(cells []string) {
		var sb strings.Builder
		for i, c := range cells {
			pad := width[i] - utf8.RuneCountInString(c)
			if i > 0 {
				sb.WriteString("  ")
			}
			if t.right[i] {
				sb.WriteString(strings.Repeat(" ", pad))
				sb.WriteString(c)
			} else {
				sb.WriteString(c)
				if i < len(cells)-1 {
					sb.WriteString(strings.Repeat(" ", pad))
				}
			}
		}
		b.WriteString(strings.TrimRight(sb.String(), " "))
		b.WriteByte('\n')
	}
	line(t.header)
	for _, r := range t.rows {
		line(r)
	}
}

// thousands writes n with commas: 1,000,000.
func thousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}
