package term

import (
	"hash/fnv"
	"strconv"
	"strings"
	"sync"
)

// InspectOptions are the options of Kernel.inspect/2 and IO.inspect/2
// that goiex honours. The zero value is Elixir's default Inspect.Opts.
//
// Who passes what: Kernel.inspect/2 lays its result out at Width only
// when pretty: true is given, and on one line otherwise; IO.inspect/2
// always lays out at Width (80 unless given). So the IO.inspect native
// sets Pretty: true, and Kernel.inspect passes Pretty as the caller gave
// it. For Limit, PrintableLimit and Width, Elixir's 0 is InspectNone
// and :infinity is InspectInfinity.
type InspectOptions struct {
	Width          int  // line width for pretty printing; 0 means 80
	Pretty         bool // lay out at Width (IO.inspect always does)
	Limit          int  // max items of a collection; 0 means 50
	PrintableLimit int  // max chars of a string or charlist; 0 means 4096
	Charlists      int  // 0 infer, 1 as lists, 2 as charlists
	Binaries       int  // 0 infer, 1 as binaries, 2 as strings
	Base           int  // integers in base 2, 8, 16; 0 means 10
	RawStructs     bool // structs: false (print structs as plain maps)
}

// Special values of the Limit, PrintableLimit and Width options.
const (
	InspectInfinity = -1 // :infinity
	InspectNone     = -2 // 0 (as the zero value already means "default")
)

// Values of the Charlists and Binaries options.
const (
	Infer        = 0
	AsLists      = 1 // charlists: :as_lists
	AsCharlists  = 2 // charlists: :as_charlists
	AsBinaries   = 1 // binaries: :as_binaries
	AsStrings    = 2 // binaries: :as_strings
	defaultWidth = 80
)

func resolveLimit(n, def int) int {
	switch {
	case n == 0:
		return def
	case n == InspectInfinity:
		return infinity
	case n < 0:
		return 0
	}
	return n
}

// Inspect renders t as Kernel.inspect/1 does (on one line).
func Inspect(t Term) string { return InspectWith(t, InspectOptions{}) }

// InspectWith renders t as Kernel.inspect/2 does with the given options.
func InspectWith(t Term, o InspectOptions) string {
	in := inspector{d: newDocs(), o: o,
		printableLimit: resolveLimit(o.PrintableLimit, 4096), base: o.Base}
	if in.base == 0 {
		in.base = 10
	}
	width := infinity
	if o.Pretty {
		width = resolveLimit(o.Width, defaultWidth)
	}
	doc := in.d.group(in.toDoc(t, resolveLimit(o.Limit, 50), o.Charlists))
	out := in.d.format(doc, width)
	in.d.release()
	return out
}

type inspector struct {
	d              *docs
	o              InspectOptions
	printableLimit int
	base           int
}

// toDoc is Inspect.Algebra.to_doc/2 with the Inspect implementations of
// the built-in types. limit and charlists are the options that change on
// the way down (container_doc lowers the limit; MapSet sets charlists).
func (in *inspector) toDoc(t Term, limit, charlists int) docRef {
	d := in.d
	switch t.Kind() {
	case KindInt, KindBigInt:
		return d.text(in.integer(t))
	case KindFloat:
		return d.text(FloatToString(t.FloatVal()))
	case KindAtom:
		return d.text(atomTexts(t).literal)
	case KindBinary:
		return in.binary(t.Str(), limit)
	case KindEmptyList:
		return d.text("[]")
	case KindCons:
		return in.list(t, limit, charlists)
	case KindTuple:
		return d.containerDoc("{", &termSlice{in: in, ts: t.Elems(), charlists: charlists}, "}", limit, breakFlex, ",")
	case KindMap:
		return in.mapDoc(t, limit, charlists)
	case KindPid:
		return d.text("#PID<0." + strconv.FormatUint(t.PidSerial(), 10) + ".0>")
	case KindRef:
		return d.text("#Reference<0.0.0." + strconv.FormatUint(t.RefSerial(), 10) + ">")
	case KindFun:
		return d.text(inspectFun(t.FunVal()))
	}
	return d.text("#<invalid term>")
}

