package compile

import (
	"goiex/vm/syntax"
	"goiex/vm/term"
)

var arithOps = map[string]Opcode{
	"+": ADD, "-": SUB, "*": MUL, "/": FDIV,
	"==": EQ, "!=": NE, "===": EQX, "!==": NEX,
	"<": LT, "<=": LE, ">": GT, ">=": GE,
	"<>": BCAT, "++": LCAT,
}

// remoteOps are operators that are plain function calls.
var remoteOps = map[string][2]string{
	"--": {":erlang", "--"},
	"**": {"Kernel", "**"},
}

func (f *fnState) binary(n *syntax.BinaryOp, dst int, tail bool) {
	switch n.Op {
	case "=":
		f.match(n, dst)
		f.ret(dst, tail)
		return
	case "|>":
		f.expr(pipe(n), dst, tail)
		return
	case "and", "or":
		end := f.newLabel()
		f.value(n.L, dst)
		f.emitL(JNOTBOOL, dst, 0, f.konst(term.Atom(n.Op)), 1, end)
		f.value(n.R, dst)
		f.mark(end)
		f.ret(dst, tail)
		return
	case "&&", "||":
		end := f.newLabel()
		f.value(n.L, dst)
		op := JFALSY
		if n.Op == "||" {
			op = JTRUTHY
		}
		f.emitL(op, dst, 0, 0, 1, end)
		f.value(n.R, dst)
		f.mark(end)
		f.ret(dst, tail)
		return
	case "in", "not in":
		f.in(n, dst)
		if n.Op == "not in" {
			f.emit(NOT, dst, dst, 0)
		}
		f.ret(dst, tail)
		return
	case "when", "<-", "\\\\", "::", "|", "=>":
		f.fail(n, "unexpected operator %s", n.Op)
	}
	if op, ok := arithOps[n.Op]; ok {
		mark := f.nextReg
		if op == ADD || op == SUB {
			if k, ok := smallInt(n.R); ok {
				if op == SUB {
					k = -k
				}
				x := f.operand(n.L)
				f.emit(ADDI, dst, x, int(k))
				f.release(mark)
				f.ret(dst, tail)
				return
			}
		}
		x := f.operand(n.L)
		y := f.operand(n.R)
		f.emit(op, dst, x, y)
		f.release(mark)
		f.ret(dst, tail)
		return
	}
	if mf, ok := remoteOps[n.Op]; ok {
		mark := f.nextReg
		f.callRemote(mf[0], mf[1], []int{f.operand(n.L), f.operand(n.R)}, dst, tail)
		f.release(mark)
		return
	}
	f.fail(n, "unsupported operator %s", n.Op)
}

func smallInt(n syntax.Node) (int64, bool) {
	i, ok := n.(*syntax.Int)
	if !ok || i.Big != nil || i.Value > 1<<30 || i.Value < -(1<<30) {
		return 0, false
	}
	return i.Value, true
}

// pipe rewrites `x |> f(a)` into f(x, a).
func pipe(n *syntax.BinaryOp) syntax.Node {
	switch r := n.R.(type) {
	case *syntax.Call:
		c := *r
		c.Args = append([]syntax.Node{n.L}, r.Args...)
		c.NoParens = false
		return &c
	case *syntax.Var:
		return &syntax.Call{Pos: r.Pos, Name: r.Name, Args: []syntax.Node{n.L}}
	}
	return &syntax.Call{Pos: n.Pos, Name: "|>", Args: []syntax.Node{n.L, n.R}}
}

// in compiles `x in right`: a literal list or range is expanded into
// comparisons (as Elixir does, so it works in guards); anything else
// becomes Enum.member?/2.
func (f *fnState) in(n *syntax.BinaryOp, dst int) {
	mark := f.nextReg
	if _, isList := n.R.(*syntax.List); !isList {
		// A module attribute holding a list works in guards too.
		if t, ok := f.constant(n.R); ok {
			if elems, proper := term.ListToSlice(t); proper {
				x := f.operand(n.L)
				end := f.newLabel()
				f.loadK(dst, term.False)
				k := f.alloc()
				for _, e := range elems {
					f.loadK(k, e)
					f.emit(EQX, dst, x, k)
					f.emitL(JTRUTHY, dst, 0, 0, 1, end)
				}
				f.mark(end)
				f.release(mark)
				return
			}
		}
	}
	switch r := n.R.(type) {
	case *syntax.List:
		if r.Tail == nil {
			x := f.operand(n.L)
			end := f.newLabel()
			f.loadK(dst, term.False)
			for _, e := range r.Elems {
				y := f.operand(e)
				f.emit(EQX, dst, x, y)
				f.emitL(JTRUTHY, dst, 0, 0, 1, end)
			}
			f.mark(end)
			f.release(mark)
			return
		}
	case *syntax.Range:
		if r.Step == nil {
			x := f.operand(n.L)
			lo, hi := f.operand(r.First), f.operand(r.Last)
			end := f.newLabel()
			f.emit(ISTYPE, dst, x, TypeInt)
			f.emitL(JFALSY, dst, 0, 0, 1, end)
			t := f.alloc()
			// first..last with first > last counts down in Elixir 1.14.
			lo2, hi2 := f.alloc(), f.alloc()
			f.emit(MOVE, lo2, lo, 0)
			f.emit(MOVE, hi2, hi, 0)
			ordered := f.newLabel()
			f.emit(LE, t, lo, hi)
			f.emitL(JTRUTHY, t, 0, 0, 1, ordered)
			f.emit(MOVE, lo2, hi, 0)
			f.emit(MOVE, hi2, lo, 0)
			f.mark(ordered)
			f.emit(GE, dst, x, lo2)
			f.emitL(JFALSY, dst, 0, 0, 1, end)
			f.emit(LE, dst, x, hi2)
			f.mark(end)
			f.release(mark)
			return
		}
	}
	if f.guard {
		f.fail(n, "invalid right argument for operator \"in\", it expects a compile-time proper list or compile-time range on the right side when used in guard expressions")
	}
	x := f.operand(n.L)
	y := f.operand(n.R)
	f.callRemote("Enum", "member?", []int{y, x}, dst, false)
	f.release(mark)
}

func (f *fnState) unary(n *syntax.UnaryOp, dst int) {
	if t, ok := f.constant(n); ok {
		f.loadK(dst, t)
		return
	}
	mark := f.nextReg
	switch n.Op {
	case "-":
		f.emit(NEG, dst, f.operand(n.X), 0)
	case "+":
		f.value(n.X, dst)
	case "!":
		f.emit(BANG, dst, f.operand(n.X), 0)
	case "not":
		f.emit(NOT, dst, f.operand(n.X), 0)
	case "^":
		f.fail(n, "cannot use ^%s outside of match clauses", varName(n.X))
	case "&":
		f.capture(&syntax.Capture{Pos: n.Pos, Expr: n.X}, dst)
	default:
		f.fail(n, "unsupported unary operator %s", n.Op)
	}
	f.release(mark)
}

func varName(n syntax.Node) string {
	if v, ok := n.(*syntax.Var); ok {
		return v.Name
	}
	return "expression"
}
