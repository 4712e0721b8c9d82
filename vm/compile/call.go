package compile

import (
	"sort"
	"strings"

	"goiex/vm/syntax"
	"goiex/vm/term"
)

// specialForms are the local calls the compiler gives meaning to itself.
var specialForms map[string]func(f *fnState, n *syntax.Call, dst int, tail bool)

func init() {
	specialForms = map[string]func(f *fnState, n *syntax.Call, dst int, tail bool){
		"case":      (*fnState).caseExpr,
		"cond":      (*fnState).condExpr,
		"if":        (*fnState).ifExpr,
		"unless":    (*fnState).ifExpr,
		"receive":   (*fnState).receiveExpr,
		"try":       (*fnState).tryExpr,
		"with":      (*fnState).withExpr,
		"for":       (*fnState).forExpr,
		"defmodule": (*fnState).defmodule,
		"apply":     (*fnState).applyExpr,
		"match?":    (*fnState).matchQ,
		"put_in":    (*fnState).pathMacro,
		"update_in": (*fnState).pathMacro,
		"alias":     (*fnState).directive,
		"import":    (*fnState).directive,
		"require":   (*fnState).directive,
		"raise":     (*fnState).raiseExpr,
		"<<>>":      (*fnState).bitstring,
		"binding":   (*fnState).binding,
		"__STACKTRACE__": func(f *fnState, n *syntax.Call, dst int, tail bool) {
			if len(f.stackRegs) == 0 {
				f.fail(n, "__STACKTRACE__ is available only inside catch and rescue clauses of try expressions")
			}
			f.emit(MOVE, dst, f.stackRegs[len(f.stackRegs)-1], 0)
			f.ret(dst, tail)
		},
		"reraise": (*fnState).raiseExpr,
		"__MODULE__": func(f *fnState, n *syntax.Call, dst int, tail bool) {
			f.loadK(dst, f.literal(n))
			f.ret(dst, tail)
		},
	}
}

// call compiles any Call node.
func (f *fnState) call(n *syntax.Call, dst int, tail bool) {
	f.setLine(n)
	if n.Anonymous {
		f.callFun(n, dst, tail)
		return
	}
	if n.Target == nil {
		if sf, ok := specialForms[n.Name]; ok {
			sf(f, n, dst, tail)
			return
		}
		switch n.Name {
		case "def", "defp", "defstruct", "defexception", "use", "defmacro", "defmacrop", "defdelegate", "defimpl", "defprotocol":
			f.fail(n, "cannot invoke %s/%d outside module", n.Name, len(n.Args))
		case "|>":
			f.fail(n, "the right side of |> must be a function call")
		}
		f.localCall(n, dst, tail)
		return
	}
	switch t := n.Target.(type) {
	case *syntax.Alias, *syntax.Atom:
		mod := f.literal(t)
		if n.Name == "apply" && (len(n.Args) == 2 || len(n.Args) == 3) && (mod == kernelAtom || mod == term.Atom("erlang")) {
			f.applyExpr(n, dst, tail)
			return
		}
		f.remoteCall(mod, n.Name, n.Args, dst, tail)
		return
	case *syntax.Call:
		if t.Name == "__MODULE__" && t.Target == nil {
			f.remoteCall(f.literal(t), n.Name, n.Args, dst, tail)
			return
		}
	case *syntax.ModuleAttr:
		if m, ok := f.constant(t); ok && m.IsAtom() {
			f.remoteCall(m, n.Name, n.Args, dst, tail)
			return
		}
	}
	// x.field or mod.fun(args) with a module only known at run time.
	mark := f.nextReg
	if n.NoParens && len(n.Args) == 0 {
		x := f.operand(n.Target)
		f.emit(FIELD, dst, x, f.konst(term.Atom(n.Name)))
		f.release(mark)
		f.ret(dst, tail)
		return
	}
	base := f.allocN(3)
	f.value(n.Target, base)
	f.loadK(base+1, term.Atom(n.Name))
	f.argList(n.Args, base+2)
	f.emit(APPLY, dst, base, 3)
	f.release(mark)
	f.ret(dst, tail)
}

