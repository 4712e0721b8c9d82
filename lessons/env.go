package lessons

import (
	"fmt"
	"math/big"
	"sort"
	"strconv"
	"strings"

	"goiex/repl"
	"goiex/vm"
	"goiex/vm/term"
)

// Pid is a process id as checks see it: a value that alive, mailbox_len
// and mailbox accept and == compares.
type Pid struct{ Serial uint64 }

// String is the pid as Elixir prints it.
func (p Pid) String() string { return fmt.Sprintf("#PID<0.%d.0>", p.Serial) }

func (p Pid) term() term.Term { return term.Pid(p.Serial) }

// checkEnv is what a check sees after a step: the shell's pid, the
// bindings, the processes, the step's output and the functions of
// README.md. With no session it gives values of the right types, for
// compiling.
func checkEnv(e *repl.Embedded, output string) map[string]any {
	var v *vm.VM
	var bindings map[string]term.Term
	env := map[string]any{"self": Pid{}, "vars": map[string]any{}, "processes": []any{}, "output": output}
	if e != nil {
		v = e.VM()
		bindings = e.Bindings()
		vars := make(map[string]any, len(bindings))
		for name, t := range bindings {
			vars[name] = goValue(t)
		}
		env["self"] = Pid{e.Shell().Pid().PidSerial()}
		env["vars"] = vars
		env["processes"] = processRows(v)
	}
	process := func(p any) (*vm.Process, error) {
		pid, ok := p.(Pid)
		if !ok {
			return nil, fmt.Errorf("not a pid: %s", describe(p))
		}
		if v == nil {
			return nil, nil
		}
		return v.ProcessByPid(pid.term()), nil
	}
	env["__alive"] = func(p any) (bool, error) {
		proc, err := process(p)
		return proc != nil && proc.Alive(), err
	}
	env["__mailbox_len"] = func(p any) (int, error) {
		proc, err := process(p)
		if err != nil || proc == nil {
			return 0, orDead(err, p)
		}
		return proc.MessageQueueLen(), nil
	}
	env["__mailbox"] = func(p any) ([]any, error) {
		proc, err := process(p)
		if err != nil || proc == nil {
			return nil, orDead(err, p)
		}
		var msgs []any
		for _, m := range proc.Messages() {
			msgs = append(msgs, term.Inspect(m))
		}
		return msgs, nil
	}
	env["__pid"] = func(s string) (Pid, error) {
		s = strings.TrimSuffix(strings.TrimPrefix(s, "#PID<"), ">")
		parts := strings.Split(s, ".")
		if len(parts) == 3 {
			if n, err := strconv.ParseUint(parts[1], 10, 64); err == nil && parts[0] == "0" && parts[2] == "0" {
				return Pid{n}, nil
			}
		}
		return Pid{}, fmt.Errorf("pid(%q): want \"0.N.0\"", s)
	}
	env["__registered"] = func(name string) any {
		if v == nil {
			return nil
		}
		if p := v.Whereis(term.Atom(strings.TrimPrefix(name, ":"))); p != nil {
			return Pid{p.Pid().PidSerial()}
		}
		// registered("Cart") finds a process registered as the module Cart.
		if p := v.Whereis(term.ModuleAtom(name)); p != nil && name != "" && name[0] >= 'A' && name[0] <= 'Z' {
			return Pid{p.Pid().PidSerial()}
		}
		return nil
	}
	env["__inspect"] = func(x any) string { return inspectGo(x) }
	env["__inspect_var"] = func(name string) (string, error) {
		t, ok := bindings[name]
		if !ok {
			return "", fmt.Errorf("%s is not bound at the prompt", name)
		}
		return term.Inspect(t), nil
	}
	return env
}

func orDead(err error, p any) error {
	if err != nil {
		return err
	}
	return fmt.Errorf("%s is not alive", describe(p))
}

func describe(x any) string {
	if x == nil {
		return "nil (is the variable bound?)"
	}
	return inspectGo(x)
}

