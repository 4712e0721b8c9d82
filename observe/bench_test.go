package observe

import (
	"io"
	"os"
	"testing"

	"goiex/vm/term"
)

// The ring of scripts/bench/ring.exs: 1,000 processes, 1,000,000 hops.
func ringSource(b *testing.B) string {
	src, err := os.ReadFile("../scripts/bench/ring.exs")
	if err != nil {
		b.Fatal(err)
	}
	return string(src)
}

func runRing(b *testing.B, trace bool) {
	src := ringSource(b)
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		v, _ := newVM(b, io.Discard)
		p := spawnScript(b, v, src)
		var t *Tracer
		if trace {
			var err error
			if t, err = StartTrace(v, io.Discard, TraceOptions{Pid: term.Atom("all")}); err != nil {
				b.Fatal(err)
			}
		}
		b.StartTimer()
		if err := v.RunUntilExit(p); err != nil {
			b.Fatal(err)
		}
		if t != nil {
			t.Stop()
		}
	}
}

// BenchmarkRingUntraced is the ring with no listener: the baseline.
func BenchmarkRingUntraced(b *testing.B) { runRing(b, false) }

// BenchmarkRingTraced formats a trace line for every event of the ring
// (2,001,000 sends and receives, 1,000 spawns) and discards it.
func BenchmarkRingTraced(b *testing.B) { runRing(b, true) }

// BenchmarkPsMillion renders the top 20 by reductions of 1,000,000
// processes waiting in receive.
func BenchmarkPsMillion(b *testing.B) {
	v, _ := newVM(b, io.Discard)
	p := spawnScript(b, v, `
for i <- 1..1_000_000 do
  spawn(fn -> receive do :stop -> i end end)
end`)
	if err := v.RunUntilExit(p); err != nil {
		b.Fatal(err)
	}
	v.RunReady(nil)
	if n := v.ProcessCount(); n != 1_000_000 {
		b.Fatalf("got %d processes, want 1,000,000", n)
	}
	for _, c := range []struct {
		name string
		o    PsOptions
	}{
		{"top20", PsOptions{Sort: "reductions", Limit: 20}},
		{"where", PsOptions{Sort: "memory", Limit: 20, Where: `message_queue_len == 0 and status == "waiting"`}},
	} {
		b.Run(c.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := Ps(v, c.o); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
