package vm_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"goiex/builtins"
	"goiex/vm"
	"goiex/vm/term"
)

// run compiles src as a script and runs it to completion under the
// virtual clock, returning stdout, stderr and the main process.
func run(t *testing.T, src string, setup ...func(*vm.VM)) (string, string, *vm.Process, *vm.VM) {
	t.Helper()
	var out, errb bytes.Buffer
	m := vm.New(vm.Options{Stdout: &out, Stderr: &errb, Clock: vm.NewVirtualClock()})
	if err := builtins.Install(m); err != nil {
		t.Fatalf("install: %v", err)
	}
	for _, f := range setup {
		f(m)
	}
	code, err := m.Compile("test.exs", []byte(src))
	if err != nil {
		t.Fatalf("compile: %v", err)
	}
	p := m.SpawnCode(code, nil)
	p.SetQuiet()
	if err := m.RunUntilExit(p); err != nil {
		t.Fatalf("run: %v\nstdout:\n%s", err, out.String())
	}
	return out.String(), errb.String(), p, m
}

// Expected outputs below were recorded from Elixir 1.14.0 / OTP 25 with
// `elixir -e 'Code.eval_file("x.exs")'`, unless a comment says otherwise.
func TestPrograms(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"oldest matching message wins, not the first clause",
			`send(self(), {:normal, 1}); send(self(), {:priority, 2})
			 receive do
			   {:priority, x} -> IO.inspect({:priority, x})
			   {:normal, x} -> IO.inspect({:normal, x})
			 end
			 IO.inspect(Process.info(self(), :messages))`,
			"{:normal, 1}\n{:messages, [priority: 2]}\n"},
		{"unmatched messages stay in order",
			`for i <- 1..3, do: send(self(), {:n, i})
			 send(self(), :go)
			 receive do :go -> :ok end
			 IO.inspect(Process.info(self(), :messages))`,
			"{:messages, [n: 1, n: 2, n: 3]}\n"},
		{"after 0 drains nothing when empty, then polls",
			`r = receive do x -> x after 0 -> :empty end
			 send(self(), :m)
			 IO.inspect({r, receive do x -> x after 0 -> :empty end})`,
			"{:empty, :m}\n"},
		{"a spinning process does not block the others",
			`spawn(fn -> spin = fn f -> f.(f) end; spin.(spin) end)
			 me = self()
			 spawn(fn -> send(me, :done) end)
			 receive do :done -> IO.puts("done") end`,
			"done\n"},
		{"timeouts are ordered by deadline",
			`me = self()
			 spawn(fn -> Process.sleep(300); send(me, :slow) end)
			 spawn(fn -> Process.sleep(100); send(me, :fast) end)
			 IO.inspect(receive do x -> x end)
			 IO.inspect(receive do x -> x end)`,
			":fast\n:slow\n"},
		{"link: abnormal exit kills a non-trapping linked process",
			`pid = spawn(fn ->
			   spawn_link(fn -> exit(:boom) end)
			   receive do _ -> :ok end
			 end)
			 ref = Process.monitor(pid)
			 receive do {:DOWN, ^ref, :process, _, r} -> IO.inspect(r) end`,
			":boom\n"},
		{"trap_exit turns signals into messages; :kill cannot be trapped",
			`Process.flag(:trap_exit, true)
			 child = spawn_link(fn -> exit(:normal) end)
			 receive do {:EXIT, ^child, r} -> IO.inspect(r) end
			 t = spawn(fn -> Process.flag(:trap_exit, true); receive do _ -> :ok end end)
			 Process.sleep(1)
			 ref = Process.monitor(t)
			 Process.exit(t, :kill)
			 receive do {:DOWN, ^ref, :process, _, r} -> IO.inspect(r) end`,
			":normal\n:killed\n"},
		{"demonitor with flush removes a delivered DOWN",
			`pid = spawn(fn -> :ok end)
			 ref = Process.monitor(pid)
			 Process.sleep(10)
			 IO.inspect(Process.info(self(), :message_queue_len))
			 Process.demonitor(ref, [:flush])
			 IO.inspect(Process.info(self(), :message_queue_len))`,
			"{:message_queue_len, 1}\n{:message_queue_len, 0}\n"},
		{"send_after and cancel_timer",
			`r = Process.send_after(self(), :late, 1000)
			 IO.inspect(Process.cancel_timer(r))
			 Process.send_after(self(), :on_time, 50)
			 IO.inspect(receive do x -> x after 2000 -> :nothing end)`,
			"1000\n:on_time\n"},
		{"a crash in a spawned process leaves the VM running",
			`spawn(fn -> raise "boom" end)
			 Process.sleep(10)
			 IO.puts("still here")`,
			"still here\n"},
		{"deep non-tail recursion uses no Go stack",
			`defmodule D do
			   def sum([]), do: 0
			   def sum([h | t]), do: h + sum(t)
			 end
			 IO.inspect(D.sum(Enum.to_list(1..200_000)))`,
			"20000100000\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, stderr, _, _ := run(t, tc.src)
			if got != tc.want {
				t.Errorf("got stdout\n%s\nwant\n%s\nstderr:\n%s", got, tc.want, stderr)
			}
		})
	}
}

