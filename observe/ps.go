package observe

import (
	"container/heap"
	"fmt"
	"sort"
	"strings"

	exprvm "github.com/expr-lang/expr/vm"

	"goiex/vm"
)

// Row is one line of the process table, as ps(where: …) predicates see
// it: message_queue_len > 100 and status == "waiting".
type Row struct {
	Pid             string `expr:"pid"`               // "#PID<0.101.0>"
	Name            string `expr:"name"`              // registered name, else the initial call
	Status          string `expr:"status"`            // "running", "runnable" or "waiting"
	CurrentFunction string `expr:"current_function"`  // "Ring.relay/2"
	MessageQueueLen int    `expr:"message_queue_len"` // messages in the mailbox
	Reductions      int    `expr:"reductions"`
	Memory          int    `expr:"memory"`          // bytes, estimated
	InitialCall     string `expr:"initial_call"`    // "Ring.start/1"
	RegisteredName  string `expr:"registered_name"` // "" when none
	TrapExit        bool   `expr:"trap_exit"`
	Links           int    `expr:"links"` // how many

	proc *vm.Process
}

// PsOptions are ps/1's options.
type PsOptions struct {
	Sort  string // a Row field; numbers sort largest first, text A to Z; default pid
	Limit int    // rows shown; 0 means DefaultPsLimit, < 0 all
	Where string // an expr predicate over Row
}

// DefaultPsLimit is how many rows ps shows unless told otherwise.
const DefaultPsLimit = 50

// psColumns are the fields ps can sort by, and whether larger comes first.
var psColumns = map[string]bool{
	"pid": false, "name": false, "status": false, "current_function": false,
	"initial_call": false, "registered_name": false,
	"message_queue_len": true, "reductions": true, "memory": true, "links": true,
}

// CompilePs checks ps's options, compiling the where predicate once.
func CompilePs(o PsOptions) (*Query, error) {
	if o.Sort != "" {
		if _, ok := psColumns[o.Sort]; !ok {
			return nil, fmt.Errorf("sort: unknown column :%s (one of %s)", o.Sort, strings.Join(sortedKeys(psColumns), ", "))
		}
	}
	if o.Where == "" {
		return nil, nil
	}
	q, err := compileQuery("where", o.Where, Row{})
	if err != nil {
		err.(*QueryError).Msg += "\nfields: " + strings.Join(fieldNames(Row{}), ", ")
	}
	return q, err
}

func sortedKeys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Ps renders the process table.
func Ps(v *vm.VM, o PsOptions) (string, error) {
	q, err := CompilePs(o)
	if err != nil {
		return "", err
	}
	rows, total, matched := selectRows(v, o, q)
	var b strings.Builder
	t := &table{
		header: []string{"PID", "NAME", "STATUS", "CURRENT FUNCTION", "MSGS", "REDUCTIONS", "MEMORY"},
		right:  []bool{false, false, false, false, true, true, true},
	}
	for _, r := range rows {
		t.add(r.Pid, cut(r.Name, 32), r.Status, cut(r.CurrentFunction, 40),
			thousands(int64(r.MessageQueueLen)), thousands(int64(r.Reductions)), thousands(int64(r.Memory)))
	}
	t.render(&b)
	switch {
	case matched > len(rows):
		fmt.Fprintf(&b, "%s of %s shown", thousands(int64(len(rows))), plural(matched, "process", "processes"))
		if q != nil {
			fmt.Fprintf(&b, " matching (%s in all)", thousands(int64(total)))
		}
		b.WriteString("; ps(limit: n) shows more\n")
	case q != nil:
		fmt.Fprintf(&b, "%s of %s match\n", thousands(int64(matched)), plural(total, "process", "processes"))
	default:
		fmt.Fprintf(&b, "%s\n", plural(total, "process", "processes"))
	}
	return b.String(), nil
}

