package builtins

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"os"
	"runtime/debug"
	"syscall"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"

	"goiex/vm/term"
)

// The file under a :dets table: one bbolt database per file. bbolt gives
// the durability :dets promises its users here: every change is one
// bbolt transaction, and a transaction returns only after its pages and
// then its meta page were written and fsync'd. So an insert that
// returned has survived a SIGKILL of goiex, or a power cut; one that did
// not return left the file as it was before it (bbolt writes new pages
// beside the old ones and switches with the meta page, alternately
// written in two slots, each with a checksum).
//
// Layout of a goiex dets file:
//
//	bucket "goiex-dets"   format → "1", type → "set", keypos → uvarint, size → uvarint
//	bucket "objects"      diskterm key ++ 8-byte sequence → diskterm object
//
// An object's bbolt key is its :dets key in diskterm's canonical form
// followed by a sequence number: all the objects of a key sit together
// (the canonical form is self-delimiting, so no key's bytes start
// another's), in the order they were inserted, which is the order
// lookup/2 gives them in a :bag, as Erlang does.

var (
	bucketMeta    = []byte("goiex-dets")
	bucketObjects = []byte("objects")
)

// detsFormat is the layout version written in the meta bucket.
const detsFormat = "1"

// detsLockTimeout is how long open_file/2 waits for a file another
// program (another goiex) holds: bbolt takes an exclusive flock.
const detsLockTimeout = 200 * time.Millisecond

// errNotDets marks a file that is not a goiex dets file, or is damaged.
var errNotDets = errors.New("not a dets file")

// detsFile is one open bbolt database, shared by the tables open on it.
type detsFile struct {
	path string // absolute, the registry's key
	db   *bolt.DB
	refs int // tables open on it
}

// openBolt opens (or creates) the bbolt database at path. A file that
// exists is checked first (checkBoltFile), because bbolt maps the file
// and trusts what its meta page says: a truncated file would make it read
// past the end of the mapping, which is a crash, not an error.
func openBolt(path string) (db *bolt.DB, err error) {
	if err := checkBoltFile(path); err != nil {
		return nil, err
	}
	var opened *os.File
	defer func() {
		// A damaged file that passed the check can still make bbolt
		// panic (or fault) while it loads: close what it opened.
		if r := recover(); r != nil {
			if opened != nil {
				opened.Close()
			}
			db, err = nil, fmt.Errorf("%w: %v", errNotDets, r)
		}
	}()
	old := debug.SetPanicOnFault(true)
	defer debug.SetPanicOnFault(old)
	return bolt.Open(path, 0o644, &bolt.Options{
		Timeout: detsLockTimeout,
		OpenFile: func(name string, flag int, perm os.FileMode) (*os.File, error) {
			f, err := os.OpenFile(name, flag, perm)
			opened = f
			return f, err
		},
	})
}

// bbolt's meta page, as it lays it out (go.etcd.io/bbolt/internal/common:
// a 16-byte page header, then magic, version, pageSize, flags as uint32,
// root bucket (root, sequence), freelist, pgid, txid and checksum as
// uint64, in the machine's byte order; the checksum is FNV-64a of the
// bytes before it).
const (
	boltMagic      = 0xED0CDAED
	boltVersion    = 2
	boltPageHeader = 16
	boltMetaSize   = 64
	boltMinPage    = 1024
)

type boltMeta struct {
	pageSize uint32
	pgid     uint64 // high-water mark: pages [0, pgid) are in use
	txid     uint64
}

// checkBoltFile reads the two meta pages of an existing file and checks
// that the file holds every page the newer valid one counts. A missing
// file is fine (bbolt creates it); an empty one, garbage, or a truncated
// database is errNotDets. Other errors are the file system's.
func checkBoltFile(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return err
	}
	if info.IsDir() {
		return &os.PathError{Op: "open", Path: path, Err: syscall.EISDIR}
	}
	size := info.Size()
	first, ok0 := readBoltMeta(f, 0)
	best, ok := first, ok0
	// bbolt finds the second meta page one page size in, trying the
	// default page size when the first meta is damaged.
	second := int64(4096)
	if ok0 {
		second = int64(first.pageSize)
	}
	if m, ok1 := readBoltMeta(f, second); ok1 && (!ok || m.txid > best.txid) {
		best, ok = m, true
	}
	if !ok {
		return errNotDets
	}
	if uint64(size) < best.pgid*uint64(best.pageSize) {
		return fmt.Errorf("%w: truncated (%d bytes, %d pages of %d)", errNotDets, size, best.pgid, best.pageSize)
	}
	return nil
}

