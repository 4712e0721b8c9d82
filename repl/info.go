package repl

import (
	"fmt"
	"runtime"
	"sort"
	"strings"
	"time"

	"goiex/vm"
	"goiex/vm/term"
)

// i/1 prints what iex's i/1 prints: sections of a title line and an
// indented body, in iex 1.14's order (Term, Data type, the type's own
// sections, Reference modules, Implemented protocols).

func (s *Session) i0(p *vm.Process, _ []term.Term) (term.Term, error) {
	v, err := s.v1(p, []term.Term{term.Int(-1)})
	if err != nil {
		return v, err
	}
	return s.i1(p, []term.Term{v})
}

func (s *Session) i1(_ *vm.Process, args []term.Term) (term.Term, error) {
	var b strings.Builder
	for _, sec := range s.describe(args[0]) {
		b.WriteString(sec[0] + "\n")
		for _, line := range strings.Split(sec[1], "\n") {
			b.WriteString("  " + line + "\n")
		}
	}
	s.print.Info(b.String())
	return dontDisplay, nil
}

// describe returns i/1's sections for t as {title, body} pairs.
func (s *Session) describe(t term.Term) [][2]string {
	secs := [][2]string{{"Term", term.InspectWith(t, term.InspectOptions{Pretty: true, Width: s.cfg.Width - 2})}}
	add := func(title, body string) { secs = append(secs, [2]string{title, body}) }
	switch {
	case t.IsInt():
		add("Data type", "Integer")
		add("Reference modules", "Integer")
		add("Implemented protocols", "IEx.Info, Inspect, List.Chars, String.Chars")
	case t.IsFloat():
		add("Data type", "Float")
		add("Reference modules", "Float")
		add("Implemented protocols", "IEx.Info, Inspect, List.Chars, String.Chars")
	case t == term.True || t == term.False || t == term.Nil || t.IsAtom():
		add("Data type", "Atom")
		if mod := s.m.Module(t); mod != nil {
			add("Module bytecode", "(compiled by goiex in memory)")
			if mod.Compiled != nil && mod.Compiled.File != "" {
				add("Source", mod.Compiled.File)
			}
		}
		add("Reference modules", "Atom")
		add("Implemented protocols", "IEx.Info, Inspect, List.Chars, String.Chars")
	case t.IsBinary():
		str := t.Str()
		add("Data type", "BitString")
		add("Byte size", fmt.Sprint(len(str)))
		add("Description", "This is a string: a UTF-8 encoded binary. It's printed surrounded by\n\"double quotes\" because all UTF-8 encoded code points in it are printable.")
		raw := make([]string, len(str))
		for i := 0; i < len(str); i++ {
			raw[i] = fmt.Sprint(str[i])
		}
		add("Raw representation", "<<"+strings.Join(raw, ", ")+">>")
		add("Reference modules", "String, :binary")
		add("Implemented protocols", "Collectable, IEx.Info, Inspect, List.Chars, String.Chars")
	case t.IsList():
		add("Data type", "List")
		add("Reference modules", "List")
		add("Implemented protocols", "Collectable, Enumerable, IEx.Info, Inspect, List.Chars, String.Chars")
	case t.IsTuple():
		add("Data type", "Tuple")
		add("Reference modules", "Tuple")
		add("Implemented protocols", "IEx.Info, Inspect")
	case t.IsMap():
		add("Data type", "Map")
		add("Reference modules", "Map")
		add("Implemented protocols", "Collectable, Enumerable, IEx.Info, Inspect")
	case t.IsPid():
		add("Data type", "PID")
		p := s.m.ProcessByPid(t)
		add("Alive", fmt.Sprint(p != nil))
		if p != nil {
			name := "not registered"
			if n := processKey(p, "registered_name"); n.Valid() && n.IsAtom() && n != term.Nil && !isEmptyList(n) {
				name = term.Inspect(n)
			}
			add("Name", name)
			links := "none"
			if l := processKey(p, "links"); l.Valid() && l.IsCons() {
				links = strings.TrimSuffix(strings.TrimPrefix(term.Inspect(l), "["), "]")
			}
			add("Links", links)
			add("Message queue length", fmt.Sprint(p.MessageQueueLen()))
		}
		add("Description", "Use Process.info/1 to get more info about this process")
		add("Reference modules", "Process, Node")
		add("Implemented protocols", "IEx.Info, Inspect")
	case t.IsRef():
		add("Data type", "Reference")
		add("Implemented protocols", "IEx.Info, Inspect")
	case t.IsFun():
		add("Data type", "Function")
		add("Description", "This is an anonymous function.")
		add("Implemented protocols", "Enumerable, IEx.Info, Inspect")
	default:
		add("Data type", "Term")
	}
	return secs
}

