package builtins

import (
	"io/fs"
	"regexp"
	"sort"

	"goiex/vm"
)

// Install registers every native and the Elixir library into v, natives
// first so that the library's Elixir definitions win where both exist.
// Library modules are compiled when first used (vm.AddLazyLibrary), so
// starting goiex costs little whatever the library's size.
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
		var modules []string
		for _, m := range defmoduleRE.FindAllSubmatch(src, -1) {
			modules = append(modules, string(m[1]))
		}
		v.AddLazyLibrary("lib/"+name, src, modules)
	}
	return nil
}

// defmoduleRE finds the modules a library file defines: every library
// module is defined at the start of a line, none nested.
var defmoduleRE = regexp.MustCompile(`(?m)^defmodule\s+([A-Z][\w.]*|:\w+)\s+do\b`)

// clockNow is the VM's monotonic clock (real or virtual) in nanoseconds.
func clockNow(p *vm.Process) int64 { return p.VM().Now() }
