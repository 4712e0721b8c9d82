package term

import "unsafe"

// A trie node and its array of entries or of sub-nodes are allocated as
// one object: one allocation instead of two for every node a Put copies.
// The arrays come in a few sizes; the slices in the node point into them.

type withData[A any] struct {
	h hnode
	a A
}

type withKids[A any] struct {
	h hnode
	a A
}

func dataNode[A any]() (*hnode, unsafe.Pointer) {
	x := new(withData[A])
	return &x.h, unsafe.Pointer(&x.a)
}

func kidsNode[A any]() (*hnode, unsafe.Pointer) {
	x := new(withKids[A])
	return &x.h, unsafe.Pointer(&x.a)
}

// newDataNode makes a node whose data has nd entries (to be filled in)
// and whose sub-nodes are kids (shared).
func newDataNode(dataMap, nodeMap uint32, nd int, kids []*hnode) *hnode {
	var h *hnode
	var p unsafe.Pointer
	switch {
	case nd == 0:
		h = &hnode{}
	case nd <= 1:
		h, p = dataNode[[1]entry]()
	case nd <= 2:
		h, p = dataNode[[2]entry]()
	case nd <= 3:
		h, p = dataNode[[3]entry]()
	case nd <= 4:
		h, p = dataNode[[4]entry]()
	case nd <= 6:
		h, p = dataNode[[6]entry]()
	case nd <= 8:
		h, p = dataNode[[8]entry]()
	case nd <= 12:
		h, p = dataNode[[12]entry]()
	case nd <= 16:
		h, p = dataNode[[16]entry]()
	case nd <= 24:
		h, p = dataNode[[24]entry]()
	case nd <= 32:
		h, p = dataNode[[32]entry]()
	default: // a large collision node
		h = &hnode{}
		h.data = make([]entry, nd)
	}
	if p != nil {
		h.data = unsafe.Slice((*entry)(p), nd)
	}
	h.dataMap, h.nodeMap, h.kids = dataMap, nodeMap, kids
	return h
}

// newKidsNode makes a node with nk sub-nodes (to be filled in) and the
// entries data (shared).
func newKidsNode(dataMap, nodeMap uint32, data []entry, nk int) *hnode {
	var h *hnode
	var p unsafe.Pointer
	switch {
	case nk == 0:
		h = &hnode{}
	case nk <= 1:
		h, p = kidsNode[[1]*hnode]()
	case nk <= 2:
		h, p = kidsNode[[2]*hnode]()
	case nk <= 4:
		h, p = kidsNode[[4]*hnode]()
	case nk <= 8:
		h, p = kidsNode[[8]*hnode]()
	case nk <= 16:
		h, p = kidsNode[[16]*hnode]()
	default:
		h, p = kidsNode[[32]*hnode]()
	}
	if p != nil {
		h.kids = unsafe.Slice((**hnode)(p), nk)
	}
	h.dataMap, h.nodeMap, h.data = dataMap, nodeMap, data
	return h
}
