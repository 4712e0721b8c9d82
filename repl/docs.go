package repl

import (
	"fmt"
	"strings"

	"goiex/vm"
	"goiex/vm/term"
)

// funcDoc is h/1's text for one function: a line saying what it does and
// an example to type at the prompt.
type funcDoc struct {
	doc, example string
}

// docs is h/1's table: every public function goiex provides, keyed
// "Module.fun/arity" as the module is typed (Process, :erlang,
// IEx.Helpers). It is built from one table per family of modules
// (docs_*.go); TestEveryFunctionHasADoc fails on a function left out, and
// TestDocExamplesRun types every example into a fresh shell.
var docs = mergeDocs(
	kernelDocs, exceptionDocs, processDocs, erlangDocs, otpDocs, enumDocs,
	collectionDocs, textDocs, storageDocs, shellDocs,
)

// examplesShowingError are the entries whose example prints an error on
// purpose (** (…)): raising is what the function is for, or the point
// is what the error looks like. Every other example must run cleanly.
var examplesShowingError = map[string]bool{
	"Kernel.raise/1":   true,
	"Kernel.raise/2":   true,
	"Kernel.reraise/2": true,
	"Kernel.reraise/3": true,
	// A restart announces what it threw away in the style of an error.
	":init.restart/0":  true,
	"System.restart/0": true,
}

// mergeDocs joins the family tables; a key in two tables is a mistake
// that would hide one of the docs, so it stops the program at once.
func mergeDocs(tables ...map[string]funcDoc) map[string]funcDoc {
	all := map[string]funcDoc{}
	for _, t := range tables {
		for k, d := range t {
			if _, dup := all[k]; dup {
				panic("repl: two docs for " + k)
			}
			all[k] = d
		}
	}
	return all
}

// helpDoc finds f's one-line doc and example.
func (s *Session) helpDoc(modName string, f *vm.Function) funcDoc {
	key := fmt.Sprintf("%s.%s/%d", modName, f.Name, f.Arity)
	if d, ok := docs[key]; ok {
		return d
	}
	for _, h := range append(s.helpers(), commandDocs...) {
		if modName == "IEx.Helpers" && h.name == f.Name && h.arity == f.Arity {
			return funcDoc{doc: strings.ToUpper(h.doc[:1]) + h.doc[1:] + "."}
		}
	}
	return funcDoc{doc: f.Doc}
}

// help is h/1: the function's header, centred as iex centres it, its
// doc line and an example; for a module, its functions with their docs.
func (s *Session) help(name string) string {
	if name == "h" || name == "open" || name == "c" || name == "import_file" {
		if d, ok := docs["IEx.Helpers."+name+"/1"]; ok {
			return s.docEntry(fmt.Sprintf("def %s(arg)", name), d)
		}
	}
	mod, fun, arity, ok := s.lookup(name)
	if !ok {
		return fmt.Sprintf("No documentation for %s was found\n", name)
	}
	modName := moduleDisplayName(mod.Atom)
	if fun == "" {
		var b strings.Builder
		fmt.Fprintf(&b, "\n%s\n\n", strings.TrimRight(centre(modName, s.cfg.Width), " "))
		for _, f := range functions(mod, "", -1) {
			d := s.helpDoc(modName, f)
			line := fmt.Sprintf("%s/%d", f.Name, f.Arity)
			if d.doc != "" {
				line += " - " + d.doc
			}
			b.WriteString("  • " + line + "\n")
		}
		b.WriteString("\n")
		return b.String()
	}
	fs := functions(mod, fun, arity)
	if len(fs) == 0 {
		return fmt.Sprintf("No documentation for %s was found\n", name)
	}
	// Arities made by default arguments share one head: show it once,
	// with the doc of whichever arity has one.
	var b strings.Builder
	var heads []string
	byHead := map[string]funcDoc{}
	for _, f := range fs {
		h := s.header(mod, f)
		d, seen := byHead[h]
		if !seen {
			heads = append(heads, h)
		}
		if d.doc == "" {
			byHead[h] = s.helpDoc(modName, f)
		}
	}
	for _, h := range heads {
		b.WriteString(s.docEntry(h, byHead[h]))
	}
	return b.String()
}

