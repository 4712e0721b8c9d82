package builtins

import "io/fs"

// useTemplates maps a module that can be `use`d to its template: the
// module-body definitions `use Module` injects (lib/*.use.exs).
var useTemplates = map[string]string{
	"GenServer":  "gen_server.use.exs",
	"Supervisor": "supervisor.use.exs",
	"Agent":      "agent.use.exs",
	"Task":       "task.use.exs",
}

// UseTemplate returns the source of the template `use module` injects,
// for the compiler (vm.VM.SetUseTemplates).
func UseTemplate(module string) ([]byte, bool) {
	name, ok := useTemplates[module]
	if !ok {
		return nil, false
	}
	src, err := fs.ReadFile(library, "lib/"+name)
	if err != nil {
		return nil, false
	}
	return src, true
}
