package compile

import (
	"fmt"

	"goiex/vm/syntax"
)

// defGroup is all the clauses of one def/defp name/arity.
type defGroup struct {
	name     string
	arity    int
	private  bool
	clauses  []*syntax.Clause
	defaults []syntax.Node // per parameter, the `\\` default or nil
	line     int
	done     bool
}

type defGroups struct {
	order  []*defGroup
	byHead map[*syntax.Call]*defGroup
}

// collectDefs finds every def/defp of a module body before any body is
// compiled, so that functions can call functions defined further down.
func collectDefs(f *fnState, ms *modState, exprs []syntax.Node) *defGroups {
	gs := &defGroups{byHead: map[*syntax.Call]*defGroup{}}
	byKey := map[string]*defGroup{}
	for _, e := range exprs {
		call, ok := e.(*syntax.Call)
		if !ok || call.Target != nil || (call.Name != "def" && call.Name != "defp") {
			continue
		}
		name, params, guard, body := f.defParts(call)
		key := fmt.Sprintf("%s/%d", name, len(params))
		g := byKey[key]
		if g == nil {
			g = &defGroup{name: name, arity: len(params), private: call.Name == "defp",
				defaults: make([]syntax.Node, len(params)), line: call.Pos.Line}
			byKey[key] = g
			gs.order = append(gs.order, g)
		}
		gs.byHead[call] = g
		pats := make([]syntax.Node, len(params))
		for i, p := range params {
			if d, ok := p.(*syntax.BinaryOp); ok && d.Op == `\\` {
				g.defaults[i] = d.R
				p = d.L
			}
			pats[i] = p
		}
		if body != nil {
			g.clauses = append(g.clauses, &syntax.Clause{Pos: call.Pos, Args: pats, Guard: guard, Body: body})
		}
	}
	// f(a, b \\ 1, c \\ 2) also defines f/1 and f/2, whose clauses call
	// f/3: the first defaults take the extra arguments, the rest their
	// default values. Where f/2 exists already, its new clause comes after
	// the written ones, as in Elixir.
	for _, g := range append([]*defGroup(nil), gs.order...) {
		nd := countDefaults(g)
		required := g.arity - nd
		for k := required; k < g.arity; k++ {
			key := fmt.Sprintf("%s/%d", g.name, k)
			target := byKey[key]
			if target == nil {
				target = &defGroup{name: g.name, arity: k, private: g.private, defaults: make([]syntax.Node, k), line: g.line}
				byKey[key] = target
				gs.order = append(gs.order, target)
			}
			target.clauses = append(target.clauses, defaultClause(g, k))
		}
	}
	for _, g := range gs.order {
		ms.defs[fmt.Sprintf("%s/%d", g.name, g.arity)] = true
		if g.private {
			ms.priv[fmt.Sprintf("%s/%d", g.name, g.arity)] = true
		}
	}
	return gs
}

// defaultClause is the clause of name/k that calls name/arity with the
// missing arguments taken from the defaults.
func defaultClause(g *defGroup, k int) *syntax.Clause {
	pos := syntax.Pos{Line: g.line}
	supplied := k - (g.arity - countDefaults(g))
	params := make([]syntax.Node, 0, k)
	args := make([]syntax.Node, 0, g.arity)
	for i, d := range g.defaults {
		if d == nil || supplied > 0 {
			if d != nil {
				supplied--
			}
			v := &syntax.Var{Pos: pos, Name: fmt.Sprintf("default arg %d", i)}
			params = append(params, v)
			args = append(args, v)
			continue
		}
		args = append(args, d)
	}
	call := &syntax.Call{Pos: pos, Name: g.name, Args: args}
	return &syntax.Clause{Pos: pos, Args: params, Body: &syntax.Block{Pos: pos, Exprs: []syntax.Node{call}}}
}

func countDefaults(g *defGroup) int {
	n := 0
	for _, d := range g.defaults {
		if d != nil {
			n++
		}
	}
	return n
}

// defParts splits `def name(params) when guard do body end`.
func (f *fnState) defParts(call *syntax.Call) (name string, params []syntax.Node, guard syntax.Node, body *syntax.Block) {
	if len(call.Args) == 0 {
		f.fail(call, "invalid %s", call.Name)
	}
	head := call.Args[0]
	if w, ok := head.(*syntax.BinaryOp); ok && w.Op == "when" {
		head, guard = w.L, w.R
	}
	switch h := head.(type) {
	case *syntax.Call:
		if h.Target != nil {
			f.fail(call, "invalid function name in %s", call.Name)
		}
		name, params = h.Name, h.Args
	case *syntax.Var:
		name = h.Name
	default:
		f.fail(call, "invalid function head in %s", call.Name)
	}
	if len(call.Args) < 2 {
		return name, params, guard, nil
	}
	switch b := call.Args[1].(type) {
	case *syntax.DoBlock:
		for _, s := range b.Sections {
			if s.Name == "do" {
				body = s.Body
				if body == nil {
					body = &syntax.Block{Pos: s.Pos}
				}
			}
		}
		if len(b.Sections) > 1 {
			// def f do … rescue … end is a try around the body.
			body = block(&syntax.Call{Pos: b.Pos, Name: "try", Args: []syntax.Node{b}})
		}
	case *syntax.List:
		if v, ok := keyword(b, "do"); ok {
			body = block(v)
		}
	}
	if body == nil {
		f.fail(call, "missing do block in %s", call.Name)
	}
	return name, params, guard, body
}

func (f *fnState) compileFunction(ms *modState, g *defGroup) {
	if len(g.clauses) == 0 {
		f.fail(nil, "implementation not provided for predefined %s %s/%d", "def", g.name, g.arity)
	}
	code := &Code{
		Name:     fmt.Sprintf("%s.%s/%d", ms.name, g.name, g.arity),
		Module:   ms.name,
		Function: fmt.Sprintf("%s/%d", g.name, g.arity),
		Arity:    g.arity,
		File:     f.c.file,
	}
	h := newFnState(f.c, code, nil)
	h.line = int32(g.line)
	h.functionClauses(g.clauses)
	ms.out.Functions = append(ms.out.Functions, &Function{Name: g.name, Arity: g.arity, Private: g.private, Code: h.finish(), Line: g.line})

}
