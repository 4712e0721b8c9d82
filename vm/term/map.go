package term

// Map is an immutable Elixir map. Every operation returns a new map and
// leaves the receiver as it was, so maps can be shared between processes.
//
// Keys are kept in Elixir's map-key order, which is also the order in
// which inspect prints them.
//
// INTERIM: sorted parallel slices with copy on write; to be replaced by a
// persistent structure with O(log n) Put/Delete (owner: the term helper).
type Map struct {
	keys, vals []Term
}

// EmptyMap is %{}.
var EmptyMap = NewMapTerm(&Map{})

// Len returns the number of keys.
func (m *Map) Len() int { return len(m.keys) }

func (m *Map) search(k Term) (int, bool) {
	lo, hi := 0, len(m.keys)
	for lo < hi {
		mid := (lo + hi) / 2
		c := CompareMapKeys(m.keys[mid], k)
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

// Get returns the value under key k (matched with ===).
func (m *Map) Get(k Term) (Term, bool) {
	i, ok := m.search(k)
	if !ok {
		return Term{}, false
	}
	return m.vals[i], true
}

// Put returns a map with k set to v.
func (m *Map) Put(k, v Term) *Map {
	i, ok := m.search(k)
	n := &Map{}
	if ok {
		n.keys = m.keys
		n.vals = append([]Term(nil), m.vals...)
		n.vals[i] = v
		return n
	}
	n.keys = make([]Term, 0, len(m.keys)+1)
	n.keys = append(append(append(n.keys, m.keys[:i]...), k), m.keys[i:]...)
	n.vals = make([]Term, 0, len(m.vals)+1)
	n.vals = append(append(append(n.vals, m.vals[:i]...), v), m.vals[i:]...)
	return n
}

// Delete returns a map without key k.
func (m *Map) Delete(k Term) *Map {
	i, ok := m.search(k)
	if !ok {
		return m
	}
	n := &Map{}
	n.keys = append(append([]Term(nil), m.keys[:i]...), m.keys[i+1:]...)
	n.vals = append(append([]Term(nil), m.vals[:i]...), m.vals[i+1:]...)
	return n
}

// Range calls f for each key and value in order until f returns false.
func (m *Map) Range(f func(k, v Term) bool) {
	for i := range m.keys {
		if !f(m.keys[i], m.vals[i]) {
			return
		}
	}
}