// processRows is the processes list: one map per live process.
func processRows(v *vm.VM) []any {
	var rows []any
	v.EachProcess(func(p *vm.Process) {
		var links []any
		for _, l := range p.Links() {
			links = append(links, goValue(l))
		}
		name, registered := mfaText(p.InitialCall()), ""
		if n := p.RegisteredName(); n.Valid() {
			registered = strings.TrimPrefix(term.Inspect(n), ":")
			name = registered
		}
		rows = append(rows, map[string]any{
			"pid":               Pid{p.Pid().PidSerial()},
			"name":              name,
			"registered_name":   registered,
			"status":            strings.TrimPrefix(term.Inspect(p.Status()), ":"),
			"current_function":  mfaText(p.CurrentFunction()),
			"initial_call":      mfaText(p.InitialCall()),
			"message_queue_len": p.MessageQueueLen(),
			"reductions":        int(p.Reductions()),
			"memory":            p.MemoryBytes(),
			"links":             links,
			"trap_exit":         p.TrapsExits(),
		})
	})
	return rows
}

// mfaText renders {M, f, a} as M.f/a, as ps shows it.
func mfaText(t term.Term) string {
	if !t.IsTuple() || t.TupleSize() != 3 {
		return term.Inspect(t)
	}
	e := t.Elems()
	if !e[0].IsAtom() || !e[1].IsAtom() || !e[2].IsSmallInt() {
		return term.Inspect(t)
	}
	return term.Inspect(e[0]) + "." + strings.TrimPrefix(term.Inspect(e[1]), ":") + "/" + strconv.FormatInt(e[2].SmallInt(), 10)
}

// goValue converts a term for expr, as README.md describes: numbers,
// strings, atoms as ":name" strings (true, false, nil as themselves),
// lists and tuples as lists, maps as maps (an atom key by its name, so
// state.count works), pids as Pid; references and functions as their
// inspect text.
func goValue(t term.Term) any {
	switch t.Kind() {
	case term.KindInt:
		return int(t.SmallInt())
	case term.KindBigInt:
		f, _ := new(big.Float).SetInt(t.Big()).Float64()
		return f
	case term.KindFloat:
		return t.FloatVal()
	case term.KindAtom:
		switch t {
		case term.True:
			return true
		case term.False:
			return false
		case term.Nil:
			return nil
		}
		return term.Inspect(t)
	case term.KindPid:
		return Pid{t.PidSerial()}
	case term.KindBinary:
		return t.Str()
	case term.KindTuple:
		elems := t.Elems()
		out := make([]any, len(elems))
		for i, x := range elems {
			out[i] = goValue(x)
		}
		return out
	case term.KindEmptyList, term.KindCons:
		elems, ok := term.ListToSlice(t)
		if !ok {
			return term.Inspect(t) // an improper list
		}
		out := make([]any, len(elems))
		for i, x := range elems {
			out[i] = goValue(x)
		}
		return out
	case term.KindMap:
		out := map[string]any{}
		t.MapVal().Range(func(k, v term.Term) bool {
			out[mapKey(k)] = goValue(v)
			return true
		})
		return out
	}
	return term.Inspect(t)
}

func mapKey(k term.Term) string {
	switch {
	case k.IsAtom():
		return strings.TrimPrefix(term.Inspect(k), ":")
	case k.IsBinary():
		return k.Str()
	}
	return term.Inspect(k)
}

// inspectGo inspects a check's value the Elixir way, as far as the Go
// value tells (a binding's own term is inspected exactly: see
// __inspect_var).
func inspectGo(x any) string {
	switch v := x.(type) {
	case nil:
		return "nil"
	case bool:
		return strconv.FormatBool(v)
	case int:
		return strconv.Itoa(v)
	case float64:
		return term.Inspect(term.Float(v))
	case string:
		return term.Inspect(term.String(v))
	case Pid:
		return v.String()
	case []any:
		parts := make([]string, len(v))
		for i, e := range v {
			parts[i] = inspectGo(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = term.Inspect(term.String(k)) + " => " + inspectGo(v[k])
		}
		return "%{" + strings.Join(parts, ", ") + "}"
	}
	return fmt.Sprint(x)
}