func (in *inspector) integer(t Term) string {
	if in.base == 10 {
		if t.IsSmallInt() {
			return strconv.FormatInt(t.SmallInt(), 10)
		}
		return t.Big().String()
	}
	var s string
	if t.IsSmallInt() {
		s = strconv.FormatInt(t.SmallInt(), in.base)
	} else {
		s = t.Big().Text(in.base)
	}
	s = strings.ToUpper(s)
	prefix := "0x"
	switch in.base {
	case 2:
		prefix = "0b"
	case 8:
		prefix = "0o"
	}
	if rest, neg := strings.CutPrefix(s, "-"); neg {
		return "-" + prefix + rest
	}
	return prefix + s
}

// atomText is how an atom inspects, alone and as a keyword key.
type atomText struct{ literal, key string }

// atomTextCache maps atom index to *atomText: an atom's text never
// changes, and the same few atoms are inspected over and over.
var atomTextCache sync.Map

func atomTexts(a Term) *atomText {
	if v, ok := atomTextCache.Load(a.AtomIndex()); ok {
		return v.(*atomText)
	}
	name := a.AtomName()
	t := &atomText{inspectAtom(name), inspectAtomKey(name)}
	atomTextCache.Store(a.AtomIndex(), t)
	return t
}

// ---- binaries ----

func (in *inspector) binary(s string, limit int) docRef {
	d := in.d
	if in.base == 10 && (in.o.Binaries == AsStrings || in.o.Binaries == Infer && isPrintableLimit(s, in.printableLimit)) {
		e, more := escape(s, '"', in.printableLimit)
		if more {
			return d.text(`"` + e + `" <> ...`)
		}
		return d.text(`"` + e + `"`)
	}
	if s == "" {
		return d.text("<<>>")
	}
	// each_bit/3: a right-nested flex_glue of "b," pieces, built from
	// the end.
	n := len(s)
	cut := false
	if limit != infinity && limit < n {
		n, cut = max(limit, 0), true
	}
	var inner docRef
	if cut {
		inner = d.text("...")
	} else {
		n--
		inner = d.text(in.byteText(s[n]))
	}
	for i := n - 1; i >= 0; i-- {
		inner = d.flexGlue(d.concat(d.text(in.byteText(s[i])), d.text(",")), " ", inner)
	}
	return d.group(d.concat(d.concat(d.text("<<"), d.nest(inner, 2)), d.text(">>")))
}

func (in *inspector) byteText(b byte) string { return in.integer(Int(int64(b))) }

// ---- lists ----

func (in *inspector) list(t Term, limit, charlists int) docRef {
	d := in.d
	if charlists == AsCharlists || charlists == Infer && isASCIIPrintableList(t, in.printableLimit) {
		if s, ok := charlistString(t); ok {
			e, more := escape(s, '\'', in.printableLimit)
			if more {
				return d.text("'" + e + "' ++ ...")
			}
			return d.text("'" + e + "'")
		}
	}
	if isInspectKeyword(t) {
		return d.containerDoc("[", &keywordList{in: in, l: t, charlists: charlists}, "]", limit, breakStrict, ",")
	}
	return d.containerDoc("[", &termList{in: in, l: t, charlists: charlists}, "]", limit, breakMaybe, ",")
}

// isASCIIPrintableList is List.ascii_printable?(list, limit).
func isASCIIPrintableList(t Term, limit int) bool {
	for ; limit != 0; limit = decrement(limit) {
		if !t.IsCons() {
			return t.IsEmptyList()
		}
		c := t.Cell()
		if !c.Head.IsSmallInt() {
			return false
		}
		ch := c.Head.SmallInt()
		if !(ch >= 7 && ch <= 13 || ch == 27 || ch >= 32 && ch <= 126) {
			return false
		}
		t = c.Tail
	}
	return true
}

// charlistString is IO.chardata_to_string/1 for a list of code points
// (and nested chardata), false when t is not chardata.
func charlistString(t Term) (string, bool) {
	var b strings.Builder
	if !appendChardata(&b, t) {
		return "", false
	}
	return b.String(), true
}

