package vm

// Process is one Elixir process: its frames, mailbox, links, monitors,
// flags and counters. It is plain data; the scheduler runs it.
type Process struct {
	vm *VM
}

// VM returns the machine the process runs on.
func (p *Process) VM() *VM { return p.vm }
