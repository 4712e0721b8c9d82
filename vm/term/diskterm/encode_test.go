package diskterm

import (
	"bytes"
	"errors"
	"math"
	"math/big"
	"strings"
	"testing"

	"goiex/vm/term"
)

var codec = Codec{Incarnation: 0x1234_5678_9abc_def0}

func bigint(s string) term.Term {
	n, ok := new(big.Int).SetString(s, 10)
	if !ok {
		panic(s)
	}
	return term.BigInt(n)
}

// samples holds one term of every kind and the edge cases of each: the
// limits of small integers, big integers of both signs, both zeros of
// floats, empty and non-ASCII binaries, improper lists, nested maps.
func samples() []term.Term {
	a := term.Atom
	kv := []term.Term{}
	for i := 0; i < 40; i++ { // larger than a small map: the trie form
		kv = append(kv, term.Int(int64(i)), term.Float(float64(i)))
	}
	large := term.NewMap(kv...)
	return []term.Term{
		term.Int(0), term.Int(1), term.Int(-1), term.Int(math.MaxInt64), term.Int(math.MinInt64),
		bigint("123456789012345678901234567890"), bigint("-123456789012345678901234567890"),
		bigint("9223372036854775808"), bigint("-9223372036854775809"),
		term.Float(0), term.Float(math.Copysign(0, -1)), term.Float(1.5), term.Float(-2.5e300),
		term.Float(math.SmallestNonzeroFloat64),
		a("ok"), a("nil"), a(""), a("Elixir.Foo"), a("héllo wörld"),
		term.String(""), term.String("hello"), term.String("\x00\xff not utf-8"),
		term.Tuple(), term.Tuple(a("a"), term.Int(1), term.Tuple(term.String("nested"))),
		term.EmptyList, term.List(term.Int(1), term.Int(2), term.Int(3)),
		term.ListWithTail([]term.Term{term.Int(1), term.Int(2)}, term.Int(3)),
		term.ListWithTail([]term.Term{term.Int(1)}, term.String("tail")),
		term.List(term.EmptyList, term.List(term.EmptyList)),
		term.EmptyMap, term.NewMap(a("a"), term.Int(1), term.String("b"), term.List(term.Int(2))),
		term.NewMap(term.Tuple(term.Int(1)), term.NewMap(term.Float(1), a("x"))),
		large,
		term.Pid(0), term.Pid(110), term.Ref(7),
	}
}

func TestRoundTrip(t *testing.T) {
	for _, want := range samples() {
		got, err := codec.Decode(codec.Encode(want))
		if err != nil {
			t.Errorf("Decode(Encode(%s)): %v", term.Inspect(want), err)
			continue
		}
		if !term.Identical(got, want) || got.Kind() != want.Kind() {
			t.Errorf("round trip: got %s, want %s", term.Inspect(got), term.Inspect(want))
		}
	}
}

// -0.0 === 0.0 on OTP 25 but they are different floats: an object keeps
// its sign, a key does not.
func TestNegativeZero(t *testing.T) {
	nz := term.Float(math.Copysign(0, -1))
	got, err := codec.Decode(codec.Encode(nz))
	if err != nil || !math.Signbit(got.FloatVal()) {
		t.Errorf("Encode(-0.0) read back as %v (%v), want -0.0", got.FloatVal(), err)
	}
	if !bytes.Equal(codec.EncodeKey(nz), codec.EncodeKey(term.Float(0))) {
		t.Errorf("EncodeKey(-0.0) != EncodeKey(0.0); they are === keys")
	}
	inside := func(f term.Term) term.Term { return term.Tuple(term.List(f), term.NewMap(f, f)) }
	if !bytes.Equal(codec.EncodeKey(inside(nz)), codec.EncodeKey(inside(term.Float(0)))) {
		t.Errorf("EncodeKey of -0.0 nested in a list and a map differs from 0.0")
	}
}

