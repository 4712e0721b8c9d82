package builtins

import (
	"sort"
	"sync"

	"goiex/vm"
	"goiex/vm/term"
)

// Erlang's :ets: tables of tuples, keyed by one element of the tuple,
// that outlive the call that made them but not the process that owns
// them. Terms are immutable, so a table stores them as they are: a lookup
// shares nothing a process could change.
//
// Keys are compared as patterns compare (1 and 1.0 are different keys).
// tab2list, first and next walk a :set or :bag in insertion order, where
// the BEAM walks in hash order; an :ordered_set walks in term order.

func etsNatives() []vm.NativeSpec {
	const m = ":ets"
	return []vm.NativeSpec{
		spec(m, "new", 2, etsNew),
		spec(m, "insert", 2, func(p *vm.Process, a []term.Term) (term.Term, error) { return etsInsert(p, a, false) }),
		spec(m, "insert_new", 2, func(p *vm.Process, a []term.Term) (term.Term, error) { return etsInsert(p, a, true) }),
		spec(m, "lookup", 2, etsLookup),
		spec(m, "lookup_element", 3, etsLookupElement),
		spec(m, "member", 2, etsMember),
		spec(m, "delete", 1, etsDeleteTable),
		spec(m, "delete", 2, etsDeleteKey),
		spec(m, "delete_object", 2, etsDeleteObject),
		spec(m, "delete_all_objects", 1, etsDeleteAll),
		spec(m, "tab2list", 1, etsTab2List),
		spec(m, "update_counter", 3, etsUpdateCounter),
		spec(m, "update_counter", 4, etsUpdateCounter),
		spec(m, "info", 1, etsInfo),
		spec(m, "info", 2, etsInfo),
		spec(m, "first", 1, func(p *vm.Process, a []term.Term) (term.Term, error) { return etsStep(p, a, "first") }),
		spec(m, "last", 1, func(p *vm.Process, a []term.Term) (term.Term, error) { return etsStep(p, a, "last") }),
		spec(m, "next", 2, func(p *vm.Process, a []term.Term) (term.Term, error) { return etsStep(p, a, "next") }),
		spec(m, "prev", 2, func(p *vm.Process, a []term.Term) (term.Term, error) { return etsStep(p, a, "prev") }),
	}
}

// etsTable is one table. keys keeps the distinct keys in walking order;
// rows finds a key's objects by hash.
type etsTable struct {
	id     term.Term // the name of a named table, else a reference
	name   term.Term
	named  bool
	kind   string // set, ordered_set, bag, duplicate_bag
	access string // public, protected, private
	keypos int    // 1-based
	owner  term.Term
	keys   []term.Term
	rows   map[uint64][]*etsRow
}

type etsRow struct {
	key  term.Term
	objs []term.Term // one for a set; several for a bag
}

// etsNode holds the tables of one VM.
type etsNode struct {
	tables map[term.Term]*etsTable // by id
	names  map[term.Term]*etsTable // named tables by name
}

var (
	etsMu    sync.Mutex
	etsNodes = map[*vm.VM]*etsNode{}
)

// etsOf returns v's tables, registering the exit hook that deletes a
// table when its owner dies the first time v uses :ets.
func etsOf(v *vm.VM) *etsNode {
	etsMu.Lock()
	defer etsMu.Unlock()
	n, ok := etsNodes[v]
	if !ok {
		n = &etsNode{tables: map[term.Term]*etsTable{}, names: map[term.Term]*etsTable{}}
		etsNodes[v] = n
		v.OnExit(n.ownerExited)
	}
	return n
}

func (n *etsNode) ownerExited(p *vm.Process) {
	for id, t := range n.tables {
		if t.owner == p.Pid() {
			n.drop(id)
		}
	}
}

func (n *etsNode) drop(id term.Term) {
	t := n.tables[id]
	delete(n.tables, id)
	if t != nil && t.named {
		delete(n.names, t.name)
	}
}

const (
	errNoTable    = "the table identifier does not refer to an existing ETS table"
	errAccess     = "the table identifier refers to an ETS table with insufficient access rights"
	errWrongType  = "the table identifier refers to an ETS table of a type not supported by this operation"
	errNotTuple   = "not a tuple"
	errNoKey      = "not a key that exists in the table"
	errBadOptions = "invalid options"
)

