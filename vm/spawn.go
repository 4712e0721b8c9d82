package vm

import (
	"goiex/vm/compile"
	"goiex/vm/term"
)

func (v *VM) newProcess() *Process {
	serial := v.nextPid
	v.nextPid++
	p := &Process{vm: v, pid: term.Pid(serial), guardPC: -1, sleepDst: -1}
	v.procs.add(serial, p)
	return p
}

// start gives p its first frame and makes it runnable.
func (v *VM) start(p *Process, code *compile.Code, env []term.Term, args []term.Term) {
	n := code.NumRegs
	if n < len(args) {
		n = len(args)
	}
	p.regs = make([]term.Term, n)
	copy(p.regs, args)
	p.frames = make([]frame, 1)
	p.frames[0] = frame{code: code, env: env}
	p.status = statusRunnable
	v.runq.push(p)
	if len(v.listeners) > 0 {
		v.emit(Event{Kind: EventSpawn, From: v.currentPid(), To: p.pid, Message: p.initialCall})
	}
}

// currentPid is the pid of the running process, or nil when the host
// (not a process) acts.
func (v *VM) currentPid() term.Term {
	if v.current != nil {
		return v.current.pid
	}
	return term.Nil
}

// SpawnCode starts a process running compiled top-level code (a script
// or a shell input) with the given values in its first registers.
func (v *VM) SpawnCode(code *compile.Code, args []term.Term) *Process {
	p := v.newProcess()
	p.keepResult = true
	p.initialCall = term.Tuple(term.Atom("elixir_compiler_0"), term.Atom("__FILE__"), term.Int(1))
	v.start(p, code, nil, args)
	return p
}

// SpawnFun starts a process calling the zero-arity function f.
func (v *VM) SpawnFun(f term.Term) *Process {
	p := v.newProcess()
	if fv := f.FunVal(); fv != nil {
		p.initialCall = term.Tuple(term.Atom(fv.Module), term.Atom(initialName(fv)), term.Int(int64(fv.Arity)))
	}
	if fv := f.FunVal(); fv.Arity == 0 {
		if c, ok := fv.Code.(*compile.Code); ok {
			v.start(p, c, fv.Env, nil)
			return p
		}
	}
	v.start(p, v.spawnStub, nil, []term.Term{f, term.EmptyList})
	return p
}

func initialName(fv *term.Fun) string {
	if fv.External {
		return fv.Name
	}
	if c, ok := fv.Code.(*compile.Code); ok && c.Function != "" {
		return "-" + c.Function + "-fun-0-"
	}
	return "-__FILE__/1-fun-0-"
}

// SpawnMFA starts a process calling apply(module, name, args).
func (v *VM) SpawnMFA(module, name term.Term, args term.Term) *Process {
	p := v.newProcess()
	p.initialCall = term.Tuple(module, name, term.Int(int64(term.ListLength(args))))
	if argv, ok := term.ListToSlice(args); ok {
		if fn, exc := v.lookup(module, name, len(argv), false); exc == nil && fn.Code != nil {
			v.start(p, fn.Code, nil, argv)
			return p
		}
	}
	v.start(p, v.applyStub, nil, []term.Term{module, name, args})
	return p
}

// Process returns the live process with the given pid, or nil.
func (v *VM) Process(pid term.Term) *Process {
	if !pid.IsPid() {
		return nil
	}
	return v.procs.get(pid.PidSerial())
}

// ProcessCount is the number of live processes.
func (v *VM) ProcessCount() int { return v.procs.count }

// Whereis returns the process registered under name, or nil.
func (v *VM) Whereis(name term.Term) *Process { return v.registry[name] }

// Send delivers msg to a pid (dropped silently if it is dead, as on the
// BEAM) or a registered name (an error if nothing is registered).
func (v *VM) Send(to, msg term.Term) *Raised {
	var p *Process
	switch {
	case to.IsPid():
		p = v.procs.get(to.PidSerial())
		if p == nil {
			return nil
		}
	case to.IsAtom():
		p = v.registry[to]
		if p == nil {
			return Raise(NewArgumentError("errors were found at the given arguments:\n\n  * 1st argument: invalid destination\n"))
		}
	case to.IsRef():
		p = v.aliases[to]
		if p == nil {
			return nil
		}
		if p.x != nil {
			for _, m := range p.x.monitors {
				if m.ref == to && m.replyDemonitor {
					v.Demonitor(p, to, false)
					break
				}
			}
		}
	case to.IsTuple() && to.TupleSize() == 2:
		return v.Send(to.Elems()[0], msg)
	default:
		return Raise(NewArgumentError("errors were found at the given arguments:\n\n  * 1st argument: invalid destination\n"))
	}
	v.deliver(p, msg)
	return nil
}

func (v *VM) deliver(p *Process, msg term.Term) {
	if p.status == statusExited {
		return
	}
	v.sendSeq++
	p.mbox.push(msg, v.sendSeq, v.sliceStart)
	if len(v.listeners) > 0 {
		v.emit(Event{Kind: EventSend, From: v.currentPid(), To: p.pid, Message: msg, Seq: v.sendSeq})
	}
	if p.status == statusWaiting && p.sleepDst < 0 {
		v.wake(p)
	}
}

// deliverLater sends the message of a Process.send_after timer.
func (v *VM) deliverLater(t *timer) {
	v.Send(t.to, t.msg)
}
