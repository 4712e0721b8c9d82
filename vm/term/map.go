package term

import (
	"math/bits"
	"sort"
	"sync/atomic"
)

// Map is an immutable Elixir map. Every operation returns a new map and
// leaves the receiver as it was, so maps can be shared between processes;
// the new map shares all but O(log n) of its structure with the old one.
//
// Keys are matched as with === and kept in Erlang's map-key order
// (CompareMapKeys: the term order with every integer before every
// float). Elixir prints maps of up to 32 keys in that order and larger
// ones in the order of its hash trie, which we cannot reproduce, so
// goiex iterates and prints every map in key order.
//
// Representation: a map of at most smallMapMax keys is one sorted slice
// of entries (structs and most maps are small: one allocation, a
// cache-friendly binary search). A larger map is a persistent hash trie
// (CHAMP: 32-way nodes holding entries and sub-nodes under two bitmaps),
// so Put, Get and Delete touch about log32(n) nodes, few allocations and
// few cache misses; its entries in key order are sorted when first
// asked for and kept with the map.
type Map struct {
	small  []entry // the entries in key order when root == nil
	root   *hnode
	n      int
	sorted atomic.Pointer[[]entry] // a large map's entries in key order, once computed
}

type entry struct{ k, v Term }

const smallMapMax = 16

// mapHash hashes keys for the trie (a variable so tests can force
// collisions).
var mapHash = Hash

// EmptyMap is %{}.
var EmptyMap = NewMapTerm(&Map{})

// Len returns the number of keys.
func (m *Map) Len() int { return m.n }

// searchSmall returns where k is, or would be inserted, in a small map.
func (m *Map) searchSmall(k Term) (int, bool) {
	// Atoms and small integers are === exactly when their words are
	// equal: a scan of a few words beats comparing atom names.
	if k.IsAtom() || k.IsSmallInt() {
		for i := range m.small {
			if m.small[i].k == k {
				return i, true
			}
		}
	}
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
	return m.root.get(k, mapHash(k), 0)
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
		root := &hnode{}
		for _, e := range m.small {
			root, _ = root.put(e.k, e.v, mapHash(e.k), 0)
		}
		root, _ = root.put(k, v, mapHash(k), 0)
		return &Map{root: root, n: m.n + 1}
	}
	root, added := m.root.put(k, v, mapHash(k), 0)
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
	root, removed := m.root.remove(k, mapHash(k), 0)
	if !removed {
		return m
	}
	if m.n-1 <= smallMapMax/2 {
		// Shrunk well below the threshold: back to a sorted slice.
		s := make([]entry, 0, m.n-1)
		root.each(func(e entry) { s = append(s, e) })
		sortEntries(s)
		return &Map{small: s, n: len(s)}
	}
	return &Map{root: root, n: m.n - 1}
}

// entries returns the map's entries in key order (not to be modified).
func (m *Map) entries() []entry {
	if m.root == nil {
		return m.small
	}
	if p := m.sorted.Load(); p != nil {
		return *p
	}
	s := make([]entry, 0, m.n)
	m.root.each(func(e entry) { s = append(s, e) })
	sortEntries(s)
	m.sorted.Store(&s)
	return s
}

func sortEntries(s []entry) {
	sort.Slice(s, func(i, j int) bool { return CompareMapKeys(s[i].k, s[j].k) < 0 })
}

// Range calls f for each key and value in key order until f returns false.
func (m *Map) Range(f func(k, v Term) bool) {
	for _, e := range m.entries() {
		if !f(e.k, e.v) {
			return
		}
	}
}

// Keys returns the keys in key order.
func (m *Map) Keys() []Term {
	es := m.entries()
	out := make([]Term, len(es))
	for i, e := range es {
		out[i] = e.k
	}
	return out
}

