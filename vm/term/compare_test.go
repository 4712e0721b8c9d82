package term

import (
	"math/big"
	"testing"
)

// Expected orders recorded from Elixir 1.14.0 / OTP 25.

func bigInt(s string) Term {
	b, ok := new(big.Int).SetString(s, 10)
	if !ok {
		panic(s)
	}
	return BigInt(b)
}

func TestCompare(t *testing.T) {
	fnA := NewFun(&Fun{Module: "elixir_eval", ID: 1})
	mapF := NewFun(&Fun{Module: "Elixir.Enum", Name: "map", Arity: 2, External: true})
	eachF := NewFun(&Fun{Module: "Elixir.Enum", Name: "each", Arity: 2, External: true})
	map3F := NewFun(&Fun{Module: "Elixir.Enum", Name: "map", Arity: 3, External: true})
	abF := NewFun(&Fun{Module: "Elixir.Ab", Name: "map", Arity: 2, External: true})
	listsF := NewFun(&Fun{Module: "lists", Name: "map", Arity: 2, External: true})
	tests := []struct {
		name string
		a, b Term
		want int
	}{
		{"1 == 1.0", Int(1), Float(1), 0},
		{"0.5 < 1", Float(0.5), Int(1), -1},
		{"2^53+1 > 2^53 float", Int(9007199254740993), Float(9007199254740992), 1},
		{"10^29 > 1.0e29", bigInt("100000000000000000000000000000"), Float(1e29), 1},
		{"-10^29 < -1", bigInt("-100000000000000000000000000000"), Int(-1), -1},
		{"bigints", bigInt("100000000000000000000000000000"), bigInt("100000000000000000000000000001"), -1},
		{"int max < 2^63 float", Int(1<<63 - 1), Float(9223372036854775808), -1},
		{"0.0 == -0.0", Float(0), Float(negZero()), 0},
		{"1.0e300 < :a", Float(1e300), Atom("a"), -1},
		{"atoms by text", Atom("zz"), Atom("aa"), 1},
		{":é > :z", Atom("é"), Atom("z"), 1},
		{":zz < ref", Atom("zz"), Ref(1), -1},
		{"ref < pid", Ref(5), Pid(1), -1},
		{"refs by serial", Ref(5), Ref(7), -1},
		{"fn < &Enum.map/2", fnA, mapF, -1},
		{"&Enum.map/2 > fn", mapF, fnA, 1},
		{"&Enum.map/2 > &Enum.each/2", mapF, eachF, 1},
		{"&Enum.map/2 < &Enum.map/3", mapF, map3F, -1},
		{"&Enum.map/2 > &Ab.map/2", mapF, abF, 1},
		{"&:lists.map/2 > &Enum.map/2", listsF, mapF, 1},
		{"fun < pid", mapF, Pid(0), -1},
		{"pid < tuple", Pid(9), Tuple(), -1},
		{"{1,2} < {0,0,0}", Tuple(Int(1), Int(2)), Tuple(Int(0), Int(0), Int(0)), -1},
		{"{1, 2} == {1.0, 2}", Tuple(Int(1), Int(2)), Tuple(Float(1), Int(2)), 0},
		{"tuple < map", Tuple(Int(1)), EmptyMap, -1},
		{"map < []", NewMap(Int(1), Int(2)), EmptyList, -1},
		{"[] < {}", EmptyList, Tuple(), 1},
		{"[] < [1]", EmptyList, List(Int(1)), -1},
		{"[1 | 2] < [1, 2]", ListWithTail([]Term{Int(1)}, Int(2)), List(Int(1), Int(2)), -1},
		{"[1, 2] < [1, 3]", List(Int(1), Int(2)), List(Int(1), Int(3)), -1},
		{"[1, 2] > [1]", List(Int(1), Int(2)), List(Int(1)), 1},
		{"list < binary", List(Int(1)), String(""), -1},
		{`"ab" < "abc"`, String("ab"), String("abc"), -1},
		{`<<255>> > "abc"`, String("\xff"), String("abc"), 1},
		{"%{1 => 1} != %{1.0 => 1}", NewMap(Int(1), Int(1)), NewMap(Float(1), Int(1)), -1},
		{"%{a: 1} == %{a: 1.0}", NewMap(Atom("a"), Int(1)), NewMap(Atom("a"), Float(1)), 0},
		{"%{a: 2, b: 1} < %{a: 1, c: 1}", NewMap(Atom("a"), Int(2), Atom("b"), Int(1)), NewMap(Atom("a"), Int(1), Atom("c"), Int(1)), -1},
		{"maps by size", NewMap(Atom("z"), Int(1)), NewMap(Atom("a"), Int(1), Atom("b"), Int(1)), -1},
	}
	for _, tt := range tests {
		if got := Compare(tt.a, tt.b); got != tt.want {
			t.Errorf("Compare(%s) = %d, want %d", tt.name, got, tt.want)
		}
		if got := Compare(tt.b, tt.a); got != -tt.want {
			t.Errorf("Compare(reversed %s) = %d, want %d", tt.name, got, -tt.want)
		}
	}
}

