package vm_test

import (
	"bytes"
	"testing"

	"goiex/builtins"
	"goiex/vm"
	"goiex/vm/compile"
	"goiex/vm/syntax"
	"goiex/vm/term"
)

// evalSession runs shell inputs one after another in one evaluator,
// carrying bindings as the shell does, and returns each result inspected
// (or the error banner).
func evalSession(t *testing.T, inputs ...string) ([]string, *vm.Process) {
	t.Helper()
	var out bytes.Buffer
	m := vm.New(vm.Options{Stdout: &out, Stderr: &out, Clock: vm.NewVirtualClock()})
	if err := builtins.Install(m); err != nil {
		t.Fatal(err)
	}
	p := m.SpawnEvaluator()
	var names []string
	var values []term.Term
	var got []string
	for _, in := range inputs {
		tree, err := syntax.Parse("iex", []byte(in))
		if err != nil {
			t.Fatal(err)
		}
		code, newNames, err := compile.CompileWithBindings("iex", tree, names, m.CompileOptions([]byte(in)))
		if err != nil {
			t.Fatal(err)
		}
		if err := m.Eval(p, code, values); err != nil {
			t.Fatal(err)
		}
		m.RunReady(nil)
		for p.Evaluating() {
			when, ok := m.NextTimer()
			if !ok {
				t.Fatalf("input %q waits forever", in)
			}
			m.Clock().WaitUntil(when)
			m.RunReady(nil)
		}
		res, exc := p.EvalResult()
		if exc != nil {
			got = append(got, exc.Error())
			continue
		}
		pair := res.Elems()
		bound, _ := term.ListToSlice(pair[1])
		names, values = newNames, bound
		got = append(got, term.Inspect(pair[0]))
	}
	return got, p
}

func TestEvaluatorKeepsBindingsPidAndMailbox(t *testing.T) {
	got, p := evalSession(t,
		`x = 40`,
		`me = self(); send(self(), :hello); x + 2`,
		`raise "oops"`,
		`{x, me == self(), Process.info(self(), :message_queue_len)}`,
		`receive do after 1_000 -> :waited end`,
	)
	want := []string{"40", "42", "** (RuntimeError) oops", "{40, true, {:message_queue_len, 1}}", ":waited"}
	for i := range want {
		if i >= len(got) || got[i] != want[i] {
			t.Fatalf("got %q, want %q", got, want)
		}
	}
	if !p.Alive() {
		t.Error("an error in an input must not end the evaluator")
	}
}
