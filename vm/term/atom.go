package term

import "sync"

// The atom table is shared by every VM in the program: atoms are interned
// once and never freed, as on the BEAM.
var atoms = struct {
	sync.RWMutex
	names []string
	index map[string]uint32
}{index: map[string]uint32{}}

// Atom returns the atom with the given name (without the colon),
// interning it on first use.
func Atom(name string) Term {
	atoms.RLock()
	i, ok := atoms.index[name]
	atoms.RUnlock()
	if !ok {
		atoms.Lock()
		if i, ok = atoms.index[name]; !ok {
			i = uint32(len(atoms.names))
			atoms.names = append(atoms.names, name)
			atoms.index[name] = i
		}
		atoms.Unlock()
	}
	return imm(KindAtom, uint64(i))
}

// ExistingAtom returns the atom with the given name if it was interned
// before (String.to_existing_atom).
func ExistingAtom(name string) (Term, bool) {
	atoms.RLock()
	i, ok := atoms.index[name]
	atoms.RUnlock()
	return imm(KindAtom, uint64(i)), ok
}

func atomName(i uint32) string {
	atoms.RLock()
	defer atoms.RUnlock()
	return atoms.names[i]
}

// Atoms the VM and the library use everywhere. The first three are
// interned in this order so that their indices are stable.
var (
	True  = Atom("true")
	False = Atom("false")
	Nil   = Atom("nil")

	OK        = Atom("ok")
	Error     = Atom("error")
	Normal    = Atom("normal")
	Kill      = Atom("kill")
	Killed    = Atom("killed")
	Undefined = Atom("undefined")
	Infinity  = Atom("infinity")
)