func isEmptyList(t term.Term) bool { return t.IsEmptyList() }

// processKey reads one key of Process.info(p) through the VM's own
// Process.info/2, so the shell shows exactly what programs see.
func processKey(p *vm.Process, key string) term.Term {
	fn := p.VM().Module(term.ModuleAtom("Process"))
	if fn == nil {
		return term.Term{}
	}
	for _, f := range fn.Funcs {
		if f.Name == "info" && f.Arity == 2 && f.Native != nil {
			v, err := f.Native(p, []term.Term{p.Pid(), term.Atom(key)})
			if err != nil || !v.IsTuple() || v.TupleSize() != 2 {
				return term.Term{}
			}
			return v.Elems()[1]
		}
	}
	return term.Term{}
}

// runtimeInfo is runtime_info/0 in iex 1.14's layout, with goiex's
// facts: the VM has one deterministic scheduler and a clock that may be
// virtual.
func (s *Session) runtimeInfo(_ *vm.Process, _ []term.Term) (term.Term, error) {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	clock := "real"
	if s.cfg.Clock.Virtual() {
		clock = "virtual (time jumps to the next timer when every process waits)"
	}
	row := func(b *strings.Builder, k, v string) { fmt.Fprintf(b, "%-20s%s\n", k+":", v) }
	var b strings.Builder
	b.WriteString("\n## System and architecture \n\n")
	row(&b, "goiex version", s.cfg.Version)
	row(&b, "Elixir semantics", "1.14")
	row(&b, "Go version", runtime.Version())
	row(&b, "Compiled for", runtime.GOOS+"/"+runtime.GOARCH)
	row(&b, "Schedulers", "1 (deterministic: one run queue, 4000 reductions a slice)")
	row(&b, "Clock", clock)
	b.WriteString("\n## Memory \n\n")
	row(&b, "Total", formatBytes(ms.Sys))
	row(&b, "Go heap", formatBytes(ms.HeapAlloc))
	procMem := 0
	for _, pid := range s.pids() {
		if p := s.m.ProcessByPid(pid); p != nil {
			procMem += p.MemoryBytes()
		}
	}
	row(&b, "Processes", formatBytes(uint64(procMem)))
	b.WriteString("\n## Statistics / limits \n\n")
	row(&b, "Uptime", formatUptime(time.Since(s.started)))
	runq := "0"
	if s.m.Runnable() {
		runq = "1 or more"
	}
	row(&b, "Run queue", runq)
	row(&b, "Modules", fmt.Sprint(len(s.m.Modules())))
	row(&b, "Processes", fmt.Sprint(s.m.ProcessCount()))
	b.WriteString("\n")
	s.print.Info(b.String())
	return dontDisplay, nil
}

// pids lists the live processes, in pid order.
func (s *Session) pids() []term.Term {
	v, err := callNative(s.shell, "Process", "list", nil)
	if err != nil {
		return nil
	}
	out, _ := term.ListToSlice(v)
	return out
}

// callNative calls a native function of the library by name.
func callNative(p *vm.Process, module, name string, args []term.Term) (term.Term, error) {
	mod := p.VM().Module(term.ModuleAtom(module))
	if mod == nil {
		return term.Term{}, fmt.Errorf("no module %s", module)
	}
	for _, f := range mod.Funcs {
		if f.Name == name && f.Arity == len(args) && f.Native != nil {
			return f.Native(p, args)
		}
	}
	return term.Term{}, fmt.Errorf("no native %s.%s/%d", module, name, len(args))
}

func formatBytes(n uint64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d B", n)
}