// argList builds a list of the argument values in dst.
func (f *fnState) argList(args []syntax.Node, dst int) {
	mark := f.nextReg
	b := f.allocN(len(args))
	for i, a := range args {
		f.value(a, b+i)
	}
	f.emit(LIST, dst, b, len(args))
	f.release(mark)
}

// args evaluates arguments into consecutive fresh registers.
func (f *fnState) args(args []syntax.Node) int {
	base := f.allocN(len(args))
	for i, a := range args {
		f.value(a, base+i)
	}
	return base
}

func (f *fnState) remoteCall(mod term.Term, name string, args []syntax.Node, dst int, tail bool) {
	mark := f.nextReg
	base := f.args(args)
	s := f.site(&Site{Module: mod, Name: term.Atom(name), Arity: len(args)})
	f.emitCall(s, base, dst, tail)
	f.release(mark)
}

func (f *fnState) emitCall(site, base, dst int, tail bool) {
	if tail {
		f.emit(TCALL, 0, site, base)
	} else {
		f.emit(CALL, dst, site, base)
	}
}

// localCall resolves a call without a module: a function of the module
// being compiled, else an import (Kernel, or `import`ed modules).
func (f *fnState) localCall(n *syntax.Call, dst int, tail bool) {
	arity := len(n.Args)
	if f.guard {
		if code, ok := typeTests[n.Name]; ok && arity == 1 {
			mark := f.nextReg
			f.emit(ISTYPE, dst, f.operand(n.Args[0]), code)
			f.release(mark)
			return
		}
	}
	if m := f.c.mod; m != nil && m.defines(n.Name, arity) {
		mark := f.nextReg
		base := f.args(n.Args)
		s := f.site(&Site{Module: m.atom, Name: term.Atom(n.Name), Arity: arity, Local: true})
		f.emitCall(s, base, dst, tail)
		f.release(mark)
		return
	}
	if code, ok := typeTests[n.Name]; ok && arity == 1 {
		mark := f.nextReg
		f.emit(ISTYPE, dst, f.operand(n.Args[0]), code)
		f.release(mark)
		f.ret(dst, tail)
		return
	}
	if mod, ok := f.c.importFor(n.Name, arity); ok {
		f.remoteCall(mod, n.Name, n.Args, dst, tail)
		return
	}
	if m := f.c.mod; m != nil {
		f.fail(n, "undefined function %s/%d (expected %s to define such a function or for it to be imported, but none are available)", n.Name, arity, m.name)
	}
	f.fail(n, "undefined function %s/%d (there is no such import)", n.Name, arity)
}

var typeTests = map[string]int{
	"is_integer": TypeInt, "is_float": TypeFloat, "is_number": TypeNumber,
	"is_atom": TypeAtom, "is_boolean": TypeBoolean, "is_nil": TypeNil,
	"is_binary": TypeBinary, "is_list": TypeList, "is_tuple": TypeTuple,
	"is_map": TypeMap, "is_function": TypeFun, "is_pid": TypePid,
	"is_reference": TypeRef,
}

// callFun compiles f.(args).
func (f *fnState) callFun(n *syntax.Call, dst int, tail bool) {
	mark := f.nextReg
	base := f.allocN(1 + len(n.Args))
	f.value(n.Target, base)
	for i, a := range n.Args {
		f.value(a, base+1+i)
	}
	if tail {
		f.emit(TCALLF, 0, base, len(n.Args))
	} else {
		f.emit(CALLF, dst, base, len(n.Args))
	}
	f.release(mark)
}

// applyExpr compiles apply(fun, args) and apply(mod, fun, args).
func (f *fnState) applyExpr(n *syntax.Call, dst int, tail bool) {
	if len(n.Args) != 2 && len(n.Args) != 3 {
		f.localCall(n, dst, tail)
		return
	}
	mark := f.nextReg
	base := f.args(n.Args)
	f.emit(APPLY, dst, base, len(n.Args))
	f.release(mark)
	f.ret(dst, tail)
}

// raiseExpr compiles raise/1,2 and reraise/2,3 as calls of the VM's
// Kernel natives; only the arguments need care: `raise Mod, "msg"`.
func (f *fnState) raiseExpr(n *syntax.Call, dst int, tail bool) {
	f.remoteCall(term.ModuleAtom("Kernel"), n.Name, n.Args, dst, false)
	f.ret(dst, tail)
}

