package syntax

// opInfo is a binary operator's precedence (higher binds tighter) and
// associativity, from Elixir's elixir_parser.yrl.
type opInfo struct {
	prec  int
	right bool
}

var binaryOps = map[string]opInfo{
	`\\`: {40, false}, "<-": {40, false},
	"when": {50, true},
	"::":   {60, true},
	"|":    {70, true},
	"=>":   {80, true},
	"=":    {100, true},
	"||":   {120, false}, "|||": {120, false}, "or": {120, false},
	"&&": {130, false}, "&&&": {130, false}, "and": {130, false},
	"==": {140, false}, "!=": {140, false}, "=~": {140, false}, "===": {140, false}, "!==": {140, false},
	"<": {150, false}, ">": {150, false}, "<=": {150, false}, ">=": {150, false},
	"|>": {160, false}, "<<<": {160, false}, ">>>": {160, false}, "<<~": {160, false}, "~>>": {160, false},
	"<~": {160, false}, "~>": {160, false}, "<~>": {160, false}, "<|>": {160, false},
	"in": {170, false}, "not in": {170, false},
	"^^^": {180, false},
	"//":  {190, true},
	"++":  {200, true}, "--": {200, true}, "+++": {200, true}, "---": {200, true}, "<>": {200, true}, "..": {200, true},
	"+": {210, false}, "-": {210, false},
	"*": {220, false}, "/": {220, false},
	"**": {230, false},
}

// captureOperandPrec is the precedence the operand of `&` is parsed at:
// & binds looser than everything from `=` up (`&a + 1` is `&(a + 1)`).
const captureOperandPrec = 91

func (p *parser) parseExpr() Node { return p.parseBinary(0) }

// parseBinary parses operators of precedence minPrec and above.
func (p *parser) parseBinary(minPrec int) Node {
	left := p.parseUnary()
	for {
		t := p.tok
		if t.kind != tOp {
			return left
		}
		info, ok := binaryOps[t.text]
		if !ok || info.prec < minPrec || t.text == "=>" && !p.assocOK {
			return left
		}
		op, pos := t.text, t.pos
		p.next()
		p.skipEOL()
		nextMin := info.prec + 1
		if info.right {
			nextMin = info.prec
		}
		saved := p.assocOK
		p.assocOK = false
		p.nest()
		right := p.parseBinary(nextMin)
		p.depth--
		p.assocOK = saved
		left = p.binary(pos, op, left, right)
	}
}

// binary builds the node for `left op right`.
func (p *parser) binary(pos Pos, op string, left, right Node) Node {
	switch op {
	case "..":
		return &Range{Pos: pos, First: left, Last: right}
	case "//":
		if r, ok := left.(*Range); ok && r.Step == nil && left != p.lastParen {
			r.Step = right
			return r
		}
		p.fail(pos, "the range step operator (//) must immediately follow the range definition operator (..), for example: 1..9//2. If you wanted to define a default argument, use (\\\\) instead. Syntax error before: '//'")
	case "in", "not in":
		// `!a in b` and `not a in b` mean `!(a in b)`, as in Elixir.
		if u, ok := left.(*UnaryOp); ok && (u.Op == "!" || u.Op == "not") && left != p.lastParen {
			return &UnaryOp{Pos: u.Pos, Op: u.Op, X: &BinaryOp{Pos: pos, Op: op, L: u.X, R: right}}
		}
	}
	return &BinaryOp{Pos: pos, Op: op, L: left, R: right}
}

// parseUnary parses prefix operators and then a postfix expression.
func (p *parser) parseUnary() Node {
	p.nest()
	defer func() { p.depth-- }()
	t := p.tok
	if t.kind == tOp {
		switch t.text {
		case "-", "+", "!", "^", "not", "~~~":
			p.next()
			p.skipEOL()
			return &UnaryOp{Pos: t.pos, Op: t.text, X: p.parseUnary()}
		case "&":
			p.next()
			p.skipEOL()
			if op := p.tok; op.kind == tOp && p.peek().is("/") && isOperatorName(op.text) {
				// &+/2 captures the operator function, named like a variable.
				p.next()
				slash := p.tok
				p.next()
				return &Capture{Pos: t.pos, Expr: &BinaryOp{Pos: slash.pos, Op: "/", L: &Var{Pos: op.pos, Name: op.text}, R: p.parseUnary()}}
			}
			return &Capture{Pos: t.pos, Expr: p.parseBinary(captureOperandPrec)}
		}
	}
	return p.parsePostfix(p.parsePrimary())
}

// nest counts one more level of nesting; the caller decrements depth.
func (p *parser) nest() {
	p.depth++
	if p.depth > maxDepth {
		p.fail(p.tok.pos, "expression nested too deeply (over %d levels)", maxDepth)
	}
}

