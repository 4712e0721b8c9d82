package builtins

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"goiex/vm"
	"goiex/vm/term"
)

// Elixir's String module. Positions and lengths count graphemes (see
// grapheme.go for how closely); patterns are strings or lists of
// strings (regexes are not supported).

func stringNatives() []vm.NativeSpec {
	const m = "String"
	return []vm.NativeSpec{
		spec(m, "length", 1, str1("length", 1, func(s string) term.Term { return term.Int(int64(graphemeCount(s))) })),
		spec(m, "upcase", 1, stringCase("upcase", upcase)),
		spec(m, "upcase", 2, stringCase("upcase", upcase)),
		spec(m, "downcase", 1, stringCase("downcase", downcase)),
		spec(m, "downcase", 2, stringCase("downcase", downcase)),
		spec(m, "capitalize", 1, stringCase("capitalize", capitalize)),
		spec(m, "capitalize", 2, stringCase("capitalize", capitalize)),
		spec(m, "split", 1, str1("split", 1, func(s string) term.Term { return stringList(strings.FieldsFunc(s, isWhitespace)) })),
		spec(m, "split", 2, stringSplit),
		spec(m, "split", 3, stringSplit),
		spec(m, "trim", 1, str1("trim", 1, func(s string) term.Term { return term.String(strings.TrimFunc(s, unicode.IsSpace)) })),
		spec(m, "trim_leading", 1, str1("trim_leading", 1, func(s string) term.Term {
			return term.String(strings.TrimLeftFunc(s, unicode.IsSpace))
		})),
		spec(m, "trim_trailing", 1, str1("trim_trailing", 1, func(s string) term.Term {
			return term.String(strings.TrimRightFunc(s, unicode.IsSpace))
		})),
		spec(m, "trim", 2, stringTrim("trim", true, true)),
		spec(m, "trim_leading", 2, stringTrim("trim_leading", true, false)),
		spec(m, "trim_trailing", 2, stringTrim("trim_trailing", false, true)),
		spec(m, "duplicate", 2, stringDuplicate),
		spec(m, "contains?", 2, stringMatchAny("contains?", strings.Contains)),
		spec(m, "starts_with?", 2, stringMatchAny("starts_with?", strings.HasPrefix)),
		spec(m, "ends_with?", 2, stringMatchAny("ends_with?", strings.HasSuffix)),
		spec(m, "replace", 3, stringReplace),
		spec(m, "replace", 4, stringReplace),
		spec(m, "replace_prefix", 3, stringReplaceAffix("replace_prefix", true, false)),
		spec(m, "replace_suffix", 3, stringReplaceAffix("replace_suffix", false, false)),
		spec(m, "replace_leading", 3, stringReplaceAffix("replace_leading", true, true)),
		spec(m, "replace_trailing", 3, stringReplaceAffix("replace_trailing", false, true)),
		spec(m, "to_integer", 1, erlBinaryToInteger),
		spec(m, "to_integer", 2, erlBinaryToInteger),
		spec(m, "to_float", 1, erlBinaryToFloat),
		spec(m, "to_atom", 1, erlBinaryToAtom),
		spec(m, "to_existing_atom", 1, erlBinaryToExistingAtom),
		spec(m, "to_charlist", 1, str1("to_charlist", 1, charlist)),
		spec(m, "slice", 2, stringSliceRange),
		spec(m, "slice", 3, stringSlice),
		spec(m, "reverse", 1, str1("reverse", 1, stringReverse)),
		spec(m, "at", 2, stringAt),
		spec(m, "first", 1, str1("first", 1, func(s string) term.Term {
			if s == "" {
				return term.Nil
			}
			return term.String(s[:nextGrapheme(s)])
		})),
		spec(m, "last", 1, str1("last", 1, func(s string) term.Term {
			g := graphemes(s)
			if len(g) == 0 {
				return term.Nil
			}
			return term.String(g[len(g)-1])
		})),
		spec(m, "graphemes", 1, str1("graphemes", 1, func(s string) term.Term { return stringList(graphemes(s)) })),
		spec(m, "codepoints", 1, str1("codepoints", 1, func(s string) term.Term { return stringList(codepoints(s)) })),
		spec(m, "next_grapheme", 1, str1("next_grapheme", 1, func(s string) term.Term {
			if s == "" {
				return term.Nil
			}
			n := nextGrapheme(s)
			return term.Tuple(term.String(s[:n]), term.String(s[n:]))
		})),
		spec(m, "next_codepoint", 1, str1("next_codepoint", 1, func(s string) term.Term {
			if s == "" {
				return term.Nil
			}
			_, n := utf8.DecodeRuneInString(s)
			return term.Tuple(term.String(s[:n]), term.String(s[n:]))
		})),
		spec(m, "pad_leading", 2, stringPad("pad_leading", true)),
		spec(m, "pad_leading", 3, stringPad("pad_leading", true)),
		spec(m, "pad_trailing", 2, stringPad("pad_trailing", false)),
		spec(m, "pad_trailing", 3, stringPad("pad_trailing", false)),
		spec(m, "split_at", 2, stringSplitAt),
		spec(m, "valid?", 1, func(_ *vm.Process, a []term.Term) (term.Term, error) {
			return term.Bool(a[0].IsBinary() && utf8.ValidString(a[0].Str())), nil
		}),
		spec(m, "printable?", 1, func(_ *vm.Process, a []term.Term) (term.Term, error) {
			if !a[0].IsBinary() {
				return term.Term{}, noClause("String", "printable?", 2)
			}
			return term.Bool(printable(a[0].Str())), nil
		}),
	}
}

