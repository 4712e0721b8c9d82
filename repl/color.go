package repl

import (
	"strings"
	"unicode"

	"github.com/fatih/color"
)

// palette holds IEx 1.14's default colours: results in yellow with
// atoms cyan, strings green, booleans and nil magenta and the brackets
// in the default colour (IEx.Config's :eval_result and :syntax_colors);
// errors and their stacktraces red (:eval_error, :stack_info). Each
// colour is enabled or disabled on its own, never through fatih/color's
// global NoColor.
type palette struct {
	on                                   bool
	result, atom, str, boolean, plain, e *color.Color
}

func newPalette(on bool) palette {
	mk := func(a color.Attribute) *color.Color {
		c := color.New(a)
		if on {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
		return c
	}
	return palette{
		on:      on,
		result:  mk(color.FgYellow),
		atom:    mk(color.FgCyan),
		str:     mk(color.FgGreen),
		boolean: mk(color.FgMagenta),
		plain:   mk(39), // the terminal's default foreground
		e:       mk(color.FgRed),
	}
}

func (p palette) err(s string) string {
	if !p.on || s == "" {
		return s
	}
	return p.e.Sprint(s)
}

// syntax colours the output of inspect token by token. It reads what
// inspect writes (not arbitrary Elixir), so a small scanner is enough.
func (p palette) syntax(s string) string {
	if !p.on {
		return s
	}
	var b strings.Builder
	var base strings.Builder // a run of text in the result colour
	flush := func() {
		if base.Len() > 0 {
			b.WriteString(p.result.Sprint(base.String()))
			base.Reset()
		}
	}
	emit := func(c *color.Color, tok string) {
		flush()
		b.WriteString(c.Sprint(tok))
	}
	rs := []rune(s)
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case r == '"':
			j := scanQuoted(rs, i)
			if j < len(rs) && rs[j] == ':' && (j+1 == len(rs) || rs[j+1] == ' ') {
				emit(p.atom, string(rs[i:j+1])) // "quoted key":
				i = j + 1
				continue
			}
			emit(p.str, string(rs[i:j]))
			i = j
		case r == ':' && i+1 < len(rs) && rs[i+1] == '"':
			j := scanQuoted(rs, i+1)
			emit(p.atom, string(rs[i:j]))
			i = j
		case r == ':' && i+1 < len(rs) && isAtomStart(rs[i+1]):
			j := i + 1
			for j < len(rs) && !isDelimiter(rs[j]) {
				j++
			}
			emit(p.atom, string(rs[i:j]))
			i = j
		case r == '#' && i+1 < len(rs) && unicode.IsUpper(rs[i+1]):
			// #PID<0.110.0>, #Reference<…>, #Function<…>
			j := i
			for j < len(rs) && rs[j] != '>' {
				j++
			}
			if j < len(rs) {
				j++
			}
			base.WriteString(string(rs[i:j]))
			i = j
		case unicode.IsLetter(r) || r == '_':
			j := i
			for j < len(rs) && (unicode.IsLetter(rs[j]) || unicode.IsDigit(rs[j]) || strings.ContainsRune("_.?!@", rs[j])) {
				j++
			}
			word := string(rs[i:j])
			switch {
			case j < len(rs) && rs[j] == ':' && (j+1 == len(rs) || rs[j+1] == ' ' || rs[j+1] == '\n'):
				emit(p.atom, word+":") // keyword key
				j++
			case word == "true" || word == "false" || word == "nil":
				emit(p.boolean, word)
			case unicode.IsUpper(r):
				emit(p.atom, word) // a module name
			default:
				base.WriteString(word)
			}
			i = j
		case unicode.IsDigit(r) || (r == '-' && i+1 < len(rs) && unicode.IsDigit(rs[i+1]) && (i == 0 || !unicode.IsLetter(rs[i-1]))):
			j := i + 1
			for j < len(rs) && (unicode.IsDigit(rs[j]) || rs[j] == '_' ||
				(rs[j] == '.' && j+1 < len(rs) && unicode.IsDigit(rs[j+1])) ||
				((rs[j] == 'e' || rs[j] == 'E') && j+1 < len(rs) && (unicode.IsDigit(rs[j+1]) || rs[j+1] == '-' || rs[j+1] == '+'))) {
				if rs[j] == 'e' || rs[j] == 'E' {
					j++ // the exponent's sign
				}
				j++
			}
			base.WriteString(string(rs[i:j]))
			i = j
		case strings.ContainsRune("{}[]%<>", r):
			emit(p.plain, string(r))
			i++
		default:
			base.WriteRune(r)
			i++
		}
	}
	flush()
	return b.String()
}

// scanQuoted returns the index just past the string starting at the
// quote rs[i].
func scanQuoted(rs []rune, i int) int {
	j := i + 1
	for j < len(rs) {
		switch rs[j] {
		case '\\':
			j += 2
			continue
		case '"':
			return j + 1
		}
		j++
	}
	return len(rs)
}

func isAtomStart(r rune) bool {
	return unicode.IsLetter(r) || r == '_' || strings.ContainsRune("+-*/<>=!&|^~@.\\", r)
}

func isDelimiter(r rune) bool {
	return r == ' ' || r == ',' || r == ']' || r == '}' || r == ')' || r == '\n'
}

// docHeader is the reversed yellow of iex's doc headings.
func (p palette) docHeader(s string) string {
	if !p.on {
		return s
	}
	return "\x1b[7m\x1b[33m" + s + "\x1b[0m"
}