// parsePrimary parses an operand: a literal, name, call or container.
func (p *parser) parsePrimary() Node {
	t := p.tok
	switch t.kind {
	case tInt:
		p.next()
		if t.extra != nil {
			return &Int{Pos: t.pos, Big: t.extra.big}
		}
		return &Int{Pos: t.pos, Value: t.ival}
	case tFloat:
		p.next()
		return &Float{Pos: t.pos, Value: t.extra.fval}
	case tAtom:
		p.next()
		return p.atom(t)
	case tLiteralWord:
		p.next()
		return &Atom{Pos: t.pos, Name: t.text}
	case tString:
		p.next()
		return &String{Pos: t.pos, Parts: p.parseParts(t.parts)}
	case tCharlist:
		p.next()
		return &Charlist{Pos: t.pos, Parts: p.parseParts(t.parts)}
	case tSigil:
		p.next()
		return &Sigil{Pos: t.pos, Letter: t.extra.sigil, Parts: p.parseParts(t.parts), Modifiers: t.extra.mods}
	case tCapture:
		p.next()
		return &CaptureArg{Pos: t.pos, N: int(t.ival)}
	case tAlias:
		p.next()
		return &Alias{Pos: t.pos, Parts: []string{t.text}}
	case tIdent:
		return p.parseIdent()
	case tReserved:
		if t.text == "fn" {
			return p.parseFn()
		}
	case tOp:
		switch t.text {
		case "(":
			return p.parseParen()
		case "[":
			return p.parseList()
		case "{":
			return p.parseTuple()
		case "<<":
			return p.parseBitstring()
		case "%":
			return p.parseMap()
		case "@":
			return p.parseAttr()
		}
	}
	p.unexpected()
	return nil
}

// atom builds an atom, or for an interpolated quoted atom the call that
// makes it at runtime (:erlang.binary_to_atom(string, :utf8)), as Elixir.
func (p *parser) atom(t *token) Node {
	if t.parts == nil {
		return &Atom{Pos: t.pos, Name: t.text}
	}
	return &Call{Pos: t.pos, Target: &Atom{Pos: t.pos, Name: "erlang"}, Name: "binary_to_atom",
		Args: []Node{&String{Pos: t.pos, Parts: p.parseParts(t.parts)}, &Atom{Pos: t.pos, Name: "utf8"}}}
}

// specialForms are the names that read like variables but are calls.
var specialForms = map[string]bool{
	"__MODULE__": true, "__ENV__": true, "__DIR__": true, "__CALLER__": true, "__STACKTRACE__": true,
}

// parseIdent parses a variable or a local call, with or without
// parentheses, and a do-block after it.
func (p *parser) parseIdent() Node {
	t := p.tok
	p.next()
	if specialForms[t.text] {
		return &Call{Pos: t.pos, Name: t.text, NoParens: true}
	}
	if c := p.callAfterName(t.pos, nil, t.text); c != nil {
		return c
	}
	return &Var{Pos: t.pos, Name: t.text}
}

// callAfterName parses what makes the name just read a call: arguments
// in parentheses, arguments without parentheses, or a do-block. It
// returns nil when the name stands alone.
func (p *parser) callAfterName(pos Pos, target Node, name string) *Call {
	c := &Call{Pos: pos, Target: target, Name: name}
	switch {
	case p.tok.is("(") && !p.tok.spaceBefore:
		c.Args = p.parseCallArgs()
	case p.tok.isReserved("do") && !p.noDo:
	case p.startsNoParensArg():
		c.Args = p.parseNoParensArgs()
	default:
		return nil
	}
	p.maybeDoBlock(c)
	return c
}

// startsNoParensArg reports whether the current token, following a name,
// begins the first argument of a call without parentheses. Elixir
// decides by spacing: `foo [1]` passes a list but `foo[1]` is access,
// `foo -1` passes -1 but `foo - 1` subtracts.
func (p *parser) startsNoParensArg() bool {
	t := p.tok
	if !t.spaceBefore {
		return false
	}
	switch t.kind {
	case tInt, tFloat, tAtom, tKw, tIdent, tAlias, tString, tCharlist, tSigil, tCapture, tLiteralWord:
		return true
	case tReserved:
		return t.text == "fn"
	case tOp:
		switch t.text {
		case "(", "[", "{", "<<", "%", "@", "&", "!", "^", "not", "~~~":
			return true
		case "-", "+":
			return !t.spaceAfter
		}
	}
	return false
}

// parseNoParensArgs parses `a, b, k: v` after a name; a do-block that
// follows belongs to the call these are arguments of.
func (p *parser) parseNoParensArgs() []Node {
	saved := p.noDo
	p.noDo = true
	defer func() { p.noDo = saved }()
	var args []Node
	for {
		if p.tok.kind == tKw {
			return append(args, p.parseKeywords(nil))
		}
		args = append(args, p.parseExpr())
		if !p.tok.is(",") {
			return args
		}
		p.next()
		p.skipEOL()
	}
}

// parseCallArgs parses `(a, b, k: v)`.
func (p *parser) parseCallArgs() []Node {
	ctx := p.enter()
	defer p.leave(ctx)
	p.next()
	p.skipEOL()
	args := []Node{}
	for !p.tok.is(")") {
		if p.tok.kind == tKw {
			args = append(args, p.parseKeywords(func(t *token) bool { return t.is(")") }))
			break
		}
		args = append(args, p.parseExpr())
		p.skipEOL()
		if !p.tok.is(",") {
			break
		}
		p.next()
		p.skipEOL()
	}
	p.expect(")")
	return args
}

