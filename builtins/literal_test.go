package builtins

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"

	"goiex/vm/term"
)

// A reader for the Elixir literals the case files use (integers, floats,
// strings, charlists, ?c, atoms, lists, keyword sugar, tuples, maps,
// structs, ranges), so that the tests can call natives without a VM.

type litReader struct {
	s   string
	pos int
}

func (r *litReader) errorf(format string, args ...any) {
	panic(fmt.Sprintf("at %d of %q: %s", r.pos, r.s, fmt.Sprintf(format, args...)))
}

func (r *litReader) skip() {
	for r.pos < len(r.s) && (r.s[r.pos] == ' ' || r.s[r.pos] == '\n') {
		r.pos++
	}
}

func (r *litReader) peek() byte {
	r.skip()
	if r.pos >= len(r.s) {
		return 0
	}
	return r.s[r.pos]
}

func (r *litReader) eat(tok string) bool {
	r.skip()
	if strings.HasPrefix(r.s[r.pos:], tok) {
		r.pos += len(tok)
		return true
	}
	return false
}

func (r *litReader) expect(tok string) {
	if !r.eat(tok) {
		r.errorf("expected %q", tok)
	}
}

// call reads "Mod.fun(args)" and returns the module, name and args.
func parseCall(s string) (module, name string, args []term.Term) {
	open := strings.IndexByte(s, '(')
	head := s[:open]
	dot := strings.LastIndexByte(head, '.')
	module, name = head[:dot], head[dot+1:]
	r := &litReader{s: s, pos: open + 1}
	args = r.items(")")
	return module, name, args
}

// items reads comma-separated terms up to close, with keyword sugar
// (a: 1) at the end gathered into one keyword list.
func (r *litReader) items(close string) []term.Term {
	var out, kw []term.Term
	for !r.eat(close) {
		if len(out)+len(kw) > 0 {
			r.expect(",")
		}
		if k, ok := r.keywordKey(); ok {
			kw = append(kw, term.Tuple(k, r.term()))
			continue
		}
		out = append(out, r.term())
	}
	if kw != nil {
		out = append(out, term.List(kw...))
	}
	return out
}

// keywordKey reads "name: " if it comes next.
func (r *litReader) keywordKey() (term.Term, bool) {
	r.skip()
	i := r.pos
	for i < len(r.s) && (r.s[i] == '_' || r.s[i] >= 'a' && r.s[i] <= 'z' || r.s[i] >= 'A' && r.s[i] <= 'Z' || r.s[i] >= '0' && r.s[i] <= '9' || r.s[i] == '?' || r.s[i] == '!') {
		i++
	}
	if i > r.pos && i+1 < len(r.s) && r.s[i] == ':' && r.s[i+1] == ' ' {
		k := term.Atom(r.s[r.pos:i])
		r.pos = i + 1
		return k, true
	}
	return term.Term{}, false
}

func (r *litReader) term() term.Term {
	t := r.primary()
	if r.eat("..") {
		last := r.primary()
		step := int64(1)
		if last.SmallInt() < t.SmallInt() {
			step = -1
		}
		st := term.Int(step)
		if r.eat("//") {
			st = r.primary()
		}
		return term.Struct("Range", term.Atom("first"), t, term.Atom("last"), last, term.Atom("step"), st)
	}
	return t
}

