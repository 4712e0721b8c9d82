package syntax

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// quoteSpec describes one kind of quoted text: strings, charlists, quoted
// atoms and keys, sigils, and the heredoc forms of these.
type quoteSpec struct {
	close   byte // closing delimiter (the quote character for heredocs)
	heredoc bool
	indent  int  // heredoc: whitespace stripped from each line
	interp  bool // #{...} interpolates
	escapes bool // backslash escapes are processed (else kept raw)
	what    string
	term    string // the terminator as shown in error messages
	start   Pos
}

// stringToken lexes "..." / '...' or their heredoc forms, and a quoted
// keyword key ("key": value) when a colon and a space follow.
func (l *lexer) stringToken(q byte, kind tokKind, what string) *Error {
	pos := l.pos()
	if l.peekAt(1) == q && l.peekAt(2) == q {
		parts, err := l.heredoc(quoteSpec{close: q, interp: true, escapes: true, start: pos})
		if err != nil {
			return err
		}
		l.emit(kind, pos, "").parts = parts
		return nil
	}
	l.advance(1)
	parts, err := l.quoted(quoteSpec{close: q, interp: true, escapes: true, what: what, start: pos})
	if err != nil {
		return err
	}
	if l.peekAt(0) == ':' && l.peekAt(1) != ':' {
		switch l.peekAt(1) {
		case ' ', '\t', '\n', '\r', 0:
			l.advance(1)
			setQuotedText(l.emit(tKw, pos, ""), parts)
			return nil
		}
	}
	l.emit(kind, pos, "").parts = parts
	return nil
}

// heredoc lexes a """ or ”' block; l.off is at the opening quotes. The
// closing quotes' indentation is removed from every line.
func (l *lexer) heredoc(spec quoteSpec) ([]strPart, *Error) {
	q := spec.close
	l.advance(3)
	for l.off < len(l.src) && (l.src[l.off] == ' ' || l.src[l.off] == '\t' || l.src[l.off] == '\r') {
		l.advance(1)
	}
	if l.off >= len(l.src) {
		return nil, l.incompletef(l.pos(), "missing terminator: %s (for heredoc starting at line %d)", strings.Repeat(string(q), 3), spec.start.Line)
	}
	if l.src[l.off] != '\n' {
		return nil, l.errorf(l.pos(), "heredoc allows only zero or more whitespace characters followed by a new line after %s", strings.Repeat(string(q), 3))
	}
	l.newline()
	indent, ok := l.heredocIndent(q)
	if !ok {
		end := l.endPos()
		return nil, newError(l.file, l.src, end, true, "missing terminator: %s (for heredoc starting at line %d)", strings.Repeat(string(q), 3), spec.start.Line)
	}
	spec.heredoc = true
	spec.indent = indent
	spec.what = "heredoc"
	return l.quoted(spec)
}

// heredocIndent finds the closing line of a heredoc starting at l.off and
// returns the width of its leading whitespace.
func (l *lexer) heredocIndent(q byte) (int, bool) {
	i := l.off
	for i < len(l.src) {
		j := i
		for j < len(l.src) && (l.src[j] == ' ' || l.src[j] == '\t') {
			j++
		}
		if j+3 <= len(l.src) && l.src[j] == q && l.src[j+1] == q && l.src[j+2] == q {
			return j - i, true
		}
		k := indexByte(l.src[i:], '\n')
		if k < 0 {
			break
		}
		i += k + 1
	}
	return 0, false
}

// endPos is the position just past the last character of the input.
func (l *lexer) endPos() Pos {
	line, col := 1, 1
	for _, c := range l.src {
		if c == '\n' {
			line++
			col = 1
		} else {
			col++
		}
	}
	return Pos{line, col}
}

// quoted lexes quoted text after its opening delimiter, up to and past
// the closing one.
func (l *lexer) quoted(spec quoteSpec) ([]strPart, *Error) {
	var parts []strPart
	var b strings.Builder
	textPos := l.pos()
	flush := func() {
		if b.Len() > 0 {
			parts = append(parts, strPart{pos: textPos, text: b.String()})
			b.Reset()
		}
	}
	atLineStart := spec.heredoc
	for {
		if atLineStart {
			atLineStart = false
			j := l.off
			for j < len(l.src) && (l.src[j] == ' ' || l.src[j] == '\t') {
				j++
			}
			if j+3 <= len(l.src) && l.src[j] == spec.close && l.src[j+1] == spec.close && l.src[j+2] == spec.close {
				l.advance(j + 3 - l.off)
				flush()
				return parts, nil
			}
			for n := 0; n < spec.indent && l.off < j; n++ {
				l.advance(1)
			}
		}
		if l.off >= len(l.src) {
			term := spec.term
			if term == "" {
				term = string(spec.close)
				if spec.heredoc {
					term = strings.Repeat(term, 3)
				}
			}
			return nil, l.incompletef(l.pos(), "missing terminator: %s (for %s starting at line %d)", term, spec.what, spec.start.Line)
		}
		c := l.src[l.off]
		switch {
		case c == spec.close && !spec.heredoc:
			l.advance(1)
			flush()
			return parts, nil
		case c == '\\' && l.off+1 < len(l.src):
			if b.Len() == 0 {
				textPos = l.pos()
			}
			if spec.escapes {
				if err := l.escape(&b, spec.start); err != nil {
					return nil, err
				}
				continue
			}
			if l.src[l.off+1] == spec.close {
				b.WriteByte(spec.close)
				l.advance(2)
				continue
			}
			b.WriteByte('\\')
			l.advance(1)
			if l.src[l.off] == '\n' {
				b.WriteByte('\n')
				l.newline()
				atLineStart = spec.heredoc
				continue
			}
			b.WriteByte(l.src[l.off])
			l.advance(1)
		case c == '#' && spec.interp && l.peekAt(1) == '{':
			flush()
			p, err := l.interpolation(spec)
			if err != nil {
				return nil, err
			}
			parts = append(parts, p)
			textPos = l.pos()
		case c == '\n':
			if b.Len() == 0 {
				textPos = l.pos()
			}
			b.WriteByte('\n')
			l.newline()
			atLineStart = spec.heredoc
		default:
			if b.Len() == 0 {
				textPos = l.pos()
			}
			b.WriteByte(c)
			l.advance(1)
		}
	}
}

