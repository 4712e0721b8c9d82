package vm

import (
	"fmt"
	"strings"

	"goiex/vm/term"
)

// Field names of the standard exception structs.
var (
	fMessage  = term.Atom("message")
	fTerm     = term.Atom("term")
	fKey      = term.Atom("key")
	fModule   = term.Atom("module")
	fFunction = term.Atom("function")
	fArity    = term.Atom("arity")
	fReason   = term.Atom("reason")
	fArgs     = term.Atom("args")
	fKind     = term.Atom("kind")
	fClauses  = term.Atom("clauses")
	fOriginal = term.Atom("original")
	fProtocol = term.Atom("protocol")
	fValue    = term.Atom("value")
	fDesc     = term.Atom("description")
	fOperator = term.Atom("operator")
	fStruct   = term.Atom("struct")
)

func exception(module string, kv ...term.Term) term.Term {
	kv = append(kv, term.ExceptionKey(), term.True)
	return term.Struct(module, kv...)
}

// NewRuntimeError is raise "msg".
func NewRuntimeError(msg string) term.Term {
	return exception("RuntimeError", fMessage, term.String(msg))
}

// NewArgumentError is %ArgumentError{message: msg}.
func NewArgumentError(msg string) term.Term {
	return exception("ArgumentError", fMessage, term.String(msg))
}

var ordinals = [...]string{"1st", "2nd", "3rd"}

// NewArgumentErrorAt is the ArgumentError Erlang's BIFs raise in
// Elixir 1.14: "errors were found at the given arguments:\n\n  * 1st
// argument: not a nonempty list\n". argN is 1-based.
func NewArgumentErrorAt(argN int, what string) term.Term {
	ord := fmt.Sprintf("%dth", argN)
	if argN >= 1 && argN <= 3 {
		ord = ordinals[argN-1]
	}
	return NewArgumentError(fmt.Sprintf("errors were found at the given arguments:\n\n  * %s argument: %s\n", ord, what))
}

// NewArithmeticError is raised by arithmetic on non-numbers and division
// by zero.
func NewArithmeticError() term.Term {
	return exception("ArithmeticError", fMessage, term.String("bad argument in arithmetic expression"))
}

// NewMatchError is a failed `=` match.
func NewMatchError(value term.Term) term.Term { return exception("MatchError", fTerm, value) }

// NewCaseClauseError is a case with no matching clause.
func NewCaseClauseError(value term.Term) term.Term { return exception("CaseClauseError", fTerm, value) }

// NewWithClauseError is a with/else with no matching else clause.
func NewWithClauseError(value term.Term) term.Term { return exception("WithClauseError", fTerm, value) }

// NewTryClauseError is a try/else with no matching clause.
func NewTryClauseError(value term.Term) term.Term { return exception("TryClauseError", fTerm, value) }

// NewCondClauseError is a cond with no truthy condition.
func NewCondClauseError() term.Term { return exception("CondClauseError") }

// NewBadMapError is a map operation on a non-map.
func NewBadMapError(value term.Term) term.Term { return exception("BadMapError", fTerm, value) }

// NewBadBooleanError is `and`/`or` with a non-boolean left side.
func NewBadBooleanError(value term.Term, op string) term.Term {
	return exception("BadBooleanError", fTerm, value, fOperator, term.Atom(op))
}

// NewBadFunctionError is calling something that is not a function.
func NewBadFunctionError(value term.Term) term.Term {
	return exception("BadFunctionError", fTerm, value)
}

// NewBadArityError is calling a function with the wrong number of args.
func NewBadArityError(fun term.Term, args []term.Term) term.Term {
	return exception("BadArityError", fFunction, fun, fArgs, term.List(args...))
}

// NewKeyError is a missing key (Map.fetch!/2, map.key).
func NewKeyError(key, in term.Term, msg string) term.Term {
	m := term.Nil
	if msg != "" {
		m = term.String(msg)
	}
	return exception("KeyError", fKey, key, fTerm, in, fMessage, m)
}

