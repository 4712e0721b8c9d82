package compile

import (
	"goiex/vm/syntax"
	"goiex/vm/term"
)

// sections splits a call's arguments from its do/end block (or its
// do:/else: keyword form).
func (f *fnState) sections(n *syntax.Call) ([]syntax.Node, map[string]*syntax.Section) {
	if len(n.Args) == 0 {
		f.fail(n, "missing do block in %s", n.Name)
	}
	last := n.Args[len(n.Args)-1]
	secs := map[string]*syntax.Section{}
	switch b := last.(type) {
	case *syntax.DoBlock:
		for i := range b.Sections {
			s := &b.Sections[i]
			secs[s.Name] = s
		}
		return n.Args[:len(n.Args)-1], secs
	case *syntax.List:
		kw := true
		for _, e := range b.Elems {
			t, ok := e.(*syntax.Tuple)
			if !ok || len(t.Elems) != 2 {
				kw = false
				break
			}
			a, ok := t.Elems[0].(*syntax.Atom)
			if !ok {
				kw = false
				break
			}
			body := t.Elems[1]
			if cls, ok := clauseList(body); ok {
				secs[a.Name] = &syntax.Section{Pos: t.Pos, Name: a.Name, Clauses: cls}
				continue
			}
			blk, ok := body.(*syntax.Block)
			if !ok {
				blk = &syntax.Block{Pos: body.Position(), Exprs: []syntax.Node{body}}
			}
			secs[a.Name] = &syntax.Section{Pos: t.Pos, Name: a.Name, Body: blk}
		}
		if kw && secs["do"] != nil {
			return n.Args[:len(n.Args)-1], secs
		}
	}
	f.fail(n, "missing do block in %s", n.Name)
	return nil, nil
}

// clauses compiles `pattern when guard -> body` clauses against the
// value in reg; when none matches, code continues at noMatch.
func (f *fnState) clauses(cls []*syntax.Clause, reg, dst int, tail bool, end, noMatch int) {
	for _, cl := range cls {
		next := f.newLabel()
		f.push()
		mark := f.nextReg
		if len(cl.Args) != 1 {
			f.fail(cl, "expected one pattern in clause")
		}
		f.pattern(cl.Args[0], reg, next)
		f.guardExpr(cl.Guard, next)
		f.body(cl.Body, dst, tail)
		if !tail {
			f.jump(end)
		}
		f.pop()
		f.release(mark)
		f.mark(next)
	}
	f.jump(noMatch)
}

func (f *fnState) caseExpr(n *syntax.Call, dst int, tail bool) {
	args, secs := f.sections(n)
	if len(args) != 1 || secs["do"] == nil {
		f.fail(n, "invalid case")
	}
	mark := f.nextReg
	subject := f.alloc()
	f.value(args[0], subject)
	end, none := f.newLabel(), f.newLabel()
	f.clauses(secs["do"].Clauses, subject, dst, tail, end, none)
	f.mark(none)
	f.emit(MATCHERR, subject, f.konst(term.Atom("case_clause")), 0)
	f.mark(end)
	f.release(mark)
}

func (f *fnState) condExpr(n *syntax.Call, dst int, tail bool) {
	_, secs := f.sections(n)
	end := f.newLabel()
	for _, cl := range secs["do"].Clauses {
		next := f.newLabel()
		mark := f.nextReg
		t := f.alloc()
		f.value(cl.Args[0], t)
		f.emitL(JFALSY, t, 0, 0, 1, next)
		f.push()
		f.body(cl.Body, dst, tail)
		f.pop()
		if !tail {
			f.jump(end)
		}
		f.release(mark)
		f.mark(next)
	}
	f.emit(MATCHERR, dst, f.konst(term.Atom("cond_clause")), 0)
	f.mark(end)
}

func (f *fnState) ifExpr(n *syntax.Call, dst int, tail bool) {
	args, secs := f.sections(n)
	if len(args) != 1 {
		f.fail(n, "invalid arguments for %s", n.Name)
	}
	mark := f.nextReg
	c := f.operand(args[0])
	elseL, end := f.newLabel(), f.newLabel()
	then, other := secs["do"], secs["else"]
	if n.Name == "unless" {
		f.emitL(JTRUTHY, c, 0, 0, 1, elseL)
	} else {
		f.emitL(JFALSY, c, 0, 0, 1, elseL)
	}
	f.release(mark)
	f.sectionBody(then, dst, tail)
	if !tail {
		f.jump(end)
	}
	f.mark(elseL)
	f.sectionBody(other, dst, tail)
	f.mark(end)
}

func (f *fnState) sectionBody(s *syntax.Section, dst int, tail bool) {
	f.push()
	if s == nil {
		f.body(nil, dst, tail)
	} else {
		f.body(s.Body, dst, tail)
	}
	f.pop()
}

func (f *fnState) matchQ(n *syntax.Call, dst int, tail bool) {
	if len(n.Args) != 2 {
		f.localCall(n, dst, tail)
		return
	}
	mark := f.nextReg
	v := f.alloc()
	f.value(n.Args[1], v)
	no, end := f.newLabel(), f.newLabel()
	f.push()
	pat, guard := splitWhen(n.Args[0])
	f.pattern(pat, v, no)
	f.guardExpr(guard, no)
	f.pop()
	f.loadK(dst, term.True)
	f.jump(end)
	f.mark(no)
	f.loadK(dst, term.False)
	f.mark(end)
	f.release(mark)
	f.ret(dst, tail)
}

