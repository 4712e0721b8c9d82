package syntax

import (
	"math/big"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// lexer turns source text into tokens. It runs over the whole input
// before parsing starts, and also tracks the stack of open brackets and
// do/fn blocks, so that input which ends inside one is reported as
// incomplete (with Elixir's "missing terminator" message) without the
// parser having to guess.
type lexer struct {
	file string
	src  []byte

	off       int // current byte offset
	line, col int // position of src[off]

	toks  []token
	opens []opener // unclosed ( [ { << do fn, innermost last

	depth int // nesting of interpolations

	// names interns identifier texts: a program repeats its names often.
	names map[string]string

	// interp is set while lexing the inside of a `#{...}`: a `}` that
	// closes nothing opened inside ends the interpolation.
	interp bool
}

// opener is an unclosed bracket or block and where it started.
type opener struct {
	text string // "(", "[", "{", "<<", "do", "fn"
	pos  Pos
}

var closerOf = map[string]string{"(": ")", "[": "]", "{": "}", "<<": ">>", "do": "end", "fn": "end"}

// lex tokenizes src. The final token is always tEOF.
func lex(file string, src []byte) ([]token, *Error) {
	l := &lexer{file: file, src: src, line: 1, col: 1, names: map[string]string{}}
	l.toks = make([]token, 0, len(src)/3+8)
	if err := l.run(); err != nil {
		return nil, err
	}
	return l.toks, nil
}

func (l *lexer) pos() Pos { return Pos{l.line, l.col} }

func (l *lexer) errorf(pos Pos, format string, args ...any) *Error {
	return newError(l.file, l.src, pos, false, format, args...)
}

func (l *lexer) incompletef(pos Pos, format string, args ...any) *Error {
	return newError(l.file, l.src, pos, true, format, args...)
}

// peekAt returns the byte n positions ahead, or 0 past the end.
func (l *lexer) peekAt(n int) byte {
	if l.off+n < len(l.src) {
		return l.src[l.off+n]
	}
	return 0
}

// advance moves over n bytes that contain no newline.
func (l *lexer) advance(n int) {
	l.off += n
	l.col += n
}

// newline moves over a '\n'.
func (l *lexer) newline() {
	l.off++
	l.line++
	l.col = 1
}

// run lexes until the end of input (or, in an interpolation, until its
// closing brace).
func (l *lexer) run() *Error {
	space := true
	for {
		if l.off >= len(l.src) {
			if l.interp {
				return nil // the caller reports the missing "}"
			}
			if n := len(l.opens); n > 0 {
				o := l.opens[n-1]
				return l.incompletef(l.pos(), "missing terminator: %s (for %q starting at line %d)", closerOf[o.text], o.text, o.pos.Line)
			}
			l.toks = append(l.toks, token{kind: tEOF, pos: l.pos(), spaceBefore: true})
			return nil
		}
		c := l.src[l.off]
		switch {
		case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			l.advance(1)
			space = true
			continue
		case c == '\n':
			l.newline()
			l.eol("\n")
			space = true
			continue
		case c == '#':
			for l.off < len(l.src) && l.src[l.off] != '\n' {
				l.off++
			}
			continue
		case c == '\\' && l.peekAt(1) == '\n':
			l.off++
			l.newline()
			space = true
			continue
		case c == '\\' && l.peekAt(1) == '\r' && l.peekAt(2) == '\n':
			l.advance(2)
			l.newline()
			space = true
			continue
		case c == ';':
			l.advance(1)
			l.eol(";")
			space = true
			continue
		case c == '}' && l.interp && len(l.opens) == 0:
			return nil
		}
		start := len(l.toks)
		if err := l.next(c); err != nil {
			return err
		}
		if len(l.toks) > start {
			t := &l.toks[len(l.toks)-1]
			t.spaceBefore = space
			if l.off < len(l.src) {
				switch l.src[l.off] {
				case ' ', '\t', '\n', '\r':
					t.spaceAfter = true
				}
			} else {
				t.spaceAfter = true
			}
		}
		space = false
	}
}

// eol records an expression separator, dropping newlines that cannot end
// an expression: repeated ones, leading ones and those after an operator
// or an opening bracket, which wait for their right side.
func (l *lexer) eol(text string) {
	n := len(l.toks)
	if n == 0 {
		return
	}
	last := &l.toks[n-1]
	switch last.kind {
	case tEOL:
		if text == ";" {
			last.text = ";"
		}
		return
	case tOp:
		if text == "\n" && !isCloser(last.text) {
			return
		}
	}
	l.toks = append(l.toks, token{kind: tEOL, pos: l.pos(), text: text})
}

func isCloser(op string) bool {
	return op == ")" || op == "]" || op == "}" || op == ">>"
}

// emit appends a token that starts at pos.
func (l *lexer) emit(kind tokKind, pos Pos, text string) *token {
	l.toks = append(l.toks, token{kind: kind, pos: pos, text: text})
	return &l.toks[len(l.toks)-1]
}

// next lexes one token starting with byte c.
func (l *lexer) next(c byte) *Error {
	pos := l.pos()
	switch {
	case c >= '0' && c <= '9':
		return l.number()
	case c == '"':
		return l.stringToken('"', tString, "string")
	case c == '\'':
		return l.stringToken('\'', tCharlist, "string")
	case c == ':':
		return l.colon()
	case c == '?':
		return l.char()
	case c == '~' && isLetter(l.peekAt(1)):
		return l.sigil()
	case c == '&' && isDigit(l.peekAt(1)):
		l.advance(1)
		start := l.off
		for l.off < len(l.src) && isDigit(l.src[l.off]) {
			l.advance(1)
		}
		n, err := strconv.Atoi(string(l.src[start:l.off]))
		if err != nil {
			return l.errorf(pos, "invalid capture argument")
		}
		t := l.emit(tCapture, pos, string(l.src[start-1:l.off]))
		t.ival = int64(n)
		return nil
	case c == '_' || c < utf8.RuneSelf && isLetter(c):
		return l.word()
	case c >= utf8.RuneSelf:
		r, _ := utf8.DecodeRune(l.src[l.off:])
		if unicode.IsLetter(r) {
			return l.word()
		}
		return l.errorf(pos, "unexpected token: %q (column %d, code point U+%04X)", string(r), pos.Col, r)
	}
	return l.operator()
}

func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// identEnd returns the offset just past the identifier starting at off
// (letters, digits, underscores, then an optional ? or !).
func (l *lexer) identEnd(off int, allowAt bool) int {
	for off < len(l.src) {
		c := l.src[off]
		if c == '_' || isLetter(c) || isDigit(c) || allowAt && c == '@' {
			off++
			continue
		}
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRune(l.src[off:])
			if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r) {
				off += size
				continue
			}
		}
		break
	}
	if off < len(l.src) && (l.src[off] == '?' || l.src[off] == '!') {
		off++
	}
	return off
}