// NewFunctionClauseError is a call no clause of a named function matched.
func NewFunctionClauseError(module term.Term, fun string, arity int) term.Term {
	return exception("FunctionClauseError", fModule, module, fFunction, term.Atom(fun),
		fArity, term.Int(int64(arity)), fKind, term.Nil, fArgs, term.Nil, fClauses, term.Nil)
}

// NewUndefinedFunctionError is a call to a function that doesn't exist.
// moduleLoaded tells the two messages apart ("is undefined or private" vs
// "(module X is not available)"), which the struct itself does not carry
// in Elixir 1.14: Exception.message asks the code server; we record it
// in :reason.
func NewUndefinedFunctionError(module term.Term, fun string, arity int, moduleLoaded bool) term.Term {
	reason := term.Nil
	if !moduleLoaded {
		reason = term.Atom("module_not_available")
	}
	return exception("UndefinedFunctionError", fModule, module, fFunction, term.Atom(fun),
		fArity, term.Int(int64(arity)), fReason, reason, fMessage, term.Nil)
}

// NewProtocolUndefinedError is a protocol (Enumerable, String.Chars…)
// not implemented for a value.
func NewProtocolUndefinedError(protocol string, value term.Term, desc string) term.Term {
	return exception("Protocol.UndefinedError", fProtocol, term.ModuleAtom(protocol),
		fValue, value, fDesc, term.String(desc))
}

// NewErlangError wraps a raw Erlang error reason.
func NewErlangError(original term.Term) term.Term {
	return exception("ErlangError", fOriginal, original, fReason, term.Nil)
}

func get(e term.Term, field term.Term) term.Term {
	v, ok := e.MapVal().Get(field)
	if !ok {
		return term.Nil
	}
	return v
}

// ExceptionMessage is Exception.message/1 for the exceptions the VM and
// the builtins raise, worded as Elixir 1.14 words them. Exceptions with a
// :message field that is a string use it.
func ExceptionMessage(e term.Term) string {
	mod, ok := term.StructName(e)
	if !ok {
		return term.Inspect(e)
	}
	if m := get(e, fMessage); m.IsBinary() {
		return m.Str()
	}
	switch term.ModuleName(mod) {
	case "MatchError":
		return "no match of right hand side value: " + term.Inspect(get(e, fTerm))
	case "CaseClauseError":
		return "no case clause matching: " + term.Inspect(get(e, fTerm))
	case "WithClauseError":
		return "no with clause matching: " + term.Inspect(get(e, fTerm))
	case "TryClauseError":
		return "no try clause matching: " + term.Inspect(get(e, fTerm))
	case "CondClauseError":
		return "no cond clause evaluated to a truthy value"
	case "BadMapError":
		return "expected a map, got: " + term.Inspect(get(e, fTerm))
	case "BadStructError":
		return "expected a struct named " + term.ModuleName(get(e, fStruct)) + ", got: " + term.Inspect(get(e, fTerm))
	case "BadBooleanError":
		return fmt.Sprintf("expected a boolean on left-side of %q, got: %s",
			get(e, fOperator).AtomName(), term.Inspect(get(e, fTerm)))
	case "BadFunctionError":
		return "expected a function, got: " + term.Inspect(get(e, fTerm))
	case "BadArityError":
		fun := get(e, fFunction)
		args, _ := term.ListToSlice(get(e, fArgs))
		parts := make([]string, len(args))
		for i, a := range args {
			parts[i] = term.Inspect(a)
		}
		n := len(args)
		plural := "s"
		if n == 1 {
			plural = ""
		}
		return fmt.Sprintf("%s with arity %d called with %d argument%s (%s)",
			term.Inspect(fun), fun.FunVal().Arity, n, plural, strings.Join(parts, ", "))
	case "KeyError":
		if get(e, fTerm) == term.Nil {
			return "key " + term.Inspect(get(e, fKey)) + " not found"
		}
		return "key " + term.Inspect(get(e, fKey)) + " not found in: " + term.Inspect(get(e, fTerm))
	case "FunctionClauseError":
		return fmt.Sprintf("no function clause matching in %s.%s/%d",
			term.ModuleName(get(e, fModule)), get(e, fFunction).AtomName(), get(e, fArity).SmallInt())
	case "UndefinedFunctionError":
		m := get(e, fModule)
		head := fmt.Sprintf("function %s.%s/%d is undefined", term.ModuleName(m),
			get(e, fFunction).AtomName(), get(e, fArity).SmallInt())
		if get(e, fReason) == term.Atom("module_not_available") {
			return head + " (module " + term.ModuleName(m) + " is not available)"
		}
		return head + " or private"
	case "Protocol.UndefinedError":
		v := get(e, fValue)
		msg := fmt.Sprintf("protocol %s not implemented for %s of type %s",
			term.ModuleName(get(e, fProtocol)), term.Inspect(v), typeName(v))
		if d := get(e, fDesc); d.IsBinary() && d.Str() != "" {
			msg += ", " + d.Str()
		}
		return msg
	case "ErlangError":
		return "Erlang error: " + term.Inspect(get(e, fOriginal))
	}
	return term.Inspect(e)
}

