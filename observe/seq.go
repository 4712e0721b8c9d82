package observe

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"goiex/vm"
	"goiex/vm/term"
)

// Message sequence diagrams: seq(fn -> … end) records the events while
// the function runs (and until the processes settle), then draws a
// lifeline per process, an arrow per message, the place each message was
// received, spawns, links, monitors, EXIT and DOWN signals and the
// processes that died.

// SeqOptions are seq/2's options.
type SeqOptions struct {
	Mermaid bool  // format: :mermaid prints Mermaid text instead
	Settle  int64 // ms to keep recording after the function returns, while timers are due
	Width   int   // columns between two lifelines; 0 means fitted to the pids
}

// DefaultSettle is how long seq waits, after its function returns, for
// the processes it started to finish what they were doing.
const DefaultSettle = 100

// eventReturned marks, among a recording's events, the moment seq's
// function returned (Message: its value). It is never emitted by the VM.
const eventReturned vm.EventKind = 255

// Recording collects events for a diagram.
type Recording struct {
	v        *vm.VM
	o        SeqOptions
	caller   term.Term
	start    int64
	deadline int64 // set when the function has returned
	events   []vm.Event
	names    map[term.Term]string // initial calls seen at spawn
	s        *stream
	cancel   func()
}

// StartRecording starts collecting v's events; caller is the process
// whose lifeline comes first.
func StartRecording(v *vm.VM, caller term.Term, o SeqOptions) *Recording {
	r := &Recording{v: v, o: o, caller: caller, start: v.Now(), deadline: -1, names: map[term.Term]string{}}
	r.s = newStream(func(e vm.Event) {
		if e.Kind == vm.EventSpawn && e.Message.Valid() {
			r.names[e.To] = mfaText(e.Message)
		}
		if e.Kind == vm.EventTimer && r.deadline >= 0 && e.To == r.caller && e.Reason == term.Atom("sleep") {
			return // the caller's own wait for the others to settle, not the program's
		}
		r.events = append(r.events, e)
	})
	r.cancel = v.Subscribe(r.s.feed)
	return r
}

// Returned marks the moment the function returned, with its value.
func (r *Recording) Returned(value term.Term) {
	r.s.flush()
	r.events = append(r.events, vm.Event{Kind: eventReturned, To: r.caller, Message: value, Time: r.v.Now()})
}

// Settle tells how long the caller should wait before asking again: 0
// when the processes have settled (nothing can run, and no timer is due
// before the settle deadline, counted from the first call).
func (r *Recording) Settle() int64 {
	now := r.v.Now()
	if r.deadline < 0 {
		settle := r.o.Settle
		if settle == 0 {
			settle = DefaultSettle
		}
		r.deadline = now + settle*1e6
	}
	if r.v.Runnable() {
		return 1
	}
	when, ok := r.v.NextTimer()
	if !ok || when > r.deadline {
		return 0
	}
	wait := (when - now + 1e6 - 1) / 1e6
	return max(wait, 1)
}

// Stop ends the recording and returns the diagram.
func (r *Recording) Stop() string {
	if r.cancel != nil {
		r.s.flush()
		r.cancel()
		r.cancel = nil
	}
	if r.o.Mermaid {
		return r.mermaid()
	}
	return r.text()
}

