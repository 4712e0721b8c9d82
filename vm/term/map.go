package term

import "sort"

// Map is an immutable Elixir map. Every operation returns a new map and
// leaves the receiver as it was, so maps can be shared between processes;
// the new map shares all but O(log n) of its structure with the old one.
//
// Keys are kept in Erlang's map-key order (CompareMapKeys: the term order
// with every integer before every float). Elixir prints maps of up to 32
// keys in that order; larger maps it prints in the order of its hash
// array mapped trie, which we cannot reproduce, so goiex prints every map
// in key order.
//
// Representation: a map of at most smallMapMax keys is one sorted slice
// of entries (structs and most maps are small: one allocation, a
// cache-friendly search); a larger map is a persistent AVL tree with path
// copying. A map that shrinks by Delete stays a tree.
type Map struct {
	small []entry // the entries in key order when root == nil
	root  *node
	n     int
}

type entry struct{ k, v Term }

type node struct {
	k, v        Term
	left, right *node
	h           int32 // height: 1 for a leaf
}

const smallMapMax = 16

// EmptyMap is %{}.
var EmptyMap = NewMapTerm(&Map{})

// Len returns the number of keys.
func (m *Map) Len() int { return m.n }

// searchSmall returns where k is, or would be inserted, in a small map.
func (m *Map) searchSmall(k Term) (int, bool) {
	lo, hi := 0, len(m.small)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		c := CompareMapKeys(m.small[mid].k, k)
		if c == 0 {
			return mid, true
		}
		if c < 0 {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo, false
}

// Get returns the value under key k (keys match as with ===).
func (m *Map) Get(k Term) (Term, bool) {
	if m.root == nil {
		if i, ok := m.searchSmall(k); ok {
			return m.small[i].v, true
		}
		return Term{}, false
	}
	n := m.root
	for n != nil {
		c := CompareMapKeys(k, n.k)
		switch {
		case c < 0:
			n = n.left
		case c > 0:
			n = n.right
		default:
			return n.v, true
		}
	}
	return Term{}, false
}

// Has reports whether k is a key of m.
func (m *Map) Has(k Term) bool { _, ok := m.Get(k); return ok }

// Put returns a map with k set to v. A key already present keeps its
// original form (0.0 stays 0.0 when -0.0 is put), as on the BEAM.
func (m *Map) Put(k, v Term) *Map {
	if m.root == nil {
		i, ok := m.searchSmall(k)
		if ok {
			s := make([]entry, len(m.small))
			copy(s, m.small)
			s[i].v = v
			return &Map{small: s, n: m.n}
		}
		if len(m.small) < smallMapMax {
			s := make([]entry, len(m.small)+1)
			copy(s, m.small[:i])
			s[i] = entry{k, v}
			copy(s[i+1:], m.small[i:])
			return &Map{small: s, n: m.n + 1}
		}
		s := make([]entry, 0, len(m.small)+1)
		s = append(append(append(s, m.small[:i]...), entry{k, v}), m.small[i:]...)
		return &Map{root: buildTree(s), n: len(s)}
	}
	root, added := insert(m.root, k, v)
	n := m.n
	if added {
		n++
	}
	return &Map{root: root, n: n}
}

// Delete returns a map without key k.
func (m *Map) Delete(k Term) *Map {
	if m.root == nil {
		i, ok := m.searchSmall(k)
		if !ok {
			return m
		}
		if m.n == 1 {
			return EmptyMap.MapVal()
		}
		s := make([]entry, 0, len(m.small)-1)
		s = append(append(s, m.small[:i]...), m.small[i+1:]...)
		return &Map{small: s, n: m.n - 1}
	}
	root, removed := remove(m.root, k)
	if !removed {
		return m
	}
	return &Map{root: root, n: m.n - 1}
}

// Range calls f for each key and value in key order until f returns false.
func (m *Map) Range(f func(k, v Term) bool) {
	it := m.Iter()
	for {
		k, v, ok := it.Next()
		if !ok || !f(k, v) {
			return
		}
	}
}

// Keys returns the keys in key order.
func (m *Map) Keys() []Term {
	out := make([]Term, 0, m.n)
	it := m.Iter()
	for k, _, ok := it.Next(); ok; k, _, ok = it.Next() {
		out = append(out, k)
	}
	return out
}

// Values returns the values in key order.
func (m *Map) Values() []Term {
	out := make([]Term, 0, m.n)
	it := m.Iter()
	for _, v, ok := it.Next(); ok; _, v, ok = it.Next() {
		out = append(out, v)
	}
	return out
}

// FromPairs builds a map from alternating keys and values; a later value
// for the same key wins, as in Map.new/1 and %{k => 1, k => 2}.
func FromPairs(kv ...Term) *Map {
	es := make([]entry, len(kv)/2)
	for i := range es {
		es[i] = entry{kv[2*i], kv[2*i+1]}
	}
	return fromEntries(es)
}

// NewMap is FromPairs wrapped as a term.
func NewMap(kv ...Term) Term { return NewMapTerm(FromPairs(kv...)) }

func fromEntries(es []entry) *Map {
	sort.SliceStable(es, func(i, j int) bool { return CompareMapKeys(es[i].k, es[j].k) < 0 })
	out := es[:0]
	for _, e := range es {
		if len(out) > 0 && CompareMapKeys(out[len(out)-1].k, e.k) == 0 {
			out[len(out)-1].v = e.v
			continue
		}
		out = append(out, e)
	}
	if len(out) <= smallMapMax {
		return &Map{small: out, n: len(out)}
	}
	return &Map{root: buildTree(out), n: len(out)}
}

// MapIter walks a map in key order without allocating:
//
//	it := m.Iter()
//	for k, v, ok := it.Next(); ok; k, v, ok = it.Next() { ... }
type MapIter struct {
	m     *Map
	i     int
	sp    int
	stack [64]*node // an AVL tree of 2^44 keys is at most 63 deep
}

// Iter returns an iterator positioned before the first key.
func (m *Map) Iter() MapIter {
	it := MapIter{m: m}
	it.pushLeft(m.root)
	return it
}

func (it *MapIter) pushLeft(n *node) {
	for ; n != nil; n = n.left {
		it.stack[it.sp] = n
		it.sp++
	}
}

// Next returns the next key and value, or ok == false at the end.
func (it *MapIter) Next() (k, v Term, ok bool) {
	if it.m.root == nil {
		if it.i >= len(it.m.small) {
			return Term{}, Term{}, false
		}
		e := it.m.small[it.i]
		it.i++
		return e.k, e.v, true
	}
	if it.sp == 0 {
		return Term{}, Term{}, false
	}
	it.sp--
	n := it.stack[it.sp]
	it.pushLeft(n.right)
	return n.k, n.v, true
}

// ---- the AVL tree ----

func height(n *node) int32 {
	if n == nil {
		return 0
	}
	return n.h
}

func mk(k, v Term, l, r *node) *node {
	h := height(l)
	if hr := height(r); hr > h {
		h = hr
	}
	return &node{k: k, v: v, left: l, right: r, h: h + 1}
}

// bal makes a node from l and r whose heights differ by at most 2,
// rotating to restore the AVL invariant.
func bal(k, v Term, l, r *node) *node {
	hl, hr := height(l), height(r)
	switch {
	case hl > hr+1:
		if height(l.left) >= height(l.right) {
			return mk(l.k, l.v, l.left, mk(k, v, l.right, r))
		}
		lr := l.right
		return mk(lr.k, lr.v, mk(l.k, l.v, l.left, lr.left), mk(k, v, lr.right, r))
	case hr > hl+1:
		if height(r.right) >= height(r.left) {
			return mk(r.k, r.v, mk(k, v, l, r.left), r.right)
		}
		rl := r.left
		return mk(rl.k, rl.v, mk(k, v, l, rl.left), mk(r.k, r.v, rl.right, r.right))
	}
	return mk(k, v, l, r)
}

func insert(n *node, k, v Term) (*node, bool) {
	if n == nil {
		return &node{k: k, v: v, h: 1}, true
	}
	c := CompareMapKeys(k, n.k)
	switch {
	case c < 0:
		l, added := insert(n.left, k, v)
		if !added {
			return &node{k: n.k, v: n.v, left: l, right: n.right, h: n.h}, false
		}
		return bal(n.k, n.v, l, n.right), true
	case c > 0:
		r, added := insert(n.right, k, v)
		if !added {
			return &node{k: n.k, v: n.v, left: n.left, right: r, h: n.h}, false
		}
		return bal(n.k, n.v, n.left, r), true
	}
	return &node{k: n.k, v: v, left: n.left, right: n.right, h: n.h}, false
}

func remove(n *node, k Term) (*node, bool) {
	if n == nil {
		return nil, false
	}
	c := CompareMapKeys(k, n.k)
	switch {
	case c < 0:
		l, removed := remove(n.left, k)
		if !removed {
			return n, false
		}
		return bal(n.k, n.v, l, n.right), true
	case c > 0:
		r, removed := remove(n.right, k)
		if !removed {
			return n, false
		}
		return bal(n.k, n.v, n.left, r), true
	}
	if n.left == nil {
		return n.right, true
	}
	if n.right == nil {
		return n.left, true
	}
	min, r := removeMin(n.right)
	return bal(min.k, min.v, n.left, r), true
}

func removeMin(n *node) (min, rest *node) {
	if n.left == nil {
		return n, n.right
	}
	min, l := removeMin(n.left)
	return min, bal(n.k, n.v, l, n.right)
}

// buildTree makes a balanced tree of sorted, distinct entries.
func buildTree(es []entry) *node {
	if len(es) == 0 {
		return nil
	}
	mid := len(es) / 2
	return mk(es[mid].k, es[mid].v, buildTree(es[:mid]), buildTree(es[mid+1:]))
}
