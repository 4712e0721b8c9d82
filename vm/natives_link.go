package vm

import "goiex/vm/term"

func init() {
	vmNativeGroups = append(vmNativeGroups, []NativeSpec{
		{Module: "Kernel", Name: "spawn_link", Arity: 1, Fn: natSpawnLink, Doc: "Spawns a process linked to the caller: if either dies abnormally, so does the other."},
		{Module: "Kernel", Name: "spawn_link", Arity: 3, Fn: natSpawnLink},
		{Module: ":erlang", Name: "spawn_link", Arity: 1, Fn: natSpawnLink},
		{Module: ":erlang", Name: "spawn_link", Arity: 3, Fn: natSpawnLink},
		{Module: "Kernel", Name: "spawn_monitor", Arity: 1, Fn: natSpawnMonitor, Doc: "Spawns a monitored process; returns {pid, ref}."},
		{Module: "Kernel", Name: "spawn_monitor", Arity: 3, Fn: natSpawnMonitor},
		{Module: ":erlang", Name: "spawn_monitor", Arity: 1, Fn: natSpawnMonitor},
		{Module: ":erlang", Name: "spawn_monitor", Arity: 3, Fn: natSpawnMonitor},
		{Module: "Process", Name: "link", Arity: 1, Fn: natLink, Doc: "Links the caller and a process."},
		{Module: ":erlang", Name: "link", Arity: 1, Fn: natLink},
		{Module: "Process", Name: "unlink", Arity: 1, Fn: natUnlink, Doc: "Removes the link between the caller and a process."},
		{Module: ":erlang", Name: "unlink", Arity: 1, Fn: natUnlink},
		{Module: "Process", Name: "monitor", Arity: 1, Fn: natMonitor, Doc: "Monitors a process: a {:DOWN, ref, :process, pid, reason} message comes when it ends."},
		{Module: ":erlang", Name: "monitor", Arity: 2, Fn: func(p *Process, a []term.Term) (term.Term, error) { return natMonitor(p, a[1:]) }},
		{Module: ":erlang", Name: "monitor", Arity: 3, Fn: natMonitor3},
		{Module: "Process", Name: "demonitor", Arity: 1, Fn: natDemonitor, Doc: "Removes a monitor; with [:flush], also a DOWN message already received."},
		{Module: "Process", Name: "demonitor", Arity: 2, Fn: natDemonitor},
		{Module: ":erlang", Name: "demonitor", Arity: 1, Fn: natDemonitor},
		{Module: ":erlang", Name: "demonitor", Arity: 2, Fn: natDemonitor},
		{Module: "Process", Name: "flag", Arity: 2, Fn: natFlag, Doc: "Sets a process flag (:trap_exit) and returns its old value."},
		{Module: ":erlang", Name: "process_flag", Arity: 2, Fn: natFlag},
		{Module: "Process", Name: "exit", Arity: 2, Fn: natProcessExit, Doc: "Sends an exit signal to a process (:kill cannot be trapped)."},
		{Module: ":erlang", Name: "exit", Arity: 2, Fn: natProcessExit},
		{Module: ":erlang", Name: "alias", Arity: 0, Fn: natAlias},
		{Module: ":erlang", Name: "unalias", Arity: 1, Fn: natUnalias},
		{Module: "Process", Name: "info", Arity: 1, Fn: natInfo1, Doc: "Returns information about a process as a keyword list, or nil if it is dead."},
		{Module: ":erlang", Name: "process_info", Arity: 1, Fn: natInfo1},
	}...)
}

func natSpawnLink(p *Process, a []term.Term) (term.Term, error) {
	pid, err := spawnOf(p, a)
	if err != nil {
		return term.Term{}, err
	}
	p.vm.Link(p, pid)
	return pid, nil
}

func natSpawnMonitor(p *Process, a []term.Term) (term.Term, error) {
	pid, err := spawnOf(p, a)
	if err != nil {
		return term.Term{}, err
	}
	return term.Tuple(pid, p.vm.Monitor(p, pid)), nil
}

func spawnOf(p *Process, a []term.Term) (term.Term, error) {
	if len(a) == 1 {
		return natSpawn(p, a)
	}
	return natSpawn3(p, a)
}

func natLink(p *Process, a []term.Term) (term.Term, error) {
	if !a[0].IsPid() {
		return term.Term{}, Raise(NewArgumentErrorAt(1, "not a pid"))
	}
	if exc := p.vm.Link(p, a[0]); exc != nil {
		return term.Term{}, exc
	}
	return term.True, nil
}

func natUnlink(p *Process, a []term.Term) (term.Term, error) {
	p.vm.Unlink(p, a[0])
	return term.True, nil
}

func natMonitor(p *Process, a []term.Term) (term.Term, error) {
	if !a[0].IsPid() && !a[0].IsAtom() {
		return term.Term{}, Raise(NewArgumentErrorAt(2, "invalid destination"))
	}
	return p.vm.Monitor(p, a[0]), nil
}

func natDemonitor(p *Process, a []term.Term) (term.Term, error) {
	flush := false
	if len(a) == 2 {
		for l := a[1]; l.IsCons(); l = l.Tail() {
			if l.Head() == term.Atom("flush") {
				flush = true
			}
		}
	}
	p.vm.Demonitor(p, a[0], flush)
	return term.True, nil
}

func natFlag(p *Process, a []term.Term) (term.Term, error) {
	switch a[0].AtomName() {
	case "trap_exit":
		if a[1] != term.True && a[1] != term.False {
			return term.Term{}, Raise(NewArgumentErrorAt(2, "invalid value for flag :trap_exit"))
		}
		old := term.Bool(p.trapExit)
		p.trapExit = a[1] == term.True
		return old, nil
	}
	return term.Term{}, Raise(NewArgumentErrorAt(1, "invalid process flag"))
}

func natProcessExit(p *Process, a []term.Term) (term.Term, error) {
	if exc := p.vm.ExitSignal(p, a[0], a[1]); exc != nil {
		return term.Term{}, exc
	}
	return term.True, nil
}

func natAlias(p *Process, _ []term.Term) (term.Term, error) { return p.vm.Alias(p), nil }

func natUnalias(p *Process, a []term.Term) (term.Term, error) {
	return term.Bool(p.vm.Unalias(p, a[0])), nil
}

// natMonitor3 is :erlang.monitor(:process, target, opts); the option
// alias: :demonitor | :reply_demonitor | :explicit_unalias makes the
// monitor reference also an alias of the caller (OTP 24+), deactivated
// on demonitor or when the DOWN arrives (and, for :reply_demonitor, by
// the first message received through it).
func natMonitor3(p *Process, a []term.Term) (term.Term, error) {
	if a[0] != atomProcess {
		return term.Term{}, Raise(NewArgumentErrorAt(1, "invalid monitor type"))
	}
	ref, err := natMonitor(p, a[1:2])
	if err != nil {
		return ref, err
	}
	for l := a[2]; l.IsCons(); l = l.Tail() {
		opt := l.Head()
		if opt.IsTuple() && opt.TupleSize() == 2 && opt.Elems()[0] == term.Atom("alias") {
			p.vm.aliases[ref] = p
			p.ext().aliases = append(p.ext().aliases, ref)
			if mode := opt.Elems()[1]; mode != term.Atom("explicit_unalias") {
				for _, m := range p.ext().monitors {
					if m.ref == ref {
						m.alias = true
						m.replyDemonitor = mode == term.Atom("reply_demonitor")
					}
				}
			}
		}
	}
	return ref, nil
}
