package vm

import (
	"fmt"
	"runtime/debug"
	"unicode/utf8"

	"goiex/vm/compile"
	"goiex/vm/term"
)

// execute runs p for one slice: until its budget of reductions is spent,
// it waits in receive, or it exits. A Go panic inside becomes the
// process's crash, never the program's.
func (v *VM) execute(p *Process) {
	p.status = statusRunning
	v.current = p
	v.sliceStart = v.clock.Now()
	defer func() { v.current = nil }()
	defer func() {
		if r := recover(); r != nil {
			msg := fmt.Sprint(r)
			if debugPanics {
				msg += "\n" + string(debug.Stack())
			}
			exc := Raise(NewErlangError(term.Tuple(term.Atom("goiex_internal_error"), term.String(msg))))
			v.captureTrace(p, exc)
			if p.evaluator {
				v.evalDone(p, exc)
				return
			}
			v.exit(p, exc)
		}
	}()
	v.interpret(p)
}

// debugPanics adds the Go stack to internal errors (for goiex developers).
var debugPanics = false

// parkRequest is returned by a native that must wait (Process.sleep):
// the process sleeps for Millis, then the call returns Result.
type parkRequest struct {
	Millis int64
	Result term.Term
}

func (parkRequest) Error() string { return "park" }

// callRequest is returned by a native that ends by calling a function
// (apply/2,3): the interpreter makes the call in the native's place.
type callRequest struct {
	fun  term.Term
	args []term.Term
}

func (callRequest) Error() string { return "call" }

// CallInstead makes a native end by calling f (a fn, or {module, name})
// with args: the interpreter makes the call in its place, and its value
// is the native's. This is how a native hands over to Elixir code
// without running an interpreter loop of its own.
func CallInstead(f term.Term, args []term.Term) error { return callRequest{fun: f, args: args} }

// Sleep makes a native wait ms milliseconds, then return result.
func Sleep(ms int64, result term.Term) error { return parkRequest{ms, result} }

