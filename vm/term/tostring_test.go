package term

import "testing"

// Expected strings recorded from Elixir 1.14.0 / OTP 25 (to_string/1).
func TestToString(t *testing.T) {
	tests := []struct {
		name string
		in   Term
		want string
	}{
		{"1.0e16", Float(1e16), "1.0e16"},
		{"0.1", Float(0.1), "0.1"},
		{"nil", Nil, ""},
		{"true", True, "true"},
		{`:"hello world"`, Atom("hello world"), "hello world"},
		{"Foo", ModuleAtom("Foo"), "Elixir.Foo"},
		{"'hi'", List(Int(104), Int(105)), "hi"},
		{`["a", ?b, ["c" | "d"]]`, List(String("a"), Int('b'), ListWithTail([]Term{String("c")}, String("d"))), "abcd"},
		{"[0x1F600]", List(Int(0x1F600)), "😀"},
		{"-12", Int(-12), "-12"},
		{"big", bigInt("12345678901234567890"), "12345678901234567890"},
		{"[]", EmptyList, ""},
		{`"x"`, String("x"), "x"},
	}
	for _, tt := range tests {
		got, ok := ToString(tt.in)
		if !ok || got != tt.want {
			t.Errorf("to_string(%s) = %q, %v; want %q", tt.name, got, ok, tt.want)
		}
	}
	for _, bad := range []Term{Tuple(Int(1)), EmptyMap, Pid(1), Ref(1), List(Atom("a")), List(Int(-1))} {
		if got, ok := ToString(bad); ok {
			t.Errorf("to_string(%s) = %q, want no implementation", Inspect(bad), got)
		}
	}
}

func TestIOListToBinary(t *testing.T) {
	got, ok := IOListToBinary(List(Int(104), List(String("el"), Int(108)), ListWithTail([]Term{Int(111)}, String("!"))))
	if !ok || got != "hello!" {
		t.Errorf("got %q, %v; want \"hello!\"", got, ok)
	}
	if _, ok := IOListToBinary(List(Int(256))); ok {
		t.Errorf("IOListToBinary([256]) ok, want error")
	}
	if n := IOListSize(List(String("ab"), Int(1))); n != 3 {
		t.Errorf("IOListSize = %d, want 3", n)
	}
}

func TestListHelpers(t *testing.T) {
	if got := Inspect(ListFromString("héllo")); got != "[104, 233, 108, 108, 111]" {
		t.Errorf("ListFromString: got %s", got)
	}
	if !IsCharlist(ListFromString("héllo")) || IsCharlist(List(Int(-1))) || IsCharlist(ListWithTail([]Term{Int(1)}, Int(2))) {
		t.Errorf("IsCharlist wrong")
	}
	kw := List(Tuple(Atom("a"), Int(1)), Tuple(ModuleAtom("Foo"), Int(2)))
	if !IsKeyword(kw) || IsKeyword(List(Tuple(Int(1), Int(2)))) || !IsKeyword(EmptyList) {
		t.Errorf("IsKeyword wrong")
	}
	if !IsPrintable("héllo\n") || IsPrintable("\x00") || IsPrintable("\xff") {
		t.Errorf("IsPrintable wrong")
	}
}
