// Package golden holds the golden-output tests: every program in scripts/
// runs under `goiex run --clock=virtual` and its stdout, stderr and exit
// status are compared with the expectation recorded in golden/NAME.golden.
//
// It owns the golden file format, the normalisation applied to both sides
// before comparing, and the recording of expectations (from Elixir or from
// goiex). It does not own the programs (scripts/) nor the binary (main.go).
package golden

import (
	"fmt"
	"regexp"
	"strings"
)

var (
	pidRE = regexp.MustCompile(`#PID<\d+\.\d+\.\d+>`)
	refRE = regexp.MustCompile(`#Reference<\d+(?:\.\d+)+>`)
	// An anonymous function prints as #Function<IDX.UNIQ/ARITY in WHERE>;
	// only the arity means the same thing in goiex and in Elixir.
	funRE = regexp.MustCompile(`#Function<[^<>]*?/(\d+)[^<>]*>|#Function<[^<>]*>`)
	// Logger's console format is "\n$time $metadata[$level] $message\n".
	logTimeRE = regexp.MustCompile(`(?m)^\d\d:\d\d:\d\d\.\d\d\d (\[\w+\])`)
	// A stacktrace line sits under a "** (Kind) message" banner, indented by
	// four spaces, in one of Exception.format_stacktrace_entry's shapes,
	// optionally after "(app vsn) ":
	//   "    (elixir 1.14.0) lib/code.ex:1245: Code.require_file/2"
	//   "    (goiex) lib/enum.ex:12: Enum.map/2" (goiex's own library)
	//   "    scripts/x.exs:3: (file)"
	//   "    Foo.bar(1)", "    :erlang./(1, 0)", "    (elixir 1.14.0) IO.puts()"
	// The banner's own message lines are kept: "Did you mean" hints
	// ("      * puts/1"), a syntax error's excerpt ("  2 | x = 1 +* 2",
	// "    |        ^"), FunctionClauseError's "The following arguments…".
	stackLineRE = regexp.MustCompile(`^ {4,}(\([\w-]+( [\w.-]+)?\) )?(\S+:\d+: |[:\w.]+[./]\S*\()`)
)

// normalizer numbers pids and references in order of first appearance, so
// that distinct pids stay distinct and the same pid keeps its name across
// stdout and stderr of one run.
type normalizer struct {
	pids map[string]int
	refs map[string]int
}

func newNormalizer() *normalizer {
	return &normalizer{pids: map[string]int{}, refs: map[string]int{}}
}

func number(seen map[string]int, key string) int {
	n, ok := seen[key]
	if !ok {
		n = len(seen) + 1
		seen[key] = n
	}
	return n
}

// terms replaces pids, references and anonymous functions by placeholders:
// #PID<0.97.0> → #PID<p1>, #Reference<0.1.2.3> → #Reference<r1>,
// #Function<42.3316493/1 in :erl_eval.expr/6> → #Function<…/1>.
func (n *normalizer) terms(s string) string {
	s = pidRE.ReplaceAllStringFunc(s, func(m string) string {
		return fmt.Sprintf("#PID<p%d>", number(n.pids, m))
	})
	s = refRE.ReplaceAllStringFunc(s, func(m string) string {
		return fmt.Sprintf("#Reference<r%d>", number(n.refs, m))
	})
	s = funRE.ReplaceAllStringFunc(s, func(m string) string {
		if sub := funRE.FindStringSubmatch(m); sub[1] != "" {
			return "#Function<…/" + sub[1] + ">"
		}
		return "#Function<…>"
	})
	return s
}

// stderr strips Logger timestamps and the stacktrace lines under each
// "** (Kind) message" banner: they name Elixir's own files and lines.
func stderrLines(s string) string {
	s = logTimeRE.ReplaceAllString(s, "$1")
	lines := strings.SplitAfter(s, "\n")
	out := lines[:0]
	inBanner := false
	for _, l := range lines {
		switch {
		case strings.HasPrefix(l, "** ("):
			inBanner = true
		case inBanner && stackLineRE.MatchString(l):
			continue
		case l != "" && !strings.HasPrefix(l, " ") && l != "\n":
			inBanner = false
		}
		out = append(out, l)
	}
	return strings.Join(out, "")
}

// Normalize applies the normalisation to one run's output. The same
// function is applied to recorded expectations and to goiex's output, and it
// is idempotent, so normalised golden files compare equal to themselves.
func Normalize(stdout, stderr string) (string, string) {
	n := newNormalizer()
	return n.terms(stdout), stderrLines(n.terms(stderr))
}