var reservedWords = map[string]tokKind{
	"do": tReserved, "end": tReserved, "fn": tReserved, "else": tReserved,
	"after": tReserved, "catch": tReserved, "rescue": tReserved,
	"true": tLiteralWord, "false": tLiteralWord, "nil": tLiteralWord,
	"when": tOp, "and": tOp, "or": tOp, "not": tOp, "in": tOp,
}

// word lexes an identifier, alias, keyword key or reserved word.
func (l *lexer) word() *Error {
	pos := l.pos()
	end := l.identEnd(l.off, false)
	text := l.intern(l.src[l.off:end])
	l.col += utf8.RuneCount(l.src[l.off:end])
	l.off = end
	// `name:` followed by a space is a keyword key; `name::` is a type.
	if l.off < len(l.src) && l.src[l.off] == ':' && l.peekAt(1) != ':' {
		if c := l.peekAt(1); c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != 0 {
			return l.errorf(pos, "keyword argument must be followed by space after: %s:", text)
		}
		l.advance(1)
		l.emit(tKw, pos, text)
		return nil
	}
	afterDot := len(l.toks) > 0 && l.toks[len(l.toks)-1].is(".")
	if text[0] >= 'A' && text[0] <= 'Z' {
		l.emit(tAlias, pos, text)
		return nil
	}
	if kind, ok := reservedWords[text]; ok && !afterDot {
		switch {
		case text == "not" && l.followedByIn():
			l.emit(tOp, pos, "not in")
			return nil
		case text == "do" || text == "fn":
			l.opens = append(l.opens, opener{text, pos})
		case text == "end":
			if err := l.close("end", pos); err != nil {
				return err
			}
		}
		if kind == tOp && text != "not" { // `not` is only unary: a line may start with it
			l.dropLeadingEOL()
		}
		l.emit(kind, pos, text)
		return nil
	}
	l.emit(tIdent, pos, text)
	return nil
}

// followedByIn reports whether spaces and then the word `in` come next,
// and if so moves past them (for the `not in` operator).
func (l *lexer) followedByIn() bool {
	i := l.off
	for i < len(l.src) && (l.src[i] == ' ' || l.src[i] == '\t') {
		i++
	}
	if i == l.off || i+2 > len(l.src) || string(l.src[i:i+2]) != "in" || l.identEnd(i, false) != i+2 {
		return false
	}
	l.advance(i + 2 - l.off)
	return true
}

// close pops the opener that closer ends, or reports a mismatch.
func (l *lexer) close(closer string, pos Pos) *Error {
	n := len(l.opens)
	if n == 0 {
		if closer == "end" {
			return l.errorf(pos, "unexpected reserved word: end")
		}
		return l.errorf(pos, "unexpected token: %s", closer)
	}
	o := l.opens[n-1]
	if closerOf[o.text] != closer {
		if closer == "end" {
			return l.errorf(pos, "unexpected reserved word: end. The %q at line %d is missing terminator %q", o.text, o.pos.Line, closerOf[o.text])
		}
		return l.errorf(pos, "unexpected token: %s. The %q at line %d is missing terminator %q", closer, o.text, o.pos.Line, closerOf[o.text])
	}
	l.opens = l.opens[:n-1]
	return nil
}

