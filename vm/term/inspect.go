package term

import "fmt"

// INTERIM (owner: the term helper): replaced by Elixir's exact inspect.

// InspectOptions are the options of Kernel.inspect/2 that goiex honours.
type InspectOptions struct {
	Width          int  // line width for pretty printing; 0 means 80
	Pretty         bool // break over lines wider than Width (IO.inspect does)
	Limit          int  // max items of a collection; 0 means 50; -1 infinity
	PrintableLimit int  // max bytes/chars of a string or charlist; 0 means 4096
	Charlists      int  // 0 infer, 1 as lists, 2 as charlists
}

// Inspect renders t as Kernel.inspect/1 does.
func Inspect(t Term) string { return InspectWith(t, InspectOptions{}) }

// InspectWith renders t as Kernel.inspect/2 does with the given options.
func InspectWith(t Term, o InspectOptions) string {
	switch t.Kind() {
	case KindInt:
		return fmt.Sprint(t.SmallInt())
	case KindAtom:
		return ":" + t.AtomName()
	case KindBinary:
		return fmt.Sprintf("%q", t.Str())
	}
	return "#<term>"
}
