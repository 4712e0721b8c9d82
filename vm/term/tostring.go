package term

import "strconv"

// ToString is the String.Chars protocol (to_string/1 and string
// interpolation) for the built-in types: a binary as it is, an atom
// without its colon (nil is ""), numbers as inspect prints them, and a
// list as chardata (List.to_string/1). ok is false when there is no
// implementation (tuples, maps, structs, pids, references, functions):
// the caller raises Protocol.UndefinedError. It is also false for a list
// that is not chardata, for which Elixir raises ArgumentError or
// UnicodeConversionError; the caller tells them apart with IsList.
func ToString(t Term) (string, bool) {
	switch t.Kind() {
	case KindBinary:
		return t.Str(), true
	case KindAtom:
		if t == Nil {
			return "", true
		}
		return t.AtomName(), true
	case KindInt:
		return strconv.FormatInt(t.SmallInt(), 10), true
	case KindBigInt:
		return t.Big().String(), true
	case KindFloat:
		return FloatToString(t.FloatVal()), true
	case KindEmptyList, KindCons:
		return ChardataToString(t)
	}
	return "", false
}