// formatUptime words a duration as iex does: "3 minutes and 17 seconds".
func formatUptime(d time.Duration) string {
	secs := int(d.Seconds())
	parts := []string{}
	unit := func(n int, name string) {
		if n == 1 {
			parts = append(parts, "1 "+name)
		} else if n > 1 {
			parts = append(parts, fmt.Sprintf("%d %ss", n, name))
		}
	}
	unit(secs/86400, "day")
	unit(secs%86400/3600, "hour")
	unit(secs%3600/60, "minute")
	if s := secs % 60; s > 0 || len(parts) == 0 {
		parts = append(parts, fmt.Sprintf("%d seconds", s))
		if s == 1 {
			parts[len(parts)-1] = "1 second"
		}
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// processInfo is goiex's process_info/1: Process.info/1 arranged in
// sections a learner can read.
func (s *Session) processInfo(p *vm.Process, args []term.Term) (term.Term, error) {
	pid := args[0]
	if !pid.IsPid() {
		return term.Term{}, vm.Raise(vm.NewArgumentErrorAt(1, "not a pid"))
	}
	q := s.m.ProcessByPid(pid)
	if q == nil {
		s.print.Info(fmt.Sprintf("%s is not alive\n", term.Inspect(pid)))
		return dontDisplay, nil
	}
	info := map[string]term.Term{}
	if v, err := callNative(p, "Process", "info", []term.Term{pid}); err == nil {
		for l := v; l.IsCons(); l = l.Tail() {
			kv := l.Head()
			if kv.IsTuple() && kv.TupleSize() == 2 && kv.Elems()[0].IsAtom() {
				info[kv.Elems()[0].AtomName()] = kv.Elems()[1]
			}
		}
	}
	show := func(k string) string {
		if v, ok := info[k]; ok {
			return term.Inspect(v)
		}
		return "-"
	}
	var b strings.Builder
	row := func(k, v string) { fmt.Fprintf(&b, "  %-22s%s\n", k+":", v) }
	b.WriteString("## Overview\n\n")
	row("Pid", term.Inspect(pid))
	row("Registered name", show("registered_name"))
	row("Initial call", show("initial_call"))
	row("Current function", term.Inspect(q.CurrentFunction()))
	row("Status", term.Inspect(q.Status()))
	row("Message queue length", fmt.Sprint(q.MessageQueueLen()))
	row("Reductions", show("reductions"))
	row("Trap exit", show("trap_exit"))
	b.WriteString("\n## Links\n\n")
	writeList(&b, info["links"])
	b.WriteString("\n## Monitors\n\n")
	if v, ok := callNative(p, "Process", "info", []term.Term{pid, term.Atom("monitors")}); ok == nil && v.IsTuple() {
		writeList(&b, v.Elems()[1])
	} else {
		b.WriteString("  none\n")
	}
	if v, ok := callNative(p, "Process", "info", []term.Term{pid, term.Atom("monitored_by")}); ok == nil && v.IsTuple() && v.Elems()[1].IsCons() {
		b.WriteString("\n## Monitored by\n\n")
		writeList(&b, v.Elems()[1])
	}
	b.WriteString("\n## Memory\n\n")
	row("Memory", fmt.Sprintf("%d bytes", q.MemoryBytes()))
	row("Heap size", show("heap_size"))
	row("Stack size", show("stack_size"))
	b.WriteString("\n## Current stacktrace\n\n")
	fmt.Fprintf(&b, "  %s\n", term.Inspect(q.CurrentFunction()))
	if msgs := q.Messages(); len(msgs) > 0 {
		b.WriteString("\n## Messages\n\n")
		for i, m := range msgs {
			if i == 10 {
				fmt.Fprintf(&b, "  … %d more\n", len(msgs)-10)
				break
			}
			fmt.Fprintf(&b, "  %s\n", term.Inspect(m))
		}
	}
	s.print.Info(b.String())
	return dontDisplay, nil
}

func writeList(b *strings.Builder, l term.Term) {
	elems, _ := term.ListToSlice(l)
	if len(elems) == 0 {
		b.WriteString("  none\n")
		return
	}
	for _, e := range elems {
		fmt.Fprintf(b, "  %s\n", term.Inspect(e))
	}
}

// exports prints a module's public functions as iex does: name/arity in
// columns.
func (s *Session) exports(_ *vm.Process, args []term.Term) (term.Term, error) {
	mod := s.m.Module(args[0])
	if !args[0].IsAtom() || mod == nil {
		return term.Term{}, vm.Raise(vm.NewArgumentError(fmt.Sprintf("%s is not a loaded module", term.Inspect(args[0]))))
	}
	var names []string
	for _, f := range mod.Funcs {
		if !f.Private && !strings.HasPrefix(f.Name, "-") {
			names = append(names, fmt.Sprintf("%s/%d", f.Name, f.Arity))
		}
	}
	sort.Strings(names)
	width := 0
	for _, n := range names {
		width = max(width, len(n))
	}
	width += 2
	perLine := max(1, s.cfg.Width/width)
	var b strings.Builder
	for i, n := range names {
		if i%perLine == perLine-1 || i == len(names)-1 {
			b.WriteString(n + "\n")
		} else {
			b.WriteString(n + strings.Repeat(" ", width-len(n)))
		}
	}
	s.print.Info(b.String())
	return dontDisplay, nil
}
