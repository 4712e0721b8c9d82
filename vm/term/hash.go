package term

import "math"

// Hash returns a hash consistent with Identical: identical terms hash the
// same (so 0.0 and -0.0 do, and 1 and 1.0 need not). It is not
// :erlang.phash2 and is not stable across goiex versions.
func Hash(t Term) uint64 {
	h := uint64(14695981039346656037)
	for {
		k := t.Kind()
		switch k {
		case KindCons:
			c := t.Cell()
			h = mix(h, uint64(KindCons)^Hash(c.Head))
			t = c.Tail
			continue
		case KindInt, KindAtom, KindPid, KindRef:
			return mix(h, uint64(k)<<56^t.n)
		case KindFloat:
			f := t.FloatVal()
			if f == 0 {
				f = 0 // -0.0 hashes as 0.0
			}
			return mix(h, uint64(k)<<56^math.Float64bits(f))
		case KindBigInt:
			h = mix(h, uint64(k))
			for _, w := range t.Big().Bits() {
				h = mix(h, uint64(w))
			}
			return mix(h, uint64(t.Big().Sign()+1))
		case KindBinary:
			h = mix(h, uint64(k))
			s := t.Str()
			for i := 0; i < len(s); i++ {
				h = (h ^ uint64(s[i])) * 1099511628211
			}
			return mix(h, uint64(len(s)))
		case KindTuple:
			h = mix(h, uint64(k)<<56|uint64(t.TupleSize()))
			for _, e := range t.Elems() {
				h = mix(h, Hash(e))
			}
			return h
		case KindMap:
			m := t.MapVal()
			h = mix(h, uint64(k)<<56|uint64(m.Len()))
			it := m.Iter()
			for key, v, ok := it.Next(); ok; key, v, ok = it.Next() {
				h = mix(mix(h, Hash(key)), Hash(v))
			}
			return h
		case KindFun:
			f := t.FunVal()
			h = mix(h, uint64(k)<<56|uint64(f.Arity))
			for i := 0; i < len(f.Module); i++ {
				h = (h ^ uint64(f.Module[i])) * 1099511628211
			}
			if f.External {
				for i := 0; i < len(f.Name); i++ {
					h = (h ^ uint64(f.Name[i])) * 1099511628211
				}
				return h
			}
			h = mix(h, f.ID)
			for _, e := range f.Env {
				h = mix(h, Hash(e))
			}
			return h
		}
		return mix(h, uint64(k)) // []
	}
}

// mix folds x into h (the finaliser of splitmix64 over h ^ x).
func mix(h, x uint64) uint64 {
	z := h ^ x + 0x9e3779b97f4a7c15
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	return z ^ z>>31
}
