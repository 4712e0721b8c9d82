package vm

import (
	"math"
	"math/big"

	"goiex/vm/term"
)

// vmNativeGroups are natives defined in other files of this package.
var vmNativeGroups []NativeSpec

// registerVMNatives adds the functions that need the VM's insides:
// spawning, sending, process info, raising, ranges and Access.
func registerVMNatives(v *VM) {
	for _, s := range vmNativeGroups {
		v.RegisterNative(s)
	}
	for _, s := range []NativeSpec{
		{Module: "Kernel", Name: "self", Arity: 0, Fn: natSelf, Doc: "Returns the pid of the calling process."},
		{Module: ":erlang", Name: "self", Arity: 0, Fn: natSelf},
		{Module: "Kernel", Name: "spawn", Arity: 1, Fn: natSpawn, Doc: "Spawns a process running the given zero-arity function; returns its pid."},
		{Module: ":erlang", Name: "spawn", Arity: 1, Fn: natSpawn},
		{Module: "Kernel", Name: "spawn", Arity: 3, Fn: natSpawn3, Doc: "Spawns a process running apply(module, fun, args)."},
		{Module: ":erlang", Name: "spawn", Arity: 3, Fn: natSpawn3},
		{Module: "Kernel", Name: "send", Arity: 2, Fn: natSend, Doc: "Sends a message to a pid or registered name; returns the message."},
		{Module: ":erlang", Name: "send", Arity: 2, Fn: natSend},
		{Module: "Process", Name: "send", Arity: 3, Fn: func(p *Process, a []term.Term) (term.Term, error) { return natSend(p, a[:2]) }},
		{Module: "Kernel", Name: "make_ref", Arity: 0, Fn: natMakeRef, Doc: "Returns a new unique reference."},
		{Module: ":erlang", Name: "make_ref", Arity: 0, Fn: natMakeRef},
		{Module: "Kernel", Name: "raise", Arity: 1, Fn: natRaise1, Doc: `Raises an exception: raise "msg", raise Mod, raise %Mod{}.`},
		{Module: "Kernel", Name: "raise", Arity: 2, Fn: natRaise2, Doc: `Raises Mod with a message or fields: raise ArgumentError, "bad".`},
		{Module: "Kernel", Name: "reraise", Arity: 2, Fn: natReraise},
		{Module: "Kernel", Name: "reraise", Arity: 3, Fn: natReraise},
		{Module: "Kernel", Name: "throw", Arity: 1, Fn: natThrow, Doc: "Throws a value, to be caught by try/catch."},
		{Module: ":erlang", Name: "throw", Arity: 1, Fn: natThrow},
		{Module: "Kernel", Name: "exit", Arity: 1, Fn: natExit, Doc: "Exits the calling process with the given reason."},
		{Module: ":erlang", Name: "exit", Arity: 1, Fn: natExit},
		{Module: ":erlang", Name: "error", Arity: 1, Fn: natError},
		{Module: ":erlang", Name: "system_info", Arity: 1, Fn: natSystemInfo},
		{Module: "Process", Name: "sleep", Arity: 1, Fn: natSleep, Doc: "Sleeps the calling process for the given milliseconds (or :infinity)."},
		{Module: ":timer", Name: "sleep", Arity: 1, Fn: natSleep},
		{Module: "Process", Name: "alive?", Arity: 1, Fn: natAlive, Doc: "Tells whether the process is alive."},
		{Module: "Process", Name: "info", Arity: 2, Fn: natInfo2, Doc: "Returns one item of information about a process, or nil if it is dead."},
		{Module: ":erlang", Name: "process_info", Arity: 2, Fn: natErlangInfo2},
		{Module: "Kernel", Name: "apply", Arity: 2, Fn: natApply, Doc: "Calls a function with a list of arguments: apply(fun, [a, b])."},
		{Module: "Kernel", Name: "apply", Arity: 3, Fn: natApply, Doc: "Calls module.fun with a list of arguments: apply(Enum, :sum, [[1, 2]])."},
		{Module: ":erlang", Name: "apply", Arity: 2, Fn: natApply},
		{Module: ":erlang", Name: "apply", Arity: 3, Fn: natApply},
		{Module: "Process", Name: "register", Arity: 2, Fn: natRegister, Doc: "Registers a name for a pid."},
		{Module: "Process", Name: "unregister", Arity: 1, Fn: natUnregister},
		{Module: "Process", Name: "whereis", Arity: 1, Fn: natWhereis, Doc: "Returns the pid registered under a name, or nil."},
		{Module: "Process", Name: "registered", Arity: 0, Fn: natRegistered},
		{Module: "Process", Name: "list", Arity: 0, Fn: natList},
		{Module: "Process", Name: "get", Arity: 0, Fn: natDictGetAll},
		{Module: "Process", Name: "get", Arity: 1, Fn: func(p *Process, a []term.Term) (term.Term, error) { return dictGet(p, a[0], term.Nil), nil }},
		{Module: "Process", Name: "get", Arity: 2, Fn: func(p *Process, a []term.Term) (term.Term, error) { return dictGet(p, a[0], a[1]), nil }},
		{Module: "Process", Name: "put", Arity: 2, Fn: natDictPut},
		{Module: "Process", Name: "delete", Arity: 1, Fn: natDictDelete},
		{Module: "Process", Name: "send_after", Arity: 3, Fn: natSendAfter},
		{Module: "Process", Name: "cancel_timer", Arity: 1, Fn: natCancelTimer},
		{Module: "Process", Name: "read_timer", Arity: 1, Fn: natReadTimer},
		{Module: "Range", Name: "new", Arity: 2, Fn: natRangeNew},
		{Module: "Range", Name: "new", Arity: 3, Fn: natRangeNew},
		{Module: "Kernel", Name: "**", Arity: 2, Fn: natPow, Doc: "Power: integer ** non-negative integer is an integer; otherwise a float."},
		{Module: "Access", Name: "get", Arity: 2, Fn: natAccessGet},
		{Module: "Access", Name: "get", Arity: 3, Fn: natAccessGet},
	} {
		v.RegisterNative(s)
	}
	for name, fields := range builtinExceptions {
		def := exception(name, fields...)
		atom := term.ModuleAtom(name)
		for _, s := range []NativeSpec{
			{Name: "__struct__", Arity: 0, Fn: func(*Process, []term.Term) (term.Term, error) { return def, nil }},
			{Name: "__struct__", Arity: 1, Fn: func(_ *Process, a []term.Term) (term.Term, error) { return structWith(def, a[0]) }},
			{Name: "exception", Arity: 1, Fn: func(p *Process, a []term.Term) (term.Term, error) { return p.vm.exceptionOf(atom, a[0]) }},
			{Name: "message", Arity: 1, Fn: func(_ *Process, a []term.Term) (term.Term, error) { return term.String(ExceptionMessage(a[0])), nil }},
		} {
			s.Module = name
			v.RegisterNative(s)
		}
	}
}