func negZero() float64 { z := 0.0; return -z }

func TestCompareMapKeys(t *testing.T) {
	// %{1 => :a, 1.0 => :b, 2 => :c, 0.5 => :d} prints %{1 => :a, 2 => :c, 0.5 => :d, 1.0 => :b}
	// Map.keys(%{1 => 1, 1.0 => 1, 2 => 2, 1.5 => 1, -1 => 1, :a => 1, "x" => 1})
	// is [-1, 1, 2, 1.0, 1.5, :a, "x"]
	m := FromPairs(Int(1), Int(1), Float(1), Int(1), Int(2), Int(2), Float(1.5), Int(1),
		Int(-1), Int(1), Atom("a"), Int(1), String("x"), Int(1))
	want := []Term{Int(-1), Int(1), Int(2), Float(1), Float(1.5), Atom("a"), String("x")}
	got := m.Keys()
	if len(got) != len(want) {
		t.Fatalf("got %d keys, want %d", len(got), len(want))
	}
	for i := range want {
		if !Identical(got[i], want[i]) {
			t.Errorf("key %d: got %v, want %v", i, got[i], want[i])
		}
	}
	// %{[1] => 1, [1.0] => 2, 1 => 3} prints %{1 => 3, [1] => 1, [1.0] => 2}
	if c := CompareMapKeys(List(Int(1)), List(Float(1))); c != -1 {
		t.Errorf("CompareMapKeys([1], [1.0]) = %d, want -1", c)
	}
	// %{0.0 => 1, -0.0 => 2} is %{0.0 => 2}
	if c := CompareMapKeys(Float(0), Float(negZero())); c != 0 {
		t.Errorf("CompareMapKeys(0.0, -0.0) = %d, want 0", c)
	}
}

func TestIdentical(t *testing.T) {
	tests := []struct {
		name string
		a, b Term
		want bool
	}{
		{"1 !== 1.0", Int(1), Float(1), false},
		{"0.0 === -0.0 (OTP 25)", Float(0), Float(negZero()), true},
		{"{1, [2]} built twice", Tuple(Int(1), List(Int(2))), Tuple(Int(1), List(Int(2))), true},
		{"{1} !== {1.0}", Tuple(Int(1)), Tuple(Float(1)), false},
		{"strings", String("abc"), String(string([]byte("abc"))), true},
		{"bigints", bigInt("100000000000000000000000000000"), bigInt("100000000000000000000000000000"), true},
		{"maps", NewMap(Atom("a"), Int(1)), NewMap(Atom("a"), Int(1)), true},
		{"maps values", NewMap(Atom("a"), Int(1)), NewMap(Atom("a"), Float(1)), false},
		{"improper", ListWithTail([]Term{Int(1)}, Int(2)), ListWithTail([]Term{Int(1)}, Int(2)), true},
		{"atoms", Atom("a"), Atom("b"), false},
		{"pids", Pid(1), Pid(1), true},
		{"pid vs ref", Pid(1), Ref(1), false},
	}
	for _, tt := range tests {
		if got := Identical(tt.a, tt.b); got != tt.want {
			t.Errorf("Identical(%s) = %v, want %v", tt.name, got, tt.want)
		}
		if got, want := Hash(tt.a) == Hash(tt.b), tt.want; tt.want && got != want {
			t.Errorf("Hash(%s) differ for identical terms", tt.name)
		}
	}
	if !Equal(Tuple(Int(1)), Tuple(Float(1))) {
		t.Errorf("Equal({1}, {1.0}) = false, want true")
	}
}

func longList(n int) Term {
	l := EmptyList
	for i := n; i > 0; i-- {
		l = NewCons(Int(int64(i)), l)
	}
	return l
}

func TestCompareLongList(t *testing.T) {
	a, b := longList(1_000_000), longList(1_000_000)
	if c := Compare(a, b); c != 0 {
		t.Errorf("Compare(long, long) = %d, want 0", c)
	}
	if !Identical(a, b) {
		t.Errorf("Identical(long, long) = false")
	}
	if Hash(a) != Hash(b) {
		t.Errorf("Hash(long) differ")
	}
}

func BenchmarkCompareSmallInt(b *testing.B) {
	x, y := Int(1), Int(2)
	for b.Loop() {
		Compare(x, y)
	}
}

func BenchmarkCompareAtom(b *testing.B) {
	x, y := Atom("alpha"), Atom("alphb")
	for b.Loop() {
		Compare(x, y)
	}
}

func BenchmarkIdenticalTuple(b *testing.B) {
	x := Tuple(Atom("ok"), Int(1), String("hello"))
	y := Tuple(Atom("ok"), Int(1), String("hello"))
	for b.Loop() {
		Identical(x, y)
	}
}

func BenchmarkCompareList1000(b *testing.B) {
	x, y := longList(1000), longList(1000)
	for b.Loop() {
		Compare(x, y)
	}
}
