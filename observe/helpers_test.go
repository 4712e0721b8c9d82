package observe

import (
	"bytes"
	"io"
	"testing"

	"goiex/builtins"
	"goiex/vm"
)

// newVM is a VM with the library and module Goiex, on the virtual clock.
func newVM(t testing.TB, out io.Writer) (*vm.VM, *Observer) {
	t.Helper()
	v := vm.New(vm.Options{Stdout: out, Stderr: out, Clock: vm.NewVirtualClock()})
	if err := builtins.Install(v); err != nil {
		t.Fatal(err)
	}
	return v, Install(v)
}

// spawnScript compiles src and starts it as a process, without running it.
func spawnScript(t testing.TB, v *vm.VM, src string) *vm.Process {
	t.Helper()
	code, err := v.Compile("test.exs", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return v.SpawnCode(code, nil)
}

// runScript runs src to its end and returns what it printed.
func runScript(t testing.TB, src string) string {
	t.Helper()
	var out bytes.Buffer
	v, _ := newVM(t, &out)
	p := spawnScript(t, v, src)
	if err := v.RunUntilExit(p); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if exc := p.ExitError(); exc != nil {
		t.Fatalf("%s\n%s", exc.Error(), out.String())
	}
	v.FlushLog()
	return out.String()
}
