package syntax

// This file parses the bracketed forms: parentheses, lists, tuples,
// bitstrings, maps and structs, fn ... end, and the inside of strings.

// parseParen parses `(expr)`, a block `(a; b)`, or clauses `(a -> b)`
// as written in keyword forms such as `else: (:error -> nil)`; the
// clauses come back as a *List of *Clause, as Elixir's list of `->`.
func (p *parser) parseParen() Node {
	t := p.tok
	ctx := p.enter()
	p.next()
	block, clauses := p.parseBody(t.pos, func(t *token) bool { return t.is(")") || t.kind == tEOF })
	p.expect(")")
	p.leave(ctx)
	if clauses != nil {
		list := &List{Pos: t.pos}
		for _, c := range clauses {
			list.Elems = append(list.Elems, c)
		}
		return list
	}
	exprs := block.Exprs
	if len(exprs) == 1 {
		p.lastParen = exprs[0]
		return exprs[0]
	}
	return &Block{Pos: t.pos, Exprs: exprs}
}

// parseElems parses comma-separated elements up to the closing bracket
// (not consumed); trailing keywords come back as a keyword list.
func (p *parser) parseElems(close string) ([]Node, *List) {
	p.skipEOL()
	var elems []Node
	for !p.tok.is(close) {
		if p.tok.kind == tKw {
			return elems, p.parseKeywords(func(t *token) bool { return t.is(close) })
		}
		elems = append(elems, p.parseExpr())
		p.skipEOL()
		if !p.tok.is(",") {
			break
		}
		p.next()
		p.skipEOL()
	}
	return elems, nil
}

// parseList parses `[a, b]`, `[a | tail]` and `[k: v]`.
func (p *parser) parseList() Node {
	t := p.tok
	ctx := p.enter()
	p.next()
	elems, kw := p.parseElems("]")
	p.expect("]")
	p.leave(ctx)
	list := &List{Pos: t.pos, Elems: elems}
	if kw != nil {
		list.Elems = append(list.Elems, kw.Elems...)
	} else if n := len(elems); n > 0 {
		if b, ok := elems[n-1].(*BinaryOp); ok && b.Op == "|" && Node(b) != p.lastParen {
			elems[n-1] = b.L
			list.Tail = b.R
		}
	}
	return list
}

// parseTuple parses `{a, b}`; trailing keywords become a final list.
func (p *parser) parseTuple() Node {
	t := p.tok
	ctx := p.enter()
	p.next()
	elems, kw := p.parseElems("}")
	p.expect("}")
	p.leave(ctx)
	if kw != nil {
		if len(elems) == 0 {
			p.fail(kw.Pos, "syntax error before: %s", kw.Elems[0].(*Tuple).Elems[0].(*Atom).Name)
		}
		elems = append(elems, kw)
	}
	return &Tuple{Pos: t.pos, Elems: elems}
}

// parseBitstring parses `<<a, b::8>>` into a call of `<<>>`, as Elixir's
// quoted form does.
func (p *parser) parseBitstring() Node {
	t := p.tok
	ctx := p.enter()
	p.next()
	elems, kw := p.parseElems(">>")
	if kw != nil {
		elems = append(elems, kw)
	}
	p.expect(">>")
	p.leave(ctx)
	if elems == nil {
		elems = []Node{}
	}
	return &Call{Pos: t.pos, Name: "<<>>", Args: elems}
}

// parseMap parses `%{...}`, `%{m | ...}` and structs `%Name{...}`.
func (p *parser) parseMap() Node {
	pct := p.tok
	p.next()
	m := &Map{Pos: pct.pos}
	if !p.tok.is("{") {
		m.Struct = p.parseStructName()
	}
	if !p.tok.is("{") || p.tok.spaceBefore {
		p.unexpected()
	}
	ctx := p.enter()
	defer p.leave(ctx)
	p.next()
	p.skipEOL()
	var first Node
	if !p.tok.is("}") && p.tok.kind != tKw {
		// Parse above `|` first, to see whether this is an update.
		p.assocOK = true
		first = p.parseBinary(binaryOps["|"].prec + 1)
		p.assocOK = false
		if p.tok.is("|") {
			p.next()
			p.skipEOL()
			m.Update = first
			first = nil
		}
	}
	p.parseMapEntries(m, first)
	p.expect("}")
	return m
}

