// Package vm runs compiled Elixir: processes, mailboxes, the scheduler,
// timers, links, monitors, exit signals and the event stream. It does no
// I/O of its own: output goes to the writers in Options.
package vm

import "io"

// Options configure a VM.
type Options struct {
	Stdout, Stderr io.Writer
}

// VM is one Erlang-like node.
type VM struct {
	opts Options
}

// Stdout is where IO.puts and friends write.
func (v *VM) Stdout() io.Writer { return v.opts.Stdout }

// Stderr is where crash reports and Logger write.
func (v *VM) Stderr() io.Writer { return v.opts.Stderr }
