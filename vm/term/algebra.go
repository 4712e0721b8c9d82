package term

import (
	"math"
	"strings"
	"sync"
)

// This file is Elixir 1.14's Inspect.Algebra (a Wadler-style document
// algebra), transcribed clause by clause so that inspect breaks lines
// exactly where Elixir does. Documents live in an arena (a slice of
// nodes addressed by index) that one Inspect call builds and formats:
// a term of a million elements costs a few slices, not a million heap
// objects, and neither building nor formatting recurses along a list.
//
// Colours (doc_color) and collapse_lines are not implemented: inspect
// without :syntax_colors never produces them.

type docRef int32

type docKind uint8

const (
	docNil   docKind = iota // empty()
	docLine                 // line(): a forced newline
	docText                 // a binary: its width is its byte size, as in Elixir
	docCons                 // concat(a, b)
	docBreak                // break(s) (strict) or flex_break(s)
	docNest                 // nest(doc, n, always | break)
	docGroup                // group(doc, self | inherit)
	docFits                 // next_break_fits(doc, enabled | disabled)
	docForce                // force_unfit(doc)
	docLimit                // no_limit(doc) and its width restorer
)

// Flags of a node; their meaning depends on the kind.
const (
	flexBreak    = 1 // docBreak: flex rather than strict
	nestOnBreak  = 1 // docNest: only in break mode
	groupInherit = 1 // docGroup: inherit the enclosing break mode
	fitsEnabled  = 1 // docFits: enabled rather than disabled
)

// Special nesting levels for docNest.
const (
	nestCursor = -1
	nestReset  = -2
)

// infinity is the :infinity width.
const infinity = math.MaxInt

// limitInfinity is the width of no_limit(doc) in a docLimit node.
const limitInfinity = -1

// limitWidth is the width a docLimit node sets.
func (n *docNode) limitWidth() int {
	if n.n == limitInfinity {
		return infinity
	}
	return int(n.n)
}

type docNode struct {
	kind docKind
	flag uint8
	n    int32 // nesting level, or the width a docLimit restores
	s    string
	a, b docRef
}

// docs is the arena. Index 0 is empty(), 1 is line(). Separators, which
// every element of a container needs, are made once per arena.
type docs struct {
	nodes   []docNode
	texts   []docRef // shared separator texts
	space   docRef   // break(" ")
	flex    docRef   // flex_break(" ")
	stack   []docEntry
	scratch []docEntry
}

// docPool recycles arenas: inspecting a small term then allocates little
// more than its output.
var docPool = sync.Pool{New: func() any { return &docs{nodes: make([]docNode, 0, 32)} }}

const (
	nilDoc  docRef = 0
	lineDoc docRef = 1
)

func newDocs() *docs {
	d := docPool.Get().(*docs)
	d.nodes = append(d.nodes[:0], docNode{}, docNode{kind: docLine})
	d.texts = d.texts[:0]
	d.space = d.breakDoc(" ")
	d.flex = d.flexBreak(" ")
	return d
}

// release returns the arena to the pool (small ones only, so that one
// huge term does not pin its memory).
func (d *docs) release() {
	if cap(d.nodes) <= 1<<14 {
		clear(d.nodes) // drop references to text
		docPool.Put(d)
	}
}

// sharedText is text(s) for a separator, made once per arena.
func (d *docs) sharedText(s string) docRef {
	for _, r := range d.texts {
		if d.nodes[r].s == s {
			return r
		}
	}
	r := d.text(s)
	d.texts = append(d.texts, r)
	return r
}

func (d *docs) add(n docNode) docRef {
	d.nodes = append(d.nodes, n)
	return docRef(len(d.nodes) - 1)
}

func (d *docs) text(s string) docRef { return d.add(docNode{kind: docText, s: s}) }

func (d *docs) concat(a, b docRef) docRef { return d.add(docNode{kind: docCons, a: a, b: b}) }

func (d *docs) concatAll(parts ...docRef) docRef {
	return d.fold(parts, d.concat)
}

func (d *docs) breakDoc(s string) docRef { return d.add(docNode{kind: docBreak, s: s}) }

func (d *docs) flexBreak(s string) docRef {
	return d.add(docNode{kind: docBreak, flag: flexBreak, s: s})
}

// glue is concat(a, concat(break(s), b)).
func (d *docs) glue(a docRef, s string, b docRef) docRef {
	return d.concat(a, d.concat(d.breakDoc(s), b))
}

// flexGlue is concat(a, concat(flex_break(s), b)).
func (d *docs) flexGlue(a docRef, s string, b docRef) docRef {
	return d.concat(a, d.concat(d.flexBreak(s), b))
}