// str1 wraps a function of one string argument; a non-string is the
// FunctionClauseError of String.<name>/<arity>.
func str1(name string, arity int, f func(string) term.Term) vm.Native {
	return func(_ *vm.Process, a []term.Term) (term.Term, error) {
		if !a[0].IsBinary() {
			return term.Term{}, noClause("String", name, arity)
		}
		return f(a[0].Str()), nil
	}
}

func stringList(parts []string) term.Term {
	el := make([]term.Term, len(parts))
	for i, p := range parts {
		el[i] = term.String(p)
	}
	return term.List(el...)
}

func codepoints(s string) []string {
	out := make([]string, 0, len(s))
	for s != "" {
		_, n := utf8.DecodeRuneInString(s)
		out = append(out, s[:n])
		s = s[n:]
	}
	return out
}

// isWhitespace is the whitespace split/1 splits on: Unicode
// white space except the non-breaking spaces (trim/1 strips those too).
func isWhitespace(r rune) bool {
	return unicode.IsSpace(r) && r != 0xA0 && r != 0x2007 && r != 0x202F
}

func printable(s string) bool {
	for _, r := range s {
		if r == utf8.RuneError || !(unicode.IsPrint(r) || strings.ContainsRune("\n\r\t\v\b\f\x1b\x7f\a", r) ||
			unicode.Is(unicode.Zs, r)) {
			return false
		}
	}
	return true
}

// ---- case ----

// stringCase checks the string and the mode (:default, :ascii, :greek,
// :turkic) of upcase/downcase/capitalize.
func stringCase(name string, f func(s string, ascii bool) string) vm.Native {
	return func(_ *vm.Process, a []term.Term) (term.Term, error) {
		ascii := false
		if len(a) == 2 {
			switch a[1] {
			case atom("default"), atom("greek"), atom("turkic"):
			case atom("ascii"):
				ascii = true
			default:
				return term.Term{}, noClause("String", name, 2)
			}
		}
		if !a[0].IsBinary() {
			return term.Term{}, noClause("String", name, 2)
		}
		return term.String(f(a[0].Str(), ascii)), nil
	}
}

func mapASCII(s string, from, to byte) string {
	b := []byte(s)
	for i, c := range b {
		if c >= from && c <= from+25 {
			b[i] = c - from + to
		}
	}
	return string(b)
}

// upcaseSpecial are the full case mappings Go's simple mapping misses.
var upcaseSpecial = strings.NewReplacer("ß", "SS", "ŉ", "ʼN", "ﬀ", "FF", "ﬁ", "FI", "ﬂ", "FL")

func upcase(s string, ascii bool) string {
	if ascii || isASCIISimple(s) {
		return mapASCII(s, 'a', 'A')
	}
	return strings.ToUpper(upcaseSpecial.Replace(s))
}

func downcase(s string, ascii bool) string {
	if ascii || isASCIISimple(s) {
		return mapASCII(s, 'A', 'a')
	}
	return strings.ToLower(s)
}

// capitalize titlecases the first grapheme and downcases the rest.
func capitalize(s string, ascii bool) string {
	if s == "" {
		return s
	}
	n := nextGrapheme(s)
	first := s[:n]
	if ascii {
		first = mapASCII(first, 'a', 'A')
	} else if first == "ß" {
		first = "Ss"
	} else {
		r, size := utf8.DecodeRuneInString(first)
		first = string(unicode.ToTitle(r)) + first[size:]
	}
	return first + downcase(s[n:], ascii)
}

