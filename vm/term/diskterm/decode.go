package diskterm

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"math/big"

	"goiex/vm/term"
)

// ErrCorrupt is wrapped by every decoding error: the bytes are not a
// record this package wrote (a damaged file, or another format).
var ErrCorrupt = errors.New("diskterm: corrupt record")

// maxDepth bounds the nesting the decoder follows, so that damaged input
// cannot make it recurse without end. Terms nest this deep only when
// built on purpose; such a term cannot be stored.
const maxDepth = 1 << 16

// maxAtomBytes is the longest atom name: 255 characters of up to four
// bytes each, as on the BEAM.
const maxAtomBytes = 255 * 4

// Decode reads a whole record written by Encode or EncodeKey. It never
// panics: any input that is not such a record gives an error wrapping
// ErrCorrupt.
func (c Codec) Decode(b []byte) (term.Term, error) {
	if len(b) == 0 {
		return term.Term{}, fmt.Errorf("%w: empty", ErrCorrupt)
	}
	if b[0] != Version {
		return term.Term{}, fmt.Errorf("%w: unknown version %d", ErrCorrupt, b[0])
	}
	d := decoder{c: c, b: b, i: 1}
	t, err := d.term(0)
	if err != nil {
		return term.Term{}, err
	}
	if d.i != len(b) {
		return term.Term{}, fmt.Errorf("%w: %d bytes after the term", ErrCorrupt, len(b)-d.i)
	}
	return t, nil
}

type decoder struct {
	c Codec
	b []byte
	i int // next byte to read
}

func (d *decoder) fail(what string) error {
	return fmt.Errorf("%w: %s at byte %d", ErrCorrupt, what, d.i)
}

func (d *decoder) byte() (byte, error) {
	if d.i >= len(d.b) {
		return 0, d.fail("unexpected end")
	}
	c := d.b[d.i]
	d.i++
	return c, nil
}

func (d *decoder) uvarint() (uint64, error) {
	n, size := binary.Uvarint(d.b[d.i:])
	if size <= 0 {
		return 0, d.fail("bad length")
	}
	d.i += size
	return n, nil
}

// count reads a count of items each taking at least one byte, so a
// damaged count cannot ask for more memory than the input could fill.
func (d *decoder) count() (int, error) {
	n, err := d.uvarint()
	if err != nil {
		return 0, err
	}
	if n > uint64(len(d.b)-d.i) {
		return 0, d.fail("count beyond the end")
	}
	return int(n), nil
}

func (d *decoder) bytes() (string, error) {
	n, err := d.count()
	if err != nil {
		return "", err
	}
	s := string(d.b[d.i : d.i+n])
	d.i += n
	return s, nil
}

func (d *decoder) uint64() (uint64, error) {
	if len(d.b)-d.i < 8 {
		return 0, d.fail("unexpected end")
	}
	u := binary.BigEndian.Uint64(d.b[d.i:])
	d.i += 8
	return u, nil
}

func (d *decoder) term(depth int) (term.Term, error) {
	if depth > maxDepth {
		return term.Term{}, d.fail("nested too deep")
	}
	tag, err := d.byte()
	if err != nil {
		return term.Term{}, err
	}
	switch tag {
	case tagInt:
		n, size := binary.Varint(d.b[d.i:])
		if size <= 0 {
			return term.Term{}, d.fail("bad integer")
		}
		d.i += size
		return term.Int(n), nil
	case tagBigInt:
		sign, err := d.byte()
		if err != nil {
			return term.Term{}, err
		}
		if sign > 1 {
			return term.Term{}, d.fail("bad sign")
		}
		mag, err := d.bytes()
		if err != nil {
			return term.Term{}, err
		}
		n := new(big.Int).SetBytes([]byte(mag))
		if sign == 1 {
			n.Neg(n)
		}
		return term.BigInt(n), nil
	case tagFloat:
		u, err := d.uint64()
		if err != nil {
			return term.Term{}, err
		}
		f := math.Float64frombits(u)
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return term.Term{}, d.fail("not a finite float") // Elixir has neither
		}
		return term.Float(f), nil
	case tagAtom:
		s, err := d.bytes()
		if err != nil {
			return term.Term{}, err
		}
		if len(s) > maxAtomBytes {
			return term.Term{}, d.fail("atom too long")
		}
		return term.Atom(s), nil
	case tagBinary:
		s, err := d.bytes()
		if err != nil {
			return term.Term{}, err
		}
		return term.String(s), nil
	case tagFun:
		s, err := d.bytes()
		if err != nil {
			return term.Term{}, err
		}
		return term.String(s), nil // printed form: see the package comment
	case tagTuple:
		n, err := d.count()
		if err != nil {
			return term.Term{}, err
		}
		elems := make([]term.Term, n)
		for i := range elems {
			if elems[i], err = d.term(depth + 1); err != nil {
				return term.Term{}, err
			}
		}
		return term.Tuple(elems...), nil
	case tagNil:
		return term.EmptyList, nil
	case tagList:
		n, err := d.count()
		if err != nil {
			return term.Term{}, err
		}
		if n == 0 {
			return term.Term{}, d.fail("empty list cell") // [] has its own tag
		}
		elems := make([]term.Term, n)
		for i := range elems {
			if elems[i], err = d.term(depth + 1); err != nil {
				return term.Term{}, err
			}
		}
		tail, err := d.term(depth + 1)
		if err != nil {
			return term.Term{}, err
		}
		return term.ListWithTail(elems, tail), nil
	case tagMap:
		n, err := d.count()
		if err != nil {
			return term.Term{}, err
		}
		kv := make([]term.Term, 0, 2*n)
		for i := 0; i < 2*n; i++ {
			t, err := d.term(depth + 1)
			if err != nil {
				return term.Term{}, err
			}
			kv = append(kv, t)
		}
		return term.NewMap(kv...), nil
	case tagPid, tagRef:
		inc, err := d.uint64()
		if err != nil {
			return term.Term{}, err
		}
		serial, err := d.uvarint()
		if err != nil {
			return term.Term{}, err
		}
		t := term.Pid(serial)
		if tag == tagRef {
			t = term.Ref(serial)
		}
		if inc != d.c.Incarnation {
			return term.String(term.Inspect(t)), nil // another run's: see the package comment
		}
		return t, nil
	}
	return term.Term{}, d.fail(fmt.Sprintf("unknown tag %#x", tag))
}
