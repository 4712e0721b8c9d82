package compile

import (
	"strings"

	"goiex/vm/syntax"
	"goiex/vm/term"
)

// patternState tracks the variables one pattern binds, so a variable
// used twice in a pattern (`{x, x}`) tests equality the second time.
type patternState struct {
	bound map[string]int
}

// pattern compiles a match of the value in reg against n; on mismatch it
// jumps to fail. Variables are bound in the innermost scope.
func (f *fnState) pattern(n syntax.Node, reg, fail int) {
	f.patternIn(n, reg, fail, &patternState{bound: map[string]int{}})
}

func (f *fnState) patternIn(n syntax.Node, reg, fail int, ps *patternState) {
	f.setLine(n)
	switch n := n.(type) {
	case *syntax.Var:
		if strings.HasPrefix(n.Name, "_") {
			return
		}
		if r, ok := ps.bound[n.Name]; ok {
			f.emitL(TEQ, reg, r, 0, 2, fail)
			return
		}
		ps.bound[n.Name] = reg
		f.bindTo(n.Name, reg)
		return
	case *syntax.UnaryOp:
		if n.Op == "^" {
			v, ok := n.X.(*syntax.Var)
			if !ok {
				f.fail(n, "invalid argument for unary operator ^, expected an existing variable")
			}
			r, ok := f.varReg(v.Name)
			if !ok {
				f.fail(n, "undefined variable ^%s. No variable \"%s\" has been defined before the current pattern", v.Name, v.Name)
			}
			f.emitL(TEQ, reg, r, 0, 2, fail)
			return
		}
	case *syntax.Tuple:
		if _, ok := f.constant(n); !ok {
			f.emitL(TTUPLE, reg, len(n.Elems), 0, 2, fail)
			for i, e := range n.Elems {
				if ignorable(e) {
					continue
				}
				t := f.alloc()
				f.emit(ELEM, t, reg, i)
				f.patternIn(e, t, fail, ps)
			}
			return
		}
	case *syntax.List:
		if _, ok := f.constant(n); !ok {
			cur := reg
			for _, e := range n.Elems {
				f.emitL(TCONS, cur, 0, 0, 2, fail)
				if !ignorable(e) {
					h := f.alloc()
					f.emit(HEAD, h, cur, 0)
					f.patternIn(e, h, fail, ps)
				}
				t := f.alloc()
				f.emit(TAIL, t, cur, 0)
				cur = t
			}
			if n.Tail == nil {
				f.emitL(TNIL, cur, 0, 0, 2, fail)
			} else {
				f.patternIn(n.Tail, cur, fail, ps)
			}
			return
		}
	case *syntax.Map:
		f.emitL(TMAP, reg, 0, 0, 2, fail)
		if n.Update != nil {
			f.fail(n, "cannot use map update syntax in a pattern")
		}
		if n.Struct != nil {
			mod := term.Atom("")
			if v, ok := n.Struct.(*syntax.Var); ok {
				t := f.alloc()
				f.loadK(t, term.StructKey())
				f.emitL(MAPGET, t, reg, 0, 2, fail)
				f.patternIn(v, t, fail, ps)
			} else {
				mod = f.moduleOf(n.Struct)
				t := f.alloc()
				f.loadK(t, term.StructKey())
				f.emitL(MAPGET, t, reg, 0, 2, fail)
				f.emitL(TEQK, t, f.konst(mod), 0, 2, fail)
			}
		}
		for _, p := range n.Pairs {
			t := f.alloc()
			if u, ok := p.Key.(*syntax.UnaryOp); ok && u.Op == "^" {
				r, ok := f.varReg(varName(u.X))
				if !ok {
					f.fail(u, "undefined variable ^%s", varName(u.X))
				}
				f.emit(MOVE, t, r, 0)
			} else {
				k, ok := f.constant(p.Key)
				if !ok {
					f.fail(p.Key, "cannot use variable %s as map key inside a pattern. Map keys in patterns can only be literals (such as atoms, strings, tuples, and the like) or an existing variable matched with the pin operator (such as ^some_var)", varName(p.Key))
				}
				f.loadK(t, k)
			}
			f.emitL(MAPGET, t, reg, 0, 2, fail)
			f.patternIn(p.Value, t, fail, ps)
		}
		return
	case *syntax.BinaryOp:
		switch n.Op {
		case "=":
			f.patternIn(n.L, reg, fail, ps)
			f.patternIn(n.R, reg, fail, ps)
			return
		case "<>":
			prefix, ok := f.constant(n.L)
			if !ok || !prefix.IsBinary() {
				f.fail(n, "the left argument of <> must be a literal string in a pattern")
			}
			f.emitL(TBINPRE, reg, f.konst(prefix), 0, 2, fail)
			t := f.alloc()
			f.emit(BINREST, t, reg, len(prefix.Str()))
			f.patternIn(n.R, t, fail, ps)
			return
		case "when":
			f.fail(n, "unexpected when in pattern")
		}
	case *syntax.Range:
		if n.Step != nil {
			f.fail(n, "a stepped range cannot be used in a pattern")
		}
		f.emitL(TMAP, reg, 0, 0, 2, fail)
		for _, fld := range []struct {
			key string
			pat syntax.Node
		}{{"__struct__", nil}, {"first", n.First}, {"last", n.Last}} {
			t := f.alloc()
			f.loadK(t, term.Atom(fld.key))
			f.emitL(MAPGET, t, reg, 0, 2, fail)
			if fld.pat == nil {
				f.emitL(TEQK, t, f.konst(term.ModuleAtom("Range")), 0, 2, fail)
			} else {
				f.patternIn(fld.pat, t, fail, ps)
			}
		}
		return
	case *syntax.Call:
		if n.Name == "__MODULE__" {
			break
		}
		if n.Name == "<<>>" && n.Target == nil {
			f.bitstringPattern(n, reg, fail, ps)
			return
		}
		f.fail(n, "cannot invoke remote function %s inside a match", n.Name)
	case *syntax.String:
		if _, ok := plainText(n.Parts); !ok {
			f.fail(n, "interpolation is not allowed in patterns")
		}
	}
	t, ok := f.constant(n)
	if !ok {
		f.fail(n, "invalid pattern")
	}
	f.emitL(TEQK, reg, f.konst(t), 0, 2, fail)
}

