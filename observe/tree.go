package observe

import (
	"fmt"
	"strings"

	"goiex/vm"
	"goiex/vm/term"
)

// The link and monitor graph. Links have no direction on the BEAM, so
// the trees are drawn the way processes are usually started (spawn_link,
// start_link): a process hangs under the oldest process it is linked to
// that is older than itself, or under the first of "$ancestors" when OTP
// code recorded them. Supervisors trap exits, so their subtree shows
// which crashes stop at them. Links outside the tree are listed under
// the node as "linked to", monitors as "monitors".

// label names a process for the graph: pid, name or current function,
// and whether it traps exits.
func label(p *vm.Process, caller *vm.Process) string {
	s := pidText(p.Pid())
	if n := p.RegisteredName(); n.Valid() {
		s += " " + atomText(n)
	}
	if p == caller {
		s += " self()"
	} else if fn := mfaText(p.CurrentFunction()); fn != "" {
		s += " " + fn
	}
	if p.TrapsExits() {
		s += " [traps exits]"
	}
	return s
}

// Links draws pid's links and monitors.
func Links(v *vm.VM, pid term.Term, caller *vm.Process) string {
	p := v.ProcessByPid(pid)
	if p == nil {
		return pidText(pid) + " is not alive\n"
	}
	var b strings.Builder
	b.WriteString(label(p, caller) + "\n")
	links := p.Links()
	set, on := p.Monitors()
	rel := func(i int, text string) {
		last := i == len(links)+len(set)+len(on)-1
		if last {
			b.WriteString("└─ " + text + "\n")
		} else {
			b.WriteString("├─ " + text + "\n")
		}
	}
	i := 0
	for _, l := range sortedPids(links) {
		text := "linked to " + pidText(l)
		if q := v.ProcessByPid(l); q != nil {
			text = "linked to " + label(q, caller)
		}
		rel(i, text)
		i++
	}
	for _, m := range set {
		rel(i, "monitors "+pidText(m.Target)+" ("+term.Inspect(m.Ref)+")")
		i++
	}
	for _, m := range on {
		rel(i, "monitored by "+pidText(m.Watcher)+" ("+term.Inspect(m.Ref)+")")
		i++
	}
	if i == 0 {
		b.WriteString("└─ no links, no monitors\n")
	}
	if len(links) > 0 {
		if p.TrapsExits() {
			b.WriteString("It traps exits: a linked process's death reaches it as an {:EXIT, pid, reason} message.\n")
		} else {
			b.WriteString("It does not trap exits: a linked process dying of any reason but :normal takes it down too.\n")
		}
	}
	return b.String()
}

func sortedPids(ps []term.Term) []term.Term {
	out := append([]term.Term(nil), ps...)
	sortTerms(out)
	return out
}

func sortTerms(ts []term.Term) {
	for i := 1; i < len(ts); i++ {
		for j := i; j > 0 && term.Compare(ts[j], ts[j-1]) < 0; j-- {
			ts[j], ts[j-1] = ts[j-1], ts[j]
		}
	}
}

// Tree draws every process's links as trees, supervisors over their
// children, with monitors and extra links noted under each process.
// Processes with no link and no monitor are listed on one line.
func Tree(v *vm.VM, caller *vm.Process) string {
	var all []*vm.Process
	v.EachProcess(func(p *vm.Process) { all = append(all, p) })
	parent := map[term.Term]term.Term{}
	children := map[term.Term][]*vm.Process{}
	var roots, loners []*vm.Process
	for _, p := range all {
		links := p.Links()
		set, on := p.Monitors()
		if len(links) == 0 && len(set) == 0 && len(on) == 0 && p != caller {
			loners = append(loners, p)
			continue
		}
		if par, ok := treeParent(v, p, links); ok {
			parent[p.Pid()] = par
			children[par] = append(children[par], p)
			continue
		}
		roots = append(roots, p)
	}
	var b strings.Builder
	var draw func(p *vm.Process, prefix string, last, root bool)
	draw = func(p *vm.Process, prefix string, last, root bool) {
		branch, more := "├─ ", "│  "
		if last {
			branch, more = "└─ ", "   "
		}
		if root {
			branch, more = "", ""
		}
		b.WriteString(prefix + branch + label(p, caller) + "\n")
		inner := prefix + more
		kids := children[p.Pid()]
		notes := []string{}
		for _, l := range sortedPids(p.Links()) {
			if parent[p.Pid()] == l || parent[l] == p.Pid() {
				continue
			}
			notes = append(notes, "┄ linked to "+pidText(l))
		}
		set, _ := p.Monitors()
		for _, m := range set {
			notes = append(notes, "→ monitors "+pidText(m.Target))
		}
		bar := "   "
		if len(kids) > 0 {
			bar = "│  "
		}
		for _, n := range notes {
			b.WriteString(inner + bar + n + "\n")
		}
		for i, k := range kids {
			draw(k, inner, i == len(kids)-1, false)
		}
	}
	for _, r := range roots {
		draw(r, "", true, true)
	}
	if len(loners) > 0 {
		var names []string
		for i, p := range loners {
			if i == 10 {
				names = append(names, fmt.Sprintf("… %d more", len(loners)-10))
				break
			}
			names = append(names, pidText(p.Pid()))
		}
		fmt.Fprintf(&b, "no links or monitors: %s\n", strings.Join(names, ", "))
	}
	return b.String()
}

// treeParent is the process p hangs under: its first ancestor if OTP
// code recorded "$ancestors" and it is linked to it, else the oldest
// process older than p it is linked to.
func treeParent(v *vm.VM, p *vm.Process, links []term.Term) (term.Term, bool) {
	if anc, ok := p.DictionaryValue(term.Atom("$ancestors")); ok && anc.IsCons() && anc.Head().IsPid() {
		for _, l := range links {
			if l == anc.Head() {
				return l, true
			}
		}
	}
	best := term.Term{}
	for _, l := range links {
		if l.PidSerial() < p.Pid().PidSerial() && (!best.Valid() || l.PidSerial() < best.PidSerial()) {
			best = l
		}
	}
	return best, best.Valid()
}

func (o *Observer) natLinks(p *vm.Process, a []term.Term) (term.Term, error) {
	pid, err := pidArg(o.v, a[0])
	if err != nil {
		return term.Term{}, err
	}
	o.out(p, Links(o.v, pid, p))
	return term.OK, nil
}

func (o *Observer) natTree(p *vm.Process, a []term.Term) (term.Term, error) {
	o.out(p, Tree(o.v, p))
	return term.OK, nil
}