type termList struct {
	in        *inspector
	l         Term
	charlists int
}

func (e *termList) more() bool { return e.l.IsCons() }

func (e *termList) next(d *docs, limit int) (docRef, docRef, bool) {
	c := e.l.Cell()
	e.l = c.Tail
	doc := e.in.toDoc(c.Head, limit, e.charlists)
	if !c.Tail.IsList() {
		return doc, e.in.toDoc(c.Tail, limit, e.charlists), true
	}
	return doc, nilDoc, false
}

type keywordList struct {
	in        *inspector
	l         Term
	charlists int
}

func (e *keywordList) more() bool { return e.l.IsCons() }

func (e *keywordList) next(d *docs, limit int) (docRef, docRef, bool) {
	c := e.l.Cell()
	e.l = c.Tail
	kv := c.Head.Elems()
	return e.in.keyword(kv[0], kv[1], limit, e.charlists), nilDoc, false
}

// keyword is Inspect.List.keyword/2: "key: value".
func (in *inspector) keyword(k, v Term, limit, charlists int) docRef {
	d := in.d
	return d.concat(d.text(atomTexts(k).key), d.concat(d.text(" "), in.toDoc(v, limit, charlists)))
}

type termSlice struct {
	in        *inspector
	ts        []Term
	charlists int
}

func (e *termSlice) more() bool { return len(e.ts) > 0 }

func (e *termSlice) next(d *docs, limit int) (docRef, docRef, bool) {
	t := e.ts[0]
	e.ts = e.ts[1:]
	return e.in.toDoc(t, limit, e.charlists), nilDoc, false
}

// ---- maps and structs ----

func (in *inspector) mapDoc(t Term, limit, charlists int) docRef {
	m := t.MapVal()
	if mod, ok := StructName(t); ok && !in.o.RawStructs {
		if doc, ok := in.structDoc(m, mod, limit, charlists); ok {
			return doc
		}
	}
	keyword := true
	it := m.Iter()
	for k, _, ok := it.Next(); ok; k, _, ok = it.Next() {
		if !k.IsAtom() || strings.HasPrefix(k.AtomName(), "Elixir.") {
			keyword = false
			break
		}
	}
	return in.d.containerDoc("%{", &mapEntries{in: in, it: m.Iter(), n: m.Len(), keyword: keyword, charlists: charlists}, "}", limit, breakStrict, ",")
}

type mapEntries struct {
	in        *inspector
	it        MapIter
	n         int
	keyword   bool
	charlists int
}

func (e *mapEntries) more() bool { return e.n > 0 }

func (e *mapEntries) next(d *docs, limit int) (docRef, docRef, bool) {
	k, v, _ := e.it.Next()
	e.n--
	if e.keyword {
		return e.in.keyword(k, v, limit, e.charlists), nilDoc, false
	}
	// to_assoc/3
	kd := e.in.toDoc(k, limit, e.charlists)
	return d.concat(d.concat(kd, d.text(" => ")), e.in.toDoc(v, limit, e.charlists)), nilDoc, false
}

var (
	rangeModule  = ModuleAtom("Range")
	mapSetModule = ModuleAtom("MapSet")
	atomFirst    = Atom("first")
	atomLast     = Atom("last")
	atomStep     = Atom("step")
	atomMap      = Atom("map")
	// URI's Inspect implementation hides its deprecated :authority.
	uriModule     = ModuleAtom("URI")
	atomAuthority = Atom("authority")
)