// selectRows picks the rows to show: every process is looked at, but
// only the fields the sort key and the predicate need are computed, and
// a heap of limit rows keeps the best (a million processes, top 20: one
// pass, no sort of the million).
func selectRows(v *vm.VM, o PsOptions, q *Query) (rows []Row, total, matched int) {
	limit := o.Limit
	if limit == 0 {
		limit = DefaultPsLimit
	}
	key := o.Sort
	if key == "" {
		key = "pid"
	}
	h := &rowHeap{key: key, desc: psColumns[key]}
	var runner exprvm.VM
	v.EachProcess(func(p *vm.Process) {
		total++
		var r Row
		r.proc = p
		if q != nil {
			fillRow(&r, p, q.Source+" "+key)
			if !q.match(&runner, &r) {
				return
			}
		} else {
			fillRow(&r, p, key)
		}
		matched++
		if limit < 0 || h.Len() < limit {
			heap.Push(h, r)
			return
		}
		// The heap's root is the worst row kept; a better one replaces it.
		if h.better(&r, &h.rows[0]) {
			h.rows[0] = r
			heap.Fix(h, 0)
		}
	})
	rows = make([]Row, h.Len())
	for i := len(rows) - 1; i >= 0; i-- {
		rows[i] = heap.Pop(h).(Row)
	}
	for i := range rows {
		fillRow(&rows[i], rows[i].proc, "")
	}
	return rows, total, matched
}

// fillRow computes the fields named in need ("" for all). Pid order is
// the serial, kept in the process itself, so pid costs nothing.
func fillRow(r *Row, p *vm.Process, need string) {
	all := need == ""
	has := func(f string) bool { return all || strings.Contains(need, f) }
	if has("pid") && r.Pid == "" {
		r.Pid = pidText(p.Pid())
	}
	if (has("name") || has("registered_name")) && r.Name == "" {
		if n := p.RegisteredName(); n.Valid() {
			r.RegisteredName = atomText(n)
			r.Name = r.RegisteredName
		} else {
			r.Name = mfaText(p.InitialCall())
		}
	}
	if has("initial_call") && r.InitialCall == "" {
		r.InitialCall = mfaText(p.InitialCall())
	}
	if has("status") && r.Status == "" {
		r.Status = atomText(p.Status())
	}
	if has("current_function") && r.CurrentFunction == "" {
		r.CurrentFunction = mfaText(p.CurrentFunction())
	}
	if has("message_queue_len") {
		r.MessageQueueLen = p.MessageQueueLen()
	}
	if has("reductions") {
		r.Reductions = int(p.Reductions())
	}
	if has("memory") {
		r.Memory = p.MemoryBytes()
	}
	if has("trap_exit") {
		r.TrapExit = p.TrapsExits()
	}
	if has("links") {
		r.Links = len(p.Links())
	}
}

// rowHeap keeps the best rows seen so far with the worst at the root.
type rowHeap struct {
	rows []Row
	key  string
	desc bool
}

func (h *rowHeap) Len() int           { return len(h.rows) }
func (h *rowHeap) Less(i, j int) bool { return h.better(&h.rows[j], &h.rows[i]) }
func (h *rowHeap) Swap(i, j int)      { h.rows[i], h.rows[j] = h.rows[j], h.rows[i] }
func (h *rowHeap) Push(x any)         { h.rows = append(h.rows, x.(Row)) }
func (h *rowHeap) Pop() any {
	r := h.rows[len(h.rows)-1]
	h.rows = h.rows[:len(h.rows)-1]
	return r
}

// better reports whether a comes before b in the table; ties go to the
// older pid.
func (h *rowHeap) better(a, b *Row) bool {
	var c int
	switch h.key {
	case "pid":
	case "name":
		c = strings.Compare(a.Name, b.Name)
	case "status":
		c = strings.Compare(a.Status, b.Status)
	case "current_function":
		c = strings.Compare(a.CurrentFunction, b.CurrentFunction)
	case "initial_call":
		c = strings.Compare(a.InitialCall, b.InitialCall)
	case "registered_name":
		c = strings.Compare(a.RegisteredName, b.RegisteredName)
	case "message_queue_len":
		c = cmpInt(a.MessageQueueLen, b.MessageQueueLen)
	case "reductions":
		c = cmpInt(a.Reductions, b.Reductions)
	case "memory":
		c = cmpInt(a.Memory, b.Memory)
	case "links":
		c = cmpInt(a.Links, b.Links)
	}
	if h.desc {
		c = -c
	}
	if c != 0 {
		return c < 0
	}
	return a.proc.Pid().PidSerial() < b.proc.Pid().PidSerial()
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
