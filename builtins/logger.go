package builtins

import (
	"fmt"
	"strings"

	"goiex/vm"
	"goiex/vm/term"
)

// Logger's console backend and the Exception formatting that crash
// reports use. Logger.error/warning/info/debug are written in Elixir
// (lib/logger.ex: they may be given a function to call); they end in
// Logger.__console__/2, which prints in Elixir's default console format,
// "\n$time $metadata[$level] $message\n", on the VM's stderr.

func loggerNatives() []vm.NativeSpec {
	return []vm.NativeSpec{
		spec("Logger", "__console__", 2, loggerConsole),
		spec("Exception", "normalize", 3, exceptionNormalize),
		spec("Exception", "format_banner", 3, exceptionFormatBanner),
		spec("Exception", "format_exit", 1, func(_ *vm.Process, a []term.Term) (term.Term, error) {
			return term.String(formatExit(a[0], "\n    ")), nil
		}),
		spec("Exception", "format_stacktrace_entry", 1, func(_ *vm.Process, a []term.Term) (term.Term, error) {
			s, ok := formatStacktraceEntry(a[0])
			if !ok {
				return term.Term{}, noClause("Exception", "format_stacktrace_entry", 1)
			}
			return term.String(s), nil
		}),
	}
}

// loggerConsole prints one log line: Logger.__console__(level, chardata).
func loggerConsole(p *vm.Process, a []term.Term) (term.Term, error) {
	if !a[0].IsAtom() {
		return term.Term{}, badarg(1, "not an atom")
	}
	msg, err := chardata(a[1])
	if err != nil {
		return term.Term{}, err
	}
	stamp := p.VM().Clock().Wall().Format("15:04:05.000")
	// Queued, not written: Elixir's Logger is asynchronous, so a report
	// whose process's death also ends the program is lost, as there.
	p.VM().Log("\n" + stamp + " [" + a[0].AtomName() + "] " + msg + "\n")
	return term.OK, nil
}

// exceptionNormalize is Exception.normalize/3: an :error reason as the
// exception `rescue` would see. :function_clause and :undef take the
// function from the top of the stacktrace.
func exceptionNormalize(_ *vm.Process, a []term.Term) (term.Term, error) {
	kind, reason, stack := a[0], a[1], a[2]
	if kind != atom("error") || term.IsException(reason) {
		return reason, nil
	}
	if reason == atom("function_clause") || reason == atom("undef") {
		if mod, fun, arity, ok := topOfStack(stack); ok {
			if reason == atom("undef") {
				return vm.NewUndefinedFunctionError(mod, fun, arity, true), nil
			}
			return vm.NewFunctionClauseError(mod, fun, arity), nil
		}
	}
	return vm.NormalizeError(reason), nil
}

// topOfStack returns the function of the stacktrace's first entry.
func topOfStack(stack term.Term) (mod term.Term, fun string, arity int, ok bool) {
	if !stack.IsCons() {
		return
	}
	e := stack.Head()
	if !e.IsTuple() || e.TupleSize() != 4 {
		return
	}
	el := e.Elems()
	if !el[0].IsAtom() || !el[1].IsAtom() {
		return
	}
	arity, ok = arityOf(el[2])
	return el[0], el[1].AtomName(), arity, ok
}

// arityOf reads the third element of a stacktrace entry: an arity or the
// list of arguments.
func arityOf(t term.Term) (int, bool) {
	if n, ok := smallInt(t); ok {
		return n, true
	}
	args, ok := term.ListToSlice(t)
	return len(args), ok
}

// exceptionFormatBanner is Exception.format_banner/3:
// "** (RuntimeError) boom", "** (exit) …", "** (throw) …".
func exceptionFormatBanner(p *vm.Process, a []term.Term) (term.Term, error) {
	kind, reason := a[0], a[1]
	switch kind {
	case atom("error"):
		exc, _ := exceptionNormalize(p, []term.Term{kind, reason, a[2]})
		mod, _ := term.StructName(exc)
		return term.String("** (" + term.ModuleName(mod) + ") " + vm.ExceptionMessage(exc)), nil
	case atom("exit"):
		return term.String("** (exit) " + formatExit(reason, "\n    ")), nil
	case atom("throw"):
		return term.String("** (throw) " + term.Inspect(reason)), nil
	}
	return term.Term{}, noClause("Exception", "format_banner", 3)
}

// formatExit is Exception.format_exit/1: an exit reason in words, with
// the call that exited ("exited in: GenServer.call(…)") and a raise
// inside it ("an exception was raised:") unfolded.
func formatExit(reason term.Term, joiner string) string {
	if reason.IsTuple() && reason.TupleSize() == 2 {
		el := reason.Elems()
		// {exception, stacktrace}: an error.
		if el[1].IsCons() {
			if lines, ok := formatStacktraceLines(el[1]); ok {
				exc, _ := exceptionNormalize(nil, []term.Term{atom("error"), el[0], el[1]})
				mod, _ := term.StructName(exc)
				banner := "** (" + term.ModuleName(mod) + ") " + vm.ExceptionMessage(exc)
				msg := "an exception was raised:" + joiner + strings.ReplaceAll(banner, "\n", joiner)
				return strings.Join(append([]string{msg}, lines...), joiner+"    ")
			}
		}
		// {reason, {module, fun, args}}: a call that exited.
		if mfa := el[1]; mfa.IsTuple() && mfa.TupleSize() == 3 {
			m := mfa.Elems()
			if args, ok := term.ListToSlice(m[2]); ok && m[0].IsAtom() && m[1].IsAtom() {
				return "exited in: " + formatCall(m[0], m[1].AtomName(), args) +
					joiner + "** (EXIT) " + formatExit(el[0], joiner+"    ")
			}
		}
	}
	return formatExitReason(reason)
}

