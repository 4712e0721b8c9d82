package repl

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"goiex/vm"
)

// notPublicAPI are modules a learner never calls: the servers behind
// Agent, Supervisor and DynamicSupervisor, and Logger's formatter.
// Elixir documents none of them.
var notPublicAPI = map[string]bool{
	"Agent.Server":             true,
	"Supervisor.Server":        true,
	"Supervisor.Default":       true,
	"DynamicSupervisor.Server": true,
	"Logger.Translator":        true,
}

// serverCallbacks are GenServer callbacks: in a library module that is
// itself a server (DurableQueue), GenServer calls them, not the learner.
var serverCallbacks = map[string]bool{
	"init/1": true, "handle_call/3": true, "handle_cast/2": true,
	"handle_info/2": true, "terminate/2": true, "code_change/3": true,
}

// publicFunctions lists, as docs keys, every function a learner can call
// in a fresh shell: builtins, the embedded library, Goiex's observers and
// the shell helpers (with those the shell reads before compiling).
func publicFunctions(e *Embedded) []string {
	var keys []string
	for _, m := range e.VM().Modules() {
		mod := moduleDisplayName(m.Atom)
		if notPublicAPI[mod] {
			continue
		}
		isServer := hasFunction(m, "handle_call", 3)
		for _, f := range m.Funcs {
			if f.Private || strings.HasPrefix(f.Name, "__") || strings.Contains(f.Name, "$") || strings.Contains(f.Name, "-fun-") {
				continue
			}
			na := fmt.Sprintf("%s/%d", f.Name, f.Arity)
			if isServer && serverCallbacks[na] {
				continue
			}
			keys = append(keys, mod+"."+na)
		}
	}
	for _, h := range commandDocs {
		keys = append(keys, fmt.Sprintf("IEx.Helpers.%s/%d", h.name, h.arity))
	}
	sort.Strings(keys)
	return keys
}

func TestEveryFunctionHasADoc(t *testing.T) {
	var out strings.Builder
	e := newTestEmbedded(t, &out, "")
	public := map[string]bool{}
	var missing []string
	for _, k := range publicFunctions(e) {
		public[k] = true
		if _, ok := docs[k]; !ok {
			missing = append(missing, k)
		}
	}
	if len(missing) > 0 {
		t.Errorf("%d functions without a doc in repl/docs_*.go:\n  %s", len(missing), strings.Join(missing, "\n  "))
	}
	var stale []string
	for k := range docs {
		if !public[k] {
			stale = append(stale, k)
		}
	}
	for k := range examplesShowingError {
		if _, ok := docs[k]; !ok {
			stale = append(stale, k+" (in examplesShowingError)")
		}
	}
	sort.Strings(stale)
	if len(stale) > 0 {
		t.Errorf("docs for functions goiex does not have (a typo, or a function removed):\n  %s", strings.Join(stale, "\n  "))
	}
	for _, k := range sortedKeys(docs) {
		d := docs[k]
		switch {
		case d.doc == "" || d.example == "":
			t.Errorf("%s: got doc %q, example %q; want both", k, d.doc, d.example)
		case strings.Contains(d.doc, "\n") || strings.Contains(d.example, "\n"):
			t.Errorf("%s: doc and example must be one line each", k)
		case !strings.HasSuffix(d.doc, "."):
			t.Errorf("%s: doc %q: want a sentence ending in a full stop", k, d.doc)
		}
	}
}

// TestHelpShowsDocAndExample checks h/1 prints each function's doc and
// example (h GenServer.call/3, h :erlang.+/2, h flush/0, h open).
func TestHelpShowsDocAndExample(t *testing.T) {
	var out strings.Builder
	e := newTestEmbedded(t, &out, "")
	for _, k := range sortedKeys(docs) {
		name := k
		if cmd, ok := strings.CutPrefix(k, "IEx.Helpers."); ok && isCommand(cmd) {
			name, _, _ = strings.Cut(cmd, "/")
		}
		got := e.s.help(name)
		d := docs[k]
		if !strings.Contains(got, "\n"+d.doc+"\n") || !strings.Contains(got, "    iex> "+d.example+"\n") {
			t.Errorf("h %s: got\n%s\nwant the doc %q and the example %q", name, got, d.doc, d.example)
		}
	}
}

func isCommand(nameArity string) bool {
	for _, h := range commandDocs {
		if fmt.Sprintf("%s/%d", h.name, h.arity) == nameArity {
			return true
		}
	}
	return false
}

// TestDocExamplesRun types every example into a fresh shell under the
// virtual clock: it must run without an error, or show one if
// examplesShowingError says so. A learner's shell has a history and a
// working directory with their files, so each example comes after one
// earlier input (v/0 and i/0 have a value to show), in a scratch
// directory holding hello.exs, the file c/1 and import_file/1 load.
func TestDocExamplesRun(t *testing.T) {
	hello := []byte("defmodule Hello do\n  def hi, do: :hi\nend\n")
	base := t.TempDir()
	t.Chdir(base)
	ran := 0
	for i, k := range sortedKeys(docs) {
		d := docs[k]
		// Each example has a directory of its own: files and :dets tables
		// an earlier one left would change what it prints.
		dir := filepath.Join(base, strconv.Itoa(i))
		if err := os.Mkdir(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "hello.exs"), hello, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chdir(dir); err != nil {
			t.Fatal(err)
		}
		e, err := NewEmbedded(Config{Out: io.Discard, Err: io.Discard, Clock: vm.NewVirtualClock(), Version: "test",
			Interrupts: make(chan os.Signal)})
		if err != nil {
			t.Fatal(err)
		}
		e.Type("40 + 2")
		// An example that leaves its expression open swallows the next
		// line: two inputs come back only if it was complete.
		typed := e.Type(d.example + "\n:next_input")
		e.VM().StopAll() // its :dets tables close with their owners
		e.Close()
		ran++
		if len(typed) != 2 {
			t.Errorf("%s: example %q is not one complete input: got %d inputs", k, d.example, len(typed))
			continue
		}
		got := typed[0].Output
		failed := strings.HasPrefix(got, "** (") || strings.Contains(got, "\n** (")
		switch want := examplesShowingError[k]; {
		case failed && !want:
			t.Errorf("%s: example %q failed:\n%s", k, d.example, got)
		case !failed && want:
			t.Errorf("%s: example %q is marked as showing an error, but printed:\n%s", k, d.example, got)
		}
	}
	t.Logf("ran %d examples", ran)
}

func sortedKeys(m map[string]funcDoc) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
