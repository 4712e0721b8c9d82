package term

import (
	"strings"
	"sync"
)

// The struct registry records each struct module's fields in definition
// order, which inspect needs (%User{name: "a", age: 1} follows
// defstruct, not key order) and a map cannot give. The VM registers a
// module when it runs its defstruct/defexception; the standard structs
// are registered here with the fields Elixir 1.14 defines.
//
// The registry is shared by every VM in the program, like the atom
// table: a module defined twice with different fields keeps the last.
var structs = struct {
	sync.RWMutex
	fields map[Term][]Term
}{fields: map[Term][]Term{}}

// RegisterStruct records the fields of struct module mod in definition
// order (as Mod.__info__(:struct) lists them; :__exception__ included
// for exceptions, :__struct__ not).
func RegisterStruct(mod Term, fields []Term) {
	structs.Lock()
	structs.fields[mod] = fields
	structs.Unlock()
}

// StructFields returns the fields registered for mod.
func StructFields(mod Term) ([]Term, bool) {
	structs.RLock()
	f, ok := structs.fields[mod]
	structs.RUnlock()
	return f, ok
}

func init() {
	for _, s := range [...]struct{ mod, fields string }{
		{"RuntimeError", "__exception__ message"},
		{"ArgumentError", "__exception__ message"},
		{"ArithmeticError", "__exception__ message"},
		{"MatchError", "__exception__ term"},
		{"CaseClauseError", "__exception__ term"},
		{"WithClauseError", "__exception__ term"},
		{"TryClauseError", "__exception__ term"},
		{"CondClauseError", "__exception__"},
		{"BadMapError", "__exception__ term"},
		{"BadBooleanError", "__exception__ term operator"},
		{"BadFunctionError", "__exception__ term"},
		{"BadArityError", "__exception__ function args"},
		{"BadStructError", "__exception__ struct term"},
		{"KeyError", "__exception__ key term message"},
		{"FunctionClauseError", "__exception__ module function arity kind args clauses"},
		{"UndefinedFunctionError", "__exception__ module function arity reason message"},
		{"Protocol.UndefinedError", "__exception__ protocol value description"},
		{"ErlangError", "__exception__ original reason"},
		{"SystemLimitError", "__exception__ message"},
		{"Enum.EmptyError", "__exception__ message"},
		{"Enum.OutOfBoundsError", "__exception__ message"},
		{"File.Error", "__exception__ reason path action"},
		{"UnicodeConversionError", "__exception__ encoded message"},
		{"CompileError", "__exception__ file line description"},
		{"SyntaxError", "__exception__ file line column snippet description"},
		{"TokenMissingError", "__exception__ file line snippet column description"},
		{"Range", "first last step"},
		{"MapSet", "map version"},
		{"Task", "mfa owner pid ref"},
		{"URI", "scheme authority userinfo host port path query fragment"},
		{"Version", "major minor patch pre build"},
	} {
		var fields []Term
		for _, f := range strings.Fields(s.fields) {
			fields = append(fields, Atom(f))
		}
		RegisterStruct(ModuleAtom(s.mod), fields)
	}
}
