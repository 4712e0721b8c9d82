package repl

import (
	"sort"
	"strings"
	"sync"

	"github.com/chzyer/readline"

	"goiex/vm/term"
)

// completionIndex is what Tab can offer: module names, each module's
// public functions, the helpers and the bound variables. The line editor
// completes in its own goroutine, which must not touch the VM, so the
// driver rebuilds this snapshot after each input and the editor reads it
// under the lock.
type completionIndex struct {
	mu      sync.Mutex
	modules []string            // "Process", "GenServer", ":lists"
	funcs   map[string][]string // module -> sorted function names
	locals  []string            // helpers, Kernel functions, variables
}

// refreshCompletions rebuilds the snapshot (terminal sessions only).
func (s *Session) refreshCompletions() {
	if !s.cfg.Terminal {
		return
	}
	idx := &completionIndex{funcs: map[string][]string{}}
	for atom, mod := range s.m.Modules() {
		name := moduleDisplayName(atom)
		if strings.HasPrefix(name, "IEx.") {
			continue
		}
		seen := map[string]bool{}
		var names []string
		for _, f := range mod.Funcs {
			if f.Private || strings.HasPrefix(f.Name, "__") || seen[f.Name] {
				continue
			}
			seen[f.Name] = true
			names = append(names, f.Name)
		}
		if len(names) == 0 {
			continue
		}
		sort.Strings(names)
		idx.modules = append(idx.modules, name)
		idx.funcs[name] = names
	}
	sort.Strings(idx.modules)
	locals := map[string]bool{}
	for _, h := range s.helpers() {
		locals[h.name] = true
	}
	for _, h := range commandDocs {
		locals[h.name] = true
	}
	for _, f := range idx.funcs["Kernel"] {
		locals[f] = true
	}
	for _, n := range s.names {
		locals[n] = true
	}
	for n := range locals {
		idx.locals = append(idx.locals, n)
	}
	sort.Strings(idx.locals)
	if s.completions == nil {
		s.completions = idx
		return
	}
	s.completions.mu.Lock()
	s.completions.modules, s.completions.funcs, s.completions.locals = idx.modules, idx.funcs, idx.locals
	s.completions.mu.Unlock()
}

// moduleDisplayName is how a module atom is typed: Process, :lists.
func moduleDisplayName(atom term.Term) string {
	name := atom.AtomName()
	if rest, ok := strings.CutPrefix(name, "Elixir."); ok {
		return rest
	}
	return ":" + name
}

// complete returns the completions of the word ending at pos in line,
// as suffixes to append, and the length of the word's completed part.
func (s *Session) complete(line string, pos int) ([]string, int) {
	idx := s.completions
	if idx == nil {
		return nil, 0
	}
	idx.mu.Lock()
	defer idx.mu.Unlock()
	return idx.complete(line[:pos])
}

func (idx *completionIndex) complete(before string) ([]string, int) {
	start := len(before)
	for start > 0 && isWordByte(before[start-1]) {
		start--
	}
	word := before[start:]
	var cands []string
	prefix := word
	if dot := strings.LastIndexByte(word, '.'); dot > 0 {
		mod, fn := word[:dot], word[dot+1:]
		prefix = fn
		for _, f := range idx.funcs[mod] {
			if strings.HasPrefix(f, fn) {
				cands = append(cands, f)
			}
		}
		// Nested modules: GenServer. → nothing, Supervisor.Sp… → Spec
		for _, m := range idx.modules {
			if rest, ok := strings.CutPrefix(m, mod+"."); ok && strings.HasPrefix(rest, fn) {
				cands = append(cands, strings.SplitN(rest, ".", 2)[0])
			}
		}
	} else {
		for _, m := range idx.modules {
			top := strings.SplitN(m, ".", 2)[0]
			if strings.HasPrefix(top, word) {
				cands = append(cands, top)
			}
		}
		if !strings.HasPrefix(word, ":") {
			for _, l := range idx.locals {
				if strings.HasPrefix(l, word) {
					cands = append(cands, l)
				}
			}
		}
	}
	cands = dedupe(cands)
	out := make([]string, len(cands))
	for i, c := range cands {
		out[i] = c[len(prefix):]
	}
	return out, len(prefix)
}

func isWordByte(c byte) bool {
	return c == '_' || c == '.' || c == ':' || c == '?' || c == '!' ||
		c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func dedupe(xs []string) []string {
	sort.Strings(xs)
	out := xs[:0]
	for i, x := range xs {
		if i == 0 || x != xs[i-1] {
			out = append(out, x)
		}
	}
	return out
}

// completer adapts complete to readline's AutoCompleter.
type completer func(line string, pos int) ([]string, int)

var _ readline.AutoCompleter = completer(nil)

func (c completer) Do(line []rune, pos int) ([][]rune, int) {
	// pos counts runes; complete works on the text before it.
	before := string(line[:pos])
	cands, n := c(before, len(before))
	out := make([][]rune, len(cands))
	for i, s := range cands {
		out[i] = []rune(s)
	}
	return out, n
}
