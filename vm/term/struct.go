package term

import "strings"

// ModuleAtom returns the atom naming an Elixir module: "Foo.Bar" becomes
// :"Elixir.Foo.Bar". Erlang module names (lists, erlang) are plain atoms
// and don't go through here.
func ModuleAtom(alias string) Term { return Atom("Elixir." + alias) }

// ModuleName returns how Elixir writes a module atom: Foo.Bar for
// :"Elixir.Foo.Bar", :lists for :lists.
func ModuleName(mod Term) string {
	name := mod.AtomName()
	if rest, ok := strings.CutPrefix(name, "Elixir."); ok {
		return rest
	}
	return ":" + name
}

var (
	structKey    = Atom("__struct__")
	exceptionKey = Atom("__exception__")
)

// StructKey is :__struct__; ExceptionKey is :__exception__.
func StructKey() Term    { return structKey }
func ExceptionKey() Term { return exceptionKey }

// Struct builds %Module{k1: v1, ...} from alternating atom keys and values
// (fields as atoms, e.g. Struct("RuntimeError", Atom("message"), msg)).
func Struct(module string, kv ...Term) Term {
	m := EmptyMap.MapVal().Put(structKey, ModuleAtom(module))
	for i := 0; i+1 < len(kv); i += 2 {
		m = m.Put(kv[i], kv[i+1])
	}
	return NewMapTerm(m)
}

// StructName returns the module of a struct (a map with :__struct__ set to
// an atom), and false for other terms.
func StructName(t Term) (Term, bool) {
	if !t.IsMap() {
		return Term{}, false
	}
	v, ok := t.MapVal().Get(structKey)
	if !ok || !v.IsAtom() {
		return Term{}, false
	}
	return v, true
}

// IsException reports whether t is an exception struct.
func IsException(t Term) bool {
	if _, ok := StructName(t); !ok {
		return false
	}
	v, ok := t.MapVal().Get(exceptionKey)
	return ok && v == True
}