// parseStructName parses the name in `%Name{`: an alias, __MODULE__, a
// variable or a module attribute, possibly extended with `.Alias`.
func (p *parser) parseStructName() Node {
	t := p.tok
	var name Node
	switch {
	case t.kind == tAlias:
		name = &Alias{Pos: t.pos, Parts: []string{t.text}}
	case t.kind == tIdent && specialForms[t.text]:
		name = &Call{Pos: t.pos, Name: t.text, NoParens: true}
	case t.kind == tIdent:
		name = &Var{Pos: t.pos, Name: t.text}
	case t.is("@") && p.peek().kind == tIdent:
		p.next()
		name = &ModuleAttr{Pos: t.pos, Name: p.tok.text}
	default:
		p.unexpected()
	}
	p.next()
	for p.tok.is(".") && p.peek().kind == tAlias {
		p.next()
		if a, ok := name.(*Alias); ok {
			a.Parts = append(a.Parts, p.tok.text)
		} else {
			name = &Alias{Pos: name.Position(), Base: name, Parts: []string{p.tok.text}}
		}
		p.next()
	}
	return name
}

// parseMapEntries parses `k => v` and `k: v` entries up to the `}`;
// first, if not nil, is an already parsed first entry.
func (p *parser) parseMapEntries(m *Map, first Node) {
	for {
		e := first
		first = nil
		if e == nil {
			p.skipEOL()
			if p.tok.is("}") {
				return
			}
			if p.tok.kind == tKw {
				kw := p.parseKeywords(func(t *token) bool { return t.is("}") })
				for _, el := range kw.Elems {
					kv := el.(*Tuple)
					m.Pairs = append(m.Pairs, MapPair{Key: kv.Elems[0], Value: kv.Elems[1]})
				}
				return
			}
			p.assocOK = true
			e = p.parseExpr()
			p.assocOK = false
		}
		b, ok := e.(*BinaryOp)
		if !ok || b.Op != "=>" || Node(b) == p.lastParen {
			p.skipEOL()
			p.fail(p.tok.pos, "syntax error before: %s", describe(p.tok))
		}
		m.Pairs = append(m.Pairs, MapPair{Key: b.L, Value: b.R})
		p.skipEOL()
		if !p.tok.is(",") {
			return
		}
		p.next()
	}
}

// parseFn parses `fn clauses end`.
func (p *parser) parseFn() Node {
	t := p.tok
	ctx := p.enter()
	defer p.leave(ctx)
	p.next()
	_, clauses := p.parseBody(t.pos, isEnd)
	if p.tok.kind == tEOF {
		p.unexpected()
	}
	if clauses == nil {
		p.fail(t.pos, "expected anonymous functions to be defined with -> inside: 'fn'")
	}
	p.next()
	return &Fn{Pos: t.pos, Clauses: clauses}
}

// parseParts turns the parts of a string-like token into StringParts and
// the parsed expressions of its interpolations (a Block when an
// interpolation holds several expressions or none).
func (p *parser) parseParts(parts []strPart) []Node {
	var nodes []Node
	for _, part := range parts {
		if !part.interp {
			nodes = append(nodes, &StringPart{Pos: part.pos, Text: part.text})
			continue
		}
		saveToks, saveI := p.toks, p.i
		ctx := p.enter()
		p.toks, p.i = part.toks, 0
		p.tok = &p.toks[0]
		p.interp++
		exprs := p.parseExprs(func(t *token) bool { return t.kind == tEOF })
		p.interp--
		p.toks, p.i = saveToks, saveI
		p.tok = &p.toks[p.i]
		p.leave(ctx)
		if len(exprs) == 1 {
			nodes = append(nodes, exprs[0])
		} else {
			nodes = append(nodes, &Block{Pos: part.pos, Exprs: exprs})
		}
	}
	return nodes
}
