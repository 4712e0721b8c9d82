package vm

import (
	"sort"
	"strings"

	"goiex/vm/term"
)

func sortTerms(ts []term.Term) {
	sort.Slice(ts, func(i, j int) bool { return term.Compare(ts[i], ts[j]) < 0 })
}

// pids returns the pids of all live processes in order.
func (v *VM) pids() []term.Term {
	out := make([]term.Term, 0, v.procs.count)
	v.procs.each(func(p *Process) { out = append(out, p.pid) })
	return out
}

// CurrentFunction is {module, function, arity} of the function p is in.
func (p *Process) CurrentFunction() term.Term {
	if p.sleepDst >= 0 && p.parkedIn.Valid() {
		return p.parkedIn
	}
	if len(p.frames) == 0 {
		return p.initialCall
	}
	code := p.frames[len(p.frames)-1].code
	if code.Function == "" {
		if code.Name == "spawn" || code.Name == "apply" {
			return p.initialCall
		}
		return term.Tuple(term.Atom("elixir_compiler_0"), term.Atom("__FILE__"), term.Int(1))
	}
	name, arity := code.Function, code.Arity
	if i := strings.LastIndexByte(name, '/'); i > 0 {
		name = name[:i]
	}
	if strings.HasPrefix(code.Name, "anonymous fn") {
		name = "-" + code.Function + "-fun-0-"
	}
	return term.Tuple(term.Atom(moduleText(code.Module)), term.Atom(name), term.Int(int64(arity)))
}

// Status is :running, :runnable, :waiting or :exiting.
func (p *Process) Status() term.Term { return p.status.atom() }

// MemoryBytes estimates the memory the process holds: its struct, its
// registers and frames, and its mailbox (messages are shared, so only
// the queue cells count, plus each message's own size).
func (p *Process) MemoryBytes() int {
	n := 320 + 16*cap(p.regs) + 48*cap(p.frames)
	for m := p.mbox.head.next; m != nil; m = m.next {
		n += 24 + 8*termWords(m.msg, 64)
	}
	return n
}

// termWords estimates a term's size in words, looking at most budget deep.
func termWords(t term.Term, budget int) int {
	if budget <= 0 {
		return 0
	}
	switch t.Kind() {
	case term.KindTuple:
		n := 1 + 2*t.TupleSize()
		for _, e := range t.Elems() {
			n += termWords(e, budget-1)
		}
		return n
	case term.KindCons:
		n := 0
		for l := t; l.IsCons() && budget > 0; l = l.Tail() {
			n += 4 + termWords(l.Head(), budget-1)
			budget--
		}
		return n
	case term.KindBinary:
		return 3 + (len(t.Str())+7)/8
	case term.KindMap:
		return 3 + 4*t.MapVal().Len()
	case term.KindBigInt:
		return 2 + len(t.Big().Bits())
	}
	return 0
}