func TestCrashReportShape(t *testing.T) {
	_, stderr, _, _ := run(t, `spawn(fn -> raise "boom" end); Process.sleep(10)`)
	// Elixir 1.14: "\n23:07:21.413 [error] Process #PID<0.103.0> raised an exception\n** (RuntimeError) boom\n    x.exs:1: anonymous fn/0 in ..."
	lines := strings.Split(stderr, "\n")
	if len(lines) < 4 || lines[0] != "" ||
		!strings.HasSuffix(lines[1], "[error] Process #PID<0.101.0> raised an exception") ||
		lines[2] != "** (RuntimeError) boom" ||
		lines[3] != "    test.exs:1: anonymous fn/0 in :elixir_compiler_0.__FILE__/1" {
		t.Errorf("crash report:\n%s", stderr)
	}
}

func TestGoPanicBecomesProcessCrash(t *testing.T) {
	out, stderr, _, _ := run(t, `
		spawn(fn -> :goiex_test.explode() end)
		Process.sleep(10)
		IO.puts("the VM goes on")`,
		func(m *vm.VM) {
			m.RegisterNative(vm.NativeSpec{Module: ":goiex_test", Name: "explode", Arity: 0,
				Fn: func(*vm.Process, []term.Term) (term.Term, error) { panic("native bug") }})
		})
	if out != "the VM goes on\n" {
		t.Errorf("got stdout %q", out)
	}
	if !strings.Contains(stderr, "goiex_internal_error") || !strings.Contains(stderr, "native bug") {
		t.Errorf("the panic should be the process's crash report, got:\n%s", stderr)
	}
}

func TestDeadlockIsReported(t *testing.T) {
	var out bytes.Buffer
	m := vm.New(vm.Options{Stdout: &out, Clock: vm.NewVirtualClock()})
	if err := builtins.Install(m); err != nil {
		t.Fatal(err)
	}
	code, err := m.Compile("t.exs", []byte(`receive do :never -> :ok end`))
	if err != nil {
		t.Fatal(err)
	}
	p := m.SpawnCode(code, nil)
	if err := m.RunUntilExit(p); err != vm.ErrDeadlock {
		t.Errorf("got %v, want ErrDeadlock", err)
	}
}

func TestVirtualClockJumps(t *testing.T) {
	_, _, _, m := run(t, `Process.sleep(5_000); receive do after 2_000 -> :ok end`)
	if got := m.Now(); got != 7_000_000_000 {
		t.Errorf("virtual clock at %d ns, want 7e9 (only the timers moved it)", got)
	}
}