// ---- patterns ----

// patterns reads a pattern argument: a string or a list of strings.
func patterns(t term.Term) ([]string, bool) {
	if t.IsBinary() {
		return []string{t.Str()}, true
	}
	el, ok := term.ListToSlice(t)
	if !ok {
		return nil, false
	}
	out := make([]string, len(el))
	for i, e := range el {
		if !e.IsBinary() {
			return nil, false
		}
		out[i] = e.Str()
	}
	return out, true
}

// stringMatchAny is contains?/starts_with?/ends_with?: true if any of the
// patterns matches (an empty list matches nothing).
func stringMatchAny(name string, match func(s, p string) bool) vm.Native {
	return func(_ *vm.Process, a []term.Term) (term.Term, error) {
		if !a[0].IsBinary() {
			return term.Term{}, noClause("String", name, 2)
		}
		ps, ok := patterns(a[1])
		if !ok {
			return term.Term{}, badarg(2, "not a valid pattern")
		}
		for _, p := range ps {
			if match(a[0].Str(), p) {
				return term.True, nil
			}
		}
		return term.False, nil
	}
}

// firstMatch finds the leftmost match of any pattern in s (the longest
// at that position, as :binary.match does); ps holds no empty pattern.
func firstMatch(s string, ps []string) (at, n int) {
	at = -1
	for _, p := range ps {
		i := strings.Index(s, p)
		if i >= 0 && (at < 0 || i < at || i == at && len(p) > n) {
			at, n = i, len(p)
		}
	}
	return at, n
}

func validPatterns(t term.Term) ([]string, error) {
	ps, ok := patterns(t)
	if !ok || len(ps) == 0 {
		return nil, badarg(2, "not a valid pattern")
	}
	for _, p := range ps {
		if p == "" {
			return nil, badarg(2, "not a valid pattern")
		}
	}
	return ps, nil
}

// ---- split ----

// splitOptions reads parts: and trim: of split/3.
func splitOptions(opts term.Term) (parts int, trim bool, err error) {
	parts = -1
	if !isKeyword(opts) {
		return 0, false, noClause("Keyword", "get", 3)
	}
	for l := opts; l.IsCons(); l = l.Tail() {
		kv := l.Head().Elems()
		switch kv[0].AtomName() {
		case "parts":
			if n, ok := smallInt(kv[1]); ok && n > 0 {
				parts = n
			} else if kv[1] != term.Infinity {
				return 0, false, noClause("String", "split", 3) // rare
			}
		case "trim":
			trim = kv[1].IsTruthy()
		}
	}
	return parts, trim, nil
}

func stringSplit(_ *vm.Process, a []term.Term) (term.Term, error) {
	if !a[0].IsBinary() {
		return term.Term{}, noClause("String", "split", 3)
	}
	s := a[0].Str()
	parts, trim := -1, false
	if len(a) == 3 {
		var err error
		if parts, trim, err = splitOptions(a[2]); err != nil {
			return term.Term{}, err
		}
	}
	ps, ok := patterns(a[1])
	if !ok {
		return term.Term{}, badarg(2, "not a valid pattern")
	}
	if len(ps) == 1 && ps[0] == "" {
		return stringList(splitEmpty(s, parts, trim)), nil
	}
	ps, err := validPatterns(a[1])
	if err != nil {
		return term.Term{}, err
	}
	var out []string
	for {
		if parts > 0 && len(out) == parts-1 {
			if !(trim && s == "") {
				out = append(out, s)
			}
			break
		}
		at, n := firstMatch(s, ps)
		if at < 0 {
			if !(trim && s == "") {
				out = append(out, s)
			}
			break
		}
		if !(trim && at == 0) {
			out = append(out, s[:at])
		}
		s = s[at+n:]
	}
	return stringList(out), nil
}

// splitEmpty is split with the empty pattern: "" between every grapheme
// and at both ends (dropped by trim:).
func splitEmpty(s string, parts int, trim bool) []string {
	var out []string
	if !trim {
		out = append(out, "")
		if parts == 1 {
			return []string{s}
		}
	}
	for s != "" {
		if parts > 0 && len(out) == parts-1 {
			return append(out, s)
		}
		n := nextGrapheme(s)
		out = append(out, s[:n])
		s = s[n:]
	}
	if !trim {
		out = append(out, "")
	}
	return out
}

// ---- trim, pad, duplicate ----

