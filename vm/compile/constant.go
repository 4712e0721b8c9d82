package compile

import (
	"math/big"
	"strings"

	"goiex/vm/syntax"
	"goiex/vm/term"
)

// literal returns the term of a literal node.
func (f *fnState) literal(n syntax.Node) term.Term {
	t, ok := f.constant(n)
	if !ok {
		f.fail(n, "expected a literal")
	}
	return t
}

// constant folds a node that is known at compile time (literals and
// containers of literals, aliases, __MODULE__) into its term.
func (f *fnState) constant(n syntax.Node) (term.Term, bool) {
	switch n := n.(type) {
	case *syntax.Int:
		if n.Big != nil {
			return term.BigInt(n.Big), true
		}
		return term.Int(n.Value), true
	case *syntax.Float:
		return term.Float(n.Value), true
	case *syntax.Atom:
		return term.Atom(n.Name), true
	case *syntax.Alias:
		if n.Base != nil {
			base, ok := f.constant(n.Base)
			if !ok || !base.IsAtom() {
				return term.Term{}, false
			}
			return term.ModuleAtom(term.ModuleName(base) + "." + strings.Join(n.Parts, ".")), true
		}
		return f.c.expandAlias(n.Parts), true
	case *syntax.String:
		s, ok := plainText(n.Parts)
		return term.String(s), ok
	case *syntax.Charlist:
		s, ok := plainText(n.Parts)
		if !ok {
			return term.Term{}, false
		}
		return charlist(s), true
	case *syntax.Sigil:
		s, ok := plainText(n.Parts)
		if !ok {
			return term.Term{}, false
		}
		switch n.Letter {
		case 's', 'S':
			return term.String(s), true
		case 'c', 'C':
			return charlist(s), true
		case 'w', 'W':
			words := strings.Fields(s)
			elems := make([]term.Term, len(words))
			for i, w := range words {
				switch {
				case strings.Contains(n.Modifiers, "a"):
					elems[i] = term.Atom(w)
				case strings.Contains(n.Modifiers, "c"):
					elems[i] = charlist(w)
				default:
					elems[i] = term.String(w)
				}
			}
			return term.List(elems...), true
		}
	case *syntax.Tuple:
		elems, ok := f.constants(n.Elems)
		if !ok {
			return term.Term{}, false
		}
		return term.Tuple(elems...), true
	case *syntax.List:
		elems, ok := f.constants(n.Elems)
		if !ok {
			return term.Term{}, false
		}
		tail := term.EmptyList
		if n.Tail != nil {
			if tail, ok = f.constant(n.Tail); !ok {
				return term.Term{}, false
			}
		}
		return term.ListWithTail(elems, tail), true
	case *syntax.UnaryOp:
		if n.Op == "-" || n.Op == "+" {
			switch x := n.X.(type) {
			case *syntax.Int:
				if n.Op == "+" {
					return f.constant(x)
				}
				if x.Big != nil {
					return term.BigInt(new(big.Int).Neg(x.Big)), true
				}
				return term.Int(-x.Value), true
			case *syntax.Float:
				if n.Op == "+" {
					return term.Float(x.Value), true
				}
				return term.Float(-x.Value), true
			}
		}
	case *syntax.Call:
		if n.Target == nil && n.Name == "__MODULE__" && len(n.Args) == 0 {
			if f.c.mod == nil {
				return term.Nil, true
			}
			return f.c.mod.atom, true
		}
	case *syntax.ModuleAttr:
		if n.Value == nil && f.c.mod != nil {
			if v, ok := f.c.mod.attrs[n.Name]; ok {
				return f.constant(v)
			}
		}
	}
	return term.Term{}, false
}

func (f *fnState) constants(nodes []syntax.Node) ([]term.Term, bool) {
	out := make([]term.Term, len(nodes))
	for i, e := range nodes {
		t, ok := f.constant(e)
		if !ok {
			return nil, false
		}
		out[i] = t
	}
	return out, true
}

// plainText returns the text of string parts without interpolation.
func plainText(parts []syntax.Node) (string, bool) {
	var b strings.Builder
	for _, p := range parts {
		sp, ok := p.(*syntax.StringPart)
		if !ok {
			return "", false
		}
		b.WriteString(sp.Text)
	}
	return b.String(), true
}

func charlist(s string) term.Term {
	var elems []term.Term
	for _, r := range s {
		elems = append(elems, term.Int(int64(r)))
	}
	return term.List(elems...)
}
