package compile

import "goiex/vm/syntax"

// walk calls visit for n and, while visit returns true, its children.
func walk(n syntax.Node, visit func(syntax.Node) bool) {
	if n == nil || !visit(n) {
		return
	}
	each := func(ns []syntax.Node) {
		for _, c := range ns {
			walk(c, visit)
		}
	}
	clauses := func(cls []*syntax.Clause) {
		for _, cl := range cls {
			each(cl.Args)
			walk(cl.Guard, visit)
			if cl.Body != nil {
				walk(cl.Body, visit)
			}
		}
	}
	switch n := n.(type) {
	case *syntax.String:
		each(n.Parts)
	case *syntax.Charlist:
		each(n.Parts)
	case *syntax.Sigil:
		each(n.Parts)
	case *syntax.ModuleAttr:
		walk(n.Value, visit)
	case *syntax.List:
		each(n.Elems)
		walk(n.Tail, visit)
	case *syntax.Tuple:
		each(n.Elems)
	case *syntax.Map:
		walk(n.Struct, visit)
		walk(n.Update, visit)
		for _, p := range n.Pairs {
			walk(p.Key, visit)
			walk(p.Value, visit)
		}
	case *syntax.Block:
		each(n.Exprs)
	case *syntax.BinaryOp:
		walk(n.L, visit)
		walk(n.R, visit)
	case *syntax.UnaryOp:
		walk(n.X, visit)
	case *syntax.Range:
		walk(n.First, visit)
		walk(n.Last, visit)
		walk(n.Step, visit)
	case *syntax.Call:
		walk(n.Target, visit)
		each(n.Args)
	case *syntax.DoBlock:
		for _, s := range n.Sections {
			if s.Body != nil {
				walk(s.Body, visit)
			}
			clauses(s.Clauses)
		}
	case *syntax.Fn:
		clauses(n.Clauses)
	case *syntax.Capture:
		walk(n.Expr, visit)
	}
}
