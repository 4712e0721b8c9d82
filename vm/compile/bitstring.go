package compile

import (
	"goiex/vm/syntax"
	"goiex/vm/term"
)

// segment is one `value::type` part of <<…>>.
type segment struct {
	value syntax.Node
	kind  int
}

// segments reads the parts of <<…>>: binary, utf8 and the default
// 8-bit integer are what goiex supports.
func (f *fnState) segments(n *syntax.Call) []segment {
	out := make([]segment, 0, len(n.Args))
	for _, a := range n.Args {
		seg := segment{value: a, kind: SegByte}
		if op, ok := a.(*syntax.BinaryOp); ok && op.Op == "::" {
			seg.value = op.L
			switch t := op.R.(type) {
			case *syntax.Var:
				switch t.Name {
				case "binary", "bytes", "bitstring", "bits":
					seg.kind = SegBinary
				case "utf8":
					seg.kind = SegUTF8
				case "integer":
				default:
					f.fail(op, "bitstring segment type %s is not supported by goiex", t.Name)
				}
			case *syntax.Call:
				if !(t.Name == "size" && len(t.Args) == 1 && isInt(t.Args[0], 8)) {
					f.fail(op, "bitstring segment %s is not supported by goiex", t.Name)
				}
			case *syntax.Int:
				if t.Value != 8 {
					f.fail(op, "only 8-bit integer segments are supported by goiex")
				}
			default:
				f.fail(op, "unsupported bitstring segment")
			}
		} else if _, ok := a.(*syntax.String); ok {
			seg.kind = SegBinary
		}
		out = append(out, seg)
	}
	return out
}

func isInt(n syntax.Node, v int64) bool {
	i, ok := n.(*syntax.Int)
	return ok && i.Big == nil && i.Value == v
}

// bitstring builds <<…>> from its segments.
func (f *fnState) bitstring(n *syntax.Call, dst int, tail bool) {
	mark := f.nextReg
	acc := f.alloc()
	f.loadK(acc, term.String(""))
	for _, s := range f.segments(n) {
		x := f.operand(s.value)
		f.emit(BINPUT, acc, x, s.kind)
	}
	f.emit(MOVE, dst, acc, 0)
	f.release(mark)
	f.ret(dst, tail)
}

// bitstringPattern matches <<"prefix", c::utf8, byte, rest::binary>>.
func (f *fnState) bitstringPattern(n *syntax.Call, reg, fail int, ps *patternState) {
	segs := f.segments(n)
	cur := reg
	for i, s := range segs {
		last := i == len(segs)-1
		if s.kind == SegBinary {
			if lit, ok := f.constant(s.value); ok && lit.IsBinary() {
				f.emitL(TBINPRE, cur, f.konst(lit), 0, 2, fail)
				t := f.alloc()
				f.emit(BINREST, t, cur, len(lit.Str()))
				cur = t
				continue
			}
			if !last {
				f.fail(s.value, "a binary segment without a size must be the last one in a pattern")
			}
			f.patternIn(s.value, cur, fail, ps)
			return
		}
		out := f.allocN(2)
		f.emitL(BINSEG, out, cur, 0, 2, fail)
		f.emit(NOP, s.kind, 0, 0)
		f.patternIn(s.value, out, fail, ps)
		cur = out + 1
	}
	f.emitL(TEQK, cur, f.konst(term.String("")), 0, 2, fail)
}
