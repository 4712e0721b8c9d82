package compile

import (
	"fmt"
	"strings"

	"goiex/vm/syntax"
	"goiex/vm/term"
)

// body compiles a block; its last expression is the value. With tail
// set, the code ends by returning (or tail-calling).
func (f *fnState) body(b *syntax.Block, dst int, tail bool) {
	if b == nil || len(b.Exprs) == 0 {
		f.loadK(dst, term.Nil)
		if tail {
			f.emit(RETURN, dst, 0, 0)
		}
		return
	}
	for i, e := range b.Exprs {
		last := i == len(b.Exprs)-1
		if last {
			f.expr(e, dst, tail)
			return
		}
		mark := f.nextReg
		t := f.alloc()
		f.expr(e, t, false)
		f.release(mark)
	}
}

// value compiles n into dst (not in tail position).
func (f *fnState) value(n syntax.Node, dst int) { f.expr(n, dst, false) }

// operand returns a register holding n's value: a variable's own
// register, or a temporary.
func (f *fnState) operand(n syntax.Node) int {
	if v, ok := n.(*syntax.Var); ok {
		if r, ok := f.lookupLocal(v.Name); ok {
			return r
		}
	}
	t := f.alloc()
	f.value(n, t)
	return t
}

// ret finishes an expression in tail position.
func (f *fnState) ret(dst int, tail bool) {
	if tail {
		f.emit(RETURN, dst, 0, 0)
	}
}

// expr compiles n so that its value ends up in dst.
func (f *fnState) expr(n syntax.Node, dst int, tail bool) {
	f.setLine(n)
	switch n := n.(type) {
	case *syntax.Int, *syntax.Float, *syntax.Atom, *syntax.Alias:
		f.loadK(dst, f.literal(n))
	case *syntax.String:
		f.str(n.Parts, dst)
	case *syntax.Charlist:
		if t, ok := f.constant(n); ok {
			f.loadK(dst, t)
		} else {
			f.str(n.Parts, dst)
			f.callRemote("String", "to_charlist", []int{dst}, dst, false)
		}
	case *syntax.Sigil:
		f.sigil(n, dst)
	case *syntax.Var:
		if n.Name == "__STACKTRACE__" {
			f.call(&syntax.Call{Pos: n.Pos, Name: n.Name}, dst, tail)
			return
		}
		f.variable(n, dst)
	case *syntax.ModuleAttr:
		f.attribute(n, dst)
	case *syntax.Tuple:
		if t, ok := f.constant(n); ok {
			f.loadK(dst, t)
			break
		}
		mark := f.nextReg
		base := f.allocN(len(n.Elems))
		for i, e := range n.Elems {
			f.value(e, base+i)
		}
		f.emit(TUPLE, dst, base, len(n.Elems))
		f.release(mark)
	case *syntax.List:
		f.list(n, dst)
	case *syntax.Map:
		f.mapExpr(n, dst)
	case *syntax.Block:
		f.push()
		f.body(n, dst, tail)
		f.pop()
		return
	case *syntax.Range:
		f.rangeExpr(n, dst)
	case *syntax.BinaryOp:
		f.binary(n, dst, tail)
		return
	case *syntax.UnaryOp:
		f.unary(n, dst)
	case *syntax.Fn:
		f.fn(n, dst)
	case *syntax.Capture:
		f.capture(n, dst)
	case *syntax.Call:
		f.call(n, dst, tail)
		return
	case *syntax.CaptureArg:
		r, ok := f.varReg(fmt.Sprintf("&%d", n.N))
		if !ok {
			f.fail(n, "capture argument &%d must be used within the capture operator &", n.N)
		}
		f.emit(MOVE, dst, r, 0)
	case *syntax.DoBlock:
		f.fail(n, "unexpected do block")
	default:
		f.fail(n, "unsupported expression %T", n)
	}
	f.ret(dst, tail)
}

