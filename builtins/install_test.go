package builtins

import (
	"testing"

	"goiex/vm"
)

// The library is compiled on first use; this compiles all of it, so a
// broken library file fails here and not in front of a learner.
func TestWholeLibraryCompiles(t *testing.T) {
	v := vm.New(vm.Options{})
	if err := Install(v); err != nil {
		t.Fatal(err)
	}
	if err := v.LoadAll(); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Enum", "GenServer", "Supervisor", "DynamicSupervisor", "Task", "Agent", "Logger", "DurableQueue", ":timer", ":dets", "Goiex", "Kernel"} {
		if v.Module(moduleAtom(name)) == nil {
			t.Errorf("module %s is not defined by the library", name)
		}
	}
}
