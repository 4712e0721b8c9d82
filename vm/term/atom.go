package term

import (
	"sync"
	"sync/atomic"
)

// The atom table is shared by every VM in the program: atoms are interned
// once and never freed, as on the BEAM.
//
// Names live in fixed-size chunks that never move, published through an
// atomic pointer, so that reading an atom's name (which term order does on
// every atom comparison) takes no lock.
var atoms = struct {
	sync.RWMutex
	count  uint32
	index  map[string]uint32
	chunks atomic.Pointer[[]*atomChunk]
}{index: map[string]uint32{}}

const atomChunkBits = 10

type atomChunk [1 << atomChunkBits]string

// Atom returns the atom with the given name (without the colon),
// interning it on first use.
func Atom(name string) Term {
	atoms.RLock()
	i, ok := atoms.index[name]
	atoms.RUnlock()
	if !ok {
		atoms.Lock()
		if i, ok = atoms.index[name]; !ok {
			i = atoms.count
			var chunks []*atomChunk
			if p := atoms.chunks.Load(); p != nil {
				chunks = *p
			}
			if int(i>>atomChunkBits) == len(chunks) {
				grown := make([]*atomChunk, len(chunks)+1)
				copy(grown, chunks)
				grown[len(chunks)] = new(atomChunk)
				chunks = grown
				atoms.chunks.Store(&grown)
			}
			chunks[i>>atomChunkBits][i&(1<<atomChunkBits-1)] = name
			atoms.count++
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
	return (*atoms.chunks.Load())[i>>atomChunkBits][i&(1<<atomChunkBits-1)]
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
