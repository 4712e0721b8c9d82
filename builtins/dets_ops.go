package builtins

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"

	bolt "go.etcd.io/bbolt"

	"goiex/vm"
	"goiex/vm/term"
)

// The :dets calls on an open table: each is one bbolt transaction, a
// read-only one (View) or a writing one (Update, durable when it
// returns). See dets_file.go for the layout of the objects bucket.

// seqBytes is the length of the sequence number after a key's bytes.
const seqBytes = 8

// update runs f in a writing transaction, with the objects bucket and
// the table's size, which f may change.
func (t *detsTable) update(f func(b *bolt.Bucket, size *int) error) error {
	return guardBolt(func() error {
		return t.file.db.Update(func(tx *bolt.Tx) error {
			meta, b := tx.Bucket(bucketMeta), tx.Bucket(bucketObjects)
			n, _ := binary.Uvarint(meta.Get([]byte("size")))
			size := int(n)
			if err := f(b, &size); err != nil {
				return err
			}
			return meta.Put([]byte("size"), binary.AppendUvarint(nil, uint64(size)))
		})
	})
}

// view runs f in a read-only transaction over the objects bucket.
func (t *detsTable) view(f func(b *bolt.Bucket) error) error {
	return guardBolt(func() error {
		return t.file.db.View(func(tx *bolt.Tx) error { return f(tx.Bucket(bucketObjects)) })
	})
}

// failure is the {:error, reason} a call returns when the file fails
// under it: {:bad_object, file} for data that does not decode (Erlang's
// reason for a damaged object), {:file_error, file, posix} otherwise.
func (t *detsTable) failure(err error) term.Term {
	var pe *os.PathError
	if errors.Is(err, errNotDets) || !errors.As(err, &pe) {
		return term.Tuple(term.Error, term.Tuple(atom("bad_object"), t.filename))
	}
	return term.Tuple(term.Error, term.Tuple(atom("file_error"), t.filename, posix(err)))
}

// keyOf returns an object's key, or false if it is not a tuple with an
// element at the key position.
func (t *detsTable) keyOf(obj term.Term) (term.Term, bool) {
	if !obj.IsTuple() || obj.TupleSize() < t.keypos {
		return term.Term{}, false
	}
	return obj.Elems()[t.keypos-1], true
}

// objects takes insert's second argument: a tuple or a list of tuples.
func (t *detsTable) objects(arg term.Term) ([]term.Term, error) {
	objs := []term.Term{arg}
	if !arg.IsTuple() {
		list, ok := term.ListToSlice(arg)
		if !ok {
			return nil, errDetsBadarg()
		}
		objs = list
	}
	for _, o := range objs {
		if _, ok := t.keyOf(o); !ok {
			return nil, errDetsBadarg()
		}
	}
	return objs, nil
}

// entries calls f with the bbolt key and value of each object stored
// under the key whose canonical bytes are prefix, in insertion order.
func entries(b *bolt.Bucket, prefix []byte, f func(k, v []byte) error) error {
	c := b.Cursor()
	for k, v := c.Seek(prefix); k != nil && len(k) == len(prefix)+seqBytes && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		if err := f(k, v); err != nil {
			return err
		}
	}
	return nil
}

// keysUnder returns the bbolt keys of the objects stored under prefix
// that keep says yes to; a caller that deletes collects them first
// (deleting under a bbolt cursor skips the next entry).
func keysUnder(b *bolt.Bucket, prefix []byte, keep func(v []byte) (bool, error)) ([][]byte, error) {
	var ks [][]byte
	err := entries(b, prefix, func(k, v []byte) error {
		ok, err := keep(v)
		if ok {
			ks = append(ks, append([]byte(nil), k...))
		}
		return err
	})
	return ks, err
}

func deleteAll(b *bolt.Bucket, ks [][]byte, size *int) error {
	for _, k := range ks {
		if err := b.Delete(k); err != nil {
			return err
		}
		*size--
	}
	return nil
}