// typeName is the type word of Protocol.UndefinedError messages.
func typeName(v term.Term) string {
	if s, ok := term.StructName(v); ok {
		return term.ModuleName(s) + " (a struct)"
	}
	switch v.Kind() {
	case term.KindInt, term.KindBigInt:
		return "Integer"
	case term.KindFloat:
		return "Float"
	case term.KindAtom:
		return "Atom"
	case term.KindBinary:
		return "BitString"
	case term.KindEmptyList, term.KindCons:
		return "List"
	case term.KindTuple:
		return "Tuple"
	case term.KindMap:
		return "Map"
	case term.KindFun:
		return "Function"
	case term.KindPid:
		return "PID"
	case term.KindRef:
		return "Reference"
	}
	return "Any"
}

// NormalizeError turns a raw :error reason into the exception Elixir
// shows for it (Erlang's badarg becomes ArgumentError and so on); an
// exception struct is returned unchanged.
func NormalizeError(reason term.Term) term.Term {
	if term.IsException(reason) {
		return reason
	}
	switch {
	case reason == term.Atom("badarg"):
		return NewArgumentError("argument error")
	case reason == term.Atom("badarith"):
		return NewArithmeticError()
	case reason.IsTuple() && reason.TupleSize() == 2:
		el := reason.Elems()
		switch el[0] {
		case term.Atom("badmatch"):
			return NewMatchError(el[1])
		case term.Atom("case_clause"):
			return NewCaseClauseError(el[1])
		case term.Atom("badmap"):
			return NewBadMapError(el[1])
		case term.Atom("badfun"):
			return NewBadFunctionError(el[1])
		case term.Atom("with_clause"):
			return NewWithClauseError(el[1])
		case term.Atom("try_clause"):
			return NewTryClauseError(el[1])
		case term.Atom("badkey"):
			return NewKeyError(el[1], term.Nil, "")
		case term.Atom("badarity"):
			if p := el[1]; p.IsTuple() && p.TupleSize() == 2 {
				args, _ := term.ListToSlice(p.Elems()[1])
				return NewBadArityError(p.Elems()[0], args)
			}
		}
	case reason.IsTuple() && reason.TupleSize() == 3 && reason.Elems()[0] == term.Atom("badkey"):
		return NewKeyError(reason.Elems()[1], reason.Elems()[2], "")
	}
	return NewErlangError(reason)
}

// FormatRaised is the banner Elixir prints for an uncaught exception:
// "** (RuntimeError) boom", "** (exit) :normal", "** (throw) :ball".
func FormatRaised(class Class, reason term.Term) string {
	switch class {
	case ClassError:
		e := NormalizeError(reason)
		mod, _ := term.StructName(e)
		return "** (" + term.ModuleName(mod) + ") " + ExceptionMessage(e)
	case ClassExit:
		return "** (exit) " + FormatExit(reason, "\n    ")
	default:
		return "** (throw) " + term.Inspect(reason)
	}
}

