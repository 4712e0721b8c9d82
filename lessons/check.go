package lessons

import (
	"fmt"
	"strings"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/parser"
	exprvm "github.com/expr-lang/expr/vm"
)

// A Check is one predicate of a check block, compiled once when the
// lesson is read.
type Check struct {
	Source string
	Line   int
	Hint   string // the block's hint; "" when it has none
	prog   *exprvm.Program
}

// Names a check sees. Bindings are looked up in vars: a bare name that
// is none of these (pid, count) is rewritten to vars["pid"] before expr
// checks the predicate, so a learner's variable may share its name with
// a function (pid and pid("0.110.0")) or an expr builtin (count).
var envValues = map[string]bool{"self": true, "vars": true, "processes": true, "output": true, "$env": true}

// checkFuncs are the functions a check may call, by the name it calls
// them; in the environment they are "__"+name, out of the learner's way.
var checkFuncs = map[string]bool{
	"alive": true, "mailbox_len": true, "mailbox": true, "pid": true,
	"registered": true, "inspect": true,
}

// compileCheck compiles one predicate found at line.
func compileCheck(src string, line int) (*Check, error) {
	lets, err := letNames(src)
	if err != nil {
		return nil, err
	}
	rw := &rewriter{lets: lets, made: map[*ast.MemberNode]string{}}
	prog, err := expr.Compile(src, expr.Env(checkEnv(nil, "")), expr.AsBool(), expr.Patch(rw))
	if err != nil {
		return nil, err
	}
	return &Check{Source: src, Line: line, prog: prog}, nil
}

// letNames lists the variables a predicate declares itself
// (let n = mailbox_len(self); n > 1): those are not bindings.
func letNames(src string) (map[string]bool, error) {
	tree, err := parser.Parse(src)
	if err != nil {
		return nil, err
	}
	names := map[string]bool{}
	ast.Walk(&tree.Node, visitFunc(func(n *ast.Node) {
		if d, ok := (*n).(*ast.VariableDeclaratorNode); ok {
			names[d.Name] = true
		}
	}))
	return names, nil
}

type visitFunc func(*ast.Node)

func (f visitFunc) Visit(n *ast.Node) { f(n) }

// rewriter turns a bare name into a lookup in vars, and a call of one
// of checkFuncs into a call of its "__" function. expr walks children
// first, so a callee has already become vars["alive"] when its call is
// seen: made remembers which lookups the rewriter made, to undo them.
type rewriter struct {
	lets map[string]bool
	made map[*ast.MemberNode]string
}

func (rw *rewriter) Visit(n *ast.Node) {
	switch x := (*n).(type) {
	case *ast.IdentifierNode:
		if envValues[x.Value] || rw.lets[x.Value] || strings.HasPrefix(x.Value, "__") {
			return
		}
		m := &ast.MemberNode{Node: &ast.IdentifierNode{Value: "vars"}, Property: &ast.StringNode{Value: x.Value}}
		rw.made[m] = x.Value
		ast.Patch(n, m)
	case *ast.CallNode:
		m, ok := x.Callee.(*ast.MemberNode)
		name, mine := rw.made[m]
		if !ok || !mine {
			return
		}
		if !checkFuncs[name] {
			// expr's own functions (len, upper…), or an unknown name
			// that expr reports.
			x.Callee = &ast.IdentifierNode{Value: name}
			x.Callee.SetLocation(m.Location())
			return
		}
		x.Callee = &ast.IdentifierNode{Value: "__" + name}
		x.Callee.SetLocation(m.Location())
		// inspect(result) inspects the binding's term itself: its Go
		// value has lost what tells a tuple from a list, an atom from
		// a string.
		if name == "inspect" && len(x.Arguments) == 1 {
			if arg, ok := x.Arguments[0].(*ast.MemberNode); ok {
				if v, mine := rw.made[arg]; mine {
					call := &ast.CallNode{Callee: &ast.IdentifierNode{Value: "__inspect_var"},
						Arguments: []ast.Node{&ast.StringNode{Value: v}}}
					ast.Patch(n, call)
				}
			}
		}
	}
}

// A checkResult is one check run: true, false, or failed with an error
// (a binding that is not there, a dead process).
type checkResult struct {
	check *Check
	ok    bool
	err   error
}

func (r checkResult) String() string {
	switch {
	case r.ok:
		return "✓ " + r.check.Source
	case r.err != nil:
		return "✗ " + r.check.Source + "\n  " + strings.ReplaceAll(firstLine(r.err.Error()), "\n", "\n  ")
	}
	return "✗ " + r.check.Source
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// runChecks runs every check against one environment.
func runChecks(checks []*Check, env map[string]any) []checkResult {
	out := make([]checkResult, len(checks))
	for i, c := range checks {
		out[i].check = c
		v, err := expr.Run(c.prog, env)
		if err != nil {
			out[i].err = err
			continue
		}
		out[i].ok, _ = v.(bool)
	}
	return out
}

func allPassed(rs []checkResult) bool {
	for _, r := range rs {
		if !r.ok {
			return false
		}
	}
	return true
}

// failedHint is what the learner is told when checks fail: the hint of
// the first failed check, or the check itself when it has none.
func failedHint(rs []checkResult) string {
	for _, r := range rs {
		if r.ok {
			continue
		}
		if r.check.Hint != "" {
			return r.check.Hint
		}
		if r.err != nil {
			return fmt.Sprintf("This should hold, but could not be checked: %s (%s)", r.check.Source, firstLine(r.err.Error()))
		}
		return "This should hold, and does not yet: " + r.check.Source
	}
	return ""
}
