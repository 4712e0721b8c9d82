package term

import (
	"math/rand"
	"sort"
	"strings"
	"testing"
)

// checkMap verifies m against a reference Go map and that its keys come
// out in map-key order.
func checkMap(t *testing.T, m *Map, ref map[int64]int64) {
	t.Helper()
	if m.Len() != len(ref) {
		t.Fatalf("Len() = %d, want %d", m.Len(), len(ref))
	}
	want := make([]int64, 0, len(ref))
	for k := range ref {
		want = append(want, k)
	}
	sort.Slice(want, func(i, j int) bool { return want[i] < want[j] })
	i := 0
	m.Range(func(k, v Term) bool {
		if k.SmallInt() != want[i] || v.SmallInt() != ref[want[i]] {
			t.Fatalf("entry %d = %d => %d, want %d => %d", i, k.SmallInt(), v.SmallInt(), want[i], ref[want[i]])
		}
		i++
		return true
	})
	if i != len(want) {
		t.Fatalf("Range visited %d entries, want %d", i, len(want))
	}
	for k, v := range ref {
		got, ok := m.Get(Int(k))
		if !ok || got.SmallInt() != v {
			t.Fatalf("Get(%d) = %v, %v; want %d", k, got, ok, v)
		}
	}
	for _, k := range []int64{-1, 1 << 40, 301} {
		if _, ok := ref[k]; !ok && m.Has(Int(k)) {
			t.Fatalf("Has(%d) = true for a missing key", k)
		}
	}
}

func TestMapRandomOps(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	m := EmptyMap.MapVal()
	ref := map[int64]int64{}
	var snapshots []*Map
	var refs []map[int64]int64
	for i := 0; i < 5000; i++ {
		k := int64(rng.Intn(300))
		if rng.Intn(3) == 0 {
			m = m.Delete(Int(k))
			delete(ref, k)
		} else {
			v := int64(rng.Intn(1000))
			m = m.Put(Int(k), Int(v))
			ref[k] = v
		}
		if i%500 == 0 {
			cp := map[int64]int64{}
			for k, v := range ref {
				cp[k] = v
			}
			snapshots, refs = append(snapshots, m), append(refs, cp)
		}
	}
	checkMap(t, m, ref)
	// Older versions are untouched by later operations.
	for i := range snapshots {
		checkMap(t, snapshots[i], refs[i])
	}
}

func TestMapSmallToTreeAndBack(t *testing.T) {
	m := EmptyMap.MapVal()
	ref := map[int64]int64{}
	for i := int64(40); i > 0; i-- {
		m = m.Put(Int(i), Int(i*10))
		ref[i] = i * 10
		checkMap(t, m, ref)
	}
	for i := int64(1); i <= 40; i += 2 {
		m = m.Delete(Int(i))
		delete(ref, i)
		checkMap(t, m, ref)
	}
	if m2 := m.Delete(Int(1000)); m2 != m {
		t.Errorf("Delete of a missing key made a new map")
	}
}

func TestMapKeyIdentity(t *testing.T) {
	// %{0.0 => 1, -0.0 => 2} is %{0.0 => 2}: one key, the first form kept.
	m := FromPairs(Float(0), Int(1), Float(negZero()), Int(2))
	if m.Len() != 1 {
		t.Fatalf("Len = %d, want 1", m.Len())
	}
	if got := Inspect(NewMapTerm(m)); got != "%{0.0 => 2}" {
		t.Errorf("got %s, want %%{0.0 => 2}", got)
	}
	// 1 and 1.0 are different keys.
	m = EmptyMap.MapVal().Put(Int(1), Atom("a")).Put(Float(1), Atom("b"))
	if m.Len() != 2 {
		t.Errorf("Len = %d, want 2", m.Len())
	}
	if v, _ := m.Get(Float(1)); v != Atom("b") {
		t.Errorf("Get(1.0) = %v, want :b", v)
	}
}

func TestFromPairsLastWins(t *testing.T) {
	m := FromPairs(Atom("a"), Int(1), Atom("b"), Int(2), Atom("a"), Int(3))
	if got, want := Inspect(NewMapTerm(m)), "%{a: 3, b: 2}"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	var kv []Term
	for i := 100; i > 0; i-- {
		kv = append(kv, Int(int64(i%50)), Int(int64(i)))
	}
	m = FromPairs(kv...)
	ref := map[int64]int64{}
	for i := 100; i > 0; i-- {
		ref[int64(i%50)] = int64(i)
	}
	checkMap(t, m, ref)
}

func BenchmarkMapPut100k(b *testing.B) {
	for b.Loop() {
		m := EmptyMap.MapVal()
		for i := 0; i < 100_000; i++ {
			m = m.Put(Int(int64(i*7919%100_000)), Int(int64(i)))
		}
	}
}

func BenchmarkMapPutAtomKeysStruct(b *testing.B) {
	keys := []Term{Atom("name"), Atom("age"), Atom("email"), Atom("id"), Atom("role")}
	for b.Loop() {
		m := EmptyMap.MapVal()
		for i, k := range keys {
			m = m.Put(k, Int(int64(i)))
		}
	}
}

func BenchmarkMapGet100k(b *testing.B) {
	m := EmptyMap.MapVal()
	for i := 0; i < 100_000; i++ {
		m = m.Put(Int(int64(i)), Int(int64(i)))
	}
	i := 0
	for b.Loop() {
		m.Get(Int(int64(i % 100_000)))
		i++
	}
}

func BenchmarkMapPut100kAscending(b *testing.B) {
	for b.Loop() {
		m := EmptyMap.MapVal()
		for i := 0; i < 100_000; i++ {
			m = m.Put(Int(int64(i)), Int(int64(i)))
		}
	}
}

// Keys whose hashes collide in all 64 bits end in a collision node.
func TestMapHashCollisions(t *testing.T) {
	defer func(h func(Term) uint64) { mapHash = h }(mapHash)
	mapHash = func(k Term) uint64 { return Hash(k) % 3 } // many equal hashes
	m := EmptyMap.MapVal()
	ref := map[int64]int64{}
	for i := int64(0); i < 60; i++ {
		m = m.Put(Int(i), Int(i*2))
		ref[i] = i * 2
	}
	checkMap(t, m, ref)
	for i := int64(0); i < 60; i += 3 {
		m = m.Delete(Int(i))
		delete(ref, i)
		checkMap(t, m, ref)
	}
	for i := int64(0); i < 60; i++ {
		m = m.Delete(Int(i))
		delete(ref, i)
		checkMap(t, m, ref)
	}
}

func TestMapMixedKeysLarge(t *testing.T) {
	// Large maps print in key order too (Elixir would use hash order).
	var kv []Term
	for i := 0; i < 40; i++ {
		kv = append(kv, Int(int64(39-i)), Int(int64(i)))
	}
	kv = append(kv, Float(1.5), Int(0), Atom("a"), Int(0), String("s"), Int(0), Float(0), Int(1))
	m := FromPairs(kv...)
	got := Inspect(NewMapTerm(m.Put(Atom("b"), Int(2))))
	if !strings.HasPrefix(got, "%{0 => 39, 1 => 38, 2 => 37,") ||
		!strings.HasSuffix(got, `39 => 0, 0.0 => 1, 1.5 => 0, :a => 0, :b => 2, "s" => 0}`) {
		t.Errorf("got %s", got)
	}
}
