package syntax

import (
	"fmt"
	"strconv"
	"strings"
)

// sexpr renders a syntax tree fully parenthesised, for tests:
//
//	a + b * c             (+ a (* b c))
//	Foo.bar(1)            (Foo.bar 1)
//	x.y                   (.field x y)
//	f.(1)                 (f. 1)
//	if a do b else c end  (if a (do [do b] [else c]))
//	fn x -> x end         (fn (-> (x) x))
func sexpr(n Node) string {
	var b strings.Builder
	writeNode(&b, n)
	return b.String()
}

func writeNodes(b *strings.Builder, nodes []Node) {
	for i, n := range nodes {
		if i > 0 {
			b.WriteByte(' ')
		}
		writeNode(b, n)
	}
}

func writeNode(b *strings.Builder, n Node) {
	switch n := n.(type) {
	case nil:
		b.WriteString("<nil>")
	case *Int:
		if n.Big != nil {
			b.WriteString(n.Big.String())
		} else {
			b.WriteString(strconv.FormatInt(n.Value, 10))
		}
	case *Float:
		b.WriteString(strconv.FormatFloat(n.Value, 'g', -1, 64))
		if n.Value == float64(int64(n.Value)) && !strings.ContainsAny(b.String(), "e") {
			b.WriteString(".0")
		}
	case *Atom:
		b.WriteString(":" + n.Name)
	case *Alias:
		if n.Base != nil {
			b.WriteString("(alias ")
			writeNode(b, n.Base)
			b.WriteString(" " + strings.Join(n.Parts, ".") + ")")
			return
		}
		b.WriteString(strings.Join(n.Parts, "."))
	case *String:
		writeParts(b, "str", `"`, n.Parts)
	case *Charlist:
		writeParts(b, "chars", `'`, n.Parts)
	case *StringPart:
		b.WriteString(strconv.Quote(n.Text))
	case *Sigil:
		fmt.Fprintf(b, "(sigil %c ", n.Letter)
		writeParts(b, "str", `"`, n.Parts)
		if n.Modifiers != "" {
			b.WriteString(" " + n.Modifiers)
		}
		b.WriteByte(')')
	case *Var:
		b.WriteString(n.Name)
	case *ModuleAttr:
		if n.Value == nil {
			b.WriteString("@" + n.Name)
			return
		}
		b.WriteString("(@" + n.Name + " ")
		writeNode(b, n.Value)
		b.WriteByte(')')
	case *List:
		b.WriteByte('[')
		writeNodes(b, n.Elems)
		if n.Tail != nil {
			b.WriteString(" | ")
			writeNode(b, n.Tail)
		}
		b.WriteByte(']')
	case *Tuple:
		b.WriteByte('{')
		writeNodes(b, n.Elems)
		b.WriteByte('}')
	case *Map:
		b.WriteString("(%")
		if n.Struct != nil {
			writeNode(b, n.Struct)
		}
		b.WriteString("{}")
		if n.Update != nil {
			b.WriteString(" | ")
			writeNode(b, n.Update)
		}
		for _, kv := range n.Pairs {
			b.WriteByte(' ')
			writeNode(b, kv.Key)
			b.WriteString(" => ")
			writeNode(b, kv.Value)
		}
		b.WriteByte(')')
	case *Block:
		if len(n.Exprs) == 1 {
			writeNode(b, n.Exprs[0])
			return
		}
		b.WriteString("(block")
		for _, e := range n.Exprs {
			b.WriteByte(' ')
			writeNode(b, e)
		}
		b.WriteByte(')')
	case *BinaryOp:
		b.WriteString("(" + n.Op + " ")
		writeNode(b, n.L)
		b.WriteByte(' ')
		writeNode(b, n.R)
		b.WriteByte(')')
	case *UnaryOp:
		b.WriteString("(" + n.Op + " ")
		writeNode(b, n.X)
		b.WriteByte(')')
	case *Range:
		if n.Step != nil {
			b.WriteString("(..// ")
			writeNodes(b, []Node{n.First, n.Last, n.Step})
		} else {
			b.WriteString("(.. ")
			writeNodes(b, []Node{n.First, n.Last})
		}
		b.WriteByte(')')
	case *CaptureArg:
		fmt.Fprintf(b, "&%d", n.N)
	case *Capture:
		b.WriteString("(& ")
		writeNode(b, n.Expr)
		b.WriteByte(')')
	case *Call:
		writeCall(b, n)
	case *DoBlock:
		b.WriteString("(do")
		for _, s := range n.Sections {
			b.WriteString(" [" + s.Name)
			if s.Body != nil {
				if len(s.Body.Exprs) > 0 {
					b.WriteByte(' ')
					writeNode(b, s.Body)
				}
			} else {
				for _, c := range s.Clauses {
					b.WriteByte(' ')
					writeClause(b, c)
				}
			}
			b.WriteByte(']')
		}
		b.WriteByte(')')
	case *Clause:
		writeClause(b, n)
	case *Fn:
		b.WriteString("(fn")
		for _, c := range n.Clauses {
			b.WriteByte(' ')
			writeClause(b, c)
		}
		b.WriteByte(')')
	default:
		fmt.Fprintf(b, "<%T>", n)
	}
}

func writeParts(b *strings.Builder, tag, quote string, parts []Node) {
	if len(parts) == 0 {
		b.WriteString(quote + quote)
		return
	}
	if len(parts) == 1 {
		if s, ok := parts[0].(*StringPart); ok {
			q := strconv.Quote(s.Text)
			b.WriteString(quote + q[1:len(q)-1] + quote)
			return
		}
	}
	b.WriteString("(" + tag + " ")
	writeNodes(b, parts)
	b.WriteByte(')')
}

func writeCall(b *strings.Builder, c *Call) {
	if c.NoParens && len(c.Args) == 0 {
		if c.Target == nil {
			b.WriteString(c.Name)
			return
		}
		b.WriteString("(.field ")
		writeNode(b, c.Target)
		b.WriteString(" " + c.Name + ")")
		return
	}
	b.WriteByte('(')
	if c.Target != nil {
		writeNode(b, c.Target)
		b.WriteByte('.')
	}
	b.WriteString(c.Name)
	for _, a := range c.Args {
		b.WriteByte(' ')
		writeNode(b, a)
	}
	b.WriteByte(')')
}

func writeClause(b *strings.Builder, c *Clause) {
	b.WriteString("(-> (")
	writeNodes(b, c.Args)
	b.WriteByte(')')
	if c.Guard != nil {
		b.WriteString(" (when ")
		writeNode(b, c.Guard)
		b.WriteByte(')')
	}
	b.WriteByte(' ')
	if len(c.Body.Exprs) == 0 {
		b.WriteString("(block)")
	} else {
		writeNode(b, c.Body)
	}
	b.WriteByte(')')
}
