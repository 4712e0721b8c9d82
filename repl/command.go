package repl

import (
	"fmt"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"goiex/vm"
	"goiex/vm/compile"
	"goiex/vm/syntax"
	"goiex/vm/term"
)

// Some helpers take code rather than values, as iex's macros do:
// `h GenServer.call` names a function without calling it, and
// import_file/c evaluate a file in the shell. The shell recognises them
// on a single line before compiling, so they need no macro system.

// commandRe matches `h Mod.fun/2`, `open(GenServer.call)`,
// `import_file "x.exs"`, `c("x.ex")`.
var commandRe = regexp.MustCompile(`^\s*(h|open|import_file|c)(?:\s+|\s*\(\s*)([A-Za-z_:][\w.:!?/]*|"[^"]*")\s*\)?\s*$`)

// command is a recognised helper call.
type command struct {
	name, arg string
}

func parseCommand(line string) (command, bool) {
	m := commandRe.FindStringSubmatch(line)
	if m == nil {
		return command{}, false
	}
	// Balanced parentheses only: `h(x` is not a command.
	if strings.Count(line, "(") != strings.Count(line, ")") {
		return command{}, false
	}
	return command{name: m[1], arg: m[2]}, true
}

// runCommand runs a recognised helper and reports whether it printed a
// result (the counter then advances).
func (s *Session) runCommand(c command) {
	switch c.name {
	case "h":
		s.print.Info(s.help(c.arg))
		s.counter++
	case "open":
		s.print.Info(s.open(c.arg))
		s.counter++
	case "import_file", "c":
		path, err := strconv.Unquote(c.arg)
		if err != nil {
			s.print.Error("** (ArgumentError) "+c.name+" expects a file name in double quotes", "")
			return
		}
		s.evalFile(c.name, path)
	}
}

// evalFile runs a file in the shell process: import_file/1 keeps the
// bindings the file makes (as if typed at the prompt) and returns its
// value; c/1 returns the modules the file defines.
func (s *Session) evalFile(helper, path string) {
	src, err := os.ReadFile(path)
	if err != nil {
		if helper == "c" {
			s.print.Error(fmt.Sprintf("** (CompileError) could not load %s: %s", path, errText(err)), "")
		} else {
			s.print.Error(fmt.Sprintf("** (File.Error) could not read file %q: %s", path, errText(err)), "")
		}
		return
	}
	tree, err := syntax.Parse(path, src)
	if err != nil {
		s.reportCompileError(err)
		return
	}
	names := s.names
	if helper == "c" {
		names = nil
	}
	opts := s.m.CompileOptions(src)
	opts.Imports = []term.Term{helpersModule}
	code, newNames, err := compile.CompileWithBindings(path, tree, names, opts)
	if err != nil {
		s.reportCompileError(err)
		return
	}
	var args []term.Term
	if helper != "c" {
		args = s.values
	}
	s.run(code, args, func(value term.Term, bindings []term.Term) term.Term {
		if helper == "c" {
			mods := make([]term.Term, len(code.Modules))
			for i, m := range code.Modules {
				mods[i] = m.Atom
			}
			return term.List(mods...)
		}
		s.names, s.values = newNames, bindings
		return value
	})
}

func errText(err error) string {
	if os.IsNotExist(err) {
		return "no such file or directory"
	}
	if os.IsPermission(err) {
		return "permission denied"
	}
	return err.Error()
}

// lookup resolves "Mod", "Mod.fun", "Mod.fun/2" or a helper name to a
// module and the functions meant.
func (s *Session) lookup(name string) (mod *vm.Module, fun string, arity int, ok bool) {
	arity = -1
	if slash := strings.LastIndexByte(name, '/'); slash > 0 {
		n, err := strconv.Atoi(name[slash+1:])
		if err != nil {
			return nil, "", 0, false
		}
		arity, name = n, name[:slash]
	}
	modName := name
	if dot := strings.LastIndexByte(name, '.'); dot > 0 {
		// Mod.fun, unless the last part is a module (Supervisor.Spec).
		last := name[dot+1:]
		if last != "" && !(last[0] >= 'A' && last[0] <= 'Z') {
			modName, fun = name[:dot], last
		}
	} else if !strings.HasPrefix(name, ":") && !(name[0] >= 'A' && name[0] <= 'Z') {
		// A bare function: a helper, or Kernel's.
		for _, mn := range []string{"IEx.Helpers", "Kernel"} {
			if m := s.m.Module(term.ModuleAtom(mn)); m != nil && hasFunction(m, name, arity) {
				return m, name, arity, true
			}
		}
		return nil, "", 0, false
	}
	atom := term.ModuleAtom(modName)
	if strings.HasPrefix(modName, ":") {
		atom = term.Atom(modName[1:])
	}
	mod = s.m.Module(atom)
	return mod, fun, arity, mod != nil
}