// nest is nest(doc, level) with mode :always; nest(doc, 0) is doc.
func (d *docs) nest(doc docRef, level int) docRef {
	if level == 0 {
		return doc
	}
	return d.add(docNode{kind: docNest, n: int32(level), a: doc})
}

func (d *docs) group(doc docRef) docRef { return d.add(docNode{kind: docGroup, a: doc}) }

// fold is fold_doc/2: a right fold, done from the end so that a long
// list of documents costs no stack.
func (d *docs) fold(parts []docRef, f func(a, b docRef) docRef) docRef {
	if len(parts) == 0 {
		return nilDoc
	}
	acc := parts[len(parts)-1]
	for i := len(parts) - 2; i >= 0; i-- {
		acc = f(parts[i], acc)
	}
	return acc
}

// simple is simple?/1: a document made only of text.
func (d *docs) simple(r docRef) bool {
	for {
		n := &d.nodes[r]
		switch n.kind {
		case docNil, docText:
			return true
		case docCons:
			if !d.simple(n.a) {
				return false
			}
			r = n.b
		default:
			return false
		}
	}
}

// join is the separator step of container_doc.
func (d *docs) join(left, right docRef, flex bool, sep string) docRef {
	switch {
	case left == nilDoc && right == nilDoc:
		return nilDoc
	case right == nilDoc:
		return left
	case left == nilDoc:
		return right
	case flex:
		return d.concat(d.concat(left, d.sharedText(sep)), d.concat(d.flex, right))
	}
	return d.concat(d.concat(left, d.sharedText(sep)), d.concat(d.space, right))
}

// containerBreak is the :break option of container_doc.
type containerBreak uint8

const (
	breakMaybe containerBreak = iota
	breakStrict
	breakFlex
)

// elements feeds container_doc one element at a time: more reports
// whether one is left; next inspects it with the given limit and, for
// the last cell of an improper list, also inspects the tail (improper).
type elements interface {
	more() bool
	next(d *docs, limit int) (doc, tail docRef, improper bool)
}

// containerDoc is container_doc/6 (with container_each/6 inlined).
func (d *docs) containerDoc(left string, es elements, right string, limit int, brk containerBreak, sep string) docRef {
	if !es.more() {
		return d.text(left + right)
	}
	var parts []docRef
	simple := brk == breakMaybe
	for es.more() {
		if limit == 0 {
			parts = append(parts, d.text("..."))
			break
		}
		newLimit := decrement(limit)
		doc, tail, improper := es.next(d, newLimit)
		if improper {
			simple = simple && d.simple(doc) && d.simple(tail)
			parts = append(parts, d.join(doc, tail, simple, " |"))
			break
		}
		if doc != nilDoc {
			limit = newLimit
		}
		simple = simple && d.simple(doc)
		parts = append(parts, doc)
	}
	flex := simple || brk == breakFlex
	body := d.fold(parts, func(a, b docRef) docRef { return d.join(a, b, flex, sep) })
	if flex {
		return d.group(d.concat(d.concat(d.text(left), d.nest(body, 1)), d.text(right)))
	}
	return d.group(d.glue(d.nest(d.glue(d.text(left), "", body), 2), "", d.text(right)))
}

func decrement(limit int) int {
	if limit == infinity {
		return limit
	}
	return limit - 1
}

// ---- format ----

type docMode uint8

const (
	modeFlat docMode = iota
	modeFlatNoBreak
	modeBreakNoFlat
	modeBreak
	modeTail // a marker in fits: restore the saved break flag
)

type docEntry struct {
	indent int
	mode   docMode
	doc    docRef
	b      bool // the saved flag of a modeTail marker
}

func applyNesting(i, k int, j int32) int {
	switch j {
	case nestCursor:
		return k
	case nestReset:
		return 0
	}
	return i + int(j)
}

func writeIndent(out *strings.Builder, i int) {
	out.WriteByte('\n')
	for ; i > 0; i-- {
		out.WriteByte(' ')
	}
}