func ignorable(n syntax.Node) bool {
	v, ok := n.(*syntax.Var)
	return ok && strings.HasPrefix(v.Name, "_")
}

// match compiles `pattern = expr`, leaving the value in dst.
func (f *fnState) match(n *syntax.BinaryOp, dst int) {
	f.value(n.R, dst)
	fail := f.newLabel()
	f.pattern(n.L, dst, fail)
	if !f.labelUsed(fail) {
		return // a pattern that cannot fail (a variable) needs no error path
	}
	ok := f.newLabel()
	f.jump(ok)
	f.mark(fail)
	f.emit(MATCHERR, dst, f.konst(term.Atom("badmatch")), 0)
	f.mark(ok)
}

// guardExpr compiles a guard: anything but true (including an error
// raised while evaluating it) jumps to fail. `when a when b` tries each
// alternative on its own: an error in one only fails that one.
func (f *fnState) guardExpr(g syntax.Node, fail int) {
	if g == nil {
		return
	}
	var alts []syntax.Node
	for {
		w, ok := g.(*syntax.BinaryOp)
		if !ok || w.Op != "when" {
			break
		}
		alts = append(alts, w.L)
		g = w.R
	}
	alts = append(alts, g)
	mark := f.nextReg
	saved := f.guard
	f.guard = true
	ok := f.newLabel()
	t := f.alloc()
	for i, a := range alts {
		next := fail
		if i < len(alts)-1 {
			next = f.newLabel()
		}
		f.emitL(GUARD, 0, 0, 0, 0, next)
		f.value(a, t)
		f.emit(GUARDEND, 0, 0, 0)
		f.emitL(TTRUE, t, 0, 0, 2, next)
		if next != fail {
			f.jump(ok)
		}
		if next != fail {
			f.mark(next)
		}
	}
	f.mark(ok)
	f.guard = saved
	f.release(mark)
}
