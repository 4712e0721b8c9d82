package term

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// IsPrintable reports whether Elixir's String.printable?/1 holds for s:
// valid UTF-8 made of printable characters and the escapes \n \r \t \v
// \b \f \e \d \a. Strings that are printable inspect as "..."; others as
// <<...>>.
func IsPrintable(s string) bool { return isPrintableLimit(s, infinity) }

// isPrintableLimit is String.printable?(s, limit): only the first limit
// characters are checked.
func isPrintableLimit(s string, limit int) bool {
	for i := 0; i < len(s); {
		if limit == 0 {
			return true
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if !(c >= 32 && c <= 126 || c >= 7 && c <= 13 || c == 27 || c == 127) {
				return false
			}
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 || !printableRune(r) {
				return false
			}
			i += size
		}
		limit = decrement(limit)
	}
	return true
}

func printableRune(r rune) bool {
	return r >= 0xA0 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// escape is Code.Identifier.escape/3 with Elixir's escape map: quote is
// the delimiter to escape (" or '), limit the number of characters to
// keep (infinity for all). It returns the escaped text and whether
// characters were left out.
func escape(s string, quote byte, limit int) (string, bool) {
	var b strings.Builder
	b.Grow(len(s) + 2)
	for i := 0; i < len(s); {
		if limit == 0 {
			return b.String(), true
		}
		limit = decrement(limit)
		c := s[i]
		switch {
		case c == quote:
			b.WriteByte('\\')
			b.WriteByte(c)
			i++
			continue
		case c == '#' && i+1 < len(s) && s[i+1] == '{':
			b.WriteString(`\#{`)
			i += 2
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			writeHexByte(&b, c)
			i++
			continue
		}
		i += size
		switch r {
		case 7:
			b.WriteString(`\a`)
		case 8:
			b.WriteString(`\b`)
		case 127:
			b.WriteString(`\d`)
		case 27:
			b.WriteString(`\e`)
		case 12:
			b.WriteString(`\f`)
		case 10:
			b.WriteString(`\n`)
		case 13:
			b.WriteString(`\r`)
		case 9:
			b.WriteString(`\t`)
		case 11:
			b.WriteString(`\v`)
		case '\\':
			b.WriteString(`\\`)
		case 0:
			b.WriteString(`\0`)
		case 0xFEFF:
			b.WriteString(`\uFEFF`)
		default:
			switch {
			case r >= 32 && r <= 126 || printableRune(r):
				b.WriteRune(r)
			case r < 256:
				writeHexByte(&b, byte(r))
			default:
				const hex = "0123456789ABCDEF"
				b.WriteString(`\x{`)
				digits := 4
				if r >= 0x10000 {
					digits = 6
				}
				for d := digits - 1; d >= 0; d-- {
					b.WriteByte(hex[(r>>(4*d))&0xF])
				}
				b.WriteByte('}')
			}
		}
	}
	return b.String(), false
}

func writeHexByte(b *strings.Builder, c byte) {
	const hex = "0123456789ABCDEF"
	b.WriteString(`\x`)
	b.WriteByte(hex[c>>4])
	b.WriteByte(hex[c&0xF])
}

// ---- atoms ----

// atomClass is Macro.inner_classify/1.
type atomClass uint8

const (
	atomIdentifier  atomClass = iota // foo, foo?, _bar
	atomUnquotedOp                   // +, ==, and, in
	atomQuotedOp                     // ::, ^^^
	atomNotCallable                  // .., %{}, Foo, foo@bar
	atomAlias                        // :"Elixir.Foo"
	atomOther                        // "foo bar", "1a": needs quotes
)

var (
	notCallable     = map[string]bool{"%": true, "%{}": true, "{}": true, "<<>>": true, "...": true, "..": true, ".": true, "..//": true, "->": true}
	quotedOperators = map[string]bool{"::": true, "^^^": true, "~~~": true, "<|>": true}
	// The unary and binary operators of Code.Identifier, except //,
	// which Macro.operator?/2 leaves out.
	operators = map[string]bool{
		"&": true, "!": true, "^": true, "not": true, "+": true, "-": true, "@": true,
		"<-": true, `\\`: true, "when": true, "|": true, "=": true, "||": true, "|||": true,
		"or": true, "&&": true, "&&&": true, "and": true, "==": true, "!=": true, "=~": true,
		"===": true, "!==": true, "<": true, "<=": true, ">=": true, ">": true, "|>": true,
		"<<<": true, ">>>": true, "<~": true, "~>": true, "<<~": true, "~>>": true, "<~>": true,
		"in": true, "++": true, "--": true, "<>": true, "+++": true, "---": true,
		"*": true, "/": true, "**": true,
	}
)

func classifyAtom(name string) atomClass {
	switch {
	case notCallable[name]:
		return atomNotCallable
	case quotedOperators[name]:
		return atomQuotedOp
	case operators[name]:
		return atomUnquotedOp
	case isAliasName(name):
		return atomAlias
	}
	kind, ok := tokenizeIdentifier(name)
	switch {
	case !ok:
		return atomOther
	case kind == identAlias || kind == identAt:
		return atomNotCallable
	}
	return atomIdentifier
}

// isAliasName is Macro.valid_alias?/1: "Elixir" followed by pieces
// ".Upper[A-Za-z0-9_]*".
func isAliasName(name string) bool {
	rest, ok := strings.CutPrefix(name, "Elixir")
	if !ok {
		return false
	}
	for rest != "" {
		if len(rest) < 2 || rest[0] != '.' || rest[1] < 'A' || rest[1] > 'Z' {
			return false
		}
		rest = rest[2:]
		for rest != "" && isASCIIIdentChar(rest[0]) {
			rest = rest[1:]
		}
	}
	return true
}

func isASCIIIdentChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

type identKind uint8

const (
	identPlain identKind = iota
	identAlias           // starts with an upper-case letter
	identAt              // contains @
)

// tokenizeIdentifier is the part of Elixir's String.Tokenizer that
// decides whether a whole atom reads as one identifier: a letter or _
// to start, then letters, marks, digits, _ and @, then an optional ? or !.
func tokenizeIdentifier(name string) (identKind, bool) {
	if name == "" {
		return 0, false
	}
	kind := identPlain
	for i, r := range name {
		switch {
		case i == 0:
			if !(r == '_' || isIdentStart(r)) {
				return 0, false
			}
			if r >= 'A' && r <= 'Z' || r >= 0x80 && isUpperStart(r) {
				kind = identAlias
			}
		case r == '?' || r == '!':
			if i != len(name)-1 {
				return 0, false
			}
		case r == '@':
			if kind != identAlias {
				kind = identAt
			}
		case r == '_' || isIdentContinue(r):
		default:
			return 0, false
		}
	}
	return kind, true
}

func isIdentStart(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Nl, r)
}

