package syntax

import "fmt"

// maxDepth bounds the nesting of expressions, so that hostile input gets
// a syntax error instead of overflowing the Go stack.
const maxDepth = 1000

// Parse parses the Elixir source src (named filename in errors) and
// returns its top-level expressions. The error, if any, is an *Error;
// its Incomplete field tells a shell that more input could complete it.
func Parse(filename string, src []byte) (*Block, error) {
	toks, lerr := lex(filename, src)
	if lerr != nil {
		return nil, lerr
	}
	p := &parser{file: filename, src: src, toks: toks}
	block, err := p.parseFile()
	if err != nil {
		return nil, err
	}
	return block, nil
}

// parser is a recursive-descent parser with precedence climbing for the
// operators. Errors unwind the recursion with a panic of *Error that
// parseFile recovers; any other panic is a bug and propagates.
type parser struct {
	file string
	src  []byte
	toks []token
	i    int    // index of the current token in toks
	tok  *token // toks[i]

	depth int

	// noDo is set while parsing the arguments of a call without
	// parentheses: a do-block after them belongs to that outer call, as
	// in `if foo x do ... end`. Brackets and fn reset it.
	noDo bool
	// assocOK allows `=>` (only at the top of a map entry).
	assocOK bool
	// interp is set while parsing an interpolation, whose end is not the
	// end of the input.
	interp int
	// lastParen is the latest parenthesised expression, which `!a in b`
	// rewriting must leave alone.
	lastParen Node
}

// context is the part of the parser state that brackets reset.
type context struct {
	noDo, assocOK bool
}

// enter resets the bracket-sensitive state for a nested construct and
// returns what leave must restore.
func (p *parser) enter() context {
	c := context{p.noDo, p.assocOK}
	p.noDo, p.assocOK = false, false
	return c
}

func (p *parser) leave(c context) { p.noDo, p.assocOK = c.noDo, c.assocOK }

func (p *parser) parseFile() (block *Block, err *Error) {
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(*Error)
			if !ok {
				panic(r)
			}
			block, err = nil, e
		}
	}()
	p.i = 0
	p.tok = &p.toks[0]
	exprs := p.parseExprs(func(t *token) bool { return t.kind == tEOF })
	return &Block{Pos: Pos{1, 1}, Exprs: exprs}, nil
}

// next moves to the next token (staying on the final tEOF).
func (p *parser) next() {
	if p.i < len(p.toks)-1 {
		p.i++
		p.tok = &p.toks[p.i]
	}
}

// peek returns the token after the current one.
func (p *parser) peek() *token {
	if p.i+1 < len(p.toks) {
		return &p.toks[p.i+1]
	}
	return p.tok
}

func (p *parser) skipEOL() {
	for p.tok.kind == tEOL {
		p.next()
	}
}

// fail reports a syntax error at pos.
func (p *parser) fail(pos Pos, format string, args ...any) {
	panic(newError(p.file, p.src, pos, false, format, args...))
}

// unexpected reports the current token as unexpected. At the end of the
// input that means the expression is incomplete.
func (p *parser) unexpected() {
	t := p.tok
	if t.kind == tEOF {
		pos := t.pos
		if p.i > 0 {
			pos = p.toks[p.i-1].pos
		}
		// Inside an interpolation the string is already closed, so more
		// input cannot help: the message is Elixir's but not Incomplete.
		panic(newError(p.file, p.src, pos, p.interp == 0, "syntax error: expression is incomplete"))
	}
	switch {
	case t.isReserved("end"):
		p.fail(t.pos, "unexpected reserved word: end")
	case t.kind == tOp && isCloser(t.text):
		p.fail(t.pos, "unexpected token: %s", t.text)
	}
	p.fail(t.pos, "syntax error before: %s", describe(t))
}

// describe renders a token the way Elixir's "syntax error before:" does.
func describe(t *token) string {
	switch t.kind {
	case tOp:
		return "'" + t.text + "'"
	case tInt, tFloat:
		return fmt.Sprintf("%q", t.text)
	case tAtom:
		return ":" + t.text
	case tKw:
		return t.text
	case tString, tCharlist, tSigil:
		if len(t.parts) == 1 && !t.parts[0].interp {
			return fmt.Sprintf("%q", t.parts[0].text)
		}
		return t.kind.String()
	case tEOL:
		return "eol"
	case tEOF:
		return "'}'"
	case tCapture:
		return "'&'"
	}
	return t.text
}

// expect consumes the operator or punctuation op.
func (p *parser) expect(op string) Pos {
	p.skipEOL()
	if !p.tok.is(op) {
		p.unexpected()
	}
	pos := p.tok.pos
	p.next()
	return pos
}

// parseExprs parses expressions separated by newlines or `;` up to a
// token for which stop is true (not consumed).
func (p *parser) parseExprs(stop func(*token) bool) []Node {
	var exprs []Node
	p.skipEOL()
	for !stop(p.tok) {
		exprs = append(exprs, p.parseExpr())
		p.endOfExpr(stop)
	}
	return exprs
}