// format lays doc out in width w (infinity for none), as format/2 does.
func (d *docs) format(doc docRef, w int) string {
	var out strings.Builder
	stack := append(d.stack[:0], docEntry{0, modeFlat, doc, false})
	scratch := d.scratch
	defer func() { d.stack, d.scratch = stack[:0], scratch[:0] }()
	k := 0
	for len(stack) > 0 {
		e := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		i, m := e.indent, e.mode
		n := &d.nodes[e.doc]
		switch n.kind {
		case docNil:
		case docLine:
			writeIndent(&out, i)
			k = i
		case docCons:
			stack = append(stack, docEntry{i, m, n.b, false}, docEntry{i, m, n.a, false})
		case docText:
			out.WriteString(n.s)
			k += len(n.s)
		case docForce, docFits:
			stack = append(stack, docEntry{i, m, n.a, false})
		case docBreak:
			if n.flag == flexBreak {
				k2 := k + len(n.s)
				if w == infinity || m == modeFlat || d.fits(w, k2, true, nil, stack, &scratch) {
					out.WriteString(n.s)
					k = k2
				} else {
					writeIndent(&out, i)
					k = i
				}
			} else if m == modeBreak {
				writeIndent(&out, i)
				k = i
			} else {
				out.WriteString(n.s)
				k += len(n.s)
			}
		case docNest:
			if n.flag != nestOnBreak || m == modeBreak {
				i = applyNesting(i, k, n.n)
			}
			stack = append(stack, docEntry{i, m, n.a, false})
		case docGroup:
			if m == modeBreak && n.flag == groupInherit {
				stack = append(stack, docEntry{i, modeBreak, n.a, false})
			} else if w == infinity || d.fits(w, k, false, &docEntry{i, modeFlat, n.a, false}, nil, &scratch) {
				stack = append(stack, docEntry{i, modeFlat, n.a, false})
			} else {
				stack = append(stack, docEntry{i, modeBreak, n.a, false})
			}
		case docLimit:
			if n.n == limitInfinity && w != infinity {
				a := n.a
				restore := d.add(docNode{kind: docLimit, n: int32(w)}) // may move n
				stack = append(stack, docEntry{i, m, restore, false}, docEntry{i, modeFlat, a, false})
				w = infinity
			} else {
				w = n.limitWidth()
				if n.a != nilDoc {
					stack = append(stack, docEntry{i, m, n.a, false})
				}
			}
		}
	}
	return out.String()
}

// fits is fits?/4. It works on its own stack (seeded with own, if any)
// and, when that runs out, reads on down the formatter's remaining stack
// (rest) without changing it. scratch keeps the stack's memory between
// calls.
func (d *docs) fits(w, k int, b bool, own *docEntry, rest []docEntry, scratch *[]docEntry) bool {
	st := (*scratch)[:0]
	if own != nil {
		st = append(st, *own)
	}
	ok, st := d.fitsLoop(w, k, b, st, rest)
	*scratch = st[:0]
	return ok
}

func (d *docs) fitsLoop(w, k int, b bool, st []docEntry, rest []docEntry) (bool, []docEntry) {
	r := len(rest)
	for {
		if k > w && b {
			return false, st
		}
		var e docEntry
		if len(st) > 0 {
			e = st[len(st)-1]
			st = st[:len(st)-1]
		} else if r > 0 {
			r--
			e = rest[r]
		} else {
			return true, st
		}
		if e.mode == modeTail {
			b = e.b
			continue
		}
		i, m := e.indent, e.mode
		n := d.nodes[e.doc]
		switch n.kind {
		case docFits:
			switch {
			case n.flag != fitsEnabled, m == modeFlatNoBreak:
				st = append(st, docEntry{i, modeFlatNoBreak, n.a, false})
			default:
				st = append(st, docEntry{i, modeBreakNoFlat, n.a, false})
			}
		case docForce:
			if m != modeBreakNoFlat {
				return false, st
			}
			st = append(st, docEntry{i, m, n.a, false})
		case docBreak:
			if m == modeBreakNoFlat || m == modeBreak {
				return true, st
			}
			k += len(n.s)
			b = true
		case docLine:
			if m == modeBreakNoFlat || m == modeBreak {
				return true, st
			}
			k = i
			b = false
		case docGroup:
			if m == modeBreak {
				m = modeFlat
			}
			st = append(st, docEntry{mode: modeTail, b: b}, docEntry{i, m, n.a, false})
		case docNil:
		case docText:
			k += len(n.s)
		case docNest:
			if n.flag != nestOnBreak {
				i = applyNesting(i, k, n.n)
			}
			st = append(st, docEntry{i, m, n.a, false})
		case docCons:
			st = append(st, docEntry{i, m, n.b, false}, docEntry{i, m, n.a, false})
		case docLimit:
			if n.n == limitInfinity && w != infinity {
				restore := d.add(docNode{kind: docLimit, n: int32(w)})
				st = append(st, docEntry{i, m, restore, false}, docEntry{i, modeFlat, n.a, false})
				w = infinity
			} else {
				w = n.limitWidth()
				st = append(st, docEntry{i, m, n.a, false})
			}
		}
	}
}
