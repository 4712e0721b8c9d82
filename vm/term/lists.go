package term

import (
	"strings"
	"unicode/utf8"
)

// IsKeyword is Keyword.keyword?/1: a proper list of {atom, value} pairs.
func IsKeyword(t Term) bool {
	for ; t.IsCons(); t = t.Tail() {
		h := t.Head()
		if !h.IsTuple() || h.TupleSize() != 2 || !h.Elems()[0].IsAtom() {
			return false
		}
	}
	return t.IsEmptyList()
}

// isInspectKeyword is Inspect.List.keyword?/1: like IsKeyword, but a key
// that is a module alias (Foo) makes the list print as tuples.
func isInspectKeyword(t Term) bool {
	for ; t.IsCons(); t = t.Tail() {
		h := t.Head()
		if !h.IsTuple() || h.TupleSize() != 2 || !h.Elems()[0].IsAtom() ||
			strings.HasPrefix(h.Elems()[0].AtomName(), "Elixir.") {
			return false
		}
	}
	return t.IsEmptyList()
}

// IsCharlist reports whether t is a proper list of Unicode code points
// (List.Chars would make a string of it; [] is one).
func IsCharlist(t Term) bool {
	for ; t.IsCons(); t = t.Tail() {
		if !isCodePoint(t.Head()) {
			return false
		}
	}
	return t.IsEmptyList()
}

func isCodePoint(t Term) bool {
	if !t.IsSmallInt() {
		return false
	}
	c := t.SmallInt()
	return c >= 0 && c <= 0x10FFFF && !(c >= 0xD800 && c <= 0xDFFF)
}

// ListFromString is String.to_charlist/1: the code points of s (bytes
// of invalid UTF-8 become code points of their own value).
func ListFromString(s string) Term {
	rs := make([]Term, 0, len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			r = rune(s[i])
		}
		rs = append(rs, Int(int64(r)))
		i += size
	}
	return List(rs...)
}

// ListFromBytes is :erlang.binary_to_list/1: one integer per byte.
func ListFromBytes(s string) Term {
	l := EmptyList
	for i := len(s) - 1; i >= 0; i-- {
		l = NewCons(Int(int64(s[i])), l)
	}
	return l
}

// ChardataToString is IO.chardata_to_string/1 and List.to_string/1:
// t is a binary, or a possibly nested list of code points and binaries
// whose tail may be a binary. ok is false for anything else.
func ChardataToString(t Term) (string, bool) {
	if t.IsBinary() {
		return t.Str(), true
	}
	var b strings.Builder
	if !appendChardata(&b, t) {
		return "", false
	}
	return b.String(), true
}

// appendChardata writes the chardata t (a list, or a binary tail) to b:
// integers are code points.
func appendChardata(b *strings.Builder, t Term) bool { return appendFlat(b, t, writeCodePoint) }

func writeCodePoint(b *strings.Builder, h Term) bool {
	if !isCodePoint(h) {
		return false
	}
	b.WriteRune(rune(h.SmallInt()))
	return true
}

func writeByte(b *strings.Builder, h Term) bool {
	if v := h.SmallInt(); v < 0 || v > 255 {
		return false
	}
	b.WriteByte(byte(h.SmallInt()))
	return true
}

// appendFlat writes a possibly nested list of integers (each written by
// writeInt) and binaries, whose tail may be a binary, to b. It recurses
// only into nested lists, never along a list's tail.
func appendFlat(b *strings.Builder, t Term, writeInt func(*strings.Builder, Term) bool) bool {
	for t.IsCons() {
		c := t.Cell()
		switch h := c.Head; {
		case h.IsSmallInt():
			if !writeInt(b, h) {
				return false
			}
		case h.IsBinary():
			b.WriteString(h.Str())
		case h.IsList():
			if !appendFlat(b, h, writeInt) {
				return false
			}
		default:
			return false
		}
		t = c.Tail
	}
	if t.IsBinary() {
		b.WriteString(t.Str())
		return true
	}
	return t.IsEmptyList()
}

// IOListToBinary is :erlang.iolist_to_binary/1 (IO.iodata_to_binary/1):
// t is a binary, or a possibly nested list of bytes (0..255) and binaries
// whose tail may be a binary. ok is false for anything else.
func IOListToBinary(t Term) (string, bool) {
	if t.IsBinary() {
		return t.Str(), true
	}
	var b strings.Builder
	if !appendFlat(&b, t, writeByte) {
		return "", false
	}
	return b.String(), true
}

// IOListSize is :erlang.iolist_size/1 (-1 when t is not iodata).
func IOListSize(t Term) int {
	s, ok := IOListToBinary(t)
	if !ok {
		return -1
	}
	return len(s)
}