// Keys that are === encode the same, however they were built; keys that
// are not === (1 and 1.0, a list and a tuple) encode differently.
func TestKeysCanonical(t *testing.T) {
	same := [][2]term.Term{
		{term.NewMap(term.Atom("a"), term.Int(1), term.Atom("b"), term.Int(2)),
			term.NewMap(term.Atom("b"), term.Int(2), term.Atom("a"), term.Int(1))},
		{term.BigInt(big.NewInt(5)), term.Int(5)},
		{term.Tuple(term.String("x")), term.Tuple(term.String(strings.Repeat("x", 1)))},
	}
	for _, p := range same {
		if !bytes.Equal(codec.EncodeKey(p[0]), codec.EncodeKey(p[1])) {
			t.Errorf("EncodeKey(%s) != EncodeKey(%s)", term.Inspect(p[0]), term.Inspect(p[1]))
		}
	}
	ss := samples()
	for i := range ss {
		for j := range ss {
			if i == j || term.Identical(ss[i], ss[j]) {
				continue
			}
			if bytes.Equal(codec.EncodeKey(ss[i]), codec.EncodeKey(ss[j])) {
				t.Errorf("EncodeKey(%s) == EncodeKey(%s), but they are not ===",
					term.Inspect(ss[i]), term.Inspect(ss[j]))
			}
		}
	}
}

// Another run of the machine reads pids, references and functions as
// their printed form (the package comment says why).
func TestOtherIncarnation(t *testing.T) {
	other := Codec{Incarnation: codec.Incarnation + 1}
	cases := []struct {
		in   term.Term
		want string
	}{
		{term.Pid(110), "#PID<0.110.0>"},
		{term.Ref(7), term.Inspect(term.Ref(7))},
	}
	for _, c := range cases {
		got, err := other.Decode(codec.Encode(c.in))
		if err != nil || !got.IsBinary() || got.Str() != c.want {
			t.Errorf("another run reads %s as %s (%v), want the binary %q",
				term.Inspect(c.in), term.Inspect(got), err, c.want)
		}
	}
	fun := term.NewFun(&term.Fun{Module: "Elixir.Enum", Name: "map", Arity: 2, External: true})
	got, err := codec.Decode(codec.Encode(fun))
	if err != nil || !got.IsBinary() || got.Str() != "&Enum.map/2" {
		t.Errorf("a function reads back as %s (%v), want the binary \"&Enum.map/2\"", term.Inspect(got), err)
	}
}

func TestDecodeErrors(t *testing.T) {
	cases := []struct {
		name string
		in   []byte
	}{
		{"empty", nil},
		{"unknown version", []byte{9, 'n'}},
		{"no term", []byte{Version}},
		{"unknown tag", []byte{Version, 'z'}},
		{"trailing bytes", []byte{Version, 'n', 'n'}},
		{"short float", []byte{Version, 'f', 1, 2}},
		{"tuple count beyond the end", []byte{Version, 't', 100}},
		{"binary beyond the end", []byte{Version, 'b', 5, 'a'}},
		{"list without tail", []byte{Version, 'l', 1, 'n'}},
		{"NaN", append([]byte{Version, 'f'}, 0x7f, 0xf8, 0, 0, 0, 0, 0, 1)},
	}
	for _, c := range cases {
		if _, err := codec.Decode(c.in); !errors.Is(err, ErrCorrupt) {
			t.Errorf("%s: Decode(% x) = %v, want an ErrCorrupt", c.name, c.in, err)
		}
	}
}

// FuzzDecode: no input makes the decoder panic, and whatever it accepts
// encodes back to a record that decodes to the same term.
func FuzzDecode(f *testing.F) {
	for _, s := range samples() {
		f.Add(codec.Encode(s))
		f.Add(codec.EncodeKey(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		got, err := codec.Decode(b)
		if err != nil {
			return
		}
		again, err := codec.Decode(codec.Encode(got))
		if err != nil || !term.Identical(again, got) {
			t.Fatalf("re-encoding %s gave %v (%v)", term.Inspect(got), term.Inspect(again), err)
		}
	})
}

func BenchmarkEncode(b *testing.B) {
	t := term.Tuple(term.Int(42), term.String("a job to do"), term.NewMap(term.Atom("tries"), term.Int(0)))
	for b.Loop() {
		codec.Encode(t)
	}
}
