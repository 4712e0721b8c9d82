package lessons

import (
	"fmt"
	"regexp"
	"strings"
)

// Output is compared loosely where it cannot be the same twice: a pid,
// a reference or an anonymous function matches any other, and so does
// the version in the banner the shell prints after it restarts. Spaces
// at the end of a line and blank lines at the end of the output do not
// count (editors strip them, and a reader cannot see them).
var looseRE = []struct {
	re   *regexp.Regexp
	with string
}{
	{regexp.MustCompile(`#PID<\d+\.\d+\.\d+>`), "#PID<…>"},
	{regexp.MustCompile(`#Reference<\d+(?:\.\d+)+>`), "#Reference<…>"},
	{regexp.MustCompile(`#Function<[^<>]*>`), "#Function<…>"},
	{regexp.MustCompile(`Interactive goiex \([^)]*\)`), "Interactive goiex (…)"},
}

func looseLine(s string) string {
	s = strings.TrimRight(s, " \t")
	for _, l := range looseRE {
		s = l.re.ReplaceAllString(s, l.with)
	}
	return s
}

// outputLines splits output into lines, without the blank lines at its
// end.
func outputLines(s string) []string {
	s = strings.TrimRight(s, " \t\n")
	if s == "" {
		return nil
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	return lines
}

// sameOutput reports whether got is what an output block wants.
func sameOutput(want, got string) bool {
	w, g := outputLines(want), outputLines(got)
	if len(w) != len(g) {
		return false
	}
	for i := range w {
		if looseLine(w[i]) != looseLine(g[i]) {
			return false
		}
	}
	return true
}

// unifiedDiff is a unified diff from an output block (whose text starts
// at line of file) to what the shell printed, with three lines of
// context; lines are compared loosely (see looseRE).
func unifiedDiff(file string, line int, want, got string) string {
	a, b := outputLines(want), outputLines(got)
	// lcs[i][j] is the length of the longest common subsequence of a[i:], b[j:].
	lcs := make([][]int, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if looseLine(a[i]) == looseLine(b[j]) {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	type edit struct {
		op   byte // ' ', '-', '+'
		text string
		i, j int // line indexes in a and b before this edit
	}
	var edits []edit
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && looseLine(a[i]) == looseLine(b[j]):
			edits = append(edits, edit{' ', b[j], i, j})
			i++
			j++
		case i < len(a) && (j == len(b) || lcs[i+1][j] >= lcs[i][j+1]):
			edits = append(edits, edit{'-', a[i], i, j})
			i++
		default:
			edits = append(edits, edit{'+', b[j], i, j})
			j++
		}
	}
	const context = 3
	var out strings.Builder
	fmt.Fprintf(&out, "--- %s:%d (output block)\n+++ goiex\n", file, line)
	for k := 0; k < len(edits); {
		if edits[k].op == ' ' {
			k++
			continue
		}
		// A hunk: from context lines before this change to context
		// lines after the last change closer than 2*context to the next.
		start := max(0, k-context)
		end := k
		for end < len(edits) {
			if edits[end].op != ' ' {
				end++
				continue
			}
			next := end
			for next < len(edits) && edits[next].op == ' ' {
				next++
			}
			if next == len(edits) || next-end > 2*context {
				end = min(len(edits), end+context)
				break
			}
			end = next
		}
		var na, nb int
		for _, e := range edits[start:end] {
			if e.op != '+' {
				na++
			}
			if e.op != '-' {
				nb++
			}
		}
		fmt.Fprintf(&out, "@@ -%d,%d +%d,%d @@\n", line+edits[start].i, na, edits[start].j+1, nb)
		for _, e := range edits[start:end] {
			fmt.Fprintf(&out, "%c%s\n", e.op, e.text)
		}
		k = end
	}
	return out.String()
}