func TestSameProgramSameOutput(t *testing.T) {
	src := `me = self()
		for i <- 1..50, do: spawn(fn -> send(me, {:hi, i}) end)
		IO.inspect(for _ <- 1..50, do: receive(do: ({:hi, i} -> i)))`
	first, _, _, _ := run(t, src)
	for i := 0; i < 3; i++ {
		if again, _, _, _ := run(t, src); again != first {
			t.Fatalf("run %d differs:\n%s\nvs\n%s", i, again, first)
		}
	}
}

func TestRestartStopsEverythingAndCountsTheLoss(t *testing.T) {
	var out bytes.Buffer
	m := vm.New(vm.Options{Stdout: &out, Clock: vm.NewVirtualClock()})
	if err := builtins.Install(m); err != nil {
		t.Fatal(err)
	}
	code, err := m.Compile("t.exs", []byte(`
		a = spawn(fn -> receive do :never -> :ok end end)
		b = spawn(fn -> receive do :never -> :ok end end)
		for i <- 1..3, do: send(a, {:job, i})
		send(b, :job)
		IO.inspect(:init.restart())
		Process.sleep(1_000)
		IO.puts("not reached")`))
	if err != nil {
		t.Fatal(err)
	}
	p := m.SpawnCode(code, nil)
	if err := m.RunUntilExit(p); err != vm.ErrRestart {
		t.Fatalf("got %v, want ErrRestart", err)
	}
	lost := m.StopAll()
	if lost != (vm.LossReport{Processes: 3, Messages: 4}) {
		t.Errorf("got %+v, want 3 processes (main, a, b) and 4 messages", lost)
	}
	if out.String() != ":ok\n" || m.ProcessCount() != 0 {
		t.Errorf("stdout %q, %d processes left", out.String(), m.ProcessCount())
	}
}

func TestCrashReportCountsLostMessages(t *testing.T) {
	_, stderr, _, _ := run(t, `
		pid = spawn(fn -> receive do :go -> raise "boom" end end)
		send(pid, :other)
		send(pid, :go)
		send(pid, :more)
		Process.sleep(10)`)
	if !strings.Contains(stderr, "** (RuntimeError) boom") || !strings.Contains(stderr, "2 messages lost with #PID<0.101.0>\n") {
		t.Errorf("crash report should count the 2 messages left in the mailbox:\n%s", stderr)
	}
}

func TestMailboxExplainsWhichClauseWouldTakeEachMessage(t *testing.T) {
	var out bytes.Buffer
	m := vm.New(vm.Options{Stdout: &out, Clock: vm.NewVirtualClock()})
	if err := builtins.Install(m); err != nil {
		t.Fatal(err)
	}
	code, err := m.Compile("t.exs", []byte(`
		spawn(fn ->
		  receive do
		    {:priority, n} when n > 5 -> :urgent
		    :stop -> :stopped
		  end
		end)`))
	if err != nil {
		t.Fatal(err)
	}
	main := m.SpawnCode(code, nil)
	m.RunReady(nil)
	server := m.ProcessByPid(term.Pid(main.Pid().PidSerial() + 1))
	if server == nil || main.Alive() {
		t.Fatal("expected the server waiting and the main process done")
	}
	for _, msg := range []term.Term{
		term.Tuple(term.Atom("log"), term.String("hi")),
		term.Tuple(term.Atom("priority"), term.Int(1)),
		term.Tuple(term.Atom("priority"), term.Int(9)),
		term.Atom("stop"),
	} {
		m.Send(server.Pid(), msg)
	}
	rc, ok := server.WaitingIn()
	if !ok || len(rc.Clauses) != 2 || rc.Timeout {
		t.Fatalf("WaitingIn: %+v, %v", rc, ok)
	}
	var got []string
	for _, e := range m.Mailbox(server) {
		got = append(got, fmt.Sprintf("#%d %s -> %d", e.Position, term.Inspect(e.Message), e.Clause))
	}
	want := []string{`#1 {:log, "hi"} -> 0`, `#2 {:priority, 1} -> 0`, `#3 {:priority, 9} -> 1`, `#4 :stop -> 2`}
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if server.MessageQueueLen() != 4 {
		t.Errorf("explaining must not take messages: %d left", server.MessageQueueLen())
	}
}
