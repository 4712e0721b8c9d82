package vm

import (
	"goiex/vm/compile"
	"goiex/vm/term"
)

// resolve finds the function a call site names and caches it.
func (v *VM) resolve(site *compile.Site) (*Function, *Raised) {
	fn, exc := v.lookup(site.Module, site.Name, site.Arity, site.Local)
	if exc != nil {
		return nil, exc
	}
	site.Cache = fn
	site.Epoch = v.epoch
	return fn, nil
}

// ensureRegs makes room for n registers from base.
func (p *Process) ensureRegs(need int) {
	if need <= len(p.regs) {
		return
	}
	size := 2 * len(p.regs)
	if size < need {
		size = need
	}
	if size < 4 {
		size = 4
	}
	nr := make([]term.Term, size)
	copy(nr, p.regs)
	p.regs = nr
}

// pushFrame calls code with args; the result goes to the caller's
// register dst.
func (v *VM) pushFrame(p *Process, code *compile.Code, env []term.Term, args []term.Term, dst int32) {
	top := &p.frames[len(p.frames)-1]
	base := top.base + top.code.NumRegs
	p.ensureRegs(base + code.NumRegs)
	copy(p.regs[base:], args)
	p.frames = append(p.frames, frame{code: code, base: base, env: env, dst: dst})
}

// tailFrame replaces the top frame by a call of code with args.
func (v *VM) tailFrame(p *Process, code *compile.Code, env []term.Term, args []term.Term) {
	top := &p.frames[len(p.frames)-1]
	p.ensureRegs(top.base + code.NumRegs)
	copy(p.regs[top.base:], args)
	top.code, top.env, top.pc = code, env, 0
}

// doReturn pops the top frame, delivering val to the caller, or ends the
// process when the initial call returns.
func (v *VM) doReturn(p *Process, val term.Term) {
	n := len(p.frames) - 1
	dst := p.frames[n].dst
	p.frames[n] = frame{}
	p.frames = p.frames[:n]
	if n == 0 {
		if p.keepResult {
			p.ext().result = val
		}
		if p.evaluator {
			v.evalDone(p, nil)
			return
		}
		v.exit(p, nil)
		return
	}
	top := &p.frames[n-1]
	p.regs[top.base+int(dst)] = val
}

// yield puts a running process back at the end of the run queue.
func (v *VM) yield(p *Process) {
	p.status = statusRunnable
	v.runq.push(p)
}

// invoke calls a function value (a fn, an external &M.f/n, or the pair
// {module, name} used by FIELD) with args. dst receives the result, or
// with tail the result is returned from the current frame.
func (v *VM) invoke(p *Process, f term.Term, args []term.Term, dst int32, tail bool) *Raised {
	var fn *Function
	switch {
	case f.IsFun():
		fv := f.FunVal()
		if fv.Arity != len(args) {
			return Raise(term.Tuple(term.Atom("badarity"), term.Tuple(f, term.List(args...))))
		}
		if fc, ok := fv.Code.(*compile.Code); ok {
			return v.enter(p, fc, fv.Env, args, dst, tail)
		}
		if nat, ok := fv.Code.(Native); ok {
			return v.callNative(p, nat, args, dst, tail)
		}
		var exc *Raised
		fn, exc = v.lookup(term.Atom(fv.Module), term.Atom(fv.Name), fv.Arity, false)
		if exc != nil {
			return exc
		}
	case f.IsTuple() && f.TupleSize() == 2:
		var exc *Raised
		fn, exc = v.lookup(f.Elems()[0], f.Elems()[1], len(args), false)
		if exc != nil {
			return exc
		}
	default:
		return Raise(term.Tuple(term.Atom("badfun"), f))
	}
	return v.callFunction(p, fn, args, dst, tail)
}

func (v *VM) callFunction(p *Process, fn *Function, args []term.Term, dst int32, tail bool) *Raised {
	if fn.Native != nil {
		return v.callNative(p, fn.Native, args, dst, tail)
	}
	return v.enter(p, fn.Code, nil, args, dst, tail)
}

func (v *VM) enter(p *Process, code *compile.Code, env, args []term.Term, dst int32, tail bool) *Raised {
	if tail {
		v.tailFrame(p, code, env, args)
	} else {
		v.pushFrame(p, code, env, args, dst)
	}
	return nil
}

func (v *VM) callNative(p *Process, nat Native, args []term.Term, dst int32, tail bool) *Raised {
	res, err := nat(p, args)
	if err != nil {
		op := compile.CALL
		if tail {
			op = compile.TCALL
		}
		return v.nativeError(p, err, compile.Instr{Op: op, A: dst})
	}
	if tail {
		v.doReturn(p, res)
		return nil
	}
	top := &p.frames[len(p.frames)-1]
	p.regs[top.base+int(dst)] = res
	return nil
}

// apply implements APPLY: regs holds (fun, args) or (module, name, args).
func (v *VM) apply(p *Process, regs []term.Term, dst int32) *Raised {
	var f term.Term
	var argList term.Term
	if len(regs) == 2 {
		f, argList = regs[0], regs[1]
	} else {
		if !regs[0].IsAtom() || !regs[1].IsAtom() {
			return Raise(NewArgumentError("argument error"))
		}
		f, argList = term.Tuple(regs[0], regs[1]), regs[2]
	}
	args, ok := term.ListToSlice(argList)
	if !ok {
		return Raise(NewArgumentError("argument error"))
	}
	return v.invoke(p, f, args, dst, false)
}

// nativeError turns what a native returned into the exception to raise,
// or parks the process (returning nil) for a sleeping native.
func (v *VM) nativeError(p *Process, err error, in compile.Instr) *Raised {
	switch e := err.(type) {
	case *Raised:
		return e
	case callRequest:
		return v.invoke(p, e.fun, e.args, in.A, in.Op == compile.TCALL || in.Op == compile.TCALLF)
	case parkRequest:
		p.sleepDst = in.A
		p.sleepReturn = in.Op == compile.TCALL || in.Op == compile.TCALLF
		p.ext().sleepWith = e.Result
		p.status = statusWaiting
		v.addTimer(&timer{when: v.clock.Now() + e.Millis*1e6, proc: p, gen: p.recvGen})
		return nil
	}
	return Raise(NewErlangError(term.String(err.Error())))
}

// moduleText is the atom text of a module name ("Elixir.Foo").
func moduleText(elixirName string) string {
	if elixirName == "" {
		return "elixir_compiler_0"
	}
	return "Elixir." + elixirName
}