// interpret is the dispatch loop.
func (v *VM) interpret(p *Process) {
	budget := Budget
	fr := &p.frames[len(p.frames)-1]
	code := fr.code
	instrs := code.Instrs
	pc := fr.pc
	regs := p.regs[fr.base : fr.base+code.NumRegs]
	if p.resume {
		p.resume = false
		if p.resumeReturn {
			regs[0] = p.ext().sleepWith
			v.doReturn(p, regs[0])
			if len(p.frames) == 0 {
				return
			}
			fr = &p.frames[len(p.frames)-1]
			code, instrs, pc = fr.code, fr.code.Instrs, fr.pc
			regs = p.regs[fr.base : fr.base+code.NumRegs]
		} else {
			regs[p.sleepDst] = p.ext().sleepWith
		}
		p.sleepDst = -1
	}
	var exc *Raised

	// reload switches the loop to the frame on top of the stack.
	reload := func() {
		fr = &p.frames[len(p.frames)-1]
		code = fr.code
		instrs = code.Instrs
		pc = fr.pc
		regs = p.regs[fr.base : fr.base+code.NumRegs]
	}

	for {
		in := instrs[pc]
		pc++
		switch in.Op {
		case compile.MOVE:
			regs[in.A] = regs[in.B]
		case compile.LOADK:
			regs[in.A] = code.Consts[in.B]
		case compile.LOADENV:
			regs[in.A] = fr.env[in.B]
		case compile.JUMP:
			pc = int(in.A)
		case compile.JFALSY:
			if x := regs[in.A]; x == term.False || x == term.Nil {
				pc = int(in.B)
			}
		case compile.JTRUTHY:
			if x := regs[in.A]; x != term.False && x != term.Nil {
				pc = int(in.B)
			}
		case compile.JNOTBOOL:
			x := regs[in.A]
			op := code.Consts[in.C]
			if x != term.True && x != term.False {
				exc = Raise(NewBadBooleanError(x, op.AtomName()))
				break
			}
			if (op == atomAnd && x == term.False) || (op == atomOr && x == term.True) {
				pc = int(in.B)
			}

		case compile.ADD:
			a, b := regs[in.B], regs[in.C]
			if a.IsSmallInt() && b.IsSmallInt() {
				x, y := a.SmallInt(), b.SmallInt()
				s := x + y
				if (s > x) == (y > 0) {
					regs[in.A] = term.Int(s)
					break
				}
			}
			regs[in.A], exc = arith(compile.ADD, a, b)
			if exc != nil {
				blameOperator(exc, compile.ADD, a, b)
			}
		case compile.ADDI:
			a := regs[in.B]
			if a.IsSmallInt() {
				x, y := a.SmallInt(), int64(in.C)
				s := x + y
				if (s > x) == (y > 0) {
					regs[in.A] = term.Int(s)
					break
				}
			}
			regs[in.A], exc = arith(compile.ADD, a, term.Int(int64(in.C)))
			if exc != nil {
				if in.C < 0 {
					blameOperator(exc, compile.SUB, a, term.Int(-int64(in.C)))
				} else {
					blameOperator(exc, compile.ADD, a, term.Int(int64(in.C)))
				}
			}
		case compile.SUB, compile.MUL, compile.FDIV:
			regs[in.A], exc = arith(in.Op, regs[in.B], regs[in.C])
			if exc != nil {
				blameOperator(exc, in.Op, regs[in.B], regs[in.C])
			}
		case compile.NEG:
			regs[in.A], exc = arith(compile.SUB, term.Int(0), regs[in.B])
			if exc == nil && regs[in.B].IsFloat() {
				regs[in.A] = term.Float(-regs[in.B].FloatVal())
			}
		case compile.EQ, compile.NE, compile.LT, compile.LE, compile.GT, compile.GE:
			a, b := regs[in.B], regs[in.C]
			var c int
			if a.IsSmallInt() && b.IsSmallInt() {
				x, y := a.SmallInt(), b.SmallInt()
				switch {
				case x < y:
					c = -1
				case x > y:
					c = 1
				}
			} else {
				c = term.Compare(a, b)
			}
			regs[in.A] = term.Bool(cmpHolds(in.Op, c))
		case compile.EQX:
			regs[in.A] = term.Bool(term.Identical(regs[in.B], regs[in.C]))
		case compile.NEX:
			regs[in.A] = term.Bool(!term.Identical(regs[in.B], regs[in.C]))
		case compile.NOT:
			switch regs[in.B] {
			case term.True:
				regs[in.A] = term.False
			case term.False:
				regs[in.A] = term.True
			default:
				exc = Raise(NewArgumentError("argument error"))
			}
		case compile.BANG:
			regs[in.A] = term.Bool(!regs[in.B].IsTruthy())
		case compile.BCAT:
			a, b := regs[in.B], regs[in.C]
			if !a.IsBinary() || !b.IsBinary() {
				bad := a
				if a.IsBinary() {
					bad = b
				}
				exc = Raise(NewArgumentError("expected binary argument in <> operator but got: " + term.Inspect(bad)))
				break
			}
			regs[in.A] = term.String(a.Str() + b.Str())
		case compile.LCAT:
			regs[in.A], exc = listAppend(regs[in.B], regs[in.C])
		case compile.TOSTR:
			x := regs[in.B]
			if x.IsBinary() {
				regs[in.A] = x
				break
			}
			s, ok := term.ToString(x)
			if !ok {
				exc = Raise(NewProtocolUndefinedError("String.Chars", x, ""))
				break
			}
			regs[in.A] = term.String(s)
		case compile.ISTYPE:
			regs[in.A] = term.Bool(isType(regs[in.B], int(in.C)))

		case compile.TUPLE:
			elems := make([]term.Term, in.C)
			copy(elems, regs[in.B:in.B+in.C])
			regs[in.A] = term.Tuple(elems...)
		case compile.LIST:
			l := term.EmptyList
			for i := in.B + in.C - 1; i >= in.B; i-- {
				l = term.NewCons(regs[i], l)
			}
			regs[in.A] = l
		case compile.LISTT:
			l := regs[in.B+in.C]
			for i := in.B + in.C - 1; i >= in.B; i-- {
				l = term.NewCons(regs[i], l)
			}
			regs[in.A] = l
		case compile.MAP:
			m := term.EmptyMap.MapVal()
			for i := int32(0); i < in.C; i++ {
				m = m.Put(regs[in.B+2*i], regs[in.B+2*i+1])
			}
			regs[in.A] = term.NewMapTerm(m)
		case compile.MAPUPD, compile.MAPPUT:
			mt := regs[in.B]
			if !mt.IsMap() {
				exc = Raise(term.Tuple(atomBadmap, mt))
				break
			}
			m := mt.MapVal()
			for i := int32(0); i < in.C; i++ {
				k := regs[in.B+1+2*i]
				if _, ok := m.Get(k); !ok && in.Op == compile.MAPUPD {
					exc = Raise(term.Tuple(atomBadkey, k))
					break
				}
				m = m.Put(k, regs[in.B+2+2*i])
			}
			if exc == nil {
				regs[in.A] = term.NewMapTerm(m)
			}
		case compile.FUN:
			fc := code.Funs[in.B]
			var env []term.Term
			if fc.Captured > 0 {
				env = make([]term.Term, fc.Captured)
				copy(env, regs[in.C:int(in.C)+fc.Captured])
			}
			regs[in.A] = term.NewFun(&term.Fun{Module: moduleText(fc.Module), Arity: fc.Arity, Env: env, Code: fc, ID: fc.ID})

		case compile.TTUPLE:
			x := regs[in.A]
			if !x.IsTuple() || x.TupleSize() != int(in.B) {
				pc = int(in.C)
			}
		case compile.TCONS:
			if !regs[in.A].IsCons() {
				pc = int(in.C)
			}
		case compile.TNIL:
			if !regs[in.A].IsEmptyList() {
				pc = int(in.C)
			}
		case compile.TMAP:
			if !regs[in.A].IsMap() {
				pc = int(in.C)
			}
		case compile.TEQK:
			if !term.Identical(regs[in.A], code.Consts[in.B]) {
				pc = int(in.C)
			}
		case compile.TEQ:
			if !term.Identical(regs[in.A], regs[in.B]) {
				pc = int(in.C)
			}
		case compile.TTRUE:
			if regs[in.A] != term.True {
				pc = int(in.C)
			}
		case compile.TBINPRE:
			x := regs[in.A]
			pre := code.Consts[in.B].Str()
			if !x.IsBinary() || len(x.Str()) < len(pre) || x.Str()[:len(pre)] != pre {
				pc = int(in.C)
			}
		case compile.ELEM:
			regs[in.A] = regs[in.B].Elems()[in.C]
		case compile.HEAD:
			regs[in.A] = regs[in.B].Head()
		case compile.TAIL:
			regs[in.A] = regs[in.B].Tail()
		case compile.MAPGET:
			val, ok := regs[in.B].MapVal().Get(regs[in.A])
			if !ok {
				pc = int(in.C)
				break
			}
			regs[in.A] = val
		case compile.BINREST:
			regs[in.A] = term.String(regs[in.B].Str()[in.C:])
		case compile.BINSEG:
			kind := instrs[pc].A
			pc++
			x := regs[in.B]
			if !x.IsBinary() || len(x.Str()) == 0 {
				pc = int(in.C)
				break
			}
			s := x.Str()
			if kind == compile.SegUTF8 {
				r, size := utf8.DecodeRuneInString(s)
				if r == utf8.RuneError && size <= 1 {
					pc = int(in.C)
					break
				}
				regs[in.A], regs[in.A+1] = term.Int(int64(r)), term.String(s[size:])
				break
			}
			regs[in.A], regs[in.A+1] = term.Int(int64(s[0])), term.String(s[1:])
		case compile.BINPUT:
			regs[in.A], exc = binPut(regs[in.A], regs[in.B], int(in.C))

		case compile.CALL, compile.TCALL:
			site := code.Sites[in.B]
			fn, _ := site.Cache.(*Function)
			if fn == nil || site.Epoch != v.epoch {
				fn, exc = v.resolve(site)
				if exc != nil {
					break
				}
			}
			budget--
			p.reductions++
			args := regs[in.C : int(in.C)+site.Arity]
			if fn.Native != nil {
				res, err := fn.Native(p, args)
				if err != nil {
					fr.pc = pc
					exc = v.nativeError(p, err, in)
					if exc == nil && p.sleepDst >= 0 {
						// Parked in a native (Process.sleep): that is where it is.
						p.parkedIn = term.Tuple(site.Module, site.Name, term.Int(int64(site.Arity)))
					}
					if exc == nil { // parked, or it asked for a call
						if p.status != statusRunning || len(p.frames) == 0 {
							return
						}
						reload()
						continue
					}
					break
				}
				if in.Op == compile.TCALL {
					v.doReturn(p, res)
					if p.status == statusExited || len(p.frames) == 0 {
						return
					}
					reload()
				} else {
					regs[in.A] = res
				}
				if budget <= 0 || (v.oneEvent && v.eventSeen) {
					fr.pc = pc
					v.yield(p)
					return
				}
				continue
			}
			if in.Op == compile.CALL {
				fr.pc = pc
				v.pushFrame(p, fn.Code, nil, args, in.A)
			} else {
				v.tailFrame(p, fn.Code, nil, args)
			}
			reload()
			if budget <= 0 {
				v.yield(p)
				return
			}
		case compile.CALLF, compile.TCALLF:
			f := regs[in.B]
			n := int(in.C)
			args := regs[in.B+1 : int(in.B)+1+n]
			budget--
			p.reductions++
			if f.IsFun() {
				fv := f.FunVal()
				if fc, ok := fv.Code.(*compile.Code); ok && fv.Arity == n {
					if in.Op == compile.CALLF {
						fr.pc = pc
						v.pushFrame(p, fc, fv.Env, args, in.A)
					} else {
						v.tailFrame(p, fc, fv.Env, args)
					}
					reload()
					if budget <= 0 {
						v.yield(p)
						return
					}
					continue
				}
			}
			fr.pc = pc
			exc = v.invoke(p, f, copyArgs(args), in.A, in.Op == compile.TCALLF)
			if exc == nil {
				if p.status != statusRunning {
					return
				}
				reload()
			}
		case compile.APPLY:
			budget--
			p.reductions++
			fr.pc = pc
			exc = v.apply(p, regs[in.B:in.B+in.C], in.A)
			if exc == nil {
				if p.status != statusRunning {
					return
				}
				reload()
			}
		case compile.RETURN:
			v.doReturn(p, regs[in.A])
			if len(p.frames) == 0 {
				return
			}
			reload()
		case compile.FIELD:
			x := regs[in.B]
			key := code.Consts[in.C]
			if x.IsMap() {
				val, ok := x.MapVal().Get(key)
				if !ok {
					exc = Raise(term.Tuple(atomBadkey, key, x))
					break
				}
				regs[in.A] = val
				break
			}
			if x.IsAtom() && x != term.Nil && x != term.True && x != term.False {
				fr.pc = pc
				exc = v.invoke(p, term.Tuple(x, key), nil, in.A, false)
				if exc == nil {
					if p.status != statusRunning {
						return
					}
					reload()
				}
				break
			}
			exc = Raise(NewKeyError(key, x, "key "+term.Inspect(key)+" not found in: "+term.Inspect(x)+". If you are using the dot syntax, such as map.field, make sure the left-hand side of the dot is a map"))

		case compile.RSTART:
			p.mbox.rewind()
			if in.A > 0 {
				if rf := code.Filters[in.A-1]; rf.RefRegs != nil {
					if start := p.scanStart(rf.RefRegs, regs); start != nil {
						p.mbox.prev, p.mbox.pos = start, 0
						if len(v.listeners) > 0 { // traces report positions
							p.mbox.pos = p.mbox.positionOf(start)
						}
					}
				}
			}
		case compile.RPEEK:
			var msg term.Term
			var ok bool
			if in.C > 0 && len(code.Filters[in.C-1].Shapes) > 0 {
				before := p.mbox.pos
				msg, ok = p.mbox.skipTo(code.Filters[in.C-1], regs)
				// Passing over a message costs a reduction, as on the BEAM.
				skipped := p.mbox.pos - before
				p.reductions += int64(skipped)
				p.scans += int64(skipped)
				budget -= skipped
			} else {
				msg, ok = p.mbox.peek()
			}
			if !ok {
				pc = int(in.B)
				break
			}
			regs[in.A] = msg
		case compile.RACCEPT:
			if p.explain {
				p.explained = int(in.A)
				return
			}
			pos := p.mbox.pos
			prev := p.mbox.prev
			n := p.mbox.take()
			p.unmarked(n, prev)
			if len(v.listeners) > 0 {
				v.emit(Event{Kind: EventReceive, To: p.pid, Message: n.msg, Seq: n.seq, Clause: int(in.A), Position: pos + 1, Skipped: pos})
				if v.oneEvent {
					if p.waiting {
						p.waiting = false
						p.recvGen++
					}
					fr.pc = pc
					v.yield(p)
					return
				}
			}
			if p.waiting {
				p.waiting = false
				p.recvGen++
			}
		case compile.RNEXT:
			if p.explain {
				p.explained = 0
				return
			}
			p.mbox.advance()
			p.reductions++
			p.scans++
			budget--
			pc = int(in.A)
		case compile.RWAIT:
			if p.timedOut {
				p.timedOut = false
				p.waiting = false
				p.recvGen++
				pc = int(in.C)
				break
			}
			if in.A >= 0 {
				t := regs[in.A]
				if t != term.Infinity {
					if !t.IsSmallInt() || t.SmallInt() < 0 {
						exc = Raise(NewArgumentError("timeout value in receive ... after must be a non-negative integer or :infinity, got: " + term.Inspect(t)))
						break
					}
					if t.SmallInt() == 0 {
						pc = int(in.C)
						break
					}
					if !p.waiting {
						p.waiting = true
						v.addTimer(&timer{when: v.clock.Now() + t.SmallInt()*1e6, proc: p, gen: p.recvGen})
					}
				}
			}
			fr.pc = int(in.B)
			p.status = statusWaiting
			return

		case compile.TRY:
			p.handlers = append(p.handlers, handler{depth: len(p.frames), pc: int(in.A), regs: fr.base + int(in.B)})
		case compile.TRYEND:
			p.handlers = p.handlers[:len(p.handlers)-1]
		case compile.RERAISE:
			exc = p.raisedIn(int(in.A) + fr.base)
		case compile.GUARD:
			p.guardPC = int(in.A)
			p.guardTop = len(p.frames)
		case compile.GUARDEND:
			p.guardPC = -1
		case compile.MATCHERR:
			kind := code.Consts[in.B]
			if kind == atomCondClause {
				exc = Raise(NewCondClauseError())
			} else {
				exc = Raise(term.Tuple(kind, regs[in.A]))
			}
		case compile.FUNCERR:
			exc = v.functionClauseError(code, regs)
		case compile.DEFMOD:
			m := code.Modules[in.B]
			if v.install(m) {
				fmt.Fprintf(v.opts.Stderr, "warning: redefining module %s (current version defined in memory)\n  %s:%d\n\n", m.Name, m.File, m.Line)
			}
			regs[in.A] = term.Tuple(atomModule, m.Atom, term.String(""), code.Consts[in.C])
		case compile.NOP:
		default:
			panic(fmt.Sprintf("unknown opcode %v", in.Op))
		}

		if exc != nil {
			fr.pc = pc
			if p.guardPC >= 0 && p.guardTop == len(p.frames) {
				pc = p.guardPC
				p.guardPC = -1
				exc = nil
				continue
			}
			if !v.handle(p, exc) {
				return
			}
			exc = nil
			reload()
		}
	}
}

