package compile

import (
	"fmt"
	"sort"
	"strings"

	"goiex/vm/syntax"
	"goiex/vm/term"
)

// Options tell the compiler about the world outside the file.
type Options struct {
	// HasFunction reports whether a loaded module exports name/arity.
	// It decides where an imported call goes (Kernel, or `import`ed
	// modules). Nil means only what this file defines is known.
	HasFunction func(module term.Term, name string, arity int) bool
	// Source is the file's text, kept on modules for open/1.
	Source []byte
	// UseTemplate returns the module-body source that `use Module`
	// injects (definitions the using module does not make itself).
	UseTemplate func(module string) ([]byte, bool)
	// Imports are modules imported before the code's first line, as iex
	// imports IEx.Helpers into every input typed at its prompt.
	Imports []term.Term
	// Env, when set, carries `alias` and `import` from one shell input to
	// the next: the compiler starts from it and leaves the new state in it.
	Env *Env
}

// Env is the lexical environment a shell keeps between inputs.
type Env struct {
	Aliases map[string]string // short name -> full Elixir module name
	Imports []term.Term       // modules imported at the prompt, most recent first
}

type compiler struct {
	file     string
	opts     Options
	mod      *modState
	aliases  map[string]string // short name -> full Elixir module name
	imports  []term.Term       // most recent first; Kernel is implicit and last
	compiled map[term.Term]*Module
}

// modState is a module being compiled.
type modState struct {
	name  string
	atom  term.Term
	attrs map[string]syntax.Node
	defs  map[string]bool // "name/arity"
	priv  map[string]bool // "name/arity" of defp functions
	out   *Module
}

func (m *modState) defines(name string, arity int) bool {
	return m.defs[fmt.Sprintf("%s/%d", name, arity)]
}

var kernelAtom = term.ModuleAtom("Kernel")

// Compile compiles a whole file (a script, or what is typed at a prompt)
// into the Code of its top level. Its value is the last expression's.
func Compile(file string, top *syntax.Block, opts Options) (code *Code, err error) {
	c := &compiler{file: file, opts: opts, aliases: map[string]string{}, compiled: map[term.Term]*Module{}}
	return c.compileTop(top, nil)
}

// CompileWithBindings compiles a shell input that may use variables bound
// by earlier inputs: their values arrive in registers 0..len(names)-1 and
// the code ends by returning {value, [binding values…]} for the names in
// the returned order.
func CompileWithBindings(file string, top *syntax.Block, names []string, opts Options) (*Code, []string, error) {
	c := &compiler{file: file, opts: opts, aliases: map[string]string{}, compiled: map[term.Term]*Module{}}
	c.imports = append([]term.Term(nil), opts.Imports...)
	if env := opts.Env; env != nil {
		for k, v := range env.Aliases {
			c.aliases[k] = v
		}
		c.imports = append(append([]term.Term(nil), env.Imports...), c.imports...)
	}
	var out []string
	code, err := c.compileTop(top, func(f *fnState) {
		for i, n := range names {
			f.bindTo(n, i)
		}
	}, func(f *fnState, val int) {
		seen := map[string]bool{}
		for s := f.scope; s != nil; s = s.parent {
			for n := range s.vars {
				if !seen[n] && !strings.HasPrefix(n, "&") && n != "for acc" {
					seen[n] = true
					out = append(out, n)
				}
			}
		}
		sort.Strings(out)
		// At least two registers: base and base+1 hold the result tuple's
		// elements even when nothing is bound.
		base := f.allocN(max(len(out), 2))
		for i, n := range out {
			r, _ := f.lookupLocal(n)
			f.emit(MOVE, base+i, r, 0)
		}
		l := f.alloc()
		f.emit(LIST, l, base, len(out))
		f.emit(MOVE, base, val, 0)
		f.emit(MOVE, base+1, l, 0)
		f.emit(TUPLE, val, base, 2)
	})
	if env := opts.Env; env != nil && err == nil {
		env.Aliases = c.aliases
		env.Imports = c.imports[:len(c.imports)-len(opts.Imports)]
	}
	return code, out, err
}