// put stores obj under a new sequence number, after its key's others.
func (t *detsTable) put(b *bolt.Bucket, prefix []byte, obj term.Term, size *int) error {
	seq, err := b.NextSequence()
	if err != nil {
		return err
	}
	*size++
	return b.Put(binary.BigEndian.AppendUint64(prefix, seq), t.codec.Encode(obj))
}

// sameObject is a keep function for keysUnder: the stored objects that
// are === obj.
func (t *detsTable) sameObject(obj term.Term) func(v []byte) (bool, error) {
	return func(v []byte) (bool, error) {
		o, err := t.codec.Decode(v)
		return err == nil && term.Identical(o, obj), err
	}
}

func always([]byte) (bool, error) { return true, nil }

// errDetsExists ends insert_new/2's transaction when a key is there.
var errDetsExists = errors.New("key exists")

// detsInsert is insert/2 (:ok) and insert_new/2 (true, or false when
// any key is there already, inserting nothing). A :set keeps the last
// object of each key; a :bag keeps one of each distinct object, moving
// an object inserted again to the end, as Erlang's does; a
// :duplicate_bag keeps them all.
func detsInsert(p *vm.Process, a []term.Term, onlyNew bool) (term.Term, error) {
	t, err := openTable(p, a[0])
	if err != nil {
		return term.Term{}, err
	}
	objs, err := t.objects(a[1])
	if err != nil {
		return term.Term{}, err
	}
	err = t.update(func(b *bolt.Bucket, size *int) error {
		prefixes := make([][]byte, len(objs))
		for i, o := range objs {
			key, _ := t.keyOf(o)
			prefixes[i] = t.codec.EncodeKey(key)
			if onlyNew {
				if k, _ := b.Cursor().Seek(prefixes[i]); k != nil && bytes.HasPrefix(k, prefixes[i]) && len(k) == len(prefixes[i])+seqBytes {
					return errDetsExists // nothing to write: roll back
				}
			}
		}
		for i, o := range objs {
			var gone [][]byte
			var err error
			switch t.kind {
			case "set":
				gone, err = keysUnder(b, prefixes[i], always)
			case "bag":
				gone, err = keysUnder(b, prefixes[i], t.sameObject(o))
			}
			if err != nil {
				return err
			}
			if err := deleteAll(b, gone, size); err != nil {
				return err
			}
			if err := t.put(b, prefixes[i], o, size); err != nil {
				return err
			}
		}
		return nil
	})
	switch {
	case err == errDetsExists:
		return term.False, nil
	case err != nil:
		return t.failure(err), nil
	case onlyNew:
		return term.True, nil
	}
	return term.OK, nil
}

// objectsUnder decodes the objects stored under a key.
func (t *detsTable) objectsUnder(b *bolt.Bucket, prefix []byte) ([]term.Term, error) {
	var out []term.Term
	err := entries(b, prefix, func(_, v []byte) error {
		o, err := t.codec.Decode(v)
		out = append(out, o)
		return err
	})
	return out, err
}

func detsLookup(p *vm.Process, a []term.Term) (term.Term, error) {
	t, err := openTable(p, a[0])
	if err != nil {
		return term.Term{}, err
	}
	var objs []term.Term
	err = t.view(func(b *bolt.Bucket) (err error) {
		objs, err = t.objectsUnder(b, t.codec.EncodeKey(a[1]))
		return err
	})
	if err != nil {
		return t.failure(err), nil
	}
	return term.List(objs...), nil
}

func detsMember(p *vm.Process, a []term.Term) (term.Term, error) {
	t, err := openTable(p, a[0])
	if err != nil {
		return term.Term{}, err
	}
	found := false
	err = t.view(func(b *bolt.Bucket) error {
		return entries(b, t.codec.EncodeKey(a[1]), func(_, _ []byte) error { found = true; return nil })
	})
	if err != nil {
		return t.failure(err), nil
	}
	return term.Bool(found), nil
}