func readBoltMeta(f *os.File, at int64) (boltMeta, bool) {
	buf := make([]byte, boltPageHeader+boltMetaSize)
	if _, err := f.ReadAt(buf, at); err != nil { // io.EOF: a file too short
		return boltMeta{}, false
	}
	m := buf[boltPageHeader:]
	ne := binary.NativeEndian
	h := fnv.New64a()
	h.Write(m[:56])
	if ne.Uint32(m[0:]) != boltMagic || ne.Uint32(m[4:]) != boltVersion || ne.Uint64(m[56:]) != h.Sum64() {
		return boltMeta{}, false
	}
	meta := boltMeta{pageSize: ne.Uint32(m[8:]), pgid: ne.Uint64(m[40:]), txid: ne.Uint64(m[48:])}
	if meta.pageSize < boltMinPage || meta.pageSize&(meta.pageSize-1) != 0 {
		return boltMeta{}, false
	}
	return meta, true
}

// detsOpenError turns a failure to open a file into Erlang's reason:
// {:not_a_dets_file, path} for garbage, an empty or a damaged file (as
// OTP 25 says for garbage and for files too short to repair), or
// {:file_error, path, posix} for the file system's refusals, as OTP 25
// gives them (:enoent, :eacces, :eisdir…). A file locked by another
// program is {:file_error, path, :eagain}: Erlang's dets takes no lock
// (two nodes writing one file corrupt it); bbolt does, and EAGAIN is
// what flock reports.
func detsOpenError(err error, filename term.Term) term.Term {
	var reason term.Term
	switch {
	case errors.Is(err, errNotDets), errors.Is(err, bolterrors.ErrInvalid),
		errors.Is(err, bolterrors.ErrVersionMismatch), errors.Is(err, bolterrors.ErrChecksum):
		reason = term.Tuple(atom("not_a_dets_file"), filename)
	case errors.Is(err, bolterrors.ErrTimeout):
		reason = term.Tuple(atom("file_error"), filename, atom("eagain"))
	default:
		reason = term.Tuple(atom("file_error"), filename, posix(err))
	}
	return term.Tuple(term.Error, reason)
}

// initDetsFile checks (or, for a new file, writes) the type and key
// position recorded in the file; it returns Erlang's error tuple for a
// mismatch ({:error, {:type_mismatch, path}}, checked first, or
// {:error, {:keypos_mismatch, path}}), or an invalid Term when the file
// matches.
func initDetsFile(db *bolt.DB, kind string, keypos int, filename term.Term) (mismatch term.Term, err error) {
	err = guardBolt(func() error {
		return db.Update(func(tx *bolt.Tx) error {
			meta := tx.Bucket(bucketMeta)
			if meta == nil {
				empty := true
				tx.ForEach(func([]byte, *bolt.Bucket) error { empty = false; return nil })
				if !empty {
					return errNotDets // a bbolt file, but not one of ours
				}
				meta, err := tx.CreateBucket(bucketMeta)
				if err != nil {
					return err
				}
				if _, err := tx.CreateBucket(bucketObjects); err != nil {
					return err
				}
				meta.Put([]byte("format"), []byte(detsFormat))
				meta.Put([]byte("type"), []byte(kind))
				meta.Put([]byte("keypos"), binary.AppendUvarint(nil, uint64(keypos)))
				return meta.Put([]byte("size"), binary.AppendUvarint(nil, 0))
			}
			if string(meta.Get([]byte("format"))) != detsFormat || tx.Bucket(bucketObjects) == nil {
				return errNotDets
			}
			if string(meta.Get([]byte("type"))) != kind {
				mismatch = term.Tuple(term.Error, term.Tuple(atom("type_mismatch"), filename))
				return nil
			}
			if k, n := binary.Uvarint(meta.Get([]byte("keypos"))); n <= 0 || k != uint64(keypos) {
				mismatch = term.Tuple(term.Error, term.Tuple(atom("keypos_mismatch"), filename))
			}
			return nil
		})
	})
	return mismatch, err
}

// guardBolt runs f, turning a panic or a memory fault inside bbolt (a
// file damaged where no checksum looks: bbolt checksums only its meta
// pages) into an error, so that a bad file costs the caller an
// {:error, …} and not the VM.
func guardBolt(f func() error) (err error) {
	old := debug.SetPanicOnFault(true)
	defer debug.SetPanicOnFault(old)
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: %v", errNotDets, r)
		}
	}()
	return f()
}
