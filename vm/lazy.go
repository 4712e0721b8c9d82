package vm

import (
	"fmt"

	"goiex/vm/term"
)

// The library is compiled on demand: a module of the embedded Elixir
// library is compiled and installed the first time something calls into
// it, so a script that uses only IO.puts does not pay for GenServer,
// Supervisor or :dets at start. Library files hold only defmodules, so
// installing one needs no process to run.

type lazyFile struct {
	file   string
	src    []byte
	loaded bool
}

// AddLazyLibrary registers library source that defines the given modules
// (as Elixir writes them: "Enum", ":timer"), to be compiled when first
// needed.
func (v *VM) AddLazyLibrary(file string, src []byte, modules []string) {
	lf := &lazyFile{file: file, src: src}
	if v.lazy == nil {
		v.lazy = map[term.Term]*lazyFile{}
	}
	for _, m := range modules {
		v.lazy[moduleAtomOf(m)] = lf
	}
}

// autoload compiles and installs the library file defining module, if
// one is pending. It reports whether it loaded anything.
func (v *VM) autoload(module term.Term) bool {
	lf := v.lazy[module]
	if lf == nil || lf.loaded {
		return false
	}
	lf.loaded = true
	if err := v.loadNow(lf.file, lf.src); err != nil {
		// The embedded library is tested; a failure here is a goiex bug.
		panic(fmt.Sprintf("goiex library %s: %v", lf.file, err))
	}
	return true
}

// loadNow compiles library source and installs its modules.
func (v *VM) loadNow(file string, src []byte) error {
	code, err := v.Compile(file, src)
	if err != nil {
		return err
	}
	for _, m := range code.Modules {
		v.install(m)
	}
	return nil
}

// LoadAll compiles every pending library module (the shell does, so that
// completion and h/1 see everything).
func (v *VM) LoadAll() error {
	for _, lf := range v.lazy {
		if !lf.loaded {
			lf.loaded = true
			if err := v.loadNow(lf.file, lf.src); err != nil {
				return fmt.Errorf("%s: %w", lf.file, err)
			}
		}
	}
	return nil
}