func natSelf(p *Process, _ []term.Term) (term.Term, error) { return p.pid, nil }

func natSpawn(p *Process, a []term.Term) (term.Term, error) {
	if !a[0].IsFun() || a[0].FunVal().Arity != 0 {
		return term.Term{}, Raise(NewArgumentErrorAt(1, "not a fun"))
	}
	return p.vm.SpawnFun(a[0]).pid, nil
}

func natSpawn3(p *Process, a []term.Term) (term.Term, error) {
	if !a[0].IsAtom() || !a[1].IsAtom() || term.ListLength(a[2]) < 0 {
		return term.Term{}, Raise(NewArgumentError("argument error"))
	}
	return p.vm.SpawnMFA(a[0], a[1], a[2]).pid, nil
}

func natSend(p *Process, a []term.Term) (term.Term, error) {
	if exc := p.vm.Send(a[0], a[1]); exc != nil {
		return term.Term{}, exc
	}
	return a[1], nil
}

func natMakeRef(p *Process, _ []term.Term) (term.Term, error) {
	ref := p.vm.MakeRef()
	p.markRef(ref)
	return ref, nil
}

func natThrow(p *Process, a []term.Term) (term.Term, error) { return term.Term{}, Throw(a[0]) }
func natExit(p *Process, a []term.Term) (term.Term, error)  { return term.Term{}, Exit(a[0]) }
func natError(p *Process, a []term.Term) (term.Term, error) { return term.Term{}, Raise(a[0]) }