func (c *compiler) compileTop(top *syntax.Block, setup func(*fnState), epilogue ...func(*fnState, int)) (code *Code, err error) {
	defer func() {
		if r := recover(); r != nil {
			b, ok := r.(bailout)
			if !ok {
				panic(r)
			}
			code, err = nil, b.err
		}
	}()
	arity := 0
	code = &Code{Name: "top level", File: c.file, Arity: arity}
	f := newFnState(c, code, nil)
	if setup != nil {
		setup(f)
		f.nextReg, f.maxReg = len(f.scope.vars), len(f.scope.vars)
	}
	r := f.alloc()
	f.body(top, r, false)
	for _, e := range epilogue {
		e(f, r)
	}
	f.emit(RETURN, r, 0, 0)
	return f.finish(), nil
}

// expandAlias turns alias parts into a module atom, applying `alias`.
func (c *compiler) expandAlias(parts []string) term.Term {
	if full, ok := c.aliases[parts[0]]; ok {
		return term.ModuleAtom(strings.Join(append([]string{full}, parts[1:]...), "."))
	}
	return term.ModuleAtom(strings.Join(parts, "."))
}

// importFor finds the imported module defining name/arity.
func (c *compiler) importFor(name string, arity int) (term.Term, bool) {
	for _, m := range append(c.imports, kernelAtom) {
		if mod, ok := c.compiled[m]; ok {
			for _, fn := range mod.Functions {
				if fn.Name == name && fn.Arity == arity && !fn.Private {
					return m, true
				}
			}
			continue
		}
		if c.opts.HasFunction != nil && c.opts.HasFunction(m, name, arity) {
			return m, true
		}
	}
	return term.Term{}, false
}

// defmodule compiles `defmodule Name do … end` into a Module installed,
// when the code runs, by DEFMOD.
func (f *fnState) defmodule(n *syntax.Call, dst int, tail bool) {
	args, secs := f.sections(n)
	if len(args) != 1 {
		f.fail(n, "invalid defmodule")
	}
	c := f.c
	var name string
	alias, isAlias := args[0].(*syntax.Alias)
	switch {
	case isAlias && alias.Base == nil:
		name = term.ModuleName(c.expandAlias(alias.Parts))
	default:
		m, ok := f.constant(args[0])
		if !ok || !m.IsAtom() {
			f.fail(n, "invalid module name")
		}
		name = term.ModuleName(m)
	}
	if isAlias && alias.Base == nil && c.mod != nil && !strings.HasPrefix(name, c.mod.name+".") {
		// A nested module is named inside its parent, which may then
		// refer to it by its last part.
		name = c.mod.name + "." + strings.Join(alias.Parts, ".")
		c.aliases[alias.Parts[0]] = c.mod.name + "." + alias.Parts[0]
	}
	ms := &modState{
		name: name, atom: moduleAtom(name),
		attrs: map[string]syntax.Node{}, defs: map[string]bool{}, priv: map[string]bool{},
		out: &Module{Name: name, Atom: moduleAtom(name), File: c.file, Line: n.Pos.Line, Attributes: map[string]term.Term{}},
	}
	savedMod, savedAliases, savedImports := c.mod, copyAliases(c.aliases), c.imports
	c.mod = ms
	defer func() { c.mod, c.aliases, c.imports = savedMod, savedAliases, savedImports }()

	var exprs []syntax.Node
	if body := secs["do"].Body; body != nil {
		exprs = body.Exprs
	}
	exprs = f.expandUses(exprs)
	groups := collectDefs(f, ms, exprs)
	var lastDef term.Term = term.Nil
	for _, e := range exprs {
		f.setLine(e)
		switch e := e.(type) {
		case *syntax.ModuleAttr:
			f.moduleAttribute(ms, e)
			continue
		case *syntax.Call:
			if e.Target == nil {
				switch e.Name {
				case "def", "defp":
					g := groups.byHead[e]
					if g != nil && !g.done {
						g.done = true
						f.compileFunction(ms, g)
						lastDef = term.Tuple(term.Atom(g.name), term.Int(int64(g.arity)))
					}
					continue
				case "defstruct", "defexception":
					f.defstruct(ms, e)
					continue
				case "use":
					if len(e.Args) > 0 {
						name := term.ModuleName(f.moduleOf(e.Args[0]))
						ms.out.Uses = append(ms.out.Uses, name)
						ms.out.Behaviours = append(ms.out.Behaviours, name)
					}
					continue
				case "alias", "import", "require":
					t := f.alloc()
					f.directive(e, t, false)
					continue
				case "defmodule":
					t := f.alloc()
					f.defmodule(e, t, false)
					// The nested module is installed before its parent.
					continue
				case "defmacro", "defmacrop", "defguard", "defguardp", "defdelegate", "defoverridable":
					f.fail(e, "%s is not supported by goiex yet", e.Name)
				}
			}
		}
		f.fail(e, "goiex does not run code in a module body; move it into a function")
	}
	for _, g := range groups.order {
		if !g.done {
			f.compileFunction(ms, g)
		}
	}
	if n.Pos.Line > 0 && len(c.opts.Source) > 0 {
		ms.out.Source = sourceOf(c.opts.Source, n)
	}
	c.compiled[ms.atom] = ms.out
	f.code.Modules = append(f.code.Modules, ms.out)
	f.emit(DEFMOD, dst, len(f.code.Modules)-1, f.konst(lastDef))
	f.ret(dst, tail)
}

