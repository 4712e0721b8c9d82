package vm

import "goiex/vm/term"

// linkSet is a process's links: a slice, with an index once it grows
// (a supervisor links to every child; adding and removing must not cost
// a scan of all of them).
type linkSet struct {
	pids  []term.Term
	index map[term.Term]int // position in pids, once len(pids) > linkIndexAt
}

const linkIndexAt = 8

func (s *linkSet) has(pid term.Term) bool {
	if s.index != nil {
		_, ok := s.index[pid]
		return ok
	}
	for _, l := range s.pids {
		if l == pid {
			return true
		}
	}
	return false
}

func (s *linkSet) add(pid term.Term) {
	s.pids = append(s.pids, pid)
	if s.index != nil {
		s.index[pid] = len(s.pids) - 1
	} else if len(s.pids) > linkIndexAt {
		s.index = make(map[term.Term]int, 2*len(s.pids))
		for i, l := range s.pids {
			s.index[l] = i
		}
	}
}

// remove deletes pid; the last link takes its place (links have no order
// on the BEAM either).
func (s *linkSet) remove(pid term.Term) {
	i := -1
	if s.index != nil {
		if j, ok := s.index[pid]; ok {
			i = j
			delete(s.index, pid)
		}
	} else {
		for j, l := range s.pids {
			if l == pid {
				i = j
				break
			}
		}
	}
	if i < 0 {
		return
	}
	last := len(s.pids) - 1
	if i != last {
		s.pids[i] = s.pids[last]
		if s.index != nil {
			s.index[s.pids[i]] = i
		}
	}
	s.pids = s.pids[:last]
}