var exitReasonText = map[string]string{
	"normal":       "normal",
	"shutdown":     "shutdown",
	"calling_self": "process attempted to call itself",
	"timeout":      "time out",
	"killed":       "killed",
	"noconnection": "no connection",
	"noproc":       "no process: the process is not alive or there's no process currently associated with the given name, possibly because its application isn't started",
}

var exitTupleText = map[string]string{
	"shutdown":         "shutdown: ",
	"already_started":  "already started: ",
	"bad_return_value": "bad return value: ",
	"bad_call":         "bad call: ",
	"bad_cast":         "bad cast: ",
}

func formatExitReason(reason term.Term) string {
	if reason.IsAtom() {
		if s, ok := exitReasonText[reason.AtomName()]; ok {
			return s
		}
	}
	if reason.IsTuple() && reason.TupleSize() == 2 && reason.Elems()[0].IsAtom() {
		if prefix, ok := exitTupleText[reason.Elems()[0].AtomName()]; ok {
			return prefix + term.Inspect(reason.Elems()[1])
		}
	}
	return term.Inspect(reason)
}

func formatStacktraceLines(stack term.Term) ([]string, bool) {
	entries, ok := term.ListToSlice(stack)
	if !ok {
		return nil, false
	}
	lines := make([]string, len(entries))
	for i, e := range entries {
		if lines[i], ok = formatStacktraceEntry(e); !ok {
			return nil, false
		}
	}
	return lines, true
}

// formatStacktraceEntry is Exception.format_stacktrace_entry/1:
// "file.exs:3: M.f/1", "file.exs:3: M.f(1, 2)", "M.f/1" without a file.
func formatStacktraceEntry(e term.Term) (string, bool) {
	if !e.IsTuple() {
		return "", false
	}
	el := e.Elems()
	var fun, loc string
	switch {
	case len(el) == 4 && el[0].IsAtom() && el[1].IsAtom():
		call, ok := formatMFA(el[0], el[1].AtomName(), el[2])
		if !ok {
			return "", false
		}
		fun, loc = call, formatLocation(el[3])
	case len(el) == 3 && el[0].IsFun():
		arity, ok := arityOf(el[1])
		if !ok {
			return "", false
		}
		fun, loc = fmt.Sprintf("%s/%d", term.Inspect(el[0]), arity), formatLocation(el[2])
	default:
		return "", false
	}
	return loc + fun, true
}

// formatLocation turns [file: 'f.exs', line: 3] into "f.exs:3: "; a
// library file gets goiex's "(goiex) " as the VM's reports do.
func formatLocation(opts term.Term) string {
	var file string
	line := 0
	for ; opts.IsCons(); opts = opts.Tail() {
		kv := opts.Head()
		if !kv.IsTuple() || kv.TupleSize() != 2 {
			continue
		}
		switch k, v := kv.Elems()[0], kv.Elems()[1]; k {
		case atom("file"):
			file, _ = chardataString(v)
		case atom("line"):
			line, _ = smallInt(v)
		}
	}
	if file == "" {
		return ""
	}
	prefix := ""
	if strings.HasPrefix(file, "lib/") {
		prefix = "(goiex) "
	}
	if line > 0 {
		return fmt.Sprintf("%s%s:%d: ", prefix, file, line)
	}
	return prefix + file + ": "
}

// formatMFA renders M.f/1, M.f(args) or "anonymous fn/0 in M.f/1" (the
// name Erlang gives a closure is "-f/1-fun-0-").
func formatMFA(mod term.Term, fun string, arityOrArgs term.Term) (string, bool) {
	if args, ok := term.ListToSlice(arityOrArgs); ok && !arityOrArgs.IsSmallInt() {
		return formatCall(mod, fun, args), true
	}
	arity, ok := smallInt(arityOrArgs)
	if !ok {
		return "", false
	}
	if strings.HasPrefix(fun, "-") && strings.Contains(fun, "-fun-") {
		outer := strings.TrimPrefix(fun[:strings.Index(fun, "-fun-")], "-")
		return fmt.Sprintf("anonymous fn/%d in %s.%s", arity, term.Inspect(mod), outer), true
	}
	return fmt.Sprintf("%s.%s/%d", term.Inspect(mod), funName(fun), arity), true
}

func formatCall(mod term.Term, fun string, args []term.Term) string {
	parts := make([]string, len(args))
	for i, a := range args {
		parts[i] = term.Inspect(a)
	}
	return term.Inspect(mod) + "." + funName(fun) + "(" + strings.Join(parts, ", ") + ")"
}

// funName is how a function name reads after "Module.": plain, or
// quoted if it is not an identifier.
func funName(name string) string {
	s := term.Inspect(term.Atom(name))
	if strings.HasPrefix(s, ":\"") {
		return s[1:]
	}
	return strings.TrimPrefix(s, ":")
}