func stringTrim(name string, leading, trailing bool) vm.Native {
	return func(_ *vm.Process, a []term.Term) (term.Term, error) {
		if !a[0].IsBinary() || !a[1].IsBinary() {
			return term.Term{}, noClause("String", name, 2)
		}
		s, cut := a[0].Str(), a[1].Str()
		if cut == "" {
			return a[0], nil
		}
		for leading && strings.HasPrefix(s, cut) {
			s = s[len(cut):]
		}
		for trailing && strings.HasSuffix(s, cut) {
			s = s[:len(s)-len(cut)]
		}
		return term.String(s), nil
	}
}

func stringDuplicate(_ *vm.Process, a []term.Term) (term.Term, error) {
	if !a[0].IsBinary() {
		return term.Term{}, badarg(1, "not a binary")
	}
	n, ok := smallInt(a[1])
	if !ok || n < 0 {
		return term.Term{}, badarg(2, "out of range")
	}
	if len(a[0].Str())*n > 1<<30 {
		return term.Term{}, vmSystemLimit()
	}
	return term.String(strings.Repeat(a[0].Str(), n)), nil
}

// stringPad is pad_leading/pad_trailing: pads to count graphemes by
// cycling through the graphemes of the padding.
func stringPad(name string, leading bool) vm.Native {
	return func(_ *vm.Process, a []term.Term) (term.Term, error) {
		pad := " "
		if len(a) == 3 {
			if !a[2].IsBinary() || a[2].Str() == "" {
				return term.Term{}, noClause("String", name, 3)
			}
			pad = a[2].Str()
		}
		count, ok := smallInt(a[1])
		if !a[0].IsBinary() || !ok || count < 0 {
			return term.Term{}, noClause("String", name, 3)
		}
		s := a[0].Str()
		missing := count - graphemeCount(s)
		if missing <= 0 {
			return a[0], nil
		}
		g := graphemes(pad)
		var b strings.Builder
		for i := range missing {
			b.WriteString(g[i%len(g)])
		}
		if leading {
			return term.String(b.String() + s), nil
		}
		return term.String(s + b.String()), nil
	}
}

// ---- replace ----

// stringReplace is replace/3,4 with a string or list pattern and a
// string replacement; global: false replaces only the first match. The
// empty pattern matches between graphemes and at both ends.
func stringReplace(_ *vm.Process, a []term.Term) (term.Term, error) {
	if !a[0].IsBinary() {
		return term.Term{}, noClause("String", "replace", 4)
	}
	if !a[2].IsBinary() {
		return term.Term{}, argError("goiex: String.replace/4 with a function replacement is not supported")
	}
	global := true
	if len(a) == 4 {
		if !isKeyword(a[3]) {
			return term.Term{}, noClause("String", "replace", 4)
		}
		for l := a[3]; l.IsCons(); l = l.Tail() {
			if kv := l.Head().Elems(); kv[0] == atom("global") {
				global = kv[1].IsTruthy()
			}
		}
	}
	s, repl := a[0].Str(), a[2].Str()
	ps, ok := patterns(a[1])
	if !ok {
		return term.Term{}, badarg(2, "not a valid pattern")
	}
	if len(ps) == 1 && ps[0] == "" {
		if !global {
			return term.String(repl + s), nil
		}
		return term.String(repl + strings.Join(graphemes(s), repl) + repl), nil
	}
	ps, err := validPatterns(a[1])
	if err != nil {
		return term.Term{}, err
	}
	var b strings.Builder
	for {
		at, n := firstMatch(s, ps)
		if at < 0 {
			break
		}
		b.WriteString(s[:at])
		b.WriteString(repl)
		s = s[at+n:]
		if !global {
			break
		}
	}
	b.WriteString(s)
	return term.String(b.String()), nil
}

// stringReplaceAffix is replace_prefix/suffix (once) and
// replace_leading/trailing (every repetition).
func stringReplaceAffix(name string, prefix, repeat bool) vm.Native {
	return func(_ *vm.Process, a []term.Term) (term.Term, error) {
		if !a[0].IsBinary() || !a[1].IsBinary() || !a[2].IsBinary() {
			return term.Term{}, noClause("String", name, 3)
		}
		s, match, repl := a[0].Str(), a[1].Str(), a[2].Str()
		if match == "" {
			if repeat {
				return term.Term{}, argError("cannot use an empty string as the match to replace")
			}
			if prefix {
				return term.String(repl + s), nil
			}
			return term.String(s + repl), nil
		}
		n := 0
		for {
			if prefix && strings.HasPrefix(s, match) {
				s = s[len(match):]
			} else if !prefix && strings.HasSuffix(s, match) {
				s = s[:len(s)-len(match)]
			} else {
				break
			}
			n++
			if !repeat {
				break
			}
		}
		r := strings.Repeat(repl, n)
		if prefix {
			return term.String(r + s), nil
		}
		return term.String(s + r), nil
	}
}