// FormatExit words an exit reason as Elixir's Exception.format_exit/1
// does, continuing lines with joiner ("\n    " at the top).
func FormatExit(reason term.Term, joiner string) string {
	if reason.IsAtom() {
		switch reason.AtomName() {
		case "normal", "shutdown", "killed":
			return reason.AtomName()
		case "calling_self":
			return "process attempted to call itself"
		case "timeout":
			return "time out"
		case "noconnection":
			return "no connection"
		case "noproc":
			return "no process: the process is not alive or there's no process currently associated with the given name, possibly because its application isn't started"
		}
	}
	if reason.IsTuple() && reason.TupleSize() == 2 {
		el := reason.Elems()
		if el[0] == term.Atom("shutdown") {
			return "shutdown: " + term.Inspect(el[1])
		}
		if mfa := el[1]; mfa.IsTuple() && mfa.TupleSize() == 3 && mfa.Elems()[0].IsAtom() && mfa.Elems()[1].IsAtom() && mfa.Elems()[2].IsList() {
			return "exited in: " + formatMFA(mfa.Elems()[0], mfa.Elems()[1], mfa.Elems()[2]) +
				joiner + "** (EXIT) " + FormatExit(el[0], joiner+"  ")
		}
		if stack := el[1]; stack.IsCons() {
			e := NormalizeError(el[0])
			if el[0].IsTuple() && el[0].TupleSize() == 2 && el[0].Elems()[0] == term.Atom("nocatch") {
				e = NewErlangError(el[0])
			}
			banner := FormatRaised(ClassError, e)
			var b strings.Builder
			b.WriteString("an exception was raised:")
			b.WriteString(joiner)
			b.WriteString(strings.ReplaceAll(banner, "\n", joiner))
			for l := stack; l.IsCons(); l = l.Tail() {
				b.WriteString(joiner + "    " + FormatStackEntry(l.Head()))
			}
			return b.String()
		}
	}
	return term.Inspect(reason)
}

// formatMFA is Exception.format_mfa/3 for a call with arguments:
// "GenServer.call(#PID<0.1.0>, :x, 5000)".
func formatMFA(mod, fun, args term.Term) string {
	as, _ := term.ListToSlice(args)
	parts := make([]string, len(as))
	for i, a := range as {
		parts[i] = term.Inspect(a)
	}
	return term.ModuleName(mod) + "." + fun.AtomName() + "(" + strings.Join(parts, ", ") + ")"
}

// FormatStackEntry renders {mod, fun, arity, [file: f, line: l]} as
// Elixir prints a stacktrace line: "x.exs:4: M.f/1".
func FormatStackEntry(e term.Term) string {
	if !e.IsTuple() || e.TupleSize() != 4 {
		return term.Inspect(e)
	}
	el := e.Elems()
	mod, fun, arity := el[0], el[1].AtomName(), el[2]
	n := arity
	if arity.IsList() {
		n = term.Int(int64(term.ListLength(arity)))
	}
	modName := term.ModuleName(mod)
	name := fmt.Sprintf("%s.%s/%s", modName, fun, term.Inspect(n))
	if strings.HasPrefix(fun, "-") && strings.Contains(fun, "-fun-") {
		outer := strings.TrimPrefix(fun[:strings.Index(fun, "-fun-")], "-")
		name = fmt.Sprintf("anonymous fn/%s in %s.%s", term.Inspect(n), modName, outer)
	}
	loc := ""
	for l := el[3]; l.IsCons(); l = l.Tail() {
		kv := l.Head()
		if kv.IsTuple() && kv.TupleSize() == 2 {
			switch kv.Elems()[0] {
			case atomFile:
				s, _ := term.ToString(kv.Elems()[1])
				loc = s + loc
			case atomLine:
				loc += ":" + term.Inspect(kv.Elems()[1])
			}
		}
	}
	if loc == "" {
		return name
	}
	return loc + ": " + name
}