var infoKeys = map[string]func(p *Process) term.Term{
	"message_queue_len": func(p *Process) term.Term { return term.Int(int64(p.mbox.len)) },
	"messages":          func(p *Process) term.Term { return term.List(p.mbox.slice()...) },
	"status":            func(p *Process) term.Term { return p.Status() },
	"current_function":  func(p *Process) term.Term { return p.CurrentFunction() },
	"initial_call":      func(p *Process) term.Term { return p.initialCall },
	"memory":            func(p *Process) term.Term { return term.Int(int64(p.MemoryBytes())) },
	"reductions":        func(p *Process) term.Term { return term.Int(p.reductions) },
	"dictionary": func(p *Process) term.Term {
		d, _ := natDictGetAll(p, nil)
		return d
	},
	"registered_name": func(p *Process) term.Term {
		if p.ext().registered.Valid() {
			return p.ext().registered
		}
		return term.EmptyList
	},
	"links":     func(p *Process) term.Term { return term.List(p.ext().links.pids...) },
	"trap_exit": func(p *Process) term.Term { return term.Bool(p.trapExit) },
	"monitors": func(p *Process) term.Term {
		out := make([]term.Term, len(p.ext().monitors))
		for i, m := range p.ext().monitors {
			out[i] = term.Tuple(atomProcess, m.target)
		}
		return term.List(out...)
	},
	"monitored_by": func(p *Process) term.Term {
		out := make([]term.Term, len(p.ext().monitoredBy))
		for i, m := range p.ext().monitoredBy {
			out[i] = m.watcher.pid
		}
		return term.List(out...)
	},
	"error_handler": func(p *Process) term.Term { return term.Atom("error_handler") },
	"priority":      func(p *Process) term.Term { return term.Normal },
	// goiex has no I/O server process: the group leader is reported as
	// the first process of the VM (the script's or the shell's).
	"group_leader": func(p *Process) term.Term { return term.Pid(p.vm.opts.FirstPid) },
	"garbage_collection": func(p *Process) term.Term {
		return term.List(
			term.Tuple(term.Atom("max_heap_size"), term.NewMapTerm(term.EmptyMap.MapVal().
				Put(term.Atom("error_logger"), term.True).Put(term.Atom("kill"), term.True).Put(term.Atom("size"), term.Int(0)))),
			term.Tuple(term.Atom("min_bin_vheap_size"), term.Int(46422)),
			term.Tuple(term.Atom("min_heap_size"), term.Int(233)),
			term.Tuple(term.Atom("fullsweep_after"), term.Int(65535)),
			term.Tuple(term.Atom("minor_gcs"), term.Int(0)))
	},
	"suspending": func(p *Process) term.Term { return term.EmptyList },
	"current_stacktrace": func(p *Process) term.Term {
		exc := &Raised{}
		p.vm.captureTrace(p, exc)
		return exc.Stack
	},
	"stack_size": func(p *Process) term.Term {
		n := 0
		if len(p.frames) > 0 {
			top := p.frames[len(p.frames)-1]
			n = top.base + top.code.NumRegs
		}
		return term.Int(int64(n))
	},
	"heap_size":       func(p *Process) term.Term { return term.Int(int64(p.MemoryBytes() / 8)) },
	"total_heap_size": func(p *Process) term.Term { return term.Int(int64(p.MemoryBytes() / 8)) },
}

// info1Keys are the keys of Process.info/1, in OTP 25's order.
var info1Keys = []string{"current_function", "initial_call", "status", "message_queue_len",
	"links", "dictionary", "trap_exit", "error_handler", "priority", "group_leader",
	"total_heap_size", "heap_size", "stack_size", "reductions", "garbage_collection", "suspending"}

func natInfo1(p *Process, a []term.Term) (term.Term, error) {
	if !a[0].IsPid() {
		return term.Term{}, Raise(NewArgumentErrorAt(1, "not a pid"))
	}
	q := p.vm.Process(a[0])
	if q == nil {
		return term.Nil, nil
	}
	var out []term.Term
	if q.ext().registered.Valid() {
		out = append(out, term.Tuple(term.Atom("registered_name"), q.ext().registered))
	}
	for _, k := range info1Keys {
		out = append(out, term.Tuple(term.Atom(k), infoKeys[k](q)))
	}
	return term.List(out...), nil
}

// natInfo2 is Process.info/2: unlike :erlang.process_info/2 it answers
// {:registered_name, []} for a process without a name.
func natInfo2(p *Process, a []term.Term) (term.Term, error) { return processInfo2(p, a, false) }

func natErlangInfo2(p *Process, a []term.Term) (term.Term, error) { return processInfo2(p, a, true) }

func processInfo2(p *Process, a []term.Term, erlangStyle bool) (term.Term, error) {
	q := p.vm.Process(a[0])
	if !a[0].IsPid() {
		return term.Term{}, Raise(NewArgumentErrorAt(1, "not a pid"))
	}
	if q == nil {
		return term.Nil, nil
	}
	key := a[1]
	if key.IsList() {
		var out []term.Term
		for l := key; l.IsCons(); l = l.Tail() {
			item, err := processInfo2(p, []term.Term{a[0], l.Head()}, erlangStyle)
			if err != nil {
				return item, err
			}
			out = append(out, item)
		}
		return term.List(out...), nil
	}
	if !key.IsAtom() {
		return term.Term{}, Raise(NewArgumentErrorAt(2, "invalid item or item list"))
	}
	f, ok := infoKeys[key.AtomName()]
	if !ok {
		return term.Term{}, Raise(NewArgumentErrorAt(2, "invalid item or item list"))
	}
	if key.AtomName() == "registered_name" && !q.ext().registered.Valid() && erlangStyle {
		return term.EmptyList, nil
	}
	return term.Tuple(key, f(q)), nil
}