// participants lists the processes in the order they first appear, the
// caller first.
func (r *Recording) participants() []term.Term {
	seen := map[term.Term]bool{}
	var out []term.Term
	add := func(t term.Term) {
		if t.IsPid() && !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	add(r.caller)
	for _, e := range r.events {
		add(e.From)
		add(e.To)
	}
	return out
}

// title names a participant: self(), its registered name, or the
// function it was spawned to run.
func (r *Recording) title(pid term.Term) string {
	if pid == r.caller {
		return "self()"
	}
	if p := r.v.ProcessByPid(pid); p != nil {
		if n := p.RegisteredName(); n.Valid() {
			return atomText(n)
		}
	}
	if n := r.names[pid]; n != "" && !strings.Contains(n, ".-") && !strings.HasPrefix(n, ":elixir_compiler") {
		return n
	}
	return ""
}

// numbers gives each message recorded a diagram number, 1, 2, 3…
func (r *Recording) numbers() map[uint64]int {
	num := map[uint64]int{}
	for _, e := range r.events {
		if (e.Kind == vm.EventSend || e.Kind == vm.EventDown || e.Kind == vm.EventExitMessage) && e.Seq > 0 {
			if _, ok := num[e.Seq]; !ok {
				num[e.Seq] = len(num) + 1
			}
		}
	}
	return num
}

// ---- text ----

// grid is the drawing: one row of cells per line.
type grid struct {
	rows  [][]rune
	xs    []int // column of each lifeline
	alive []bool
	times []string
}

func (g *grid) newRow(time string) []rune {
	width := g.xs[len(g.xs)-1] + 1
	row := make([]rune, width)
	for i := range row {
		row[i] = ' '
	}
	for i, x := range g.xs {
		if g.alive[i] {
			row[x] = '│'
		}
	}
	g.rows = append(g.rows, row)
	g.times = append(g.times, time)
	return row
}

// put writes s into row from column x on, growing the row.
func put(row *[]rune, x int, s string) {
	for _, c := range s {
		for len(*row) <= x {
			*row = append(*row, ' ')
		}
		(*row)[x] = c
		x++
	}
}

func (r *Recording) text() string {
	parts := r.participants()
	index := map[term.Term]int{}
	gap := r.o.Width
	for i, p := range parts {
		index[p] = i
		gap = max(gap, utf8.RuneCountInString(pidText(p))+4, utf8.RuneCountInString(r.title(p))+4)
	}
	gap = max(gap, 20)
	const margin = 9 // "1234 ms  "
	g := &grid{xs: make([]int, len(parts)), alive: make([]bool, len(parts))}
	for i := range parts {
		g.xs[i] = margin + gap/2 + i*gap
		g.alive[i] = true
	}
	for _, e := range r.events {
		if e.Kind == vm.EventSpawn {
			if i, ok := index[e.To]; ok {
				g.alive[i] = false
			}
		}
	}
	// Headers, centred on the lifelines.
	header := func(text func(term.Term) string) string {
		row := []rune(strings.Repeat(" ", margin))
		for i, p := range parts {
			t := text(p)
			put(&row, max(g.xs[i]-utf8.RuneCountInString(t)/2, 0), t)
		}
		return strings.TrimRight(string(row), " ")
	}
	var b strings.Builder
	b.WriteString(header(pidText) + "\n")
	if titles := header(r.title); strings.TrimSpace(titles) != "" {
		b.WriteString(titles + "\n")
	}
	num := r.numbers()
	received := map[uint64]bool{}
	lastTime := ""
	timeOf := func(e vm.Event) string {
		t := fmt.Sprintf("%5d ms", (e.Time-r.start)/1e6)
		if t == lastTime {
			return ""
		}
		lastTime = t
		return t
	}
	for _, e := range r.events {
		t := timeOf(e)
		switch e.Kind {
		case vm.EventSpawn:
			from, to, ok := ends(index, e)
			if !ok {
				continue
			}
			g.arrow(t, from, to, "spawn", '─', false)
			g.alive[to] = true
			row := &g.rows[len(g.rows)-1]
			(*row)[g.xs[to]] = '┬'
		case vm.EventSend:
			from, to, ok := ends(index, e)
			if !ok {
				continue
			}
			label := fmt.Sprintf("[%d] %s", num[e.Seq], elide(e.Message, 56))
			if from == to {
				row := g.newRow(t)
				put(&row, g.xs[from], "↺ "+label+" to itself")
				g.rows[len(g.rows)-1] = row
				continue
			}
			g.arrow(t, from, to, label, '─', true)
		case vm.EventReceive:
			i, ok := index[e.To]
			if !ok {
				continue
			}
			received[e.Seq] = true
			text := fmt.Sprintf("● takes [%d], clause %d", num[e.Seq], e.Clause)
			if num[e.Seq] == 0 {
				text = fmt.Sprintf("● takes %s (sent before the recording), clause %d", elide(e.Message, 30), e.Clause)
			}
			if e.Skipped > 0 {
				text += fmt.Sprintf(", skipping %d older", e.Skipped)
			}
			row := g.newRow(t)
			put(&row, g.xs[i], text)
			g.rows[len(g.rows)-1] = row
		case vm.EventTimer:
			if i, ok := index[e.To]; ok {
				row := g.newRow(t)
				put(&row, g.xs[i], "◷ timer fires")
				g.rows[len(g.rows)-1] = row
			}
		case eventReturned:
			row := g.newRow(t)
			put(&row, g.xs[0], "◆ returns "+elide(e.Message, 40))
			g.rows[len(g.rows)-1] = row
		case vm.EventExit:
			i, ok := index[e.From]
			if !ok {
				continue
			}
			text := "✕ exits :normal"
			if e.Reason != term.Normal {
				text = "✕ dies: " + elide(e.Reason, 40)
			}
			g.alive[i] = false
			row := g.newRow(t)
			put(&row, g.xs[i], text)
			g.rows[len(g.rows)-1] = row
		case vm.EventLink, vm.EventUnlink:
			from, to, ok := ends(index, e)
			if !ok || from == to {
				continue
			}
			g.arrow(t, from, to, e.Kind.String(), '┄', false)
		case vm.EventMonitor:
			from, to, ok := ends(index, e)
			if !ok || from == to {
				continue
			}
			g.arrow(t, from, to, "monitor", '┈', false)
		case vm.EventDown, vm.EventExitMessage:
			from, to, ok := ends(index, e)
			if !ok || from == to {
				continue
			}
			kind := "DOWN"
			if e.Kind == vm.EventExitMessage {
				kind = "EXIT"
			}
			label := fmt.Sprintf("%s %s", kind, elide(e.Reason, 30))
			if n := num[e.Seq]; n > 0 {
				label = fmt.Sprintf("[%d] %s", n, label)
			}
			g.arrow(t, from, to, label, '═', true)
		}
	}
	g.newRow("")
	for i, row := range g.rows {
		line := fmt.Sprintf("%-*s", margin, g.times[i]) + string(row[margin:])
		b.WriteString(strings.TrimRight(line, " ") + "\n")
	}
	r.legend(&b, num, received)
	return b.String()
}

// ends finds the lifelines of an event's two processes.
func ends(index map[term.Term]int, e vm.Event) (int, int, bool) {
	from, ok1 := index[e.From]
	to, ok2 := index[e.To]
	return from, to, ok1 && ok2
}

// arrow draws an arrow from lifeline a to lifeline b, its label inline
// when it fits, above it otherwise.
func (g *grid) arrow(time string, a, b int, label string, line rune, above bool) {
	xa, xb := g.xs[a], g.xs[b]
	lo, hi := min(xa, xb), max(xa, xb)
	inline := !above && utf8.RuneCountInString(label)+4 <= hi-lo-2
	if !inline {
		row := g.newRow(time)
		put(&row, lo+2, label)
		g.rows[len(g.rows)-1] = row
		time = ""
	}
	row := g.newRow(time)
	for x := lo + 1; x < hi; x++ {
		row[x] = line
	}
	if xa < xb {
		row[xa] = '├'
		row[xb-1] = '▶'
	} else {
		row[xa] = '┤'
		row[xb+1] = '◀'
	}
	if inline {
		n := utf8.RuneCountInString(label) + 2
		put(&row, lo+(hi-lo-n)/2+1, " "+label+" ")
	}
	g.rows[len(g.rows)-1] = row
}

// legend lists the messages in full, and which are still waiting.
func (r *Recording) legend(b *strings.Builder, num map[uint64]int, received map[uint64]bool) {
	if len(num) == 0 {
		return
	}
	b.WriteString("messages:\n")
	shown := 0
	for _, e := range r.events {
		if !((e.Kind == vm.EventSend || e.Kind == vm.EventDown || e.Kind == vm.EventExitMessage) && e.Seq > 0) {
			continue
		}
		if shown == 50 {
			fmt.Fprintf(b, "  … %d more\n", len(num)-shown)
			return
		}
		shown++
		msg := e.Message
		fmt.Fprintf(b, "  [%d] %s → %s: %s", num[e.Seq], pidText(e.From), pidText(e.To), elide(msg, 100))
		if !received[e.Seq] {
			if p := r.v.ProcessByPid(e.To); p != nil && inMailbox(p, e.Seq) {
				b.WriteString("  (not received: still in the mailbox)")
			} else if p == nil {
				b.WriteString("  (not received: lost with the process)")
			} else {
				b.WriteString("  (not received: flushed)")
			}
		}
		b.WriteString("\n")
	}
}

func inMailbox(p *vm.Process, seq uint64) bool {
	for _, m := range p.PeekMessages(-1) {
		if m.Seq == seq {
			return true
		}
	}
	return false
}

// ---- Mermaid ----

var mermaidEscape = strings.NewReplacer("#", "#35;", ";", "#59;", "<", "#lt;", ">", "#gt;")

func (r *Recording) mermaid() string {
	parts := r.participants()
	alias := map[term.Term]string{}
	var b strings.Builder
	b.WriteString("sequenceDiagram\n")
	for i, p := range parts {
		alias[p] = fmt.Sprintf("P%d", i+1)
		label := pidText(p)
		if t := r.title(p); t != "" {
			label += " " + t
		}
		fmt.Fprintf(&b, "    participant %s as %s\n", alias[p], mermaidEscape.Replace(label))
	}
	num := r.numbers()
	arrow := func(e vm.Event, kind, label string) {
		a, ok1 := alias[e.From]
		c, ok2 := alias[e.To]
		if ok1 && ok2 {
			fmt.Fprintf(&b, "    %s%s%s: %s\n", a, kind, c, mermaidEscape.Replace(label))
		}
	}
	note := func(pid term.Term, text string) {
		if a, ok := alias[pid]; ok {
			fmt.Fprintf(&b, "    Note over %s: %s\n", a, mermaidEscape.Replace(text))
		}
	}
	for _, e := range r.events {
		switch e.Kind {
		case vm.EventSpawn:
			arrow(e, "-)", "spawn")
		case vm.EventSend:
			arrow(e, "->>", fmt.Sprintf("[%d] %s", num[e.Seq], elide(e.Message, 60)))
		case vm.EventReceive:
			text := fmt.Sprintf("takes [%d], clause %d", num[e.Seq], e.Clause)
			if e.Skipped > 0 {
				text += fmt.Sprintf(", skipping %d older", e.Skipped)
			}
			note(e.To, text)
		case vm.EventTimer:
			note(e.To, "timer fires")
		case eventReturned:
			note(e.To, "returns "+elide(e.Message, 60))
		case vm.EventExit:
			if e.Reason == term.Normal {
				note(e.From, "exits :normal")
			} else {
				note(e.From, "dies: "+elide(e.Reason, 60))
			}
		case vm.EventLink, vm.EventUnlink:
			if e.From != e.To {
				arrow(e, "--)", e.Kind.String())
			}
		case vm.EventMonitor:
			arrow(e, "-->>", "monitor")
		case vm.EventDown:
			arrow(e, "--x", fmt.Sprintf("[%d] DOWN %s", num[e.Seq], elide(e.Reason, 40)))
		case vm.EventExitMessage:
			arrow(e, "--x", fmt.Sprintf("[%d] EXIT %s", num[e.Seq], elide(e.Reason, 40)))
		}
	}
	return b.String()
}

// ---- natives ----

func (o *Observer) natSeqStart(p *vm.Process, a []term.Term) (term.Term, error) {
	kw, err := keywords(a[0], "format", "settle", "width")
	if err != nil {
		return term.Term{}, err
	}
	var opts SeqOptions
	switch f := kw["format"]; {
	case !f.Valid() || f == term.Atom("text"):
	case f == term.Atom("mermaid"):
		opts.Mermaid = true
	default:
		return term.Term{}, argError("format: expected :text or :mermaid, got: " + term.Inspect(f))
	}
	if s, ok := kw["settle"]; ok {
		if !s.IsSmallInt() || s.SmallInt() < 0 {
			return term.Term{}, argError("settle: expected milliseconds, got: " + term.Inspect(s))
		}
		opts.Settle = max(s.SmallInt(), 1)
	}
	if w, ok := kw["width"]; ok {
		if !w.IsSmallInt() || w.SmallInt() < 0 || w.SmallInt() > 200 {
			return term.Term{}, argError("width: expected columns between lifelines, got: " + term.Inspect(w))
		}
		opts.Width = int(w.SmallInt())
	}
	o.nextRec++
	o.records[o.nextRec] = StartRecording(o.v, p.Pid(), opts)
	return term.Int(o.nextRec), nil
}

func (o *Observer) recording(t term.Term) (*Recording, error) {
	if t.IsSmallInt() {
		if r := o.records[t.SmallInt()]; r != nil {
			return r, nil
		}
	}
	return nil, argError("not a recording: " + term.Inspect(t))
}

func (o *Observer) natSeqReturned(p *vm.Process, a []term.Term) (term.Term, error) {
	r, err := o.recording(a[0])
	if err != nil {
		return term.Term{}, err
	}
	r.Returned(a[1])
	return term.OK, nil
}

func (o *Observer) natSeqSettle(p *vm.Process, a []term.Term) (term.Term, error) {
	r, err := o.recording(a[0])
	if err != nil {
		return term.Term{}, err
	}
	if wait := r.Settle(); wait > 0 {
		return term.Term{}, vm.Sleep(wait, term.Atom("again"))
	}
	return term.Atom("settled"), nil
}

func (o *Observer) natSeqStop(p *vm.Process, a []term.Term) (term.Term, error) {
	r, err := o.recording(a[0])
	if err != nil {
		return term.Term{}, err
	}
	delete(o.records, a[0].SmallInt())
	o.out(p, r.Stop())
	return term.OK, nil
}