func (r *litReader) primary() term.Term {
	c := r.peek()
	switch {
	case c == '[':
		r.pos++
		var el []term.Term
		tail := term.EmptyList
		for !r.eat("]") {
			if len(el) > 0 {
				if r.eat("|") {
					tail = r.term()
					continue
				}
				r.expect(",")
			}
			if k, ok := r.keywordKey(); ok {
				el = append(el, term.Tuple(k, r.term()))
				continue
			}
			el = append(el, r.term())
		}
		return term.ListWithTail(el, tail)
	case c == '{':
		r.pos++
		return term.Tuple(r.items("}")...)
	case c == '%':
		r.pos++
		mod := ""
		if r.peek() != '{' {
			start := r.pos
			for r.s[r.pos] != '{' {
				r.pos++
			}
			mod = r.s[start:r.pos]
		}
		r.expect("{")
		m := term.EmptyMap.MapVal()
		if mod != "" {
			m = m.Put(term.StructKey(), term.ModuleAtom(mod))
			for k, v := range exceptionDefaults[mod] {
				m = m.Put(term.Atom(k), v)
			}
			if strings.HasSuffix(mod, "Error") {
				m = m.Put(term.ExceptionKey(), term.True)
			}
		}
		for !r.eat("}") {
			if m.Len() > 0 && !(mod != "" && r.pos > 0 && r.s[r.pos-1] == '{') {
				r.eat(",")
			}
			if k, ok := r.keywordKey(); ok {
				m = m.Put(k, r.term())
				continue
			}
			k := r.term()
			r.expect("=>")
			m = m.Put(k, r.term())
		}
		return term.NewMapTerm(m)
	case c == '"':
		return term.String(r.quoted('"'))
	case c == '\'':
		return charlist(r.quoted('\''))
	case c == '?':
		r.pos++
		if r.s[r.pos] == '\\' {
			r.pos += 2
			return term.Int(int64(map[byte]rune{'s': ' ', 'n': '\n', 't': '\t', '\\': '\\'}[r.s[r.pos-1]]))
		}
		ch, n := utf8.DecodeRuneInString(r.s[r.pos:])
		r.pos += n
		return term.Int(int64(ch))
	case c == ':':
		r.pos++
		if r.peek() == '"' {
			return term.Atom(r.quoted('"'))
		}
		return term.Atom(r.ident())
	case c == '-' || c >= '0' && c <= '9':
		return r.number()
	}
	switch id := r.ident(); id {
	case "true":
		return term.True
	case "false":
		return term.False
	case "nil":
		return term.Nil
	default:
		r.errorf("unknown literal %q", id)
	}
	return term.Term{}
}

var exceptionDefaults = map[string]map[string]term.Term{
	"KeyError":        {"key": term.Nil, "term": term.Nil, "message": term.Nil},
	"ArithmeticError": {"message": term.String("bad argument in arithmetic expression")},
	"RuntimeError":    {"message": term.String("runtime error")},
}

func (r *litReader) ident() string {
	start := r.pos
	for r.pos < len(r.s) {
		c := r.s[r.pos]
		if c == '_' || c == '?' || c == '!' || c == '.' && r.pos+1 < len(r.s) && r.s[r.pos+1] != '.' && r.pos > start && r.s[r.pos-1] != '.' ||
			c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
			r.pos++
			continue
		}
		break
	}
	return r.s[start:r.pos]
}

func (r *litReader) number() term.Term {
	start := r.pos
	if r.s[r.pos] == '-' {
		r.pos++
	}
	if strings.HasPrefix(r.s[r.pos:], "0x") {
		r.pos += 2
		hs := r.pos
		for r.pos < len(r.s) && digitVal(r.s[r.pos]) < 16 {
			r.pos++
		}
		n, _ := strconv.ParseInt(r.s[hs:r.pos], 16, 64)
		if r.s[start] == '-' {
			n = -n
		}
		return term.Int(n)
	}
	isFloat := false
	for r.pos < len(r.s) {
		c := r.s[r.pos]
		switch {
		case c >= '0' && c <= '9' || c == '_':
		case c == '.' && r.pos+1 < len(r.s) && r.s[r.pos+1] >= '0' && r.s[r.pos+1] <= '9':
			isFloat = true
		case (c == 'e' || c == 'E') && isFloat:
			if r.s[r.pos+1] == '-' || r.s[r.pos+1] == '+' {
				r.pos++
			}
		default:
			goto done
		}
		r.pos++
	}
done:
	text := strings.ReplaceAll(r.s[start:r.pos], "_", "")
	if isFloat {
		f, err := strconv.ParseFloat(text, 64)
		if err != nil {
			r.errorf("bad float %q", text)
		}
		return term.Float(f)
	}
	b, ok := new(big.Int).SetString(text, 10)
	if !ok {
		r.errorf("bad integer %q", text)
	}
	return term.BigInt(b)
}

// quoted reads a string or charlist body with Elixir's common escapes.
func (r *litReader) quoted(q byte) string {
	r.pos++ // opening quote
	var b strings.Builder
	for r.s[r.pos] != q {
		c := r.s[r.pos]
		if c != '\\' {
			b.WriteByte(c)
			r.pos++
			continue
		}
		r.pos++
		e := r.s[r.pos]
		r.pos++
		switch e {
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case '0':
			b.WriteByte(0)
		case 'u':
			var hex string
			if r.s[r.pos] == '{' {
				end := strings.IndexByte(r.s[r.pos:], '}')
				hex = r.s[r.pos+1 : r.pos+end]
				r.pos += end + 1
			} else {
				hex = r.s[r.pos : r.pos+4]
				r.pos += 4
			}
			n, _ := strconv.ParseInt(hex, 16, 32)
			b.WriteRune(rune(n))
		default:
			b.WriteByte(e)
		}
	}
	r.pos++
	return b.String()
}
