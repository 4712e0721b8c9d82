package builtins

import (
	"goiex/vm"
	"goiex/vm/term"
)

// Kernel's functions that are not process primitives: guards, operators
// (for captures such as &+/2; the compiler emits opcodes for the
// operators themselves), elem/put_elem, inspect and to_string.

func kernelNatives() []vm.NativeSpec {
	const m = "Kernel"
	specs := append(arithmeticSpecs(m),
		spec(m, "==", 2, cmpEq),
		spec(m, "!=", 2, cmpNe),
		spec(m, "<", 2, cmpLt),
		spec(m, ">", 2, cmpGt),
		spec(m, "<=", 2, cmpLe),
		spec(m, ">=", 2, cmpGe),
		spec(m, "===", 2, strictEq),
		spec(m, "!==", 2, strictNe),
		spec(m, "++", 2, appendLists),
		spec(m, "--", 2, subtractLists),
		spec(m, "not", 1, erlNot),
		spec(m, "is_nil", 1, func(_ *vm.Process, a []term.Term) (term.Term, error) { return term.Bool(a[0] == term.Nil), nil }),
		spec(m, "is_map_key", 2, func(p *vm.Process, a []term.Term) (term.Term, error) {
			return isMapKey(p, []term.Term{a[1], a[0]})
		}),
		spec(m, "is_struct", 1, func(_ *vm.Process, a []term.Term) (term.Term, error) {
			_, ok := term.StructName(a[0])
			return term.Bool(ok), nil
		}),
		spec(m, "is_struct", 2, func(_ *vm.Process, a []term.Term) (term.Term, error) {
			name, ok := term.StructName(a[0])
			return term.Bool(ok && name == a[1]), nil
		}),
		spec(m, "is_exception", 1, func(_ *vm.Process, a []term.Term) (term.Term, error) {
			return term.Bool(term.IsException(a[0])), nil
		}),
		spec(m, "is_exception", 2, func(_ *vm.Process, a []term.Term) (term.Term, error) {
			name, ok := term.StructName(a[0])
			return term.Bool(ok && term.IsException(a[0]) && name == a[1]), nil
		}),
		spec(m, "elem", 2, kernelElem),
		spec(m, "put_elem", 3, kernelPutElem),
		spec(m, "binary_part", 3, erlBinaryPart),
		spec(m, "inspect", 1, kernelInspect),
		spec(m, "inspect", 2, kernelInspect),
		spec(m, "to_string", 1, kernelToString),
		spec(m, "to_charlist", 1, kernelToCharlist),
		spec("String.Chars", "to_string", 1, kernelToString),
		spec("List.Chars", "to_charlist", 1, kernelToCharlist),
	)
	for _, g := range guardBIFs() {
		specs = append(specs, spec(m, g.name, g.arity, g.fn))
	}
	return specs
}

// kernelElem is elem/2, which Elixir compiles to
// :erlang.element(index + 1, tuple): errors name element's arguments.
func kernelElem(p *vm.Process, a []term.Term) (term.Term, error) {
	i, err := add(a[1], term.Int(1))
	if err != nil {
		return term.Term{}, err
	}
	return erlElement(p, []term.Term{i, a[0]})
}

// kernelPutElem is put_elem/3, :erlang.setelement(index + 1, tuple, value).
func kernelPutElem(p *vm.Process, a []term.Term) (term.Term, error) {
	i, err := add(a[1], term.Int(1))
	if err != nil {
		return term.Term{}, err
	}
	return erlSetelement(p, []term.Term{i, a[0], a[2]})
}

func kernelInspect(_ *vm.Process, a []term.Term) (term.Term, error) {
	o := term.InspectOptions{}
	if len(a) == 2 {
		var err error
		if o, err = inspectOptions(a[1], o); err != nil {
			return term.Term{}, err
		}
	}
	return term.String(term.InspectWith(a[0], o)), nil
}

// inspectOptions reads the keyword options of inspect/2 and IO.inspect
// over the defaults in o. Unknown options are ignored, as in Elixir.
func inspectOptions(opts term.Term, o term.InspectOptions) (term.InspectOptions, error) {
	if !isKeyword(opts) {
		return o, noClause("Inspect.Opts", "new", 1)
	}
	for l := opts; l.IsCons(); l = l.Tail() {
		kv := l.Head().Elems()
		k, v := kv[0].AtomName(), kv[1]
		switch k {
		case "pretty":
			o.Pretty = v == term.True
		case "width":
			if n, ok := smallInt(v); ok {
				o.Width = n
			} else if v == term.Infinity {
				o.Width = term.InspectInfinity
			}
		case "limit":
			o.Limit = limitOption(v)
		case "printable_limit":
			o.PrintableLimit = limitOption(v)
		case "charlists":
			switch v {
			case atom("as_lists"):
				o.Charlists = term.AsLists
			case atom("as_charlists"):
				o.Charlists = term.AsCharlists
			default:
				o.Charlists = term.Infer
			}
		case "binaries":
			switch v {
			case atom("as_binaries"):
				o.Binaries = term.AsBinaries
			case atom("as_strings"):
				o.Binaries = term.AsStrings
			default:
				o.Binaries = term.Infer
			}
		case "base":
			switch v {
			case atom("binary"):
				o.Base = 2
			case atom("octal"):
				o.Base = 8
			case atom("hex"):
				o.Base = 16
			default:
				o.Base = 10
			}
		case "structs":
			o.RawStructs = v == term.False
		}
	}
	return o, nil
}

func kernelToString(_ *vm.Process, a []term.Term) (term.Term, error) {
	s, err := toString(a[0])
	if err != nil {
		return term.Term{}, err
	}
	return term.String(s), nil
}

// limitOption reads limit: or printable_limit: (an integer or :infinity).
func limitOption(v term.Term) int {
	if n, ok := smallInt(v); ok {
		if n <= 0 {
			return term.InspectNone
		}
		return n
	}
	if v == term.Infinity {
		return term.InspectInfinity
	}
	return 0
}

// kernelToCharlist is to_charlist/1 (List.Chars): lists are returned as
// they are, everything else goes through to_string.
func kernelToCharlist(_ *vm.Process, a []term.Term) (term.Term, error) {
	if a[0].IsList() {
		return a[0], nil
	}
	s, err := toStringAs("List.Chars", a[0])
	if err != nil {
		return term.Term{}, err
	}
	return charlist(s), nil
}

// charlist makes the list of s's code points.
func charlist(s string) term.Term {
	cps := make([]term.Term, 0, len(s))
	for _, r := range s {
		cps = append(cps, term.Int(int64(r)))
	}
	return term.List(cps...)
}
