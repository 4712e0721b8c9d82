package repl

import (
	"os"
	"strings"
	"testing"

	"goiex/vm"
	"goiex/vm/term"
)

func newTestEmbedded(t *testing.T, out *strings.Builder, in string) *Embedded {
	t.Helper()
	cfg := Config{Out: out, Err: out, Echo: true, Clock: vm.NewVirtualClock(), Version: "test",
		Interrupts: make(chan os.Signal)}
	if in != "" {
		cfg.In = strings.NewReader(in)
	}
	e, err := NewEmbedded(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	return e
}

func TestEmbeddedType(t *testing.T) {
	var out strings.Builder
	e := newTestEmbedded(t, &out, "")
	typed := e.Type("x = 1 + 1\nsend(self(), {:hi, x})\ndefmodule M do\n  def f, do: :f\nend\n")
	var got []string
	for _, ty := range typed {
		got = append(got, strings.Join(ty.Lines, "|")+" => "+ty.Output)
	}
	// The module's result is not the point (its bytecode prints differently).
	got[len(got)-1], _, _ = strings.Cut(got[len(got)-1], ", M,")
	want := []string{
		"x = 1 + 1 => 2\n",
		"send(self(), {:hi, x}) => {:hi, 2}\n",
		"defmodule M do|  def f, do: :f|end => {:module",
	}
	if strings.Join(got, "") != strings.Join(want, "") {
		t.Errorf("typed: got\n%s\nwant\n%s", strings.Join(got, ""), strings.Join(want, ""))
	}
	wantOut := "iex(1)> x = 1 + 1\n2\niex(2)> send(self(), {:hi, x})\n{:hi, 2}\n" +
		"iex(3)> defmodule M do\n...(3)>   def f, do: :f\n...(3)> end\n"
	if !strings.HasPrefix(out.String(), wantOut) {
		t.Errorf("transcript: got\n%s\nwant prefix\n%s", out.String(), wantOut)
	}
	if x := e.Bindings()["x"]; x != term.Int(2) {
		t.Errorf("binding x: got %v, want 2", term.Inspect(x))
	}
	if n := e.Shell().MessageQueueLen(); n != 1 {
		t.Errorf("shell mailbox: got %d messages, want 1", n)
	}
	if e.Counter() != 4 {
		t.Errorf("counter: got %d, want 4", e.Counter())
	}
}

func TestEmbeddedErrorsAndCrashReportsAreOutput(t *testing.T) {
	var out strings.Builder
	e := newTestEmbedded(t, &out, "")
	typed := e.Type("1 +* 2\nspawn(fn -> raise \"boom\" end) && :ok\n")
	if len(typed) != 2 {
		t.Fatalf("got %d inputs, want 2", len(typed))
	}
	if !strings.Contains(typed[0].Output, "** (SyntaxError)") {
		t.Errorf("syntax error: got %q", typed[0].Output)
	}
	if !strings.Contains(typed[1].Output, "** (RuntimeError) boom") || !strings.Contains(typed[1].Output, ":ok\n") {
		t.Errorf("crash report and result: got %q", typed[1].Output)
	}
}

func TestEmbeddedMutedRecordAndReset(t *testing.T) {
	var out strings.Builder
	e := newTestEmbedded(t, &out, "")
	rec := e.Record()
	e.Muted(func() { e.Type("a = :quiet\n") })
	if out.Len() != 0 {
		t.Errorf("muted typing printed %q", out.String())
	}
	e.Say("said\n")
	e.Type("IO.puts(\"loud\")\n")
	if got, want := rec.Stop(), ":quiet\nloud\n:ok\n"; got != want {
		t.Errorf("recorded: got %q, want %q (no echo, no Say)", got, want)
	}
	if e.Bindings()["a"] != term.Atom("quiet") {
		t.Errorf("a muted input still binds")
	}
	old := e.Shell().Pid()
	if err := e.Reset(); err != nil {
		t.Fatal(err)
	}
	if len(e.Bindings()) != 0 || e.Counter() != 1 || e.Shell().Pid() == old && e.Shell().MessageQueueLen() != 0 {
		t.Errorf("after Reset: bindings %v, counter %d", e.Bindings(), e.Counter())
	}
	n := 0
	e.VM().EachProcess(func(*vm.Process) { n++ })
	if n != 1 {
		t.Errorf("after Reset: %d processes, want only the shell", n)
	}
}

func TestEmbeddedInteractIntercepts(t *testing.T) {
	var out strings.Builder
	e := newTestEmbedded(t, &out, "x = 5\n\nnext\n[1,\nnext]\nquit\n:never\n")
	var seen []string
	e.Interact(func(line string) bool {
		seen = append(seen, line)
		switch line {
		case "", "next":
			e.Say("-- checked --\n")
			return true
		case "quit":
			e.Quit()
			return true
		}
		return false
	})
	if got, want := strings.Join(seen, "|"), "x = 5||next|[1,|quit"; got != want {
		t.Errorf("lines offered: got %q, want %q (not the continuation line)", got, want)
	}
	if strings.Contains(out.String(), ":never") {
		t.Errorf("input after quit was read:\n%s", out.String())
	}
	if !strings.Contains(out.String(), "...(2)> next]\n** (CompileError)") && !strings.Contains(out.String(), "...(2)> next]\n") {
		t.Errorf("a continuation line is Elixir, not a command:\n%s", out.String())
	}
}
