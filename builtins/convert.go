package builtins

import (
	"math/big"
	"strconv"
	"strings"

	"goiex/vm"
	"goiex/vm/term"
)

// The :erlang conversions between integers, floats, atoms, binaries and
// charlists.

// baseArg reads the optional base argument (position argN) of the
// integer conversions.
func baseArg(a []term.Term, argN int) (int, error) {
	if len(a) < argN {
		return 10, nil
	}
	b, ok := smallInt(a[argN-1])
	if !ok || b < 2 || b > 36 {
		return 0, badarg(argN, "not an integer in the range 2 through 36")
	}
	return b, nil
}

// formatInt writes an integer in base 2..36 with upper-case digits, as
// integer_to_binary/2 does.
func formatInt(t term.Term, base int) string {
	if t.IsSmallInt() {
		return strings.ToUpper(strconv.FormatInt(t.SmallInt(), base))
	}
	return strings.ToUpper(t.Big().Text(base))
}

// parseInt reads a whole string as an integer in base: an optional sign
// then at least one digit, nothing else (binary_to_integer/2).
func parseInt(s string, base int) (term.Term, bool) {
	digits := s
	if len(digits) > 0 && (digits[0] == '+' || digits[0] == '-') {
		digits = digits[1:]
	}
	if digits == "" {
		return term.Term{}, false
	}
	for i := 0; i < len(digits); i++ {
		if digitVal(digits[i]) >= base {
			return term.Term{}, false
		}
	}
	if n, err := strconv.ParseInt(s, base, 64); err == nil {
		return term.Int(n), true
	}
	b, ok := new(big.Int).SetString(s, base)
	if !ok {
		return term.Term{}, false
	}
	return term.BigInt(b), true
}

// digitVal is the value of an ASCII digit or letter in bases up to 36,
// or 99 for anything else.
func digitVal(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'z':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'Z':
		return int(c-'A') + 10
	}
	return 99
}

func erlIntegerToBinary(_ *vm.Process, a []term.Term) (term.Term, error) {
	if !a[0].IsInt() {
		return term.Term{}, badarg(1, "not an integer")
	}
	base, err := baseArg(a, 2)
	if err != nil {
		return term.Term{}, err
	}
	return term.String(formatInt(a[0], base)), nil
}

func erlIntegerToList(p *vm.Process, a []term.Term) (term.Term, error) {
	s, err := erlIntegerToBinary(p, a)
	if err != nil {
		return s, err
	}
	return charlist(s.Str()), nil
}

func erlBinaryToInteger(_ *vm.Process, a []term.Term) (term.Term, error) {
	if !a[0].IsBinary() {
		return term.Term{}, badarg(1, "not a binary")
	}
	base, err := baseArg(a, 2)
	if err != nil {
		return term.Term{}, err
	}
	n, ok := parseInt(a[0].Str(), base)
	if !ok {
		return term.Term{}, badarg(1, "not a textual representation of an integer")
	}
	return n, nil
}

func erlListToInteger(_ *vm.Process, a []term.Term) (term.Term, error) {
	s, ok := charlistString(a[0])
	if !ok {
		return term.Term{}, badarg(1, "not a list")
	}
	base, err := baseArg(a, 2)
	if err != nil {
		return term.Term{}, err
	}
	n, ok := parseInt(s, base)
	if !ok {
		return term.Term{}, badarg(1, "not a textual representation of an integer")
	}
	return n, nil
}

// charlistString reads a flat list of code points.
func charlistString(t term.Term) (string, bool) {
	var b strings.Builder
	for t.IsCons() {
		c, ok := smallInt(t.Head())
		if !ok || c < 0 || c > 0x10FFFF {
			return "", false
		}
		b.WriteRune(rune(c))
		t = t.Tail()
	}
	return b.String(), t.IsEmptyList()
}

// parseErlangFloat reads a float the way binary_to_float/1 does: digits,
// a point, digits, and an optional exponent; "1" and "1e5" are not floats.
func parseErlangFloat(s string) (float64, bool) {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	start := i
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == start || i >= len(s) || s[i] != '.' {
		return 0, false
	}
	i++
	start = i
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == start {
		return 0, false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		start = i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == start {
			return 0, false
		}
	}
	if i != len(s) {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, false
	}
	return f, true
}

func erlBinaryToFloat(_ *vm.Process, a []term.Term) (term.Term, error) {
	if !a[0].IsBinary() {
		return term.Term{}, badarg(1, "not a binary")
	}
	f, ok := parseErlangFloat(a[0].Str())
	if !ok {
		return term.Term{}, badarg(1, "not a textual representation of a float")
	}
	return term.Float(f), nil
}

// erlFloatToBinary is float_to_binary/1 with Elixir's shortest format
// (what Float.to_string/1 prints).
func erlFloatToBinary(_ *vm.Process, a []term.Term) (term.Term, error) {
	if !a[0].IsFloat() {
		return term.Term{}, badarg(1, "not a float")
	}
	return term.String(term.FloatToString(a[0].FloatVal())), nil
}

func erlFloat(_ *vm.Process, a []term.Term) (term.Term, error) {
	f, ok := toFloat(a[0])
	if !ok {
		return term.Term{}, badarg(1, "not a number")
	}
	return term.Float(f), nil
}

func erlAtomToBinary(_ *vm.Process, a []term.Term) (term.Term, error) {
	if !a[0].IsAtom() {
		return term.Term{}, badarg(1, "not an atom")
	}
	return term.String(a[0].AtomName()), nil
}

func erlAtomToList(_ *vm.Process, a []term.Term) (term.Term, error) {
	if !a[0].IsAtom() {
		return term.Term{}, badarg(1, "not an atom")
	}
	return charlist(a[0].AtomName()), nil
}

// maxAtomChars is the BEAM's limit on the length of an atom.
const maxAtomChars = 255

func makeAtom(s string) (term.Term, error) {
	if len([]rune(s)) > maxAtomChars {
		return term.Term{}, vmSystemLimit()
	}
	return term.Atom(s), nil
}

func erlBinaryToAtom(_ *vm.Process, a []term.Term) (term.Term, error) {
	if !a[0].IsBinary() {
		return term.Term{}, badarg(1, "not a binary")
	}
	return makeAtom(a[0].Str())
}

func erlBinaryToExistingAtom(_ *vm.Process, a []term.Term) (term.Term, error) {
	if !a[0].IsBinary() {
		return term.Term{}, badarg(1, "not a binary")
	}
	t, ok := term.ExistingAtom(a[0].Str())
	if !ok {
		return term.Term{}, badarg(1, "not an already existing atom")
	}
	return t, nil
}

func erlListToAtom(_ *vm.Process, a []term.Term) (term.Term, error) {
	s, ok := charlistString(a[0])
	if !ok {
		return term.Term{}, badarg(1, "not a list of characters")
	}
	return makeAtom(s)
}

func erlListToExistingAtom(_ *vm.Process, a []term.Term) (term.Term, error) {
	s, ok := charlistString(a[0])
	if !ok {
		return term.Term{}, badarg(1, "not a list of characters")
	}
	t, ok := term.ExistingAtom(s)
	if !ok {
		return term.Term{}, badarg(1, "not an already existing atom")
	}
	return t, nil
}
