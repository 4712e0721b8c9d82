package vm

import (
	"goiex/vm/compile"
	"goiex/vm/term"
)

// mailbox is a process's message queue: a singly linked list with a
// cursor, so that receive can scan from the oldest message, remove the
// one it takes from anywhere in the queue in O(1), and, after waiting,
// go on scanning only the messages that arrived since.
type mailbox struct {
	head msgNode  // sentinel; head.next is the oldest message
	tail *msgNode // last node (or &head when empty)
	prev *msgNode // cursor: the node before the message under examination
	pos  int      // how many messages the cursor has passed since rewind
	len  int
}

type msgNode struct {
	msg  term.Term
	next *msgNode
	seq  uint64 // the VM's send counter when it was sent (pairs send and receive events)
	at   int64  // clock time it arrived (to the scheduler slice)
}

func (m *mailbox) init() {
	m.tail = &m.head
	m.prev = &m.head
}

func (m *mailbox) push(msg term.Term, seq uint64, at int64) {
	if m.tail == nil {
		m.init()
	}
	n := &msgNode{msg: msg, seq: seq, at: at}
	m.tail.next = n
	m.tail = n
	m.len++
}

// rewind puts the cursor before the oldest message.
func (m *mailbox) rewind() {
	if m.tail == nil {
		m.init()
	}
	m.prev = &m.head
	m.pos = 0
}

// peek returns the message under the cursor.
func (m *mailbox) peek() (term.Term, bool) {
	n := m.prev.next
	if n == nil {
		return term.Term{}, false
	}
	return n.msg, true
}

// positionOf counts the messages up to and including node (0 for the
// sentinel): how many a scan starting at node has passed over.
func (m *mailbox) positionOf(node *msgNode) int {
	n := 0
	for x := &m.head; x != node && x != nil; x = x.next {
		n++
	}
	return n
}

// skipTo moves the cursor to the next message the filter admits and
// returns it. The common case, one tagged-tuple shape, is checked inline.
func (m *mailbox) skipTo(rf *compile.RecvFilter, regs []term.Term) (term.Term, bool) {
	if len(rf.Shapes) == 1 && rf.Shapes[0].Size > 0 {
		s := rf.Shapes[0]
		tag := s.Tag
		if s.TagReg >= 0 {
			tag = regs[s.TagReg]
		}
		if tag.IsAtom() {
			for n := m.prev.next; n != nil; n = n.next {
				if msg := n.msg; msg.IsTuple() && msg.TupleSize() == s.Size && msg.Elems()[0] == tag {
					return msg, true
				}
				m.prev = n
				m.pos++
			}
			return term.Term{}, false
		}
	}
	for n := m.prev.next; n != nil; n = n.next {
		if rf.Admits(n.msg, regs) {
			return n.msg, true
		}
		m.prev = n
		m.pos++
	}
	return term.Term{}, false
}

// advance moves the cursor to the next message.
func (m *mailbox) advance() { m.prev = m.prev.next; m.pos++ }

// take removes the message under the cursor and returns its node. (The
// owner drops its mark: the marked node may be the one taken.)
func (m *mailbox) take() *msgNode {
	n := m.prev.next
	m.prev.next = n.next
	if m.tail == n {
		m.tail = m.prev
	}
	m.len--
	m.prev = &m.head
	return n
}

func (m *mailbox) slice() []term.Term {
	out := make([]term.Term, 0, m.len)
	for n := m.head.next; n != nil; n = n.next {
		out = append(out, n.msg)
	}
	return out
}

// removeIf removes every message for which f is true, and reports
// whether it removed any.
func (m *mailbox) removeIf(f func(term.Term) bool, gone func(n, prev *msgNode)) (removed bool) {
	return m.removeIfFrom(&m.head, f, gone)
}

// removeIfFrom is removeIf for the messages after start.
func (m *mailbox) removeIfFrom(start *msgNode, f func(term.Term) bool, gone func(n, prev *msgNode)) (removed bool) {
	if m.tail == nil {
		return false
	}
	for prev := start; prev.next != nil; {
		n := prev.next
		if f(n.msg) {
			removed = true
			if gone != nil {
				gone(n, prev)
			}
			prev.next = n.next
			if m.tail == n {
				m.tail = prev
			}
			m.len--
			continue
		}
		prev = n
	}
	m.prev = &m.head
	return removed
}

// clear drops every message and returns how many there were.
func (m *mailbox) clear() int {
	n := m.len
	m.head.next = nil
	m.tail = &m.head
	m.prev = &m.head
	m.len = 0
	return n
}
