package compile

import (
	"goiex/vm/syntax"
	"goiex/vm/term"
)

// tryExpr compiles try/rescue/catch/else/after. A TRY handler receives
// four registers: kind, raw reason, stacktrace and the reason
// normalised to an exception (what rescue matches).
func (f *fnState) tryExpr(n *syntax.Call, dst int, tail bool) {
	_, secs := f.sections(n)
	mark := f.nextReg
	after := secs["after"]
	var aregs, afterH int
	if after != nil {
		aregs = f.allocN(4)
		afterH = f.newLabel()
		f.emitL(TRY, 0, aregs, 0, 0, afterH)
	}
	regs := f.allocN(4)
	handler, ok := f.newLabel(), f.newLabel()
	f.emitL(TRY, 0, regs, 0, 0, handler)
	f.sectionBody(secs["do"], dst, false)
	f.emit(TRYEND, 0, 0, 0)
	if els := secs["else"]; els != nil {
		v := f.alloc()
		f.emit(MOVE, v, dst, 0)
		none := f.newLabel()
		f.clauses(els.Clauses, v, dst, false, ok, none)
		f.mark(none)
		f.emit(MATCHERR, v, f.konst(term.Atom("try_clause")), 0)
	}
	f.jump(ok)

	f.mark(handler)
	f.stackRegs = append(f.stackRegs, regs+2)
	if r := secs["rescue"]; r != nil {
		for _, cl := range r.Clauses {
			f.rescueClause(cl, regs, dst, ok)
		}
	}
	if c := secs["catch"]; c != nil {
		for _, cl := range c.Clauses {
			f.catchClause(cl, regs, dst, ok)
		}
	}
	f.stackRegs = f.stackRegs[:len(f.stackRegs)-1]
	f.emit(RERAISE, regs, 0, 0)
	f.mark(ok)
	if after != nil {
		f.emit(TRYEND, 0, 0, 0)
		t := f.alloc()
		f.sectionBody(after, t, false)
		end := f.newLabel()
		f.jump(end)
		f.mark(afterH)
		f.sectionBody(after, t, false)
		f.emit(RERAISE, aregs, 0, 0)
		f.mark(end)
	}
	f.release(mark)
	f.ret(dst, tail)
}

// rescueClause: `e in [A, B] ->`, `A ->`, `e ->`, `_ ->`.
func (f *fnState) rescueClause(cl *syntax.Clause, regs, dst, done int) {
	if len(cl.Args) != 1 {
		f.fail(cl, "invalid rescue clause")
	}
	next := f.newLabel()
	f.push()
	mark := f.nextReg
	f.emitL(TEQK, regs, f.konst(term.Atom("error")), 0, 2, next)
	var bindVar syntax.Node
	var mods []syntax.Node
	switch a := cl.Args[0].(type) {
	case *syntax.BinaryOp:
		if a.Op != "in" {
			f.fail(a, "invalid rescue clause")
		}
		bindVar = a.L
		if l, ok := a.R.(*syntax.List); ok {
			mods = l.Elems
		} else {
			mods = []syntax.Node{a.R}
		}
	case *syntax.Var:
		bindVar = a
	default:
		mods = []syntax.Node{a}
	}
	if len(mods) > 0 {
		name := f.alloc()
		f.loadK(name, term.StructKey())
		f.emitL(MAPGET, name, regs+3, 0, 2, next)
		hit := f.newLabel()
		t := f.alloc()
		for _, m := range mods {
			k := f.alloc()
			f.loadK(k, f.moduleOf(m))
			f.emit(EQX, t, name, k)
			f.emitL(JTRUTHY, t, 0, 0, 1, hit)
		}
		f.jump(next)
		f.mark(hit)
	}
	if bindVar != nil {
		f.pattern(bindVar, regs+3, next)
	}
	f.guardExpr(cl.Guard, next)
	f.body(cl.Body, dst, false)
	f.jump(done)
	f.pop()
	f.release(mark)
	f.mark(next)
}

// catchClause: `kind, value ->` or `value ->` (a throw).
func (f *fnState) catchClause(cl *syntax.Clause, regs, dst, done int) {
	next := f.newLabel()
	f.push()
	mark := f.nextReg
	switch len(cl.Args) {
	case 1:
		f.emitL(TEQK, regs, f.konst(term.Atom("throw")), 0, 2, next)
		f.pattern(cl.Args[0], regs+1, next)
	case 2:
		f.pattern(cl.Args[0], regs, next)
		f.pattern(cl.Args[1], regs+1, next)
	default:
		f.fail(cl, "invalid catch clause")
	}
	f.guardExpr(cl.Guard, next)
	f.body(cl.Body, dst, false)
	f.jump(done)
	f.pop()
	f.release(mark)
	f.mark(next)
}