func detsDelete(p *vm.Process, a []term.Term) (term.Term, error) {
	t, err := openTable(p, a[0])
	if err != nil {
		return term.Term{}, err
	}
	err = t.update(func(b *bolt.Bucket, size *int) error {
		gone, err := keysUnder(b, t.codec.EncodeKey(a[1]), always)
		if err != nil {
			return err
		}
		return deleteAll(b, gone, size)
	})
	if err != nil {
		return t.failure(err), nil
	}
	return term.OK, nil
}

// detsDeleteObject removes every object === the one given (all copies
// of it in a :duplicate_bag).
func detsDeleteObject(p *vm.Process, a []term.Term) (term.Term, error) {
	t, err := openTable(p, a[0])
	if err != nil {
		return term.Term{}, err
	}
	key, ok := t.keyOf(a[1])
	if !ok {
		return term.Term{}, errDetsBadarg()
	}
	err = t.update(func(b *bolt.Bucket, size *int) error {
		gone, err := keysUnder(b, t.codec.EncodeKey(key), t.sameObject(a[1]))
		if err != nil {
			return err
		}
		return deleteAll(b, gone, size)
	})
	if err != nil {
		return t.failure(err), nil
	}
	return term.OK, nil
}

func detsDeleteAll(p *vm.Process, a []term.Term) (term.Term, error) {
	t, err := openTable(p, a[0])
	if err != nil {
		return term.Term{}, err
	}
	err = guardBolt(func() error {
		return t.file.db.Update(func(tx *bolt.Tx) error {
			if err := tx.DeleteBucket(bucketObjects); err != nil {
				return err
			}
			if _, err := tx.CreateBucket(bucketObjects); err != nil {
				return err
			}
			return tx.Bucket(bucketMeta).Put([]byte("size"), binary.AppendUvarint(nil, 0))
		})
	})
	if err != nil {
		return t.failure(err), nil
	}
	return term.OK, nil
}

// detsUpdateCounter is update_counter(name, key, incr | {pos, incr}) on
// a :set: the object must exist (there is no default in dets).
func detsUpdateCounter(p *vm.Process, a []term.Term) (term.Term, error) {
	t, err := openTable(p, a[0])
	if err != nil {
		return term.Term{}, err
	}
	pos, incr := t.keypos+1, a[2]
	if op := a[2]; op.IsTuple() && op.TupleSize() == 2 {
		n, ok := smallInt(op.Elems()[0])
		if !ok {
			return term.Term{}, errDetsBadarg()
		}
		pos, incr = n, op.Elems()[1]
	}
	if t.kind != "set" || !incr.IsInt() {
		return term.Term{}, errDetsBadarg()
	}
	var result term.Term
	badarg := errors.New("badarg")
	err = t.update(func(b *bolt.Bucket, size *int) error {
		prefix := t.codec.EncodeKey(a[1])
		objs, err := t.objectsUnder(b, prefix)
		if err != nil {
			return err
		}
		if len(objs) == 0 {
			return badarg
		}
		obj := objs[0]
		if pos < 1 || pos > obj.TupleSize() || pos == t.keypos || !obj.Elems()[pos-1].IsInt() {
			return badarg
		}
		el := append([]term.Term(nil), obj.Elems()...)
		if el[pos-1], err = add(el[pos-1], incr); err != nil {
			return err
		}
		result = el[pos-1]
		gone, err := keysUnder(b, prefix, always)
		if err != nil {
			return err
		}
		if err := deleteAll(b, gone, size); err != nil {
			return err
		}
		return t.put(b, prefix, term.Tuple(el...), size)
	})
	switch {
	case err == badarg:
		return term.Term{}, errDetsBadarg()
	case err != nil:
		return t.failure(err), nil
	}
	return result, nil
}

// keyAt decodes the :dets key of a bbolt key.
func (t *detsTable) keyAt(k []byte) (term.Term, error) {
	return t.codec.Decode(k[:len(k)-seqBytes])
}