// table finds the table a process names; write says whether it means to
// change it (a :protected table is read-only for other processes).
func table(p *vm.Process, id term.Term, write bool) (*etsTable, error) {
	n := etsOf(p.VM())
	t := n.tables[id]
	if t == nil && id.IsAtom() {
		t = n.names[id]
	}
	if t == nil {
		return nil, badarg(1, errNoTable)
	}
	if t.owner != p.Pid() && (t.access == "private" || (write && t.access == "protected")) {
		return nil, badarg(1, errAccess)
	}
	return t, nil
}

func etsNew(p *vm.Process, a []term.Term) (term.Term, error) {
	name, opts := a[0], a[1]
	if !name.IsAtom() {
		return term.Term{}, badarg(1, "not an atom")
	}
	t := &etsTable{name: name, kind: "set", access: "protected", keypos: 1, owner: p.Pid(), rows: map[uint64][]*etsRow{}}
	for l := opts; ; l = l.Tail() {
		if l.IsEmptyList() {
			break
		}
		if !l.IsCons() {
			return term.Term{}, badarg(2, "not a list")
		}
		o := l.Head()
		switch {
		case o == atom("set") || o == atom("ordered_set") || o == atom("bag") || o == atom("duplicate_bag"):
			t.kind = o.AtomName()
		case o == atom("public") || o == atom("protected") || o == atom("private"):
			t.access = o.AtomName()
		case o == atom("named_table"):
			t.named = true
		case o.IsTuple() && o.TupleSize() == 2 && o.Elems()[0] == atom("keypos"):
			k, ok := smallInt(o.Elems()[1])
			if !ok || k < 1 {
				return term.Term{}, badarg(2, errBadOptions)
			}
			t.keypos = k
		case o == atom("compressed"),
			o.IsTuple() && o.TupleSize() == 2 && (o.Elems()[0] == atom("read_concurrency") ||
				o.Elems()[0] == atom("write_concurrency") || o.Elems()[0] == atom("decentralized_counters") ||
				o.Elems()[0] == atom("heir")):
			// Accepted; they change nothing here.
		default:
			return term.Term{}, badarg(2, errBadOptions)
		}
	}
	n := etsOf(p.VM())
	if t.named {
		if n.names[name] != nil {
			return term.Term{}, badarg(1, "table name already exists")
		}
		t.id = name
		n.names[name] = t
	} else {
		t.id = p.VM().MakeRef()
	}
	n.tables[t.id] = t
	return t.id, nil
}

func (t *etsTable) find(key term.Term) *etsRow {
	for _, r := range t.rows[term.Hash(key)] {
		if term.Identical(r.key, key) {
			return r
		}
	}
	return nil
}

func (t *etsTable) keyOf(obj term.Term) (term.Term, bool) {
	if !obj.IsTuple() || obj.TupleSize() < t.keypos {
		return term.Term{}, false
	}
	return obj.Elems()[t.keypos-1], true
}

// put stores one object: it replaces the key's object in a set, joins
// the key's objects in a bag unless an identical one is there, and is
// always added in a duplicate_bag.
func (t *etsTable) put(obj term.Term) {
	key, _ := t.keyOf(obj)
	r := t.find(key)
	if r == nil {
		r = &etsRow{key: key}
		h := term.Hash(key)
		t.rows[h] = append(t.rows[h], r)
		t.keys = append(t.keys, key)
		if t.kind == "ordered_set" {
			sort.SliceStable(t.keys, func(i, j int) bool { return term.Compare(t.keys[i], t.keys[j]) < 0 })
		}
	}
	switch t.kind {
	case "set", "ordered_set":
		r.objs = []term.Term{obj}
	case "bag":
		for _, o := range r.objs {
			if term.Identical(o, obj) {
				return
			}
		}
		r.objs = append(r.objs, obj)
	default:
		r.objs = append(r.objs, obj)
	}
}

func (t *etsTable) remove(key term.Term) {
	h := term.Hash(key)
	rows := t.rows[h]
	for i, r := range rows {
		if term.Identical(r.key, key) {
			t.rows[h] = append(rows[:i:i], rows[i+1:]...)
			break
		}
	}
	for i, k := range t.keys {
		if term.Identical(k, key) {
			t.keys = append(t.keys[:i:i], t.keys[i+1:]...)
			break
		}
	}
}

func (t *etsTable) size() int {
	n := 0
	for _, k := range t.keys {
		n += len(t.find(k).objs)
	}
	return n
}

