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

// docs covers the functions a learner of processes and mailboxes meets
// first. A function missing here shows its native's one-line Doc, if
// it has one.
var docs = map[string]funcDoc{
	"Kernel.self/0":           {"Returns the pid of the calling process: in the shell, the shell process.", "self()"},
	"Kernel.send/2":           {"Sends a message to a pid (or registered name) and returns the message at once; it waits in the receiver's mailbox until received.", "send(self(), :hello)"},
	"Kernel.spawn/1":          {"Starts a new process running the function and returns its pid at once; the function's value is not kept.", "spawn(fn -> IO.puts(\"in another process\") end)"},
	"Kernel.spawn/3":          {"Starts a new process running Module.function(args...) and returns its pid.", "spawn(IO, :puts, [\"hi\"])"},
	"Kernel.spawn_link/1":     {"Like spawn/1, and links the new process to the caller: if either dies abnormally, the other gets the exit signal.", "spawn_link(fn -> :ok end)"},
	"Kernel.spawn_link/3":     {"Like spawn/3, and links the new process to the caller.", "spawn_link(Process, :sleep, [100])"},
	"Kernel.spawn_monitor/1":  {"Starts a process and monitors it; returns {pid, ref}. A {:DOWN, ref, :process, pid, reason} message arrives when it ends.", "{pid, ref} = spawn_monitor(fn -> exit(:bye) end)"},
	"Kernel.spawn_monitor/3":  {"Like spawn_monitor/1 for Module.function(args...).", "spawn_monitor(Process, :sleep, [100])"},
	"Kernel.exit/1":           {"Stops the calling process with the given reason (an exit signal goes to its links).", "exit(:normal)"},
	"Kernel.raise/1":          {"Raises a RuntimeError with the message, or the given exception.", "raise \"boom\""},
	"Kernel.make_ref/0":       {"Returns a new unique reference, e.g. to tag a request and match its reply.", "make_ref()"},
	"Kernel.inspect/1":        {"Returns the term as Elixir source-like text.", "inspect({:ok, [1, 2]})"},
	"Kernel.is_pid/1":         {"Returns true if the term is a pid.", "is_pid(self())"},
	"Process.alive?/1":        {"Tells whether the process is alive (not exiting and not exited).", "Process.alive?(self())"},
	"Process.sleep/1":         {"Suspends the calling process for the given milliseconds; other processes run meanwhile.", "Process.sleep(100)"},
	"Process.info/1":          {"Returns information about a process as a keyword list (status, mailbox length, links...), or nil if it is dead.", "Process.info(self())"},
	"Process.info/2":          {"Returns one item of information about a process, e.g. its :message_queue_len.", "Process.info(self(), :message_queue_len)"},
	"Process.link/1":          {"Links the caller to another process: an abnormal exit of either is sent to the other.", "Process.link(spawn(fn -> Process.sleep(100) end))"},
	"Process.unlink/1":        {"Removes the link between the caller and a process.", "Process.unlink(pid)"},
	"Process.monitor/1":       {"Monitors a process; returns a ref. {:DOWN, ref, :process, pid, reason} arrives when it ends (at once if it is already dead).", "ref = Process.monitor(spawn(fn -> :ok end))"},
	"Process.demonitor/1":     {"Turns a monitor off.", "Process.demonitor(ref)"},
	"Process.demonitor/2":     {"Turns a monitor off; with [:flush], also removes its :DOWN message if it already arrived.", "Process.demonitor(ref, [:flush])"},
	"Process.exit/2":          {"Sends an exit signal to a process. :kill cannot be trapped; :normal is ignored unless it is trapped.", "Process.exit(pid, :kill)"},
	"Process.flag/2":          {"Sets a process flag and returns its old value; :trap_exit turns exit signals into {:EXIT, pid, reason} messages.", "Process.flag(:trap_exit, true)"},
	"Process.register/2":      {"Registers a name for a pid, so messages can be sent to the name.", "Process.register(self(), :shell)"},
	"Process.whereis/1":       {"Returns the pid registered under a name, or nil.", "Process.whereis(:shell)"},
	"Process.list/0":          {"Returns the pids of every live process.", "Process.list()"},
	"Process.send_after/3":    {"Sends a message to a process after the given milliseconds; returns a timer reference.", "Process.send_after(self(), :tick, 1_000)"},
	"Process.get/1":           {"Returns a value from the process dictionary.", "Process.get(:key)"},
	"Process.put/2":           {"Stores a value in the process dictionary; returns the old value.", "Process.put(:key, 1)"},
	"GenServer.start_link/3":  {"Starts a GenServer process running the callback module, linked to the caller; returns {:ok, pid} once init/1 returns.", "GenServer.start_link(MyServer, :arg)"},
	"GenServer.start/3":       {"Starts a GenServer without a link; returns {:ok, pid}.", "GenServer.start(MyServer, :arg)"},
	"GenServer.call/3":        {"Sends a request and waits for the reply (5 s by default): a monitor, a send with a ref, and a receive ... after. Exits if the server dies or times out.", "GenServer.call(pid, :get)"},
	"GenServer.cast/2":        {"Sends a request without waiting for a reply; returns :ok at once.", "GenServer.cast(pid, {:put, 1})"},
	"GenServer.reply/2":       {"Replies to a caller from a callback that returned {:noreply, state}.", "GenServer.reply(from, :ok)"},
	"GenServer.stop/3":        {"Stops the server with a reason and waits until it has terminated.", "GenServer.stop(pid)"},
	"Agent.start_link/2":      {"Starts an Agent holding the value the function returns; returns {:ok, pid}.", "{:ok, agent} = Agent.start_link(fn -> 0 end)"},
	"Agent.get/3":             {"Returns the function applied to the agent's state.", "Agent.get(agent, & &1)"},
	"Agent.update/3":          {"Replaces the agent's state by the function's value.", "Agent.update(agent, &(&1 + 1))"},
	"Task.async/1":            {"Runs the function in a new linked, monitored process; await its result with Task.await/2.", "task = Task.async(fn -> 1 + 1 end)"},
	"Task.await/2":            {"Waits for a task's reply (5 s by default) and returns it.", "Task.await(Task.async(fn -> 2 end))"},
	"Supervisor.start_link/2": {"Starts a supervisor with child specs and options such as strategy: :one_for_one.", "Supervisor.start_link([MyWorker], strategy: :one_for_one)"},
	"IO.puts/1":               {"Writes a string and a newline to stdout.", "IO.puts(\"hello\")"},
	"IO.inspect/2":            {"Prints the inspected term (with an optional label:) and returns it unchanged.", "IO.inspect({:ok, 1}, label: \"got\")"},
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
		for _, h := range commandDocs {
			if h.name == name {
				return s.docEntry(fmt.Sprintf("def %s(arg)", name), funcDoc{doc: strings.ToUpper(h.doc[:1]) + h.doc[1:] + "."})
			}
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