func splitWhen(n syntax.Node) (syntax.Node, syntax.Node) {
	if w, ok := n.(*syntax.BinaryOp); ok && w.Op == "when" {
		return w.L, w.R
	}
	return n, nil
}

// receiveExpr compiles receive: scan the mailbox from the oldest message;
// take the first message that matches any clause; otherwise wait.
func (f *fnState) receiveExpr(n *syntax.Call, dst int, tail bool) {
	_, secs := f.sections(n)
	mark := f.nextReg
	timeout := -1
	after := secs["after"]
	if after != nil {
		if len(after.Clauses) != 1 || len(after.Clauses[0].Args) != 1 {
			f.fail(after, "expected a single -> clause in after")
		}
		timeout = f.alloc()
		f.value(after.Clauses[0].Args[0], timeout)
	}
	msg := f.alloc()
	loop, wait, next, end, afterL := f.newLabel(), f.newLabel(), f.newLabel(), f.newLabel(), f.newLabel()
	var cls []*syntax.Clause
	if do := secs["do"]; do != nil {
		cls = do.Clauses
	}
	filter := 0
	rf := f.recvFilter(cls)
	if refs := f.recvRefRegs(cls); refs != nil {
		if rf == nil {
			rf = &RecvFilter{}
		}
		rf.RefRegs = refs
	}
	if rf != nil {
		f.code.Filters = append(f.code.Filters, rf)
		filter = len(f.code.Filters)
	}
	f.emit(RSTART, filter, 0, 0)
	f.mark(loop)
	f.emitL(RPEEK, msg, 0, filter, 1, wait)
	for i, cl := range cls {
		clauseNo := i + 1
		nextClause := f.newLabel()
		f.push()
		cm := f.nextReg
		f.pattern(cl.Args[0], msg, nextClause)
		f.guardExpr(cl.Guard, nextClause)
		f.emit(RACCEPT, clauseNo, 0, 0)
		f.body(cl.Body, dst, tail)
		if !tail {
			f.jump(end)
		}
		f.pop()
		f.release(cm)
		f.mark(nextClause)
	}
	f.mark(next)
	f.emitL(RNEXT, 0, 0, 0, 0, loop)
	f.mark(wait)
	f.emitL(RWAIT, timeout, 0, 0, 1, loop)
	f.patches = append(f.patches, patch{len(f.code.Instrs) - 1, 2, afterL})
	f.mark(afterL)
	if after != nil {
		f.push()
		f.body(after.Clauses[0].Body, dst, tail)
		f.pop()
	} else {
		f.body(nil, dst, tail)
	}
	f.mark(end)
	f.release(mark)
}

// clauseList recognises `(pattern -> body)` clauses written in a keyword
// argument, which the parser gives as a list of *Clause.
func clauseList(n syntax.Node) ([]*syntax.Clause, bool) {
	l, ok := n.(*syntax.List)
	if !ok || len(l.Elems) == 0 {
		return nil, false
	}
	out := make([]*syntax.Clause, len(l.Elems))
	for i, e := range l.Elems {
		c, ok := e.(*syntax.Clause)
		if !ok {
			return nil, false
		}
		out[i] = c
	}
	return out, true
}

// recvFilter describes what a receive's clauses can match, when every
// clause is a tagged tuple or a constant; nil when any clause could take
// other messages.
func (f *fnState) recvFilter(cls []*syntax.Clause) *RecvFilter {
	if len(cls) == 0 {
		return nil
	}
	rf := &RecvFilter{}
	for _, cl := range cls {
		pat := cl.Args[0]
		for {
			if b, ok := pat.(*syntax.BinaryOp); ok && b.Op == "=" {
				if _, isVar := b.L.(*syntax.Var); isVar {
					pat = b.R
					continue
				}
				pat = b.L
				continue
			}
			break
		}
		size := 0
		if t, ok := pat.(*syntax.Tuple); ok && len(t.Elems) > 0 {
			size, pat = len(t.Elems), t.Elems[0]
		}
		if u, ok := pat.(*syntax.UnaryOp); ok && u.Op == "^" {
			r, ok := f.lookupLocal(varName(u.X))
			if !ok {
				return nil
			}
			rf.Shapes = append(rf.Shapes, RecvShape{Size: size, TagReg: r})
			continue
		}
		k, ok := f.constant(pat)
		if !ok {
			return nil
		}
		rf.Shapes = append(rf.Shapes, RecvShape{Size: size, Tag: k, TagReg: -1})
	}
	return rf
}

// recvRefRegs finds, for every clause, the register of a variable its
// pattern pins (^ref); nil if some clause pins nothing.
func (f *fnState) recvRefRegs(cls []*syntax.Clause) []int {
	if len(cls) == 0 {
		return nil
	}
	regs := make([]int, 0, len(cls))
	for _, cl := range cls {
		found := -1
		walk(cl.Args[0], func(n syntax.Node) bool {
			if found >= 0 {
				return false
			}
			if u, ok := n.(*syntax.UnaryOp); ok && u.Op == "^" {
				if r, ok := f.lookupLocal(varName(u.X)); ok {
					found = r
				}
				return false
			}
			return true
		})
		if found < 0 {
			return nil
		}
		regs = append(regs, found)
	}
	return regs
}
