package observe

import (
	"testing"

	"goiex/vm/term"
)

func TestAppendSimpleMatchesInspect(t *testing.T) {
	c := atomCache{}
	for _, x := range []term.Term{
		term.Int(0), term.Int(-42), term.Int(1 << 40),
		term.Atom("ok"), term.Atom("with space"), term.Atom("Elixir.Foo.Bar"), term.Atom("nil"), term.Atom("true"), term.Atom("é"),
		term.Pid(101), term.Ref(7),
		term.Tuple(), term.Tuple(term.Atom("token"), term.Int(41)),
		term.Tuple(term.Atom("request"), term.Pid(100), term.Ref(3), term.Tuple(term.Int(1), term.Atom("a"))),
	} {
		got, ok := appendSimple(nil, x, c, 0)
		if !ok {
			t.Errorf("appendSimple(%s) declined", term.Inspect(x))
			continue
		}
		if want := term.Inspect(x); string(got) != want {
			t.Errorf("appendSimple: got %s, want %s", got, want)
		}
	}
	for _, x := range []term.Term{term.List(term.Int(104), term.Int(105)), term.String("hi"), term.Float(1.5), term.Tuple(term.String("x"))} {
		if _, ok := appendSimple(nil, x, c, 0); ok {
			t.Errorf("appendSimple(%s) should decline", term.Inspect(x))
		}
	}
	if got := string(appendElided(nil, term.Tuple(term.Atom("token"), term.Int(123456789)), 10, c)); got != "{:token, …" {
		t.Errorf("appendElided: got %q", got)
	}
}