func isIdentContinue(r rune) bool {
	if r < utf8.RuneSelf {
		return r < 128 && isASCIIIdentChar(byte(r))
	}
	return unicode.In(r, unicode.L, unicode.Nl, unicode.Mn, unicode.Mc, unicode.Nd, unicode.Pc)
}

func isUpperStart(r rune) bool { return unicode.IsUpper(r) || unicode.IsTitle(r) }

// inspectAtom is Macro.inspect_atom(:literal, atom): how an atom reads
// on its own (:ok, Foo, :"foo bar", true).
func inspectAtom(name string) string {
	switch name {
	case "nil", "true", "false":
		return name
	}
	switch classifyAtom(name) {
	case atomAlias:
		if name == "Elixir" || name == "Elixir.Elixir" || strings.HasPrefix(name, "Elixir.Elixir.") {
			return name
		}
		return name[len("Elixir."):]
	case atomQuotedOp, atomOther:
		e, _ := escape(name, '"', infinity)
		return `:"` + e + `"`
	}
	return ":" + name
}

// inspectAtomKey is Macro.inspect_atom(:key, atom): the key of a keyword
// list or map (ok:, "foo bar":).
func inspectAtomKey(name string) string {
	switch classifyAtom(name) {
	case atomAlias:
		return `"` + name + `":`
	case atomQuotedOp, atomOther:
		e, _ := escape(name, '"', infinity)
		return `"` + e + `":`
	}
	return name + ":"
}

// inspectAtomCall is Macro.inspect_atom(:remote_call, atom): a function
// name after a dot (&Mod.fun/1, &Mod."foo bar"/0).
func inspectAtomCall(name string) string {
	switch classifyAtom(name) {
	case atomIdentifier, atomUnquotedOp, atomQuotedOp:
		return name
	case atomNotCallable, atomAlias:
		return `"` + name + `"`
	}
	e, _ := escape(name, '"', infinity)
	return `"` + e + `"`
}