// structDoc prints a struct through its Inspect implementation: Range
// and MapSet have their own; others derive one from their fields
// (Inspect.Any) when the struct's keys are exactly its module's fields.
// ok is false when the struct should print as a plain map, as Elixir
// does for an unknown module or keys that don't match.
func (in *inspector) structDoc(m *Map, mod Term, limit, charlists int) (docRef, bool) {
	d := in.d
	switch mod {
	case rangeModule:
		first, ok1 := m.Get(atomFirst)
		last, ok2 := m.Get(atomLast)
		if !ok1 || !ok2 {
			break
		}
		step, ok := m.Get(atomStep)
		if !ok {
			step = Int(1)
			if Compare(first, last) > 0 {
				step = Int(-1)
			}
		}
		doc := d.concatAll(in.toDoc(first, limit, charlists), d.text(".."), in.toDoc(last, limit, charlists))
		if Identical(step, Int(1)) && Compare(last, first) >= 0 {
			return doc, true
		}
		return d.concatAll(doc, d.text("//"), in.toDoc(step, limit, charlists)), true
	case mapSetModule:
		set, ok := m.Get(atomMap)
		if !ok || !set.IsMap() {
			break
		}
		keys := List(set.MapVal().Keys()...)
		return d.concatAll(d.text("MapSet.new("), in.toDoc(keys, limit, AsLists), d.text(")")), true
	}
	fields, ok := StructFields(mod)
	if !ok || m.Len() != len(fields)+1 {
		return nilDoc, false
	}
	shown := make([]Term, 0, len(fields))
	for _, f := range fields {
		if !m.Has(f) {
			return nilDoc, false
		}
		if f != exceptionKey && f != structKey && !(mod == uriModule && f == atomAuthority) {
			shown = append(shown, f)
		}
	}
	name := "%" + inspectAtom(mod.AtomName()) + "{"
	return d.containerDoc(name, &structFields{in: in, m: m, fields: shown, charlists: charlists}, "}", limit, breakStrict, ","), true
}

type structFields struct {
	in        *inspector
	m         *Map
	fields    []Term
	charlists int
}

func (e *structFields) more() bool { return len(e.fields) > 0 }

func (e *structFields) next(d *docs, limit int) (docRef, docRef, bool) {
	f := e.fields[0]
	e.fields = e.fields[1:]
	v, _ := e.m.Get(f)
	return e.in.keyword(f, v, limit, e.charlists), nilDoc, false
}

// ---- functions ----

// inspectFun renders a function. A capture of a named function prints
// as Elixir prints it (&Enum.map/2, &:lists.reverse/1). A closure prints
// in Elixir's #Function<index.uniq/arity in Mod.parent/arity> shape with
// goiex's own numbers: index is Fun.ID and uniq a hash of the module
// name (stable from run to run, but not BEAM's). A closure of top-level
// code (Module "") prints as the shell and Code.eval_file print theirs:
// #Function<ID.3316493/1 in :erl_eval.expr/6>. For a closure, Fun.Name
// may name the enclosing function, as "f/0" or Erlang's "-f/0-fun-0-".
func inspectFun(f *Fun) string {
	if f.External {
		return "&" + inspectAtom(f.Module) + "." + inspectAtomCall(f.Name) + "/" + strconv.Itoa(f.Arity)
	}
	head := "#Function<" + strconv.FormatUint(f.ID, 10) + "."
	if f.Module == "" {
		return head + "3316493/" + strconv.Itoa(f.Arity) + " in :erl_eval.expr/6>"
	}
	h := fnv.New32a()
	h.Write([]byte(f.Module))
	uniq := h.Sum32() & (1<<27 - 1)
	return head + strconv.FormatUint(uint64(uniq), 10) + "/" + strconv.Itoa(f.Arity) +
		" in " + inspectAtom(f.Module) + funParentName(f.Name) + ">"
}

// funParentName is Inspect.Function's extract_name/1.
func funParentName(name string) string {
	if name == "" {
		return ""
	}
	if rest, ok := strings.CutPrefix(name, "-"); ok {
		// "-f/0-fun-0-": the parent f/0
		if i := strings.LastIndexByte(rest, '/'); i >= 0 {
			parts := strings.Split(rest[i+1:], "-")
			if len(parts) == 4 && parts[3] == "" {
				return "." + inspectAtomCall(rest[:i]) + "/" + parts[0]
			}
		}
		return "." + inspectAtomCall(name)
	}
	if i := strings.LastIndexByte(name, '/'); i > 0 {
		if _, err := strconv.Atoi(name[i+1:]); err == nil {
			return "." + inspectAtomCall(name[:i]) + name[i:]
		}
	}
	return "." + inspectAtomCall(name)
}
