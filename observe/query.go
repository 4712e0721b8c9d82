package observe

import (
	"reflect"
	"strings"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/vm"
)

// A Query is a learner's boolean predicate over one of the views below
// (a process-table Row, a trace EventView), compiled once with expr and
// run many times.
type Query struct {
	Source  string
	program *vm.Program
}

// QueryError is a predicate that does not compile: expr's message, with
// the predicate and a caret under the column it points at.
type QueryError struct {
	Option string // "where"
	Source string
	Msg    string // expr's error, which already carries the caret
}

func (e *QueryError) Error() string {
	return e.Option + ": " + strings.TrimRight(e.Msg, "\n")
}

// compileQuery compiles src as a boolean predicate over env's fields.
func compileQuery(option, src string, env any) (*Query, error) {
	prog, err := expr.Compile(src, expr.Env(env), expr.AsBool())
	if err != nil {
		return nil, &QueryError{Option: option, Source: src, Msg: err.Error()}
	}
	return &Query{Source: src, program: prog}, nil
}

// match runs the predicate over env. A predicate that fails at run time
// (a nil somewhere) does not match.
func (q *Query) match(runner *vm.VM, env any) bool {
	out, err := runner.Run(q.program, env)
	if err != nil {
		return false
	}
	b, _ := out.(bool)
	return b
}

// fieldNames lists the expr names of a view's fields, for help texts.
func fieldNames(view any) []string {
	t := reflect.TypeOf(view)
	var out []string
	for i := 0; i < t.NumField(); i++ {
		if name := t.Field(i).Tag.Get("expr"); name != "" {
			out = append(out, name)
		}
	}
	return out
}

// usesField reports whether the predicate's source mentions a field
// (cheap views skip computing fields a predicate cannot read).
func (q *Query) usesField(name string) bool {
	return q != nil && strings.Contains(q.Source, name)
}