func hasFunction(m *vm.Module, name string, arity int) bool {
	for _, f := range m.Funcs {
		if f.Name == name && (arity < 0 || f.Arity == arity) {
			return true
		}
	}
	return false
}

// functions returns the module's public functions named fun (all when
// fun is ""), of the given arity (any when arity < 0), sorted.
func functions(m *vm.Module, fun string, arity int) []*vm.Function {
	var fs []*vm.Function
	for _, f := range m.Funcs {
		// "-f/0-fun-0-" is a closure's Erlang name; "-" and "--" are
		// operators to document.
		// A private function is found only by its name (open
		// GenServer.do_call shows how a call really works).
		if (f.Private && fun == "") || strings.HasPrefix(f.Name, "__") || strings.Contains(f.Name, "-fun-") {
			continue
		}
		if (fun == "" || f.Name == fun) && (arity < 0 || f.Arity == arity) {
			fs = append(fs, f)
		}
	}
	sort.Slice(fs, func(i, j int) bool {
		if fs[i].Name != fs[j].Name {
			return fs[i].Name < fs[j].Name
		}
		return fs[i].Arity < fs[j].Arity
	})
	return fs
}

// open prints the source of a module or function written in Elixir
// (the embedded library, or modules defined in this session); iex opens
// an editor instead, which a learner in a shell rarely has at hand.
func (s *Session) open(name string) string {
	mod, fun, arity, ok := s.lookup(name)
	if !ok {
		return fmt.Sprintf("Could not open: %q. Module is not available.\n", name)
	}
	if mod.Compiled == nil || mod.Compiled.Source == "" {
		return fmt.Sprintf("%s is written in Go (a native of goiex's builtins): there is no Elixir source to show.\nTry h(%s) for what it does.\n", name, name)
	}
	cm := mod.Compiled
	src := cm.Source
	if fun == "" {
		return fmt.Sprintf("%s:%d\n\n%s\n", cm.File, cm.Line, strings.TrimRight(src, "\n"))
	}
	fs := functions(mod, fun, arity)
	if len(fs) == 0 {
		return fmt.Sprintf("Could not open: %s. Function is not available.\n", name)
	}
	for _, f := range cm.Functions {
		if f.Name == fs[0].Name && f.Arity == fs[0].Arity {
			return fmt.Sprintf("%s:%d\n\n%s\n", cm.File, f.Line, functionSource(src, f.Line-cm.Line, f.Name))
		}
	}
	return fmt.Sprintf("%s is written in Go (a native of goiex's builtins): there is no Elixir source to show.\n", name)
}

// functionSource cuts, from a module's source, the clauses of one
// function starting at line index first (0-based in src): every line
// up to the end of the last consecutive clause of name.
func functionSource(src string, first int, name string) string {
	lines := strings.Split(src, "\n")
	if first < 0 || first >= len(lines) {
		return src
	}
	indent := len(lines[first]) - len(strings.TrimLeft(lines[first], " "))
	end := first + 1
	for i := first + 1; i < len(lines); i++ {
		l := lines[i]
		trimmed := strings.TrimLeft(l, " ")
		ind := len(l) - len(trimmed)
		if trimmed == "" {
			continue
		}
		if ind < indent {
			break
		}
		if ind == indent {
			if trimmed == "end" {
				end = i + 1
				continue
			}
			if isClauseOf(trimmed, name) {
				end = i + 1
				continue
			}
			break
		}
		end = i + 1
	}
	return strings.Join(lines[first:end], "\n")
}

func isClauseOf(line, name string) bool {
	for _, kw := range []string{"def ", "defp "} {
		if rest, ok := strings.CutPrefix(line, kw); ok {
			return strings.HasPrefix(rest, name+"(") || strings.HasPrefix(rest, name+" ") || rest == name
		}
	}
	return false
}