// detsFirst and detsNext walk the keys in the order of their bytes;
// next/2 of a key that is not there gives the key after where it would
// be (Erlang gives some key too, rather than an error).
func detsFirst(p *vm.Process, a []term.Term) (term.Term, error) {
	return detsStep(p, a[0], nil)
}

func detsNext(p *vm.Process, a []term.Term) (term.Term, error) {
	t, err := openTable(p, a[0])
	if err != nil {
		return term.Term{}, err
	}
	after := t.codec.EncodeKey(a[1])
	return detsStep(p, a[0], append(after, bytes.Repeat([]byte{0xff}, seqBytes)...))
}

func detsStep(p *vm.Process, name term.Term, seek []byte) (term.Term, error) {
	t, err := openTable(p, name)
	if err != nil {
		return term.Term{}, err
	}
	result := atom("$end_of_table")
	err = t.view(func(b *bolt.Bucket) error {
		c := b.Cursor()
		k, _ := c.First()
		if seek != nil {
			k, _ = c.Seek(seek)
		}
		if k == nil {
			return nil
		}
		key, err := t.keyAt(k)
		result = key
		return err
	})
	if err != nil {
		return t.failure(err), nil
	}
	return result, nil
}

// scan calls f with each object of the table, in the order of the keys'
// bytes, or only with the objects under key when the caller knows it.
func (t *detsTable) scan(b *bolt.Bucket, key term.Term, f func(k []byte, obj term.Term) error) error {
	each := func(k, v []byte) error {
		o, err := t.codec.Decode(v)
		if err != nil {
			return err
		}
		return f(k, o)
	}
	if key.Valid() {
		return entries(b, t.codec.EncodeKey(key), each)
	}
	return b.ForEach(each)
}

// info items, as OTP 25 gives them for a table (:dets.info/1 lists the
// first five). :owner and :users name the processes that opened the
// table (Erlang's :owner and :pid are its table server process, which
// goiex does not have).
func detsInfo(p *vm.Process, a []term.Term) (term.Term, error) {
	t := detsOf(p.VM()).tables[a[0]]
	if t == nil {
		return atom("undefined"), nil
	}
	var size, keys int
	err := guardBolt(func() error {
		return t.file.db.View(func(tx *bolt.Tx) error {
			n, _ := binary.Uvarint(tx.Bucket(bucketMeta).Get([]byte("size")))
			size = int(n)
			if len(a) == 1 || a[1] != atom("no_keys") {
				return nil
			}
			var last []byte
			return tx.Bucket(bucketObjects).ForEach(func(k, _ []byte) error {
				if kb := k[:len(k)-seqBytes]; !bytes.Equal(kb, last) {
					keys++
					last = append(last[:0], kb...)
				}
				return nil
			})
		})
	})
	if err != nil {
		return t.failure(err), nil
	}
	fileSize := int64(0)
	if st, err := os.Stat(t.file.path); err == nil {
		fileSize = st.Size()
	}
	item := func(k string, v term.Term) term.Term { return term.Tuple(atom(k), v) }
	items := []term.Term{
		item("type", atom(t.kind)),
		item("keypos", term.Int(int64(t.keypos))),
		item("size", term.Int(int64(size))),
		item("file_size", term.Int(fileSize)),
		item("filename", t.filename),
	}
	if len(a) == 1 {
		return term.List(items...), nil
	}
	more := []term.Term{
		item("access", atom("read_write")),
		item("auto_save", term.Int(180000)),
		item("hash", atom("phash2")),
		item("memory", term.Int(fileSize)),
		item("no_keys", term.Int(int64(keys))),
		item("no_objects", term.Int(int64(size))),
		item("owner", t.users[0]),
		item("ram_file", term.False),
		item("safe_fixed", term.False),
		item("users", term.List(t.users...)),
		item("version", term.Int(9)),
	}
	for _, it := range append(items, more...) {
		if it.Elems()[0] == a[1] {
			return it.Elems()[1], nil
		}
	}
	return atom("undefined"), nil
}
