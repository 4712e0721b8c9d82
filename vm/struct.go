package vm

import (
	"goiex/vm/compile"
	"goiex/vm/term"
)

// installStruct gives a module with defstruct its __struct__/0,1 (and,
// for defexception, exception/1 and message/1 unless defined).
func installStruct(m *Module, cm *compile.Module) {
	base := term.EmptyMap.MapVal().Put(term.StructKey(), cm.Atom)
	if cm.Exception {
		base = base.Put(term.ExceptionKey(), term.True)
	}
	for _, f := range cm.Struct {
		base = base.Put(f.Name, f.Default)
	}
	def := term.NewMapTerm(base)
	add := func(name string, arity int, fn Native) {
		k := funKey{term.Atom(name), arity}
		if m.Funcs[k] == nil {
			m.Funcs[k] = &Function{Module: m, Name: name, Arity: arity, Native: fn}
		}
	}
	add("__struct__", 0, func(p *Process, args []term.Term) (term.Term, error) { return def, nil })
	add("__struct__", 1, func(p *Process, args []term.Term) (term.Term, error) {
		return structWith(def, args[0])
	})
	if cm.Exception {
		add("exception", 1, func(p *Process, args []term.Term) (term.Term, error) {
			if args[0].IsBinary() {
				return term.NewMapTerm(base.Put(fMessage, args[0])), nil
			}
			return structWith(def, args[0])
		})
		add("message", 1, func(p *Process, args []term.Term) (term.Term, error) {
			return term.String(ExceptionMessage(args[0])), nil
		})
	}
}

// structWith fills a struct's fields from a keyword list or map; every
// key must be a field.
func structWith(def, fields term.Term) (term.Term, error) {
	m := def.MapVal()
	var err error
	put := func(k, val term.Term) bool {
		if _, ok := m.Get(k); !ok || k == term.StructKey() {
			err = Raise(NewKeyError(k, def, ""))
			return false
		}
		m = m.Put(k, val)
		return true
	}
	if fields.IsMap() {
		fields.MapVal().Range(func(k, val term.Term) bool { return put(k, val) })
	} else {
		elems, ok := term.ListToSlice(fields)
		if !ok {
			return term.Term{}, Raise(NewArgumentError("argument error"))
		}
		for _, e := range elems {
			if !e.IsTuple() || e.TupleSize() != 2 {
				return term.Term{}, Raise(NewArgumentError("argument error"))
			}
			if !put(e.Elems()[0], e.Elems()[1]) {
				break
			}
		}
	}
	if err != nil {
		return term.Term{}, err
	}
	return term.NewMapTerm(m), nil
}