func (f *fnState) variable(v *syntax.Var, dst int) {
	if strings.HasPrefix(v.Name, "_") {
		f.fail(v, "invalid use of _. \"_\" represents a value to be ignored in a pattern and cannot be used in expressions")
	}
	if r, ok := f.lookupLocal(v.Name); ok {
		if r != dst {
			f.emit(MOVE, dst, r, 0)
		}
		return
	}
	if idx, ok := f.captureIndex(v.Name); ok {
		f.emit(LOADENV, dst, idx, 0)
		return
	}
	mark := f.nextReg
	r, ok := f.varReg(v.Name)
	if !ok {
		// A bare name that is no variable is a call of arity 0, as in Elixir.
		f.call(&syntax.Call{Pos: v.Pos, Name: v.Name, NoParens: true}, dst, false)
		return
	}
	if r != dst {
		f.emit(MOVE, dst, r, 0)
	}
	f.release(mark)
}

func (f *fnState) attribute(a *syntax.ModuleAttr, dst int) {
	if a.Value != nil {
		f.fail(a, "module attributes can only be set inside a module body")
	}
	m := f.c.mod
	if m == nil {
		f.fail(a, "cannot read attribute @%s outside of a module body", a.Name)
	}
	v, ok := m.attrs[a.Name]
	if !ok {
		f.loadK(dst, term.Nil)
		return
	}
	f.value(v, dst)
}

// str compiles string parts (with interpolation) into one binary.
func (f *fnState) str(parts []syntax.Node, dst int) {
	if len(parts) == 0 {
		f.loadK(dst, term.String(""))
		return
	}
	mark := f.nextReg
	acc := -1
	for _, p := range parts {
		r := f.alloc()
		if sp, ok := p.(*syntax.StringPart); ok {
			f.loadK(r, term.String(sp.Text))
		} else {
			f.value(p, r)
			f.emit(TOSTR, r, r, 0)
		}
		if acc < 0 {
			acc = r
		} else {
			f.emit(BCAT, acc, acc, r)
		}
	}
	f.emit(MOVE, dst, acc, 0)
	f.release(mark)
}

func (f *fnState) sigil(s *syntax.Sigil, dst int) {
	switch s.Letter {
	case 's', 'S':
		f.str(s.Parts, dst)
	case 'c', 'C':
		f.str(s.Parts, dst)
		f.callRemote("String", "to_charlist", []int{dst}, dst, false)
	case 'w', 'W':
		t, ok := f.constant(s)
		if !ok {
			f.str(s.Parts, dst)
			f.callRemote("String", "split", []int{dst}, dst, false)
			return
		}
		f.loadK(dst, t)
	default:
		f.fail(s, "unsupported sigil ~%c", s.Letter)
	}
}

func (f *fnState) list(n *syntax.List, dst int) {
	if t, ok := f.constant(n); ok {
		f.loadK(dst, t)
		return
	}
	mark := f.nextReg
	cnt := len(n.Elems)
	if n.Tail != nil {
		base := f.allocN(cnt + 1)
		for i, e := range n.Elems {
			f.value(e, base+i)
		}
		f.value(n.Tail, base+cnt)
		f.emit(LISTT, dst, base, cnt)
	} else {
		base := f.allocN(cnt)
		for i, e := range n.Elems {
			f.value(e, base+i)
		}
		f.emit(LIST, dst, base, cnt)
	}
	f.release(mark)
}

func (f *fnState) mapExpr(n *syntax.Map, dst int) {
	if n.Struct != nil {
		f.structExpr(n, dst)
		return
	}
	if n.Update != nil {
		f.mapUpdate(n, dst)
		return
	}
	mark := f.nextReg
	base := f.allocN(2 * len(n.Pairs))
	for i, p := range n.Pairs {
		f.value(p.Key, base+2*i)
		f.value(p.Value, base+2*i+1)
	}
	f.emit(MAP, dst, base, len(n.Pairs))
	f.release(mark)
}