// objects takes insert's second argument: a tuple or a list of tuples.
func (t *etsTable) objects(arg term.Term) ([]term.Term, error) {
	var objs []term.Term
	if arg.IsTuple() {
		objs = []term.Term{arg}
	} else if list, ok := term.ListToSlice(arg); ok {
		objs = list
	} else {
		return nil, badarg(2, errNotTuple)
	}
	for _, o := range objs {
		if !o.IsTuple() {
			return nil, badarg(2, errNotTuple)
		}
		if o.TupleSize() == 0 {
			return nil, badarg(2, "is an empty tuple")
		}
		if o.TupleSize() < t.keypos {
			return nil, badarg(2, "the tuple is too small for the key position")
		}
	}
	return objs, nil
}

func etsInsert(p *vm.Process, a []term.Term, onlyNew bool) (term.Term, error) {
	t, err := table(p, a[0], true)
	if err != nil {
		return term.Term{}, err
	}
	objs, err := t.objects(a[1])
	if err != nil {
		return term.Term{}, err
	}
	if onlyNew {
		for _, o := range objs {
			if k, _ := t.keyOf(o); t.find(k) != nil {
				return term.False, nil
			}
		}
	}
	for _, o := range objs {
		t.put(o)
	}
	return term.True, nil
}

func etsLookup(p *vm.Process, a []term.Term) (term.Term, error) {
	t, err := table(p, a[0], false)
	if err != nil {
		return term.Term{}, err
	}
	if r := t.find(a[1]); r != nil {
		return term.List(r.objs...), nil
	}
	return term.EmptyList, nil
}

func etsLookupElement(p *vm.Process, a []term.Term) (term.Term, error) {
	t, err := table(p, a[0], false)
	if err != nil {
		return term.Term{}, err
	}
	r := t.find(a[1])
	if r == nil {
		return term.Term{}, badarg(2, errNoKey)
	}
	pos, ok := smallInt(a[2])
	var out []term.Term
	for _, o := range r.objs {
		if !ok || pos < 1 || pos > o.TupleSize() {
			return term.Term{}, badarg(3, "out of range")
		}
		out = append(out, o.Elems()[pos-1])
	}
	if t.kind == "set" || t.kind == "ordered_set" {
		return out[0], nil
	}
	return term.List(out...), nil
}

func etsMember(p *vm.Process, a []term.Term) (term.Term, error) {
	t, err := table(p, a[0], false)
	if err != nil {
		return term.Term{}, err
	}
	return term.Bool(t.find(a[1]) != nil), nil
}

func etsDeleteTable(p *vm.Process, a []term.Term) (term.Term, error) {
	t, err := table(p, a[0], true)
	if err != nil {
		return term.Term{}, err
	}
	etsOf(p.VM()).drop(t.id)
	return term.True, nil
}

func etsDeleteKey(p *vm.Process, a []term.Term) (term.Term, error) {
	t, err := table(p, a[0], true)
	if err != nil {
		return term.Term{}, err
	}
	t.remove(a[1])
	return term.True, nil
}

func etsDeleteObject(p *vm.Process, a []term.Term) (term.Term, error) {
	t, err := table(p, a[0], true)
	if err != nil {
		return term.Term{}, err
	}
	key, ok := t.keyOf(a[1])
	if !ok {
		return term.Term{}, badarg(2, errNotTuple)
	}
	if r := t.find(key); r != nil {
		kept := r.objs[:0:0]
		for _, o := range r.objs {
			if !term.Identical(o, a[1]) {
				kept = append(kept, o)
			}
		}
		r.objs = kept
		if len(kept) == 0 {
			t.remove(key)
		}
	}
	return term.True, nil
}

func etsDeleteAll(p *vm.Process, a []term.Term) (term.Term, error) {
	t, err := table(p, a[0], true)
	if err != nil {
		return term.Term{}, err
	}
	t.keys, t.rows = nil, map[uint64][]*etsRow{}
	return term.True, nil
}

func etsTab2List(p *vm.Process, a []term.Term) (term.Term, error) {
	t, err := table(p, a[0], false)
	if err != nil {
		return term.Term{}, err
	}
	var all []term.Term
	for _, k := range t.keys {
		all = append(all, t.find(k).objs...)
	}
	return term.List(all...), nil
}