func natRaise1(p *Process, a []term.Term) (term.Term, error) {
	x := a[0]
	switch {
	case x.IsBinary():
		return term.Term{}, Raise(NewRuntimeError(x.Str()))
	case term.IsException(x):
		return term.Term{}, Raise(x)
	case x.IsAtom():
		e, err := p.vm.exceptionOf(x, term.EmptyList)
		if err != nil {
			return term.Term{}, err
		}
		return term.Term{}, Raise(e)
	}
	return term.Term{}, Raise(NewArgumentError("raise/1 and reraise/2 expect a module name, string or exception as the first argument, got: " + term.Inspect(x)))
}

func natRaise2(p *Process, a []term.Term) (term.Term, error) {
	e, err := p.vm.exceptionOf(a[0], a[1])
	if err != nil {
		return term.Term{}, err
	}
	return term.Term{}, Raise(e)
}

func natReraise(p *Process, a []term.Term) (term.Term, error) {
	var r *Raised
	if len(a) == 2 {
		_, err := natRaise1(p, a[:1])
		r = err.(*Raised)
		r.Stack = a[1]
	} else {
		_, err := natRaise2(p, a[:2])
		r = err.(*Raised)
		r.Stack = a[2]
	}
	return term.Term{}, r
}

// builtinExceptions are the defaults of the exception structs the VM
// knows without a module: field, default, field, default…
var builtinExceptions = map[string][]term.Term{
	"RuntimeError":            {fMessage, term.String("runtime error")},
	"ArgumentError":           {fMessage, term.String("argument error")},
	"ArithmeticError":         {fMessage, term.String("bad argument in arithmetic expression")},
	"SystemLimitError":        {fMessage, term.String("a system limit has been reached")},
	"KeyError":                {fKey, term.Nil, fTerm, term.Nil, fMessage, term.Nil},
	"MatchError":              {fTerm, term.Nil},
	"CaseClauseError":         {fTerm, term.Nil},
	"WithClauseError":         {fTerm, term.Nil},
	"TryClauseError":          {fTerm, term.Nil},
	"CondClauseError":         {},
	"BadMapError":             {fTerm, term.Nil},
	"BadStructError":          {fStruct, term.Nil, fTerm, term.Nil},
	"BadFunctionError":        {fTerm, term.Nil},
	"BadArityError":           {fFunction, term.Nil, fArgs, term.Nil},
	"BadBooleanError":         {fTerm, term.Nil, fOperator, term.Nil},
	"FunctionClauseError":     {fModule, term.Nil, fFunction, term.Nil, fArity, term.Nil, fKind, term.Nil, fArgs, term.Nil, fClauses, term.Nil},
	"UndefinedFunctionError":  {fModule, term.Nil, fFunction, term.Nil, fArity, term.Nil, fReason, term.Nil, fMessage, term.Nil},
	"ErlangError":             {fOriginal, term.Nil, fReason, term.Nil},
	"Protocol.UndefinedError": {fProtocol, term.Nil, fValue, term.Nil, fDesc, term.String("")},
}

// exceptionOf builds the exception `raise mod, arg` raises: arg is a
// message string or a keyword list of fields.
func (v *VM) exceptionOf(mod, arg term.Term) (term.Term, error) {
	if !mod.IsAtom() {
		return term.Term{}, Raise(NewArgumentError("raise/2 expects a module name as the first argument, got: " + term.Inspect(mod)))
	}
	var def term.Term
	v.autoload(mod)
	if m := v.modules[mod]; m != nil && m.Compiled != nil && m.Compiled.Exception {
		if f := m.Funcs[funKey{term.Atom("__struct__"), 0}]; f != nil && f.Native != nil {
			def, _ = f.Native(nil, nil)
		}
	} else if fields, ok := builtinExceptions[term.ModuleName(mod)]; ok {
		def = exception(term.ModuleName(mod), fields...)
	} else {
		return term.Term{}, Raise(NewUndefinedFunctionError(mod, "exception", 1, v.modules[mod] != nil))
	}
	if arg.IsBinary() {
		return term.NewMapTerm(def.MapVal().Put(fMessage, arg)), nil
	}
	e, err := structWith(def, arg)
	if err != nil {
		return term.Term{}, err
	}
	return e, nil
}