// withExpr compiles with: each `pattern <- expr` that fails to match
// sends its value to the else clauses (or makes it the result).
func (f *fnState) withExpr(n *syntax.Call, dst int, tail bool) {
	args, secs := f.sections(n)
	mark := f.nextReg
	v := f.alloc()
	elseL, end := f.newLabel(), f.newLabel()
	type stub struct{ label, reg int }
	var stubs []stub
	f.push()
	for _, a := range args {
		if b, ok := a.(*syntax.BinaryOp); ok && b.Op == "<-" {
			t := f.alloc()
			f.value(b.R, t)
			s := stub{f.newLabel(), t}
			stubs = append(stubs, s)
			pat, guard := splitWhen(b.L)
			f.pattern(pat, t, s.label)
			f.guardExpr(guard, s.label)
			continue
		}
		t := f.alloc()
		f.value(a, t)
	}
	f.body(secs["do"].Body, dst, false)
	f.pop()
	f.jump(end)
	for _, s := range stubs {
		f.mark(s.label)
		f.emit(MOVE, v, s.reg, 0)
		f.jump(elseL)
	}
	f.mark(elseL)
	if els := secs["else"]; els != nil {
		none := f.newLabel()
		f.clauses(els.Clauses, v, dst, false, end, none)
		f.mark(none)
		f.emit(MATCHERR, v, f.konst(term.Atom("with_clause")), 0)
	} else {
		f.emit(MOVE, dst, v, 0)
	}
	f.mark(end)
	f.release(mark)
	f.ret(dst, tail)
}

// forExpr compiles a comprehension by rewriting it into nested
// Enum.reduce/3 calls over fns, accumulating in reverse:
//
//	for x <- xs, x > 1, do: x * 2
//	==> :lists.reverse(Enum.reduce(xs, [], fn x, acc -> if x > 1, do: [x * 2 | acc], else: acc
//	                                           _, acc -> acc end))
func (f *fnState) forExpr(n *syntax.Call, dst int, tail bool) {
	args, secs := f.sections(n)
	var into, uniq, reduce syntax.Node
	if len(args) > 0 {
		if l, ok := args[len(args)-1].(*syntax.List); ok && isKeywordList(l) {
			into, _ = keyword(l, "into")
			uniq, _ = keyword(l, "uniq")
			reduce, _ = keyword(l, "reduce")
			args = args[:len(args)-1]
		}
	}
	for name, dstOpt := range map[string]*syntax.Node{"into": &into, "uniq": &uniq, "reduce": &reduce} {
		if s := secs[name]; s != nil && s.Body != nil && len(s.Body.Exprs) == 1 {
			*dstOpt = s.Body.Exprs[0]
		}
	}
	pos := n.Pos
	acc := &syntax.Var{Pos: pos, Name: "for acc"}
	var inner syntax.Node
	if reduce != nil {
		inner = &syntax.Call{Pos: pos, Name: "case", Args: []syntax.Node{acc,
			&syntax.DoBlock{Pos: pos, Sections: []syntax.Section{{Pos: pos, Name: "do", Clauses: secs["do"].Clauses}}}}}
	} else {
		inner = &syntax.List{Pos: pos, Elems: []syntax.Node{secs["do"].Body}, Tail: acc}
	}
	for i := len(args) - 1; i >= 0; i-- {
		q := args[i]
		if g, ok := q.(*syntax.BinaryOp); ok && g.Op == "<-" {
			pat, guard := splitWhen(g.L)
			fn := &syntax.Fn{Pos: g.Pos, Clauses: []*syntax.Clause{
				{Pos: g.Pos, Args: []syntax.Node{pat, acc}, Guard: guard, Body: block(inner)},
				{Pos: g.Pos, Args: []syntax.Node{&syntax.Var{Pos: g.Pos, Name: "_"}, acc}, Body: block(acc)},
			}}
			inner = &syntax.Call{Pos: g.Pos, Target: &syntax.Alias{Pos: g.Pos, Parts: []string{"Enum"}},
				Name: "reduce", Args: []syntax.Node{g.R, acc, fn}}
			continue
		}
		inner = &syntax.Call{Pos: pos, Name: "if", Args: []syntax.Node{q, &syntax.DoBlock{Pos: pos,
			Sections: []syntax.Section{{Name: "do", Body: block(inner)}, {Name: "else", Body: block(acc)}}}}}
	}
	mark := f.nextReg
	f.push()
	a := f.bind("for acc")
	if reduce != nil {
		f.value(reduce, a)
		f.value(inner, dst)
	} else {
		f.loadK(a, term.EmptyList)
		f.value(inner, dst)
		f.callRemote(":lists", "reverse", []int{dst}, dst, false)
		if uniq != nil {
			if u, ok := f.constant(uniq); ok && u == term.True {
				f.callRemote("Enum", "uniq", []int{dst}, dst, false)
			}
		}
		if into != nil {
			t := f.operand(into)
			f.callRemote("Enum", "into", []int{dst, t}, dst, false)
		}
	}
	f.pop()
	f.release(mark)
	f.ret(dst, tail)
}

func block(n syntax.Node) *syntax.Block {
	if b, ok := n.(*syntax.Block); ok {
		return b
	}
	return &syntax.Block{Pos: n.Position(), Exprs: []syntax.Node{n}}
}

func isKeywordList(l *syntax.List) bool {
	if len(l.Elems) == 0 || l.Tail != nil {
		return false
	}
	for _, e := range l.Elems {
		t, ok := e.(*syntax.Tuple)
		if !ok || len(t.Elems) != 2 {
			return false
		}
		if _, ok := t.Elems[0].(*syntax.Atom); !ok {
			return false
		}
	}
	return true
}