// etsUpdateCounter adds to an integer element of a set's object:
// update_counter(tab, key, incr | {pos, incr} [, default]).
func etsUpdateCounter(p *vm.Process, a []term.Term) (term.Term, error) {
	t, err := table(p, a[0], true)
	if err != nil {
		return term.Term{}, err
	}
	if t.kind != "set" && t.kind != "ordered_set" {
		return term.Term{}, badarg(1, errWrongType)
	}
	pos, incr := t.keypos+1, a[2]
	if op := a[2]; op.IsTuple() && op.TupleSize() == 2 {
		n, ok := smallInt(op.Elems()[0])
		if !ok {
			return term.Term{}, badarg(3, "not a valid update operation")
		}
		pos, incr = n, op.Elems()[1]
	}
	if !incr.IsInt() {
		return term.Term{}, badarg(3, "not a valid update operation")
	}
	r := t.find(a[1])
	if r == nil {
		if len(a) < 4 {
			return term.Term{}, badarg(2, errNoKey)
		}
		if _, ok := t.keyOf(a[3]); !ok {
			return term.Term{}, badarg(4, errNotTuple)
		}
		// The default object, with the key given, is inserted first.
		el := append([]term.Term(nil), a[3].Elems()...)
		el[t.keypos-1] = a[1]
		t.put(term.Tuple(el...))
		r = t.find(a[1])
	}
	obj := r.objs[0]
	if pos < 1 || pos > obj.TupleSize() || pos == t.keypos || !obj.Elems()[pos-1].IsInt() {
		return term.Term{}, badarg(3, "not a valid update operation")
	}
	el := append([]term.Term(nil), obj.Elems()...)
	sum, err := add(el[pos-1], incr)
	if err != nil {
		return term.Term{}, err
	}
	el[pos-1] = sum
	r.objs = []term.Term{term.Tuple(el...)}
	return sum, nil
}

// etsInfo is info/1 (a keyword list) and info/2 (one item); both give
// :undefined for a table that does not exist.
func etsInfo(p *vm.Process, a []term.Term) (term.Term, error) {
	n := etsOf(p.VM())
	t := n.tables[a[0]]
	if t == nil && a[0].IsAtom() {
		t = n.names[a[0]]
	}
	if t == nil {
		if !a[0].IsAtom() && !a[0].IsRef() {
			return term.Term{}, badarg(1, "not a valid table identifier")
		}
		return atom("undefined"), nil
	}
	items := []term.Term{
		term.Tuple(atom("id"), t.id),
		term.Tuple(atom("decentralized_counters"), term.False),
		term.Tuple(atom("read_concurrency"), term.False),
		term.Tuple(atom("write_concurrency"), term.False),
		term.Tuple(atom("compressed"), term.False),
		term.Tuple(atom("memory"), term.Int(int64(300+t.size()*8))),
		term.Tuple(atom("owner"), t.owner),
		term.Tuple(atom("heir"), atom("none")),
		term.Tuple(atom("name"), t.name),
		term.Tuple(atom("size"), term.Int(int64(t.size()))),
		term.Tuple(atom("node"), atom("nonode@nohost")),
		term.Tuple(atom("named_table"), term.Bool(t.named)),
		term.Tuple(atom("type"), atom(t.kind)),
		term.Tuple(atom("keypos"), term.Int(int64(t.keypos))),
		term.Tuple(atom("protection"), atom(t.access)),
	}
	if len(a) == 1 {
		return term.List(items...), nil
	}
	for _, it := range items {
		if it.Elems()[0] == a[1] {
			return it.Elems()[1], nil
		}
	}
	return term.Term{}, badarg(2, "is not a valid info item")
}

// etsStep walks the keys: first/last, next/prev of a key, or
// :"$end_of_table".
func etsStep(p *vm.Process, a []term.Term, how string) (term.Term, error) {
	t, err := table(p, a[0], false)
	if err != nil {
		return term.Term{}, err
	}
	end := atom("$end_of_table")
	i := -1
	switch how {
	case "first":
		i = 0
	case "last":
		i = len(t.keys) - 1
	default:
		for j, k := range t.keys {
			if term.Identical(k, a[1]) {
				i = j
				break
			}
		}
		if i < 0 {
			return term.Term{}, badarg(2, "not a key that exists in the table")
		}
		if how == "next" {
			i++
		} else {
			i--
		}
	}
	if i < 0 || i >= len(t.keys) {
		return end, nil
	}
	return t.keys[i], nil
}