func natSystemInfo(p *Process, a []term.Term) (term.Term, error) {
	switch a[0].AtomName() {
	case "process_count":
		return term.Int(int64(p.vm.ProcessCount())), nil
	case "schedulers", "schedulers_online":
		return term.Int(1), nil
	}
	return term.Term{}, Raise(NewArgumentErrorAt(1, "invalid argument"))
}

func natSleep(p *Process, a []term.Term) (term.Term, error) {
	switch t := a[0]; {
	case t == term.Infinity:
		return term.Term{}, Sleep(1<<40, term.OK)
	case t.IsSmallInt() && t.SmallInt() >= 0:
		return term.Term{}, Sleep(t.SmallInt(), term.OK)
	}
	return term.Term{}, Raise(NewFunctionClauseError(term.ModuleAtom("Process"), "sleep", 1))
}

func natAlive(p *Process, a []term.Term) (term.Term, error) {
	if !a[0].IsPid() {
		return term.Term{}, Raise(NewArgumentErrorAt(1, "not a pid"))
	}
	return term.Bool(p.vm.Process(a[0]) != nil), nil
}

func natRegister(p *Process, a []term.Term) (term.Term, error) {
	pid, name := a[0], a[1]
	target := p.vm.Process(pid)
	if !name.IsAtom() || name == term.Undefined || target == nil || p.vm.registry[name] != nil || target.ext().registered.Valid() {
		return term.Term{}, Raise(NewArgumentError("could not register " + term.Inspect(pid) + " with name " + term.Inspect(name) + " because it is not alive, the name is already taken, or it has already been given another name"))
	}
	p.vm.registry[name] = target
	target.ext().registered = name
	return term.True, nil
}

func natUnregister(p *Process, a []term.Term) (term.Term, error) {
	q := p.vm.registry[a[0]]
	if q == nil {
		return term.Term{}, Raise(NewArgumentError("could not unregister " + term.Inspect(a[0]) + " because it's not registered"))
	}
	delete(p.vm.registry, a[0])
	q.ext().registered = term.Term{}
	return term.True, nil
}

func natWhereis(p *Process, a []term.Term) (term.Term, error) {
	if q := p.vm.registry[a[0]]; q != nil {
		return q.pid, nil
	}
	return term.Nil, nil
}

func natRegistered(p *Process, _ []term.Term) (term.Term, error) {
	var names []term.Term
	for n := range p.vm.registry {
		names = append(names, n)
	}
	sortTerms(names)
	return term.List(names...), nil
}

func natList(p *Process, _ []term.Term) (term.Term, error) {
	return term.List(p.vm.pids()...), nil
}

func dictGet(p *Process, k, def term.Term) term.Term {
	if p.ext().dict == nil {
		return def
	}
	if v, ok := p.ext().dict.Get(k); ok {
		return v
	}
	return def
}

func natDictGetAll(p *Process, _ []term.Term) (term.Term, error) {
	var out []term.Term
	if p.ext().dict != nil {
		p.ext().dict.Range(func(k, v term.Term) bool {
			out = append(out, term.Tuple(k, v))
			return true
		})
	}
	return term.List(out...), nil
}

func natDictPut(p *Process, a []term.Term) (term.Term, error) {
	old := dictGet(p, a[0], term.Nil)
	if p.ext().dict == nil {
		p.ext().dict = term.EmptyMap.MapVal()
	}
	p.ext().dict = p.ext().dict.Put(a[0], a[1])
	return old, nil
}

func natDictDelete(p *Process, a []term.Term) (term.Term, error) {
	old := dictGet(p, a[0], term.Nil)
	if p.ext().dict != nil {
		p.ext().dict = p.ext().dict.Delete(a[0])
	}
	return old, nil
}

func natSendAfter(p *Process, a []term.Term) (term.Term, error) {
	if !a[2].IsSmallInt() || a[2].SmallInt() < 0 {
		return term.Term{}, Raise(NewArgumentError("argument error"))
	}
	ref := p.vm.MakeRef()
	t := &timer{when: p.vm.clock.Now() + a[2].SmallInt()*1e6, to: a[0], msg: a[1], ref: ref}
	p.vm.addTimer(t)
	return ref, nil
}

func (v *VM) findTimer(ref term.Term) *timer {
	for _, t := range v.timers {
		if t.ref == ref && !t.removed {
			return t
		}
	}
	return nil
}