// endOfExpr requires a separator or the end of the enclosing block after
// an expression.
func (p *parser) endOfExpr(stop func(*token) bool) {
	if p.tok.kind == tEOL {
		p.skipEOL()
		return
	}
	if !stop(p.tok) {
		p.unexpected()
	}
}

// isSectionEnd reports whether t ends a do-block section.
func isSectionEnd(t *token) bool {
	if t.kind != tReserved {
		return t.kind == tEOF
	}
	switch t.text {
	case "end", "else", "after", "catch", "rescue":
		return true
	}
	return false
}

func isEnd(t *token) bool { return t.isReserved("end") || t.kind == tEOF }

// parseBody parses the inside of a do-block section or a fn: either plain
// expressions (returned as a Block) or `head -> body` clauses. A clause
// body runs until the next line that turns out to be a clause head,
// which is only known when its `->` is reached.
func (p *parser) parseBody(pos Pos, stop func(*token) bool) (*Block, []*Clause) {
	block := &Block{Pos: pos}
	var clauses []*Clause
	p.skipEOL()
	for !stop(p.tok) {
		start := p.tok.pos
		var head []Node
		var guard Node
		isHead := false
		switch {
		case p.tok.is("->"):
			isHead = true
		case p.tok.is("(") && p.parenHeadAhead():
			head, guard = p.parseParenHead()
			isHead = true
		default:
			head = []Node{p.parseExpr()}
			for p.tok.is(",") {
				p.next()
				p.skipEOL()
				head = append(head, p.parseExpr())
			}
			isHead = p.tok.is("->")
			if !isHead && len(head) > 1 {
				p.fail(p.tok.pos, "syntax error before: %s", describe(p.tok))
			}
		}
		if isHead {
			if len(block.Exprs) > 0 && clauses == nil {
				p.fail(p.tok.pos, "syntax error before: '->'")
			}
			p.expect("->")
			if guard == nil && len(head) > 0 {
				if w, ok := head[len(head)-1].(*BinaryOp); ok && w.Op == "when" {
					head[len(head)-1] = w.L
					guard = w.R
				}
			}
			if head == nil {
				head = []Node{}
			}
			clauses = append(clauses, &Clause{Pos: start, Args: head, Guard: guard, Body: &Block{Pos: p.tok.pos}})
			p.skipEOL()
			continue
		}
		if clauses != nil {
			body := clauses[len(clauses)-1].Body
			body.Exprs = append(body.Exprs, head[0])
		} else {
			block.Exprs = append(block.Exprs, head[0])
		}
		p.endOfExpr(stop)
	}
	if clauses != nil {
		return nil, clauses
	}
	return block, nil
}

// parenHeadAhead reports whether the `(` at the current token closes
// with `)` followed by `->` or `when`: a parenthesised clause head such
// as `fn (a, b) -> ... end`.
func (p *parser) parenHeadAhead() bool {
	depth := 0
	for j := p.i; j < len(p.toks); j++ {
		t := &p.toks[j]
		if t.kind != tOp {
			if t.kind == tEOF {
				return false
			}
			continue
		}
		switch t.text {
		case "(", "[", "{", "<<":
			depth++
		case ")", "]", "}", ">>":
			depth--
			if depth == 0 {
				if j+1 < len(p.toks) {
					n := &p.toks[j+1]
					return n.is("->") || n.is("when")
				}
				return false
			}
		}
	}
	return false
}

// parseParenHead parses `(a, b) when guard` before a `->`.
func (p *parser) parseParenHead() ([]Node, Node) {
	ctx := p.enter()
	p.next()
	p.skipEOL()
	args := []Node{}
	for !p.tok.is(")") {
		args = append(args, p.parseExpr())
		p.skipEOL()
		if !p.tok.is(",") {
			break
		}
		p.next()
		p.skipEOL()
	}
	p.expect(")")
	p.leave(ctx)
	var guard Node
	if p.tok.is("when") {
		p.next()
		guard = p.parseExpr()
	}
	return args, guard
}

// parseDoBlock parses `do ... end` with its else/after/rescue/catch
// sections.
func (p *parser) parseDoBlock() *DoBlock {
	ctx := p.enter()
	defer p.leave(ctx)
	db := &DoBlock{Pos: p.tok.pos}
	name := "do"
	for {
		pos := p.tok.pos
		p.next()
		body, clauses := p.parseBody(pos, isSectionEnd)
		db.Sections = append(db.Sections, Section{Pos: pos, Name: name, Body: body, Clauses: clauses})
		if p.tok.kind == tEOF {
			p.unexpected()
		}
		if p.tok.isReserved("end") {
			p.next()
			return db
		}
		name = p.tok.text
	}
}

// maybeDoBlock attaches a following do-block to call c, unless c is
// itself an argument of a call without parentheses.
func (p *parser) maybeDoBlock(c *Call) {
	if !p.noDo && p.tok.isReserved("do") {
		c.Args = append(c.Args, p.parseDoBlock())
	}
}
