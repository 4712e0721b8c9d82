package syntax

import (
	"unicode"
	"unicode/utf8"
)

// operators lists every operator and punctuation spelling, longest first
// within each length, so the first prefix match is the longest one.
var operators = [...]string{
	"===", "!==", "<<<", ">>>", "<<~", "~>>", "<~>", "<|>", "|||", "&&&", "^^^", "~~~", "+++", "---", "...",
	"==", "!=", "=~", "<=", ">=", "&&", "||", "|>", "++", "--", "**", "<>", "..", "//", `\\`, "<-", "->", "=>", "::", "<<", ">>", "<~", "~>",
	"+", "-", "*", "/", "=", "<", ">", "!", "^", "&", "|", "@", ".", ",", "(", ")", "[", "]", "{", "}", "%",
}

// operatorSet maps each spelling in operators to itself, for lookups
// by a byte slice without allocating.
var operatorSet = func() map[string]string {
	m := make(map[string]string, len(operators))
	for _, op := range operators {
		m[op] = op
	}
	return m
}()

// atomOperators are the operators that may follow a colon to form an atom
// (`:+`, `:==`, `:%{}`), longest first.
var atomOperators = [...]string{
	"%{}", "<<>>", "===", "!==", "<<<", ">>>", "<<~", "~>>", "<~>", "<|>", "|||", "&&&", "^^^", "~~~", "+++", "---", "...", "..//",
	"==", "!=", "=~", "<=", ">=", "&&", "||", "|>", "++", "--", "**", "<>", "..", "//", `\\`, "<-", "->", "=>", "::", "<~", "~>", "{}", "[]",
	"+", "-", "*", "/", "=", "<", ">", "!", "^", "&", "|", "@", ".", "%",
}

// continuesLine reports whether an operator at the start of a line
// continues the expression of the previous line. Operators that can also
// be unary (+ - ! ^ & @ not) start a new expression instead.
func continuesLine(op string) bool {
	switch op {
	case "+", "-", "!", "^", "&", "@", "~~~", "%", ",", "(", "[", "{", "<<", ")", "]", "}", ">>", "->", "...":
		return false
	}
	return true
}

// operator lexes an operator or punctuation token.
func (l *lexer) operator() *Error {
	pos := l.pos()
	rest := l.src[l.off:]
	for n := min(3, len(rest)); n > 0; n-- {
		op, ok := operatorSet[string(rest[:n])]
		if ok {
			l.advance(len(op))
			switch op {
			case "(", "[", "{", "<<":
				l.opens = append(l.opens, opener{op, pos})
			case ")", "]", "}", ">>":
				if err := l.close(op, pos); err != nil {
					return err
				}
			}
			if continuesLine(op) {
				l.dropLeadingEOL()
			}
			l.emit(tOp, pos, op)
			return nil
		}
	}
	r, _ := utf8.DecodeRune(rest)
	return l.errorf(pos, "unexpected token: %q (column %d, code point U+%04X)", string(r), pos.Col, r)
}

// colon lexes what starts with ':': the `::` operator, or an atom.
func (l *lexer) colon() *Error {
	pos := l.pos()
	c := l.peekAt(1)
	switch {
	case c == ':':
		l.advance(2)
		l.dropLeadingEOL()
		l.emit(tOp, pos, "::")
		return nil
	case c == '"' || c == '\'':
		l.advance(2)
		parts, err := l.quoted(quoteSpec{close: c, interp: true, escapes: true, what: "atom", start: pos})
		if err != nil {
			return err
		}
		t := l.emit(tAtom, pos, "")
		setQuotedText(t, parts)
		return nil
	case c == '_' || isLetter(c):
		end := l.identEnd(l.off+1, true)
		l.emit(tAtom, pos, string(l.src[l.off+1:end]))
		l.col += utf8.RuneCount(l.src[l.off:end])
		l.off = end
		return nil
	case c >= utf8.RuneSelf:
		if r, _ := utf8.DecodeRune(l.src[l.off+1:]); unicode.IsLetter(r) {
			end := l.identEnd(l.off+1, true)
			l.emit(tAtom, pos, string(l.src[l.off+1:end]))
			l.col += utf8.RuneCount(l.src[l.off:end])
			l.off = end
			return nil
		}
	}
	rest := l.src[l.off+1:]
	for _, op := range atomOperators {
		if len(rest) >= len(op) && string(rest[:len(op)]) == op {
			l.advance(1 + len(op))
			l.emit(tAtom, pos, op)
			return nil
		}
	}
	return l.errorf(pos, "unexpected token: \":\" (column %d, code point U+003A)", pos.Col)
}

// setQuotedText stores the parts of a quoted atom or key; a quoted name
// without interpolation becomes plain text.
func setQuotedText(t *token, parts []strPart) {
	if len(parts) == 0 {
		return
	}
	if len(parts) == 1 && !parts[0].interp {
		t.text = parts[0].text
		return
	}
	t.parts = parts
}
