// Package diskterm owns the binary encoding goiex writes terms to disk
// in (the :dets tables of builtins): a versioned, self-delimiting byte
// form that every kind of term round-trips through, and a canonical form
// of keys, so that two keys that are === encode to the same bytes.
//
// It does not own files, tables or transactions (builtins/dets*.go do),
// and it is not Erlang's external term format: a goiex file is read by
// goiex only.
//
// # Format, version 1
//
// A record is one version byte (1) followed by one term. A term is a tag
// byte and its payload; lengths and counts are unsigned varints
// (encoding/binary's Uvarint), so the form is self-delimiting:
//
//	'i' zigzag varint                 integer that fits in 64 bits
//	'I' sign byte, uvarint n, n bytes big integer, magnitude big-endian
//	'f' 8 bytes                       float, IEEE 754 big-endian
//	'a' uvarint n, n bytes            atom, UTF-8 name
//	'b' uvarint n, n bytes            binary
//	't' uvarint n, n terms            tuple
//	'n'                               []
//	'l' uvarint n, n terms, tail term list of n > 0 elements (tail [] if proper)
//	'm' uvarint n, n key/value pairs  map, keys in map-key order
//	'p' 8 bytes incarnation, uvarint  pid #PID<0.serial.0>
//	'r' 8 bytes incarnation, uvarint  reference
//	'F' uvarint n, n bytes            function, as printed
//
// # Pids, references and functions
//
// A pid or a reference means something only in the run of the machine
// that made it: goiex numbers processes from the start in every run, so
// #PID<0.110.0> of yesterday's run is, today, some other process or none.
// A pid is therefore stored with the incarnation of the machine that
// wrote it (a random number per VM, chosen by the caller), and read back
// as the pid itself in that same incarnation, but as its printed form, the
// binary "#PID<0.110.0>", in any other. Reading a stale pid as a live one
// would send messages to a stranger; the BEAM avoids that with the node's
// creation number, which goiex's pids do not carry. References are
// handled the same way.
//
// A function is stored as its printed form and always read back as that
// binary ("#Function<…>" or "&Mod.fun/1"): its code lives in the running
// machine only. Learners who need to persist behaviour should persist the
// data that chooses it (a module and function name as atoms).
//
// # Canonical keys
//
// EncodeKey writes the same bytes for any two terms that are ===: the
// only term with two representations that === equates is the float zero
// (0.0 === -0.0 on OTP 25), written as 0.0 in a key. Map keys are in map
// order (CompareMapKeys), at any depth. Encode keeps -0.0 as it is, so
// objects round-trip exactly.
package diskterm

import (
	"encoding/binary"
	"math"

	"goiex/vm/term"
)

// Version is the first byte of every record this package writes.
const Version = 1

// Tags of the term kinds (see the package comment).
const (
	tagInt    = 'i'
	tagBigInt = 'I'
	tagFloat  = 'f'
	tagAtom   = 'a'
	tagBinary = 'b'
	tagTuple  = 't'
	tagNil    = 'n'
	tagList   = 'l'
	tagMap    = 'm'
	tagPid    = 'p'
	tagRef    = 'r'
	tagFun    = 'F'
)

// Codec encodes and decodes the terms of one run of the machine.
type Codec struct {
	// Incarnation names the run: pids and references of the same
	// incarnation read back as themselves, others as their printed form.
	Incarnation uint64
}

// Encode returns t as a record: the version byte and the term.
func (c Codec) Encode(t term.Term) []byte {
	return c.encode(append(make([]byte, 0, 64), Version), t, false)
}

// EncodeKey returns t's canonical record: equal bytes for === keys.
func (c Codec) EncodeKey(t term.Term) []byte {
	return c.encode(append(make([]byte, 0, 32), Version), t, true)
}

// AppendKey appends t's canonical record to dst.
func (c Codec) AppendKey(dst []byte, t term.Term) []byte {
	return c.encode(append(dst, Version), t, true)
}

// encode appends one term; key asks for the canonical form.
func (c Codec) encode(b []byte, t term.Term, key bool) []byte {
	switch t.Kind() {
	case term.KindInt:
		b = append(b, tagInt)
		return binary.AppendVarint(b, t.SmallInt())
	case term.KindBigInt:
		n := t.Big()
		sign := byte(0)
		if n.Sign() < 0 {
			sign = 1
		}
		mag := n.Bytes() // absolute value, big-endian
		b = append(b, tagBigInt, sign)
		b = binary.AppendUvarint(b, uint64(len(mag)))
		return append(b, mag...)
	case term.KindFloat:
		f := t.FloatVal()
		if key && f == 0 {
			f = 0 // -0.0 === 0.0: one key
		}
		b = append(b, tagFloat)
		return binary.BigEndian.AppendUint64(b, math.Float64bits(f))
	case term.KindAtom:
		return appendBytes(append(b, tagAtom), t.AtomName())
	case term.KindBinary:
		return appendBytes(append(b, tagBinary), t.Str())
	case term.KindTuple:
		b = append(b, tagTuple)
		b = binary.AppendUvarint(b, uint64(t.TupleSize()))
		for _, e := range t.Elems() {
			b = c.encode(b, e, key)
		}
		return b
	case term.KindEmptyList:
		return append(b, tagNil)
	case term.KindCons:
		n, l := 0, t
		for ; l.IsCons(); l = l.Tail() {
			n++
		}
		b = append(b, tagList)
		b = binary.AppendUvarint(b, uint64(n))
		for l = t; l.IsCons(); l = l.Tail() {
			b = c.encode(b, l.Head(), key)
		}
		return c.encode(b, l, key) // the tail: [] or the improper end
	case term.KindMap:
		m := t.MapVal()
		b = append(b, tagMap)
		b = binary.AppendUvarint(b, uint64(m.Len()))
		it := m.Iter() // map-key order: canonical
		for k, v, ok := it.Next(); ok; k, v, ok = it.Next() {
			b = c.encode(b, k, key)
			b = c.encode(b, v, key)
		}
		return b
	case term.KindPid:
		b = binary.BigEndian.AppendUint64(append(b, tagPid), c.Incarnation)
		return binary.AppendUvarint(b, t.PidSerial())
	case term.KindRef:
		b = binary.BigEndian.AppendUint64(append(b, tagRef), c.Incarnation)
		return binary.AppendUvarint(b, t.RefSerial())
	case term.KindFun:
		return appendBytes(append(b, tagFun), term.Inspect(t))
	}
	panic("diskterm: unknown term kind " + t.Kind().String())
}

func appendBytes(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}
