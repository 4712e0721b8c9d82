package builtins

import (
	"math/rand/v2"
	"path/filepath"
	"sync"

	"goiex/vm"
	"goiex/vm/term"
	"goiex/vm/term/diskterm"
)

// Erlang's :dets: tables of tuples kept in a file, so that they outlive
// the processes that use them, a crash of the machine, and a restart of
// goiex. The API and its answers are Erlang's (OTP 25): open_file/2 gives
// {:ok, name} or {:error, reason}; a call on a table that is not open
// raises ArgumentError ("argument error"), as dets.erl's badarg does.
//
// What is stored, and how, is goiex's own: one bbolt database per file
// (dets_file.go) holding terms in diskterm's encoding. A goiex dets file
// is not an Erlang one, and the walking order of first/next,
// match_object and foldl (the order of the keys' encoded bytes) is not
// Erlang's hash order; programs that print a whole table sort it first.
//
// A table is open while some process that opened it lives: it is closed
// when the last of them calls close/1 or exits (including when the
// machine restarts), as in Erlang. Any process may read and write an open
// table.
//
// A native must not wait long, and a change here waits for the disk: it
// returns after its transaction is committed, which costs an fsync
// (0.3 to 1 ms on this machine's disk; see scripts/bench/dets.exs), and
// the scheduler runs nothing else meanwhile. That is the price of
// "returned means durable"; Erlang's dets buffers writes instead and
// makes durability the caller's sync/1. Reads take no fsync.

func detsNatives() []vm.NativeSpec {
	const m = ":dets"
	return []vm.NativeSpec{
		spec(m, "open_file", 2, detsOpenFile),
		spec(m, "close", 1, detsClose),
		spec(m, "all", 0, detsAll),
		spec(m, "info", 1, detsInfo),
		spec(m, "info", 2, detsInfo),
		spec(m, "sync", 1, detsSync),
		spec(m, "insert", 2, func(p *vm.Process, a []term.Term) (term.Term, error) { return detsInsert(p, a, false) }),
		spec(m, "insert_new", 2, func(p *vm.Process, a []term.Term) (term.Term, error) { return detsInsert(p, a, true) }),
		spec(m, "lookup", 2, detsLookup),
		spec(m, "member", 2, detsMember),
		spec(m, "delete", 2, detsDelete),
		spec(m, "delete_object", 2, detsDeleteObject),
		spec(m, "delete_all_objects", 1, detsDeleteAll),
		spec(m, "update_counter", 3, detsUpdateCounter),
		spec(m, "first", 1, detsFirst),
		spec(m, "next", 2, detsNext),
		spec(m, "match_object", 2, detsMatchObject),
		spec(m, "match", 2, detsMatch),
		spec(m, "match_delete", 2, detsMatchDelete),
		spec(m, "select", 2, detsSelect),
		spec(m, "select_delete", 2, detsSelectDelete),
	}
}

// detsTable is one open table: a name over a file.
type detsTable struct {
	name     term.Term
	filename term.Term // the file as open_file/2 was given it (a charlist)
	file     *detsFile
	kind     string // set, bag, duplicate_bag
	keypos   int    // 1-based
	users    []term.Term
	opens    map[term.Term]int // how many times each user opened it
	codec    diskterm.Codec
}

// detsNode holds the tables of one VM, and the files under them (two
// names may be open on one file, as in Erlang).
type detsNode struct {
	tables      map[term.Term]*detsTable
	order       []term.Term // table names in the order they were opened
	files       map[string]*detsFile
	incarnation uint64
}

var (
	detsMu    sync.Mutex
	detsNodes = map[*vm.VM]*detsNode{}
)

// detsOf returns v's tables, registering the exit hook that closes a
// table when its last user exits, the first time v uses :dets. Each VM
// (each run of the machine) gets a fresh incarnation number: pids and
// references stored by an earlier run read back as their printed form
// (see package diskterm).
func detsOf(v *vm.VM) *detsNode {
	detsMu.Lock()
	defer detsMu.Unlock()
	n, ok := detsNodes[v]
	if !ok {
		n = &detsNode{tables: map[term.Term]*detsTable{}, files: map[string]*detsFile{}, incarnation: rand.Uint64()}
		detsNodes[v] = n
		v.OnExit(n.userExited)
	}
	return n
}

func (n *detsNode) userExited(p *vm.Process) {
	for _, name := range append([]term.Term(nil), n.order...) {
		if t := n.tables[name]; t.opens[p.Pid()] > 0 {
			t.opens[p.Pid()] = 1
			n.release(t, p.Pid())
		}
	}
}

// release ends one open of t by pid, closing t after the last one.
func (n *detsNode) release(t *detsTable, pid term.Term) {
	t.opens[pid]--
	if t.opens[pid] > 0 {
		return
	}
	delete(t.opens, pid)
	for i, u := range t.users {
		if u == pid {
			t.users = append(t.users[:i:i], t.users[i+1:]...)
			break
		}
	}
	if len(t.users) > 0 {
		return
	}
	delete(n.tables, t.name)
	for i, name := range n.order {
		if name == t.name {
			n.order = append(n.order[:i:i], n.order[i+1:]...)
			break
		}
	}
	n.closeFile(t.file)
}