// checkStruct raises BadStructError unless the value of n is a struct
// named mod (%S{s | k: v} needs an S). n is evaluated here and again by
// the update; struct update bases are variables in practice.
func (f *fnState) checkStruct(n syntax.Node, mod term.Term) {
	mark := f.nextReg
	x := f.operand(n)
	fail, ok := f.newLabel(), f.newLabel()
	t := f.alloc()
	f.emitL(TMAP, x, 0, 0, 2, fail)
	f.loadK(t, term.StructKey())
	f.emitL(MAPGET, t, x, 0, 2, fail)
	f.emitL(TEQK, t, f.konst(mod), 0, 2, fail)
	f.jump(ok)
	f.mark(fail)
	args := f.allocN(2)
	f.loadK(args, term.ModuleAtom("BadStructError"))
	kv := f.allocN(2)
	f.loadK(kv, term.Atom("struct"))
	f.loadK(kv+1, mod)
	pairs := f.allocN(2)
	f.emit(TUPLE, pairs, kv, 2)
	kv2 := f.allocN(2)
	f.loadK(kv2, term.Atom("term"))
	f.emit(MOVE, kv2+1, x, 0)
	f.emit(TUPLE, pairs+1, kv2, 2)
	f.emit(LIST, args+1, pairs, 2)
	s := f.site(&Site{Module: kernelAtom, Name: term.Atom("raise"), Arity: 2})
	f.emit(CALL, args, s, args)
	f.mark(ok)
	f.release(mark)
}

// mapUpdate compiles %{m | k => v} (and %S{s | k: v}): every key must
// already be there.
func (f *fnState) mapUpdate(n *syntax.Map, dst int) {
	mark := f.nextReg
	base := f.allocN(1 + 2*len(n.Pairs))
	f.value(n.Update, base)
	for i, p := range n.Pairs {
		f.value(p.Key, base+1+2*i)
		f.value(p.Value, base+2+2*i)
	}
	f.emit(MAPUPD, dst, base, len(n.Pairs))
	f.release(mark)
}

// structExpr compiles %Name{k: v} as Name.__struct__([k: v]) (which
// checks the keys and fills the defaults), and %Name{s | k: v} as a map
// update that also checks s is a Name struct.
func (f *fnState) structExpr(n *syntax.Map, dst int) {
	mod := f.moduleOf(n.Struct)
	if n.Update != nil {
		f.checkStruct(n.Update, mod)
		f.mapUpdate(n, dst)
		return
	}
	mark := f.nextReg
	kv := f.allocN(2 * len(n.Pairs))
	for i, p := range n.Pairs {
		f.value(p.Key, kv+2*i)
		f.value(p.Value, kv+2*i+1)
	}
	args := f.alloc()
	tuples := f.allocN(len(n.Pairs))
	for i := range n.Pairs {
		f.emit(TUPLE, tuples+i, kv+2*i, 2)
	}
	f.emit(LIST, args, tuples, len(n.Pairs))
	s := f.site(&Site{Module: mod, Name: term.Atom("__struct__"), Arity: 1})
	f.emit(CALL, dst, s, args)
	f.release(mark)
}

// moduleOf resolves the module named by an alias node, __MODULE__ or an
// attribute, at compile time.
func (f *fnState) moduleOf(n syntax.Node) term.Term {
	t, ok := f.constant(n)
	if !ok || !t.IsAtom() {
		f.fail(n, "expected a module name")
	}
	return t
}

func (f *fnState) rangeExpr(n *syntax.Range, dst int) {
	mark := f.nextReg
	args := []int{f.operand(n.First), f.operand(n.Last)}
	if n.Step != nil {
		args = append(args, f.operand(n.Step))
	}
	f.callRemote("Range", "new", args, dst, false)
	f.release(mark)
}

// callRemote emits a call of Module.name with the values in regs.
func (f *fnState) callRemote(module, name string, regs []int, dst int, tail bool) {
	mark := f.nextReg
	base := f.allocN(len(regs))
	for i, r := range regs {
		if r != base+i {
			f.emit(MOVE, base+i, r, 0)
		}
	}
	s := f.site(&Site{Module: moduleAtom(module), Name: term.Atom(name), Arity: len(regs)})
	if tail {
		f.emit(TCALL, 0, s, base)
	} else {
		f.emit(CALL, dst, s, base)
	}
	f.release(mark)
}

// moduleAtom turns "String" into :"Elixir.String" and ":lists" into :lists.
func moduleAtom(name string) term.Term {
	if rest, ok := strings.CutPrefix(name, ":"); ok {
		return term.Atom(rest)
	}
	return term.ModuleAtom(name)
}