// ---- positions ----

func stringReverse(s string) term.Term {
	g := graphemes(s)
	var b strings.Builder
	b.Grow(len(s))
	for i := len(g) - 1; i >= 0; i-- {
		b.WriteString(g[i])
	}
	return term.String(b.String())
}

func stringAt(_ *vm.Process, a []term.Term) (term.Term, error) {
	pos, ok := smallInt(a[1])
	if !a[0].IsBinary() || !ok {
		return term.Term{}, noClause("String", "at", 2)
	}
	g := graphemes(a[0].Str())
	if pos < 0 {
		pos += len(g)
	}
	if pos < 0 || pos >= len(g) {
		return term.Nil, nil
	}
	return term.String(g[pos]), nil
}

// sliceGraphemes returns the graphemes [from, from+n) of s, clamped.
func sliceGraphemes(s string, from, n int) string {
	if isASCIISimple(s) {
		from = min(from, len(s))
		return s[from:min(len(s), from+n)]
	}
	start := 0
	for range from {
		if start >= len(s) {
			return ""
		}
		start += nextGrapheme(s[start:])
	}
	end := start
	for i := 0; i < n && end < len(s); i++ {
		end += nextGrapheme(s[end:])
	}
	return s[start:end]
}

// stringSlice is slice/3: a negative start counts from the end (clamped
// at 0); a negative length is an error.
func stringSlice(_ *vm.Process, a []term.Term) (term.Term, error) {
	start, ok1 := smallInt(a[1])
	n, ok2 := smallInt(a[2])
	if !a[0].IsBinary() || !ok1 || !ok2 || n < 0 {
		return term.Term{}, noClause("String", "slice", 3)
	}
	s := a[0].Str()
	if start < 0 {
		start = max(0, start+graphemeCount(s))
	}
	return term.String(sliceGraphemes(s, start, n)), nil
}

// rangeFields reads %Range{first, last, step}.
func rangeFields(r term.Term) (first, last, step int, ok bool) {
	mod, isStruct := term.StructName(r)
	if !isStruct || mod != term.ModuleAtom("Range") {
		return 0, 0, 0, false
	}
	m := r.MapVal()
	f, _ := m.Get(atom("first"))
	l, _ := m.Get(atom("last"))
	st, _ := m.Get(atom("step"))
	first, ok1 := smallInt(f)
	last, ok2 := smallInt(l)
	step, ok3 := smallInt(st)
	return first, last, step, ok1 && ok2 && ok3
}

// stringSliceRange is slice/2 with a range. As in Elixir 1.14, a range
// whose step was inferred as -1 (first > last) is read as step 1.
func stringSliceRange(_ *vm.Process, a []term.Term) (term.Term, error) {
	first, last, step, ok := rangeFields(a[1])
	if !a[0].IsBinary() || !ok {
		return term.Term{}, noClause("String", "slice", 2)
	}
	if step < 0 && !(step == -1 && first > last) {
		return term.Term{}, argError("String.slice/2 does not accept ranges with negative steps, got: " + term.Inspect(a[1]))
	}
	s := a[0].Str()
	if first < 0 || last < 0 {
		n := graphemeCount(s)
		if first < 0 {
			first = max(0, first+n)
		}
		if last < 0 {
			last += n
		}
	}
	if last < first {
		return term.String(""), nil
	}
	if step <= 1 {
		return term.String(sliceGraphemes(s, first, last-first+1)), nil
	}
	g := graphemes(s)
	var b strings.Builder
	for i := first; i <= last && i < len(g); i += step {
		b.WriteString(g[i])
	}
	return term.String(b.String()), nil
}

func stringSplitAt(_ *vm.Process, a []term.Term) (term.Term, error) {
	pos, ok := smallInt(a[1])
	if !a[0].IsBinary() || !ok {
		return term.Term{}, noClause("String", "split_at", 2)
	}
	s := a[0].Str()
	if pos < 0 {
		pos = max(0, pos+graphemeCount(s))
	}
	left := sliceGraphemes(s, 0, pos)
	return term.Tuple(term.String(left), term.String(s[len(left):])), nil
}
