package compile

import (
	"fmt"

	"goiex/vm/syntax"
	"goiex/vm/term"
)

// expandUses puts, after each `use Module, opts`, the definitions of
// Module's template (Options.UseTemplate) that the module does not define
// itself, as Elixir's defoverridable does. The template reads the options
// as @__use_opts__.
func (f *fnState) expandUses(exprs []syntax.Node) []syntax.Node {
	if f.c.opts.UseTemplate == nil {
		return exprs
	}
	own := map[string]bool{}
	for _, e := range exprs {
		if call, ok := e.(*syntax.Call); ok && call.Target == nil && (call.Name == "def" || call.Name == "defp") {
			name, params, _, _ := f.defParts(call)
			own[fmt.Sprintf("%s/%d", name, len(params))] = true
		}
	}
	var out []syntax.Node
	for _, e := range exprs {
		out = append(out, e)
		call, ok := e.(*syntax.Call)
		if !ok || call.Target != nil || call.Name != "use" || len(call.Args) == 0 {
			continue
		}
		mod := term.ModuleName(f.moduleOf(call.Args[0]))
		src, ok := f.c.opts.UseTemplate(mod)
		if !ok {
			f.fail(call, "module %s is not loaded and could not be found (goiex knows `use` only for GenServer, Supervisor, Agent and Task)", mod)
		}
		tree, err := syntax.Parse("lib/"+mod+".use.exs", src)
		if err != nil {
			f.fail(call, "template of use %s: %v", mod, err)
		}
		var opts syntax.Node = &syntax.List{Pos: call.Pos}
		if len(call.Args) > 1 {
			opts = call.Args[1]
		}
		out = append(out, &syntax.ModuleAttr{Pos: call.Pos, Name: "__use_opts__", Value: opts})
		for _, t := range tree.Exprs {
			if d, ok := t.(*syntax.Call); ok && d.Target == nil && (d.Name == "def" || d.Name == "defp") {
				name, params, _, _ := f.defParts(d)
				if own[fmt.Sprintf("%s/%d", name, len(params))] {
					continue
				}
			}
			out = append(out, t)
		}
	}
	return out
}
