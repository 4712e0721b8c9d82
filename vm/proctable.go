package vm

// procTable maps pid serials to live processes. Pids are handed out in
// order and never reused, so the table is an array of fixed-size chunks
// indexed by serial: no hashing on send, and a chunk is freed once every
// process in it has exited.
type procTable struct {
	chunks [][]*Process // chunks[i] covers serials first + i*chunkSize …
	live   []int32      // live processes per chunk
	first  uint64
	count  int
}

const chunkSize = 4096

func (t *procTable) add(serial uint64, p *Process) {
	i := int((serial - t.first) / chunkSize)
	for len(t.chunks) <= i {
		t.chunks = append(t.chunks, nil)
		t.live = append(t.live, 0)
	}
	if t.chunks[i] == nil {
		t.chunks[i] = make([]*Process, chunkSize)
	}
	t.chunks[i][(serial-t.first)%chunkSize] = p
	t.live[i]++
	t.count++
}

func (t *procTable) get(serial uint64) *Process {
	if serial < t.first {
		return nil
	}
	i := int((serial - t.first) / chunkSize)
	if i >= len(t.chunks) || t.chunks[i] == nil {
		return nil
	}
	return t.chunks[i][(serial-t.first)%chunkSize]
}

func (t *procTable) remove(serial uint64) {
	i := int((serial - t.first) / chunkSize)
	if i >= len(t.chunks) || t.chunks[i] == nil || t.chunks[i][(serial-t.first)%chunkSize] == nil {
		return
	}
	t.chunks[i][(serial-t.first)%chunkSize] = nil
	t.count--
	if t.live[i]--; t.live[i] == 0 {
		t.chunks[i] = nil
	}
}

// each calls f for every live process in pid order.
func (t *procTable) each(f func(*Process)) {
	for _, c := range t.chunks {
		for _, p := range c {
			if p != nil {
				f(p)
			}
		}
	}
}