// parseKeywords parses `k: v, k2: v2` into a keyword list. close, when
// not nil, recognises the closing bracket (a trailing comma is allowed
// before it).
func (p *parser) parseKeywords(close func(*token) bool) *List {
	list := &List{Pos: p.tok.pos}
	for {
		k := p.tok
		if k.kind != tKw {
			p.unexpected()
		}
		p.next()
		p.skipEOL()
		var key Node = &Atom{Pos: k.pos, Name: k.text}
		if k.parts != nil {
			key = p.atom(&token{pos: k.pos, parts: k.parts})
		}
		list.Elems = append(list.Elems, &Tuple{Pos: k.pos, Elems: []Node{key, p.parseExpr()}})
		if close != nil {
			p.skipEOL()
		}
		if !p.tok.is(",") {
			return list
		}
		comma := p.tok
		p.next()
		p.skipEOL()
		if close != nil && close(p.tok) {
			return list
		}
		if p.tok.kind != tKw {
			p.fail(comma.pos, "unexpected expression after keyword list. Keyword lists must always come as the last argument. Therefore, this is not allowed:\n    function_call(1, some: :option, 2)\nInstead, wrap the keyword in brackets:\n    function_call(1, [some: :option], 2)\nSyntax error after: ','")
		}
	}
}

// parsePostfix parses what follows an operand: `.name`, `.(args)`,
// `.Alias` and `[key]` access.
func (p *parser) parsePostfix(x Node) Node {
	for {
		t := p.tok
		switch {
		case t.is("."):
			x = p.parseDot(x)
		case t.is("[") && !t.spaceBefore:
			ctx := p.enter()
			p.next()
			p.skipEOL()
			key := p.parseExpr()
			p.expect("]")
			p.leave(ctx)
			x = &Call{Pos: t.pos, Target: &Alias{Pos: t.pos, Parts: []string{"Access"}}, Name: "get", Args: []Node{x, key}}
		default:
			return x
		}
	}
}

// parseDot parses what follows the `.` after x.
func (p *parser) parseDot(x Node) Node {
	dot := p.tok
	p.next()
	p.skipEOL()
	t := p.tok
	switch t.kind {
	case tIdent:
		p.next()
		if c := p.callAfterName(t.pos, x, t.text); c != nil {
			return c
		}
		return &Call{Pos: t.pos, Target: x, Name: t.text, NoParens: true}
	case tAlias:
		p.next()
		if a, ok := x.(*Alias); ok {
			parts := append(append([]string{}, a.Parts...), t.text)
			return &Alias{Pos: a.Pos, Base: a.Base, Parts: parts}
		}
		return &Alias{Pos: x.Position(), Base: x, Parts: []string{t.text}}
	case tString:
		if len(t.parts) <= 1 && (len(t.parts) == 0 || !t.parts[0].interp) && p.peek().is("(") {
			name := ""
			if len(t.parts) == 1 {
				name = t.parts[0].text
			}
			p.next()
			c := &Call{Pos: t.pos, Target: x, Name: name, Args: p.parseCallArgs()}
			p.maybeDoBlock(c)
			return c
		}
	case tOp:
		switch {
		case t.text == "(":
			c := &Call{Pos: dot.pos, Target: x, Anonymous: true, Args: p.parseCallArgs()}
			p.maybeDoBlock(c)
			return c
		case t.text == "{":
			ctx := p.enter()
			p.next()
			elems, _ := p.parseElems("}")
			c := &Call{Pos: t.pos, Target: x, Name: "{}", Args: elems}
			p.expect("}")
			p.leave(ctx)
			return c
		case isOperatorName(t.text):
			if n := p.peek(); n.is("/") {
				p.next()
				return &Call{Pos: t.pos, Target: x, Name: t.text, NoParens: true}
			}
			if n := p.peek(); n.is("(") && !n.spaceBefore {
				p.next()
				return &Call{Pos: t.pos, Target: x, Name: t.text, Args: p.parseCallArgs()}
			}
		}
	}
	p.unexpected()
	return nil
}

// parseAttr parses `@name` and `@name value`.
func (p *parser) parseAttr() Node {
	at := p.tok
	p.next()
	t := p.tok
	if t.kind != tIdent {
		p.unexpected()
	}
	p.next()
	a := &ModuleAttr{Pos: at.pos, Name: t.text}
	c := p.callAfterName(t.pos, nil, t.text)
	if c == nil {
		return a
	}
	if len(c.Args) != 1 {
		p.fail(at.pos, "expected 0 or 1 argument for @%s, got: %d", t.text, len(c.Args))
	}
	a.Value = c.Args[0]
	return a
}

// isOperatorName reports whether op names an operator function (for
// captures such as &+/2 and remote calls such as Kernel.+(1, 2)).
func isOperatorName(op string) bool {
	switch op {
	case "!", "^", "@", "&", "not", "~~~":
		return true
	}
	return binaryOps[op].prec > 0
}
