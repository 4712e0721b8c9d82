package golden

// The golden tests run the goiex binary, which they build themselves; these
// imports make `go test` see the packages the binary is made of, so that a
// change in any of them invalidates the cached test result.
import (
	_ "goiex/builtins"
	_ "goiex/vm"
	_ "goiex/vm/compile"
	_ "goiex/vm/syntax"
	_ "goiex/vm/term"
)