func copyAliases(m map[string]string) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// sourceOf returns the lines of the source from the node's line to the
// matching end (the module's text), for open/1.
func sourceOf(src []byte, n syntax.Node) string {
	lines := strings.Split(string(src), "\n")
	start := n.Position().Line - 1
	if start < 0 || start >= len(lines) {
		return ""
	}
	indent := len(lines[start]) - len(strings.TrimLeft(lines[start], " "))
	for i := start + 1; i < len(lines); i++ {
		l := lines[i]
		if strings.TrimSpace(l) == "end" && len(l)-len(strings.TrimLeft(l, " ")) == indent {
			return strings.Join(lines[start:i+1], "\n")
		}
	}
	return strings.Join(lines[start:], "\n")
}

func (f *fnState) moduleAttribute(ms *modState, a *syntax.ModuleAttr) {
	if a.Value == nil {
		f.fail(a, "module attribute @%s in code block has no effect as it is never returned", a.Name)
	}
	switch a.Name {
	case "doc", "moduledoc", "spec", "type", "typep", "opaque", "impl", "callback", "typedoc", "since", "deprecated":
		return
	case "behaviour":
		ms.out.Behaviours = append(ms.out.Behaviours, term.ModuleName(f.moduleOf(a.Value)))
		return
	}
	ms.attrs[a.Name] = a.Value
	if t, ok := f.constant(a.Value); ok {
		ms.out.Attributes[a.Name] = t
	}
}

func (f *fnState) defstruct(ms *modState, n *syntax.Call) {
	if len(n.Args) != 1 {
		f.fail(n, "invalid %s", n.Name)
	}
	var fields []syntax.Node
	switch a := n.Args[0].(type) {
	case *syntax.List:
		fields = a.Elems
	default:
		f.fail(n, "%s expects a list of fields", n.Name)
	}
	for _, fl := range fields {
		switch x := fl.(type) {
		case *syntax.Atom:
			ms.out.Struct = append(ms.out.Struct, StructField{Name: term.Atom(x.Name), Default: term.Nil})
		case *syntax.Tuple:
			if len(x.Elems) == 2 {
				k, ok1 := f.constant(x.Elems[0])
				v, ok2 := f.constant(x.Elems[1])
				if ok1 && ok2 && k.IsAtom() {
					ms.out.Struct = append(ms.out.Struct, StructField{Name: k, Default: v})
					continue
				}
			}
			f.fail(fl, "struct field defaults must be literals in goiex")
		default:
			f.fail(fl, "invalid struct field")
		}
	}
	if n.Name == "defexception" {
		ms.out.Exception = true
	}
}
