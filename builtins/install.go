package builtins

import (
	"io/fs"
	"sort"

	"goiex/vm"
)

// Install registers every native and loads the Elixir library into v,
// natives first so that the library's Elixir definitions win where both
// exist.
func Install(v *vm.VM) error {
	v.SetUseTemplates(UseTemplate)
	for _, s := range Natives() {
		v.RegisterNative(s)
	}
	lib := Library()
	names, err := fs.Glob(lib, "*.ex")
	if err != nil {
		return err
	}
	sort.Strings(names)
	for _, name := range names {
		src, err := fs.ReadFile(lib, name)
		if err != nil {
			return err
		}
		if err := v.LoadLibrary("lib/"+name, src); err != nil {
			return err
		}
	}
	return nil
}

// clockNow is the VM's monotonic clock (real or virtual) in nanoseconds.
func clockNow(p *vm.Process) int64 { return p.VM().Now() }
