package builtins

import (
	"strconv"

	"goiex/vm"
	"goiex/vm/term"
)

// String.Chars, chardata (lists of code points and strings, as
// List.to_string and IO.puts take) and iodata (lists of bytes and
// binaries, as IO.iodata_to_binary and :erlang.iolist_to_binary take).

// toString is to_string/1 (the String.Chars protocol) for the built-in
// implementations: binaries, atoms, numbers and chardata lists.
func toString(t term.Term) (string, error) { return toStringAs("String.Chars", t) }

// toStringAs is toString naming protocol in its error (List.Chars for
// to_charlist/1).
func toStringAs(protocol string, t term.Term) (string, error) {
	switch t.Kind() {
	case term.KindBinary:
		return t.Str(), nil
	case term.KindAtom:
		if t == term.Nil {
			return "", nil
		}
		return t.AtomName(), nil
	case term.KindInt:
		return strconv.FormatInt(t.SmallInt(), 10), nil
	case term.KindBigInt:
		return t.Big().String(), nil
	case term.KindFloat:
		return term.FloatToString(t.FloatVal()), nil
	case term.KindEmptyList, term.KindCons:
		s, ok := chardataString(t)
		if !ok {
			return "", listToStringError(t)
		}
		return s, nil
	}
	return "", protocolUndefined(protocol, t)
}

// listToStringError is List.to_string's ArgumentError for a list that is
// not chardata.
func listToStringError(t term.Term) error {
	return argError("cannot convert the given list to a string.\n\n" +
		"To be converted to a string, a list must either be empty or only\n" +
		"contain the following elements:\n\n" +
		"  * strings\n" +
		"  * integers representing Unicode code points\n" +
		"  * a list containing one of these three elements\n\n" +
		"Please check the given list or call inspect/1 to get the list representation, got:\n\n" +
		term.Inspect(t) + "\n")
}

// chardataString flattens chardata: code points (encoded as UTF-8),
// binaries and nested lists; a binary may end an improper list.
func chardataString(t term.Term) (string, bool) { return term.ChardataToString(t) }

// iodataString flattens iodata: bytes 0..255, binaries and nested lists.
func iodataString(t term.Term) (string, bool) { return term.IOListToBinary(t) }

func erlIolistToBinary(_ *vm.Process, a []term.Term) (term.Term, error) {
	s, ok := iodataString(a[0])
	if !ok {
		return term.Term{}, badarg(1, "not an iodata term")
	}
	return term.String(s), nil
}

func erlIolistSize(_ *vm.Process, a []term.Term) (term.Term, error) {
	s, ok := iodataString(a[0])
	if !ok {
		return term.Term{}, badarg(1, "not an iodata term")
	}
	return term.Int(int64(len(s))), nil
}

func erlBinaryToList(_ *vm.Process, a []term.Term) (term.Term, error) {
	if !a[0].IsBinary() {
		return term.Term{}, badarg(1, "not a binary")
	}
	s := a[0].Str()
	out := make([]term.Term, len(s))
	for i := 0; i < len(s); i++ {
		out[i] = term.Int(int64(s[i]))
	}
	return term.List(out...), nil
}

func erlBinaryPart(_ *vm.Process, a []term.Term) (term.Term, error) {
	if !a[0].IsBinary() {
		return term.Term{}, badarg(1, "not a binary")
	}
	s := a[0].Str()
	start, ok1 := smallInt(a[1])
	n, ok2 := smallInt(a[2])
	if !ok1 || !ok2 {
		return term.Term{}, argError("argument error")
	}
	if n < 0 {
		start, n = start+n, -n
	}
	if start < 0 || start+n > len(s) {
		return term.Term{}, argError("argument error")
	}
	return term.String(s[start : start+n]), nil
}