// Values returns the values in key order.
func (m *Map) Values() []Term {
	es := m.entries()
	out := make([]Term, len(es))
	for i, e := range es {
		out[i] = e.v
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
	root := &hnode{}
	for _, e := range out {
		root, _ = root.put(e.k, e.v, mapHash(e.k), 0)
	}
	m := &Map{root: root, n: len(out)}
	m.sorted.Store(&out)
	return m
}

// MapIter walks a map in key order:
//
//	it := m.Iter()
//	for k, v, ok := it.Next(); ok; k, v, ok = it.Next() { ... }
type MapIter struct {
	es []entry
	i  int
}

// Iter returns an iterator positioned before the first key.
func (m *Map) Iter() MapIter { return MapIter{es: m.entries()} }

// Next returns the next key and value, or ok == false at the end.
func (it *MapIter) Next() (k, v Term, ok bool) {
	if it.i >= len(it.es) {
		return Term{}, Term{}, false
	}
	e := it.es[it.i]
	it.i++
	return e.k, e.v, true
}

// ---- the hash trie ----

// hnode is a CHAMP node. Each 5-bit slice of a key's hash picks one of
// 32 positions; a position holds an entry (dataMap) or a sub-node
// (nodeMap), stored in bit order in data and kids. Below the last hash
// bits (shift >= 64), a collision node keeps entries of equal hash in
// data, unordered, with no bitmaps.
type hnode struct {
	dataMap, nodeMap uint32
	data             []entry
	kids             []*hnode
}

const hashBits = 5

func bitpos(h uint64, shift uint) uint32 { return 1 << ((h >> shift) & 31) }

func index(bitmap, bit uint32) int { return bits.OnesCount32(bitmap & (bit - 1)) }

func (n *hnode) get(k Term, h uint64, shift uint) (Term, bool) {
	for {
		if shift >= 64 {
			for _, e := range n.data {
				if Identical(e.k, k) {
					return e.v, true
				}
			}
			return Term{}, false
		}
		bit := bitpos(h, shift)
		if n.dataMap&bit != 0 {
			e := &n.data[index(n.dataMap, bit)]
			if Identical(e.k, k) {
				return e.v, true
			}
			return Term{}, false
		}
		if n.nodeMap&bit == 0 {
			return Term{}, false
		}
		n = n.kids[index(n.nodeMap, bit)]
		shift += hashBits
	}
}

func (n *hnode) put(k, v Term, h uint64, shift uint) (*hnode, bool) {
	if shift >= 64 {
		for i, e := range n.data {
			if Identical(e.k, k) {
				c := newDataNode(0, 0, len(n.data), nil)
				copy(c.data, n.data)
				c.data[i].v = v
				return c, false
			}
		}
		c := newDataNode(0, 0, len(n.data)+1, nil)
		copy(c.data, n.data)
		c.data[len(n.data)] = entry{k, v}
		return c, true
	}
	bit := bitpos(h, shift)
	switch {
	case n.dataMap&bit != 0:
		i := index(n.dataMap, bit)
		old := n.data[i]
		if Identical(old.k, k) {
			c := newDataNode(n.dataMap, n.nodeMap, len(n.data), n.kids)
			copy(c.data, n.data)
			c.data[i].v = v
			return c, false
		}
		// Two keys share this position: push both down a level.
		sub := pair(old, mapHash(old.k), entry{k, v}, h, shift+hashBits)
		data := make([]entry, len(n.data)-1)
		copy(data, n.data[:i])
		copy(data[i:], n.data[i+1:])
		j := index(n.nodeMap, bit)
		c := newKidsNode(n.dataMap&^bit, n.nodeMap|bit, data, len(n.kids)+1)
		copy(c.kids, n.kids[:j])
		c.kids[j] = sub
		copy(c.kids[j+1:], n.kids[j:])
		return c, true
	case n.nodeMap&bit != 0:
		j := index(n.nodeMap, bit)
		sub, added := n.kids[j].put(k, v, h, shift+hashBits)
		c := newKidsNode(n.dataMap, n.nodeMap, n.data, len(n.kids))
		copy(c.kids, n.kids)
		c.kids[j] = sub
		return c, added
	}
	i := index(n.dataMap, bit)
	c := newDataNode(n.dataMap|bit, n.nodeMap, len(n.data)+1, n.kids)
	copy(c.data, n.data[:i])
	c.data[i] = entry{k, v}
	copy(c.data[i+1:], n.data[i:])
	return c, true
}

// pair makes the node holding two entries whose hashes agree below shift.
func pair(a entry, ha uint64, b entry, hb uint64, shift uint) *hnode {
	if shift >= 64 {
		c := newDataNode(0, 0, 2, nil)
		c.data[0], c.data[1] = a, b
		return c
	}
	ba, bb := bitpos(ha, shift), bitpos(hb, shift)
	if ba == bb {
		c := newKidsNode(0, ba, nil, 1)
		c.kids[0] = pair(a, ha, b, hb, shift+hashBits)
		return c
	}
	if ba > bb {
		a, b = b, a
	}
	c := newDataNode(ba|bb, 0, 2, nil)
	c.data[0], c.data[1] = a, b
	return c
}

// remove returns the node without k. A sub-node left with a single entry
// is folded into its parent, so the trie stays as shallow as it can.
func (n *hnode) remove(k Term, h uint64, shift uint) (*hnode, bool) {
	if shift >= 64 {
		for i, e := range n.data {
			if Identical(e.k, k) {
				c := make([]entry, 0, len(n.data)-1)
				c = append(append(c, n.data[:i]...), n.data[i+1:]...)
				return &hnode{data: c}, true
			}
		}
		return n, false
	}
	bit := bitpos(h, shift)
	switch {
	case n.dataMap&bit != 0:
		i := index(n.dataMap, bit)
		if !Identical(n.data[i].k, k) {
			return n, false
		}
		data := make([]entry, len(n.data)-1)
		copy(data, n.data[:i])
		copy(data[i:], n.data[i+1:])
		return &hnode{dataMap: n.dataMap &^ bit, nodeMap: n.nodeMap, data: data, kids: n.kids}, true
	case n.nodeMap&bit != 0:
		j := index(n.nodeMap, bit)
		sub, removed := n.kids[j].remove(k, h, shift+hashBits)
		if !removed {
			return n, false
		}
		if e, ok := sub.single(); ok {
			// Fold the sub-node's last entry into this node.
			kids := make([]*hnode, len(n.kids)-1)
			copy(kids, n.kids[:j])
			copy(kids[j:], n.kids[j+1:])
			i := index(n.dataMap, bit)
			data := make([]entry, len(n.data)+1)
			copy(data, n.data[:i])
			data[i] = e
			copy(data[i+1:], n.data[i:])
			return &hnode{dataMap: n.dataMap | bit, nodeMap: n.nodeMap &^ bit, data: data, kids: kids}, true
		}
		kids := make([]*hnode, len(n.kids))
		copy(kids, n.kids)
		kids[j] = sub
		return &hnode{dataMap: n.dataMap, nodeMap: n.nodeMap, data: n.data, kids: kids}, true
	}
	return n, false
}

// single returns the node's only entry, if it holds exactly one and no
// sub-nodes.
func (n *hnode) single() (entry, bool) {
	if n.nodeMap == 0 && len(n.data) == 1 {
		return n.data[0], true
	}
	return entry{}, false
}

// each calls f for every entry, in hash order.
func (n *hnode) each(f func(entry)) {
	for _, e := range n.data {
		f(e)
	}
	for _, k := range n.kids {
		k.each(f)
	}
}