// directive compiles alias/import/require: they act at compile time and
// evaluate to the module.
func (f *fnState) directive(n *syntax.Call, dst int, tail bool) {
	if len(n.Args) == 0 {
		f.fail(n, "%s expects a module", n.Name)
	}
	mod := f.moduleOf(n.Args[0])
	switch n.Name {
	case "alias":
		alias, ok := n.Args[0].(*syntax.Alias)
		if !ok {
			f.fail(n, "invalid alias")
		}
		short := alias.Parts[len(alias.Parts)-1]
		if len(n.Args) > 1 {
			if as, ok := keyword(n.Args[1], "as"); ok {
				if a, ok := as.(*syntax.Alias); ok {
					short = a.Parts[0]
				}
			}
		}
		f.c.aliases[short] = term.ModuleName(mod)
	case "import":
		f.c.imports = append([]term.Term{mod}, f.c.imports...)
	}
	f.loadK(dst, mod)
	f.ret(dst, tail)
}

// keyword finds key in a keyword-list argument node.
func keyword(n syntax.Node, key string) (syntax.Node, bool) {
	l, ok := n.(*syntax.List)
	if !ok {
		return nil, false
	}
	for _, e := range l.Elems {
		if t, ok := e.(*syntax.Tuple); ok && len(t.Elems) == 2 {
			if a, ok := t.Elems[0].(*syntax.Atom); ok && a.Name == key {
				return t.Elems[1], true
			}
		}
	}
	return nil, false
}

// pathMacro rewrites put_in(m.a[:b], v) and update_in(m.a[:b], f) into
// Kernel.put_in(m, [:a, :b], v) and Kernel.update_in(m, [:a, :b], f); the
// three-argument forms are plain calls.
func (f *fnState) pathMacro(n *syntax.Call, dst int, tail bool) {
	if len(n.Args) != 2 {
		f.remoteCall(kernelAtom, n.Name, n.Args, dst, tail)
		return
	}
	var keys []syntax.Node
	root := n.Args[0]
	for {
		c, ok := root.(*syntax.Call)
		if !ok {
			break
		}
		if a, ok := c.Target.(*syntax.Alias); ok && len(a.Parts) == 1 && a.Parts[0] == "Access" && c.Name == "get" && len(c.Args) == 2 {
			keys = append([]syntax.Node{c.Args[1]}, keys...)
			root = c.Args[0]
			continue
		}
		if c.Target != nil && c.NoParens && len(c.Args) == 0 {
			keys = append([]syntax.Node{&syntax.Atom{Pos: c.Pos, Name: c.Name}}, keys...)
			root = c.Target
			continue
		}
		break
	}
	if len(keys) == 0 {
		f.fail(n, "%s/2 expects a path such as map.key[:k] as its first argument", n.Name)
	}
	args := []syntax.Node{root, &syntax.List{Pos: n.Pos, Elems: keys}, n.Args[1]}
	f.remoteCall(kernelAtom, n.Name, args, dst, tail)
}

// binding compiles binding/0: the variables visible here as a keyword
// list, sorted by name as Elixir sorts it.
func (f *fnState) binding(n *syntax.Call, dst int, tail bool) {
	if len(n.Args) != 0 {
		f.localCall(n, dst, tail)
		return
	}
	seen := map[string]bool{}
	var names []string
	for g := f; g != nil; g = g.parent {
		for s := g.scope; s != nil; s = s.parent {
			for name := range s.vars {
				if !seen[name] && !strings.HasPrefix(name, "_") && !strings.HasPrefix(name, "&") && !strings.Contains(name, " ") {
					seen[name] = true
					names = append(names, name)
				}
			}
		}
	}
	sort.Strings(names)
	mark := f.nextReg
	pairs := f.allocN(len(names))
	for i, name := range names {
		kv := f.allocN(2)
		f.loadK(kv, term.Atom(name))
		f.variable(&syntax.Var{Pos: n.Pos, Name: name}, kv+1)
		f.emit(TUPLE, pairs+i, kv, 2)
	}
	f.emit(LIST, dst, pairs, len(names))
	f.release(mark)
	f.ret(dst, tail)
}
