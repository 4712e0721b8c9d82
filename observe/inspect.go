package observe

import (
	"strconv"

	"goiex/vm/term"
)

// A trace of a busy system inspects millions of small messages
// ({:token, 41}, pids, atoms); term.Inspect lays out a document for each.
// appendSimple writes the common small terms directly, exactly as
// term.Inspect would on one line, and declines the rest (lists, which
// may print as charlists; strings, which need escaping; maps; floats).

// atomCache remembers how atoms inspect (:ok, :"with space", Elixir.Foo
// as Foo); it belongs to one tracer, which runs on one goroutine.
type atomCache map[uint32]string

func (c atomCache) atom(t term.Term) string {
	s, ok := c[t.AtomIndex()]
	if !ok {
		s = term.Inspect(t)
		c[t.AtomIndex()] = s
	}
	return s
}

// appendSimple appends t's inspection, or reports false (b unchanged in
// meaning: the caller drops what was appended) when t is not simple.
func appendSimple(b []byte, t term.Term, c atomCache, depth int) ([]byte, bool) {
	switch t.Kind() {
	case term.KindInt:
		return strconv.AppendInt(b, t.SmallInt(), 10), true
	case term.KindAtom:
		return append(b, c.atom(t)...), true
	case term.KindPid:
		return appendPid(b, t), true
	case term.KindRef:
		b = append(b, "#Reference<0.0.0."...)
		b = strconv.AppendUint(b, t.RefSerial(), 10)
		return append(b, '>'), true
	case term.KindTuple:
		e := t.Elems()
		if depth > 3 || len(e) > 8 {
			return b, false
		}
		b = append(b, '{')
		for i, x := range e {
			if i > 0 {
				b = append(b, ", "...)
			}
			var ok bool
			if b, ok = appendSimple(b, x, c, depth+1); !ok {
				return b, false
			}
		}
		return append(b, '}'), true
	}
	return b, false
}

func appendPid(b []byte, pid term.Term) []byte {
	b = append(b, "#PID<0."...)
	b = strconv.AppendUint(b, pid.PidSerial(), 10)
	return append(b, ".0>"...)
}

// appendElided appends t inspected and cut to max runes.
func appendElided(b []byte, t term.Term, max int, c atomCache) []byte {
	start := len(b)
	if out, ok := appendSimple(b, t, c, 0); ok {
		if len(out)-start <= max {
			return out
		}
		s := string(out[start:])
		return append(out[:start], cut(s, max)...)
	}
	return append(b[:start], elide(t, max)...)
}
