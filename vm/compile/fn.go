package compile

import (
	"fmt"

	"goiex/vm/syntax"
	"goiex/vm/term"
)

// functionClauses compiles the clauses of a named function or a fn: the
// arguments are in registers 0..arity-1; each clause's patterns test
// them in turn; the last resort raises FunctionClauseError.
func (f *fnState) functionClauses(cls []*syntax.Clause) {
	for _, cl := range cls {
		next := f.newLabel()
		f.push()
		mark := f.nextReg
		for i, a := range cl.Args {
			f.pattern(a, i, next)
		}
		f.guardExpr(cl.Guard, next)
		r := f.alloc()
		f.body(cl.Body, r, true)
		f.pop()
		f.release(mark)
		f.mark(next)
	}
	f.emit(FUNCERR, 0, 0, 0)
}

// label names the enclosing function for nested fn names: "M.f/2", or
// "the script" at top level.
func (f *fnState) label() string {
	if f.code.Function != "" {
		return fmt.Sprintf("%s.%s", f.code.Module, f.code.Function)
	}
	return ":elixir_compiler_0.__FILE__/1"
}

func (f *fnState) fn(n *syntax.Fn, dst int) {
	if len(n.Clauses) == 0 {
		f.fail(n, "expected clauses to be defined with -> inside fn")
	}
	arity := len(n.Clauses[0].Args)
	for _, cl := range n.Clauses {
		if len(cl.Args) != arity {
			f.fail(cl, "cannot mix clauses with different arities in anonymous functions")
		}
	}
	code := f.childCode(arity)
	g := newFnState(f.c, code, f)
	g.line = f.line
	g.functionClauses(n.Clauses)
	f.closure(g, dst)
}

func (f *fnState) childCode(arity int) *Code {
	return &Code{
		Name:     fmt.Sprintf("anonymous fn/%d in %s", arity, f.label()),
		Module:   f.code.Module,
		Function: f.code.Function,
		Arity:    arity,
		File:     f.code.File,
	}
}

// closure finishes a fn body compiled in g and emits FUN with its
// captured values.
func (f *fnState) closure(g *fnState, dst int) {
	code := g.finish()
	f.code.Funs = append(f.code.Funs, code)
	idx := len(f.code.Funs) - 1
	mark := f.nextReg
	base := f.allocN(len(g.captures))
	for i, name := range g.captures {
		r, ok := f.varReg(name)
		if !ok {
			f.fail(nil, "internal error: lost captured variable %s", name)
		}
		f.emit(MOVE, base+i, r, 0)
	}
	f.emit(FUN, dst, idx, base)
	f.release(mark)
}

// capture compiles &Mod.fun/2, &fun/1 and &(expr with &1…).
func (f *fnState) capture(n *syntax.Capture, dst int) {
	if op, ok := n.Expr.(*syntax.BinaryOp); ok && op.Op == "/" {
		if ar, ok := op.R.(*syntax.Int); ok {
			if mod, name, ok := f.captureTarget(op.L, int(ar.Value)); ok {
				if m := f.c.mod; m != nil && mod == m.atom && m.priv[fmt.Sprintf("%s/%d", name, ar.Value)] {
					// &private/1 is a closure calling the private function.
					f.localCapture(n, name, int(ar.Value), dst)
					return
				}
				fun := &term.Fun{Module: mod.AtomName(), Name: name, Arity: int(ar.Value), External: true}
				f.loadK(dst, term.NewFun(fun))
				return
			}
		}
	}
	arity := maxCaptureArg(n.Expr)
	if arity == 0 {
		f.fail(n, "invalid args for &, expected one of:\n\n  * &Mod.fun/arity to capture a remote function, such as &Enum.map/2\n  * &fun/arity to capture a local or imported function, such as &is_atom/1\n  * &some_code(&1, ...) containing at least one argument as &1, such as &List.flatten(&1)\n\nGot: %s", "expression")
	}
	code := f.childCode(arity)
	g := newFnState(f.c, code, f)
	g.line = f.line
	for i := 0; i < arity; i++ {
		g.bindTo(fmt.Sprintf("&%d", i+1), i)
	}
	r := g.alloc()
	g.expr(n.Expr, r, true)
	f.closure(g, dst)
}

// captureTarget resolves the function named in &name/arity or
// &Mod.name/arity.
func (f *fnState) captureTarget(n syntax.Node, arity int) (term.Term, string, bool) {
	switch c := n.(type) {
	case *syntax.Var:
		return f.c.localTarget(c.Name, arity)
	case *syntax.Call:
		if c.Target == nil && len(c.Args) == 0 {
			return f.c.localTarget(c.Name, arity)
		}
		if c.Target != nil && len(c.Args) == 0 && c.NoParens {
			if m, ok := f.constant(c.Target); ok && m.IsAtom() {
				return m, c.Name, true
			}
		}
	}
	return term.Term{}, "", false
}

// localTarget finds the module a local name/arity refers to.
func (c *compiler) localTarget(name string, arity int) (term.Term, string, bool) {
	if m := c.mod; m != nil && m.defines(name, arity) {
		return m.atom, name, true
	}
	if mod, ok := c.importFor(name, arity); ok {
		return mod, name, true
	}
	return term.Term{}, "", false
}

func maxCaptureArg(n syntax.Node) int {
	max := 0
	walk(n, func(n syntax.Node) bool {
		switch x := n.(type) {
		case *syntax.CaptureArg:
			if x.N > max {
				max = x.N
			}
		case *syntax.Capture, *syntax.Fn:
			return false // nested captures have their own &1
		}
		return true
	})
	return max
}

// localCapture compiles &name/arity of a private function as the closure
// fn a1, …, an -> name(a1, …, an) end.
func (f *fnState) localCapture(n *syntax.Capture, name string, arity, dst int) {
	code := f.childCode(arity)
	g := newFnState(f.c, code, f)
	g.line = f.line
	s := g.site(&Site{Module: f.c.mod.atom, Name: term.Atom(name), Arity: arity, Local: true})
	g.emit(TCALL, 0, s, 0)
	f.closure(g, dst)
}