func natCancelTimer(p *Process, a []term.Term) (term.Term, error) {
	t := p.vm.findTimer(a[0])
	if t == nil {
		return term.False, nil
	}
	t.removed = true
	return term.Int(max(0, (t.when-p.vm.clock.Now())/1e6)), nil
}

func natReadTimer(p *Process, a []term.Term) (term.Term, error) {
	t := p.vm.findTimer(a[0])
	if t == nil {
		return term.False, nil
	}
	return term.Int(max(0, (t.when-p.vm.clock.Now())/1e6)), nil
}

var (
	atomRange = term.ModuleAtom("Range")
	atomFirst = term.Atom("first")
	atomLast  = term.Atom("last")
	atomStep  = term.Atom("step")
)

// NewRange builds %Range{first: a, last: b, step: s}.
func NewRange(first, last, step term.Term) term.Term {
	return term.Struct("Range", atomFirst, first, atomLast, last, atomStep, step)
}

func natRangeNew(p *Process, a []term.Term) (term.Term, error) {
	if !a[0].IsInt() || !a[1].IsInt() {
		return term.Term{}, Raise(NewArgumentError("ranges (first..last) expect both sides to be integers, got: " + term.Inspect(a[0]) + ".." + term.Inspect(a[1])))
	}
	step := term.Int(1)
	if len(a) == 3 {
		if !a[2].IsInt() || a[2] == term.Int(0) {
			return term.Term{}, Raise(NewArgumentError("ranges (first..last//step) expect both sides to be integers and the step to be a non-zero integer, got: " + term.Inspect(a[0]) + ".." + term.Inspect(a[1]) + "//" + term.Inspect(a[2])))
		}
		step = a[2]
	} else if term.Compare(a[0], a[1]) > 0 {
		step = term.Int(-1)
	}
	return NewRange(a[0], a[1], step), nil
}

func natAccessGet(p *Process, a []term.Term) (term.Term, error) {
	def := term.Nil
	if len(a) == 3 {
		def = a[2]
	}
	c, k := a[0], a[1]
	switch {
	case c.IsMap():
		if v, ok := c.MapVal().Get(k); ok {
			return v, nil
		}
		return def, nil
	case c == term.Nil:
		return def, nil
	case c.IsList():
		for l := c; l.IsCons(); l = l.Tail() {
			e := l.Head()
			if e.IsTuple() && e.TupleSize() == 2 && e.Elems()[0] == k {
				return e.Elems()[1], nil
			}
		}
		if !k.IsAtom() {
			return term.Term{}, Raise(NewArgumentError("the Access calls for keywords expect the key to be an atom, got: " + term.Inspect(k)))
		}
		return def, nil
	}
	return term.Term{}, Raise(NewUndefinedFunctionError(term.ModuleAtom("Access"), "fetch", 2, true))
}

func natPow(p *Process, a []term.Term) (term.Term, error) {
	b, e := a[0], a[1]
	if !b.IsNumber() || !e.IsNumber() {
		return term.Term{}, Raise(errBadarith)
	}
	if b.IsInt() && e.IsInt() {
		if e.Big().Sign() < 0 {
			return term.Term{}, Raise(errBadarith)
		}
		return term.BigInt(new(big.Int).Exp(b.Big(), e.Big(), nil)), nil
	}
	r, exc := floatResult(math.Pow(toFloat(b), toFloat(e)))
	if exc != nil {
		return term.Term{}, exc
	}
	return r, nil
}

// natApply is apply/2,3 called as a function value (&apply/3, or
// {:erlang, :apply, [f, args]} as an initial call): it asks the
// interpreter to make the call in its place.
func natApply(p *Process, a []term.Term) (term.Term, error) {
	f, list := a[0], a[len(a)-1]
	if len(a) == 3 {
		if !a[0].IsAtom() || !a[1].IsAtom() {
			return term.Term{}, Raise(NewArgumentError("argument error"))
		}
		f = term.Tuple(a[0], a[1])
	}
	args, ok := term.ListToSlice(list)
	if !ok {
		return term.Term{}, Raise(NewArgumentError("argument error"))
	}
	return term.Term{}, callRequest{fun: f, args: args}
}