// dropLeadingEOL removes a newline just before a binary operator, so that
// an operator at the start of a line continues the previous expression.
func (l *lexer) dropLeadingEOL() {
	if n := len(l.toks); n > 0 && l.toks[n-1].kind == tEOL && l.toks[n-1].text == "\n" {
		l.toks = l.toks[:n-1]
	}
}

// number lexes an integer or float literal.
func (l *lexer) number() *Error {
	pos := l.pos()
	start := l.off
	base := 10
	if l.src[l.off] == '0' {
		switch l.peekAt(1) {
		case 'x':
			base = 16
		case 'o':
			base = 8
		case 'b':
			base = 2
		}
	}
	if base != 10 {
		l.advance(2)
		digStart := l.off
		for l.off < len(l.src) && (isDigitIn(l.src[l.off], base) || l.src[l.off] == '_' && isDigitIn(l.peekAt(1), base)) {
			l.advance(1)
		}
		if l.off == digStart {
			return l.errorf(pos, "invalid character %q after number 0. If you intended to write a number, make sure to separate the number from the character (using comma, space, etc). If you meant to write a function name or a variable, note that identifiers in Elixir cannot start with numbers. Unexpected token: %c", string(l.src[digStart-1]), l.src[digStart-1])
		}
		return l.intToken(pos, strings.ReplaceAll(string(l.src[digStart:l.off]), "_", ""), base, start)
	}
	l.digits()
	isFloat := false
	if l.peekAt(0) == '.' && isDigit(l.peekAt(1)) {
		isFloat = true
		l.advance(1)
		l.digits()
		if c := l.peekAt(0); c == 'e' || c == 'E' {
			n := 1
			if s := l.peekAt(1); s == '+' || s == '-' {
				n = 2
			}
			if isDigit(l.peekAt(n)) {
				l.advance(n)
				l.digits()
			}
		}
	}
	if c := l.peekAt(0); c == '_' || isLetter(c) {
		return l.errorf(pos, "invalid character %q after number %s. If you intended to write a number, make sure to separate the number from the character (using comma, space, etc). If you meant to write a function name or a variable, note that identifiers in Elixir cannot start with numbers. Unexpected token: %c", string(c), string(l.src[start:l.off]), c)
	}
	text := strings.ReplaceAll(string(l.src[start:l.off]), "_", "")
	if isFloat {
		f, err := strconv.ParseFloat(text, 64)
		if err != nil {
			return l.errorf(pos, "invalid float number %s", text)
		}
		l.emit(tFloat, pos, text).extra = &tokExtra{fval: f}
		return nil
	}
	return l.intToken(pos, text, 10, start)
}

// digits moves over decimal digits and single underscores between them.
func (l *lexer) digits() {
	for l.off < len(l.src) && (isDigit(l.src[l.off]) || l.src[l.off] == '_' && isDigit(l.peekAt(1))) {
		l.advance(1)
	}
}

func isDigitIn(c byte, base int) bool {
	switch base {
	case 2:
		return c == '0' || c == '1'
	case 8:
		return c >= '0' && c <= '7'
	case 16:
		return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
	}
	return isDigit(c)
}

func (l *lexer) intToken(pos Pos, digits string, base int, start int) *Error {
	t := l.emit(tInt, pos, string(l.src[start:l.off]))
	if v, err := strconv.ParseInt(digits, base, 64); err == nil {
		t.ival = v
		return nil
	}
	b, ok := new(big.Int).SetString(digits, base)
	if !ok {
		return l.errorf(pos, "invalid integer %s", digits)
	}
	t.extra = &tokExtra{big: b}
	return nil
}

// char lexes a character literal ?a, ?\n, ?é: an integer codepoint.
func (l *lexer) char() *Error {
	pos := l.pos()
	if l.off+1 >= len(l.src) || l.src[l.off+1] == ' ' || l.src[l.off+1] == '\n' || l.src[l.off+1] == '\t' {
		return l.errorf(pos, "unexpected token: \"?\" (column %d, code point U+003F)", pos.Col)
	}
	l.advance(1)
	var r rune
	if l.src[l.off] == '\\' && l.off+1 < len(l.src) {
		var b strings.Builder
		if err := l.escape(&b, pos); err != nil {
			return err
		}
		r, _ = utf8.DecodeRuneInString(b.String())
		if b.Len() == 0 {
			r = 0
		}
	} else {
		var size int
		r, size = utf8.DecodeRune(l.src[l.off:])
		l.off += size
		l.col++
		if r == '\n' {
			l.line++
			l.col = 1
		}
	}
	t := l.emit(tInt, pos, "?")
	t.ival = int64(r)
	return nil
}

// intern returns b as a string, sharing the text of earlier equal names.
func (l *lexer) intern(b []byte) string {
	if s, ok := l.names[string(b)]; ok {
		return s
	}
	s := string(b)
	l.names[s] = s
	return s
}
