package term

import (
	"strings"
	"testing"
)

// Functions and references have goiex's own numbers; their shapes are
// Elixir's (recorded from Elixir 1.14.0 / OTP 25: &String.upcase/1,
// &:lists.reverse/1, #Function<0.19088497/1 in M.f/0>,
// #Function<43.3316493/0 in :erl_eval.expr/6>).
func TestInspectFunsAndRefs(t *testing.T) {
	tests := []struct {
		in   Term
		want string
	}{
		{NewFun(&Fun{Module: "Elixir.String", Name: "upcase", Arity: 1, External: true}), "&String.upcase/1"},
		{NewFun(&Fun{Module: "lists", Name: "reverse", Arity: 1, External: true}), "&:lists.reverse/1"},
		{NewFun(&Fun{Module: "erlang", Name: "+", Arity: 2, External: true}), "&:erlang.+/2"},
		{NewFun(&Fun{Module: "Elixir.M", Name: "foo bar", Arity: 0, External: true}), `&M."foo bar"/0`},
		{NewFun(&Fun{Module: "", Arity: 0, ID: 43}), "#Function<43.3316493/0 in :erl_eval.expr/6>"},
		{NewFun(&Fun{Module: "Elixir.M", Name: "-f/0-fun-0-", Arity: 1, ID: 0}), "#Function<0.115058163/1 in M.f/0>"},
		{NewFun(&Fun{Module: "Elixir.M", Name: "g/1", Arity: 0, ID: 1}), "#Function<1.115058163/0 in M.g/1>"},
		{NewFun(&Fun{Module: "Elixir.M", Arity: 2, ID: 2}), "#Function<2.115058163/2 in M>"},
		{Ref(42), "#Reference<0.0.0.42>"},
		{Pid(7), "#PID<0.7.0>"},
	}
	for _, tt := range tests {
		if got := Inspect(tt.in); got != tt.want {
			t.Errorf("got %s, want %s", got, tt.want)
		}
	}
}

func TestRegisteredStruct(t *testing.T) {
	// defmodule U do defstruct [:z, :a, b: 2] end; IO.inspect(%U{})
	// prints %U{z: nil, a: nil, b: 2} (definition order, not key order).
	u := ModuleAtom("U")
	RegisterStruct(u, []Term{Atom("z"), Atom("a"), Atom("b")})
	s := Struct("U", Atom("a"), Nil, Atom("b"), Int(2), Atom("z"), Nil)
	if got, want := Inspect(s), "%U{z: nil, a: nil, b: 2}"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	// Map.delete(%U{}, :a) prints %{__struct__: U, b: 2, z: nil}.
	d := NewMapTerm(s.MapVal().Delete(Atom("a")))
	if got, want := Inspect(d), "%{__struct__: U, b: 2, z: nil}"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestInspectMillionElementList(t *testing.T) {
	l := longList(1_000_000)
	got := InspectWith(l, InspectOptions{Limit: InspectInfinity})
	if !strings.HasPrefix(got, "[1, 2, 3, ") || !strings.HasSuffix(got, ", 999999, 1000000]") {
		t.Errorf("got %s...%s", got[:20], got[len(got)-20:])
	}
	if testing.Short() {
		return
	}
	got = InspectWith(l, InspectOptions{Limit: InspectInfinity, Pretty: true})
	if lines := strings.Count(got, "\n"); lines < 80_000 {
		t.Errorf("pretty million-element list has %d lines", lines)
	}
	// A deeply nested list: [[[[...]]]].
	deep := EmptyList
	for i := 0; i < 100_000; i++ {
		deep = List(deep)
	}
	if got := InspectWith(deep, InspectOptions{Limit: InspectInfinity}); len(got) != 200_002 {
		t.Errorf("deep list: got %d chars, want 200002", len(got))
	}
}

func BenchmarkInspectList100(b *testing.B) {
	l := longList(100)
	for b.Loop() {
		InspectWith(l, InspectOptions{Pretty: true})
	}
}

func BenchmarkInspectNestedMap(b *testing.B) {
	var users []Term
	for i := 0; i < 20; i++ {
		users = append(users, NewMap(Atom("id"), Int(int64(i)), Atom("name"), String("user"), Atom("tags"), List(Atom("a"), Atom("b"))))
	}
	m := NewMap(Atom("users"), List(users...), Atom("count"), Int(20))
	for b.Loop() {
		InspectWith(m, InspectOptions{Pretty: true})
	}
}

func BenchmarkInspectSmallTuple(b *testing.B) {
	t := Tuple(Atom("ok"), Int(42), String("hello"))
	for b.Loop() {
		Inspect(t)
	}
}

func BenchmarkInspectMillion(b *testing.B) {
	l := longList(1_000_000)
	for b.Loop() {
		InspectWith(l, InspectOptions{Limit: InspectInfinity, Pretty: true})
	}
}