// header is the function's head as written in its source (def call(server,
// request, timeout \\ 5000)), or name/arity for a native.
func (s *Session) header(mod *vm.Module, f *vm.Function) string {
	if cm := mod.Compiled; cm != nil && f.Code != nil {
		for _, cf := range cm.Functions {
			if cf.Name == f.Name && cf.Arity == f.Arity {
				lines := strings.Split(cm.Source, "\n")
				if i := cf.Line - cm.Line; i >= 0 && i < len(lines) {
					head := strings.TrimSpace(lines[i])
					head = strings.TrimSuffix(head, " do")
					if j := strings.Index(head, ", do:"); j > 0 {
						head = head[:j]
					}
					return head
				}
			}
		}
	}
	return fmt.Sprintf("def %s/%d", f.Name, f.Arity)
}

func (s *Session) docEntry(header string, d funcDoc) string {
	var b strings.Builder
	head := centre(header, s.cfg.Width)
	if !s.print.color {
		head = strings.TrimRight(head, " ")
	}
	fmt.Fprintf(&b, "\n%s\n\n", s.print.pal.docHeader(head))
	if d.doc == "" {
		d.doc = "No documentation in goiex yet; it behaves as in Elixir 1.14."
	}
	b.WriteString(d.doc + "\n")
	if d.example != "" {
		b.WriteString("\n## Example\n\n    iex> " + d.example + "\n")
	}
	b.WriteString("\n")
	return b.String()
}

// centre pads s on both sides to width, as iex's doc headers are.
func centre(s string, width int) string {
	pad := (width - len(s)) / 2
	if pad <= 0 {
		return s
	}
	return strings.Repeat(" ", pad) + s + strings.Repeat(" ", width-len(s)-pad)
}

// h0 is h/0: what the shell offers.
func (s *Session) h0(_ *vm.Process, _ []term.Term) (term.Term, error) {
	var b strings.Builder
	fmt.Fprintf(&b, "\n%s\n\n", strings.TrimRight(centre("IEx.Helpers", s.cfg.Width), " "))
	b.WriteString("Welcome to goiex, an Elixir shell on a process VM you can see into.\n\n")
	b.WriteString("Everything you type runs in the shell process (self()); messages sent to it\n")
	b.WriteString("wait in its mailbox until flush() or receive. Ctrl+C interrupts a running\n")
	b.WriteString("input; Ctrl+D exits.\n\n")
	b.WriteString("The helpers:\n\n")
	all := append(s.helpers(), commandDocs...)
	width := 0
	for _, h := range all {
		width = max(width, len(fmt.Sprintf("%s/%d", h.name, h.arity)))
	}
	sorted := append([]helper(nil), all...)
	sortHelpers(sorted)
	for _, h := range sorted {
		n := fmt.Sprintf("%s/%d", h.name, h.arity)
		fmt.Fprintf(&b, "  • %s%s - %s\n", n, strings.Repeat(" ", width-len(n)), h.doc)
	}
	b.WriteString("\nHelp for a function or module: h(Process.monitor/1), h GenServer.call,\nh Process. Its Elixir source, where it has one: open GenServer.call.\n\n")
	s.print.Info(b.String())
	return dontDisplay, nil
}

func sortHelpers(hs []helper) {
	for i := 1; i < len(hs); i++ {
		for j := i; j > 0 && fmt.Sprintf("%s/%d", hs[j].name, hs[j].arity) < fmt.Sprintf("%s/%d", hs[j-1].name, hs[j-1].arity); j-- {
			hs[j], hs[j-1] = hs[j-1], hs[j]
		}
	}
}