func copyArgs(args []term.Term) []term.Term {
	out := make([]term.Term, len(args))
	copy(out, args)
	return out
}

func cmpHolds(op compile.Opcode, c int) bool {
	switch op {
	case compile.EQ:
		return c == 0
	case compile.NE:
		return c != 0
	case compile.LT:
		return c < 0
	case compile.LE:
		return c <= 0
	case compile.GT:
		return c > 0
	}
	return c >= 0
}

func isType(x term.Term, code int) bool {
	switch code {
	case compile.TypeInt:
		return x.IsInt()
	case compile.TypeFloat:
		return x.IsFloat()
	case compile.TypeNumber:
		return x.IsNumber()
	case compile.TypeAtom:
		return x.IsAtom()
	case compile.TypeBoolean:
		return x == term.True || x == term.False
	case compile.TypeNil:
		return x == term.Nil
	case compile.TypeBinary:
		return x.IsBinary()
	case compile.TypeList:
		return x.IsList()
	case compile.TypeTuple:
		return x.IsTuple()
	case compile.TypeMap:
		return x.IsMap()
	case compile.TypeFun:
		return x.IsFun()
	case compile.TypePid:
		return x.IsPid()
	case compile.TypeRef:
		return x.IsRef()
	}
	return false
}

var (
	atomAnd        = term.Atom("and")
	atomOr         = term.Atom("or")
	atomBadmap     = term.Atom("badmap")
	atomBadkey     = term.Atom("badkey")
	atomCondClause = term.Atom("cond_clause")
	atomModule     = term.Atom("module")
)