func (n *detsNode) closeFile(f *detsFile) {
	f.refs--
	if f.refs == 0 {
		delete(n.files, f.path)
		f.db.Close()
	}
}

// errDetsBadarg is what dets.erl raises for a bad argument or a table
// that is not open: erlang:error(badarg), "argument error" in Elixir.
func errDetsBadarg() error { return argError("argument error") }

// openTable finds the open table a process names.
func openTable(p *vm.Process, name term.Term) (*detsTable, error) {
	if t := detsOf(p.VM()).tables[name]; t != nil {
		return t, nil
	}
	return nil, errDetsBadarg()
}

// detsOptions are open_file/2's options.
type detsOptions struct {
	filename term.Term // as given, a charlist
	path     string    // absolute
	kind     string
	keypos   int
}

func parseDetsOptions(name, opts term.Term) (detsOptions, error) {
	o := detsOptions{kind: "set", keypos: 1, filename: term.ListFromString(name.AtomName())}
	list, ok := term.ListToSlice(opts)
	if !ok {
		return o, errDetsBadarg()
	}
	for _, opt := range list {
		if !opt.IsTuple() || opt.TupleSize() != 2 || !opt.Elems()[0].IsAtom() {
			return o, errDetsBadarg()
		}
		key, val := opt.Elems()[0].AtomName(), opt.Elems()[1]
		switch key {
		case "file":
			// A charlist or an atom, as file:name() is for dets.erl; a
			// binary raises there, so it does here.
			switch {
			case val.IsAtom():
				o.filename = term.ListFromString(val.AtomName())
			case val.IsCons() && term.IsCharlist(val):
				o.filename = val
			default:
				return o, errDetsBadarg()
			}
		case "type":
			if val != atom("set") && val != atom("bag") && val != atom("duplicate_bag") {
				return o, errDetsBadarg()
			}
			o.kind = val.AtomName()
		case "keypos":
			k, ok := smallInt(val)
			if !ok || k < 1 {
				return o, errDetsBadarg()
			}
			o.keypos = k
		case "access", "auto_save", "estimated_no_objects", "max_no_slots", "min_no_slots", "ram_file", "repair":
			// Accepted; they change nothing here (every change is on disk
			// when it returns, and bbolt needs no repair).
		default:
			return o, errDetsBadarg()
		}
	}
	path, _ := term.ChardataToString(o.filename)
	abs, err := filepath.Abs(path)
	if err != nil {
		return o, errDetsBadarg()
	}
	o.path = abs
	return o, nil
}

// detsOpenFile is open_file(name, options).
func detsOpenFile(p *vm.Process, a []term.Term) (term.Term, error) {
	name := a[0]
	if !name.IsAtom() {
		return term.Term{}, errDetsBadarg()
	}
	o, err := parseDetsOptions(name, a[1])
	if err != nil {
		return term.Term{}, err
	}
	n := detsOf(p.VM())
	if t := n.tables[name]; t != nil {
		// Open already: the caller becomes a user if it asks for the same.
		if t.file.path != o.path || t.kind != o.kind || t.keypos != o.keypos {
			return term.Tuple(term.Error, atom("incompatible_arguments")), nil
		}
		t.addUser(p.Pid())
		return okTuple(name), nil
	}
	f := n.files[o.path]
	if f == nil {
		db, err := openBolt(o.path)
		if err != nil {
			return detsOpenError(err, o.filename), nil
		}
		f = &detsFile{path: o.path, db: db}
		n.files[o.path] = f
	}
	f.refs++
	mismatch, err := initDetsFile(f.db, o.kind, o.keypos, o.filename)
	if err != nil || mismatch.Valid() {
		n.closeFile(f)
		if err != nil {
			return detsOpenError(err, o.filename), nil
		}
		return mismatch, nil
	}
	t := &detsTable{name: name, filename: o.filename, file: f, kind: o.kind, keypos: o.keypos,
		opens: map[term.Term]int{}, codec: diskterm.Codec{Incarnation: n.incarnation}}
	t.addUser(p.Pid())
	n.tables[name] = t
	n.order = append(n.order, name)
	return okTuple(name), nil
}

func (t *detsTable) addUser(pid term.Term) {
	if t.opens[pid] == 0 {
		t.users = append(t.users, pid)
	}
	t.opens[pid]++
}

// detsClose is close(name): {:error, :not_owner} from a process that did
// not open the table (or when it is not open), as in Erlang.
func detsClose(p *vm.Process, a []term.Term) (term.Term, error) {
	n := detsOf(p.VM())
	t := n.tables[a[0]]
	if t == nil || t.opens[p.Pid()] == 0 {
		return term.Tuple(term.Error, atom("not_owner")), nil
	}
	n.release(t, p.Pid())
	return term.OK, nil
}

func detsAll(p *vm.Process, _ []term.Term) (term.Term, error) {
	return term.List(detsOf(p.VM()).order...), nil
}

// detsSync is sync(name). Every change was on disk when it returned, so
// there is nothing to write.
func detsSync(p *vm.Process, a []term.Term) (term.Term, error) {
	if _, err := openTable(p, a[0]); err != nil {
		return term.Term{}, err
	}
	return term.OK, nil
}