// interpolation lexes `#{ ... }` into its own token list, ending in tEOF.
func (l *lexer) interpolation(spec quoteSpec) (strPart, *Error) {
	pos := l.pos()
	if l.depth++; l.depth > maxDepth {
		return strPart{}, l.errorf(pos, "expression nested too deeply (over %d levels)", maxDepth)
	}
	defer func() { l.depth-- }()
	l.advance(2)
	saveToks, saveOpens, saveInterp := l.toks, l.opens, l.interp
	l.toks, l.opens, l.interp = nil, nil, true
	err := l.run()
	toks := l.toks
	l.toks, l.opens, l.interp = saveToks, saveOpens, saveInterp
	if err != nil {
		return strPart{}, err
	}
	if l.off >= len(l.src) {
		return strPart{}, l.incompletef(pos, "missing interpolation terminator: \"}\" (for %s starting at line %d)", spec.what, spec.start.Line)
	}
	toks = append(toks, token{kind: tEOF, pos: l.pos(), spaceBefore: true})
	l.advance(1)
	return strPart{pos: pos, interp: true, toks: toks}, nil
}

// simpleEscapes are the one-letter escapes and their values.
var simpleEscapes = map[byte]byte{'n': '\n', 't': '\t', 'r': '\r', 's': ' ', 'v': '\v', 'f': '\f', 'b': '\b', 'a': 7, 'e': 27, '0': 0, 'd': 127}

// escape processes one backslash escape at l.off, writing its value.
func (l *lexer) escape(b *strings.Builder, start Pos) *Error {
	pos := l.pos()
	l.advance(1)
	c := l.src[l.off]
	if v, ok := simpleEscapes[c]; ok {
		b.WriteByte(v)
		l.advance(1)
		return nil
	}
	switch c {
	case '\n':
		l.newline()
		return nil
	case 'x', 'u':
		l.advance(1)
		var digits string
		if l.peekAt(0) == '{' {
			end := indexByte(l.src[l.off:], '}')
			if end < 0 || end > 9 {
				return l.errorf(pos, "invalid Unicode escape sequence")
			}
			digits = string(l.src[l.off+1 : l.off+end])
			l.advance(end + 1)
		} else {
			want := 4
			if c == 'x' {
				want = 2
			}
			n := 0
			for n < want && isDigitIn(l.peekAt(n), 16) {
				n++
			}
			if c == 'u' && n != 4 || n == 0 {
				return l.errorf(pos, "invalid %s escape sequence", map[byte]string{'x': "hex", 'u': "Unicode"}[c])
			}
			digits = string(l.src[l.off : l.off+n])
			l.advance(n)
		}
		v, err := strconv.ParseUint(digits, 16, 32)
		if err != nil || digits == "" {
			return l.errorf(pos, "invalid escape sequence \\%c{%s}", c, digits)
		}
		if c == 'x' && v < 256 && len(digits) <= 2 {
			b.WriteByte(byte(v))
			return nil
		}
		if v > utf8.MaxRune || v >= 0xD800 && v <= 0xDFFF {
			return l.errorf(pos, "invalid or reserved Unicode code point \\u{%s}", digits)
		}
		b.WriteRune(rune(v))
		return nil
	}
	r, size := utf8.DecodeRune(l.src[l.off:])
	b.WriteRune(r)
	l.off += size
	l.col++
	return nil
}

var sigilClosers = map[byte]byte{'(': ')', '[': ']', '{': '}', '<': '>', '/': '/', '|': '|', '"': '"', '\'': '\''}

// sigil lexes ~x(...)mods and the heredoc form ~x"""...""".
func (l *lexer) sigil() *Error {
	pos := l.pos()
	letter := l.src[l.off+1]
	l.advance(2)
	open := l.peekAt(0)
	closer, ok := sigilClosers[open]
	if !ok {
		return l.errorf(l.pos(), "invalid sigil delimiter: %q (column %d, code point U+%04X). The available delimiters are: //, ||, \"\", '', (), [], {}, <>", string(rune(open)), l.col, open)
	}
	lower := letter >= 'a' && letter <= 'z'
	spec := quoteSpec{close: closer, interp: lower, escapes: lower && letter != 'r', start: pos,
		what: fmt.Sprintf("sigil ~%c%c", letter, open), term: string(closer)}
	var parts []strPart
	var err *Error
	if (open == '"' || open == '\'') && l.peekAt(1) == open && l.peekAt(2) == open {
		parts, err = l.heredoc(spec)
	} else {
		l.advance(1)
		parts, err = l.quoted(spec)
	}
	if err != nil {
		return err
	}
	modStart := l.off
	for l.off < len(l.src) && (isLetter(l.src[l.off]) || isDigit(l.src[l.off])) {
		l.advance(1)
	}
	t := l.emit(tSigil, pos, "~"+string(letter))
	t.parts = parts
	t.extra = &tokExtra{sigil: letter, mods: string(l.src[modStart:l.off])}
	return nil
}
