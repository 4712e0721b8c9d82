package observe

import (
	"strings"
	"testing"
)

func TestSeq(t *testing.T) {
	for _, c := range []struct {
		script string
		want   string
	}{
		{`Goiex.seq(fn ->
  pong = spawn(fn ->
    receive do
      {:ping, from} -> send(from, :pong)
    end
  end)
  send(pong, {:ping, self()})
  receive do :pong -> :ok end
end)`, `
             #PID<0.100.0>       #PID<0.101.0>
                self()
    0 ms           ├────── spawn ─────▶┬
                   │ [1] {:ping, #PID<0.100.0>}
                   ├──────────────────▶│
                   │                   ● takes [1], clause 1
                   │ [2] :pong         │
                   │◀──────────────────┤
                   │                   ✕ exits :normal
                   ● takes [2], clause 1
                   ◆ returns :ok
                   │
messages:
  [1] #PID<0.100.0> → #PID<0.101.0>: {:ping, #PID<0.100.0>}
  [2] #PID<0.101.0> → #PID<0.100.0>: :pong
`},
		{`Goiex.seq(fn ->
  pong = spawn_link(fn ->
    receive do
      {:ping, _from} -> exit(:boom)
    end
  end)
  Process.flag(:trap_exit, true)
  send(pong, {:ping, self()})
  receive do {:EXIT, ^pong, reason} -> reason end
end, format: :mermaid)`, `
sequenceDiagram
    participant P1 as #35;PID#lt;0.100.0#gt; self()
    participant P2 as #35;PID#lt;0.101.0#gt;
    P1-)P2: spawn
    P1--)P2: link
    P1->>P2: [1] {:ping, #35;PID#lt;0.100.0#gt;}
    Note over P2: takes [1], clause 1
    Note over P2: dies: :boom
    P2--xP1: [2] EXIT :boom
    Note over P1: takes [2], clause 1
    Note over P1: returns :boom
`},
	} {
		got := runScript(t, c.script)
		if want := strings.TrimPrefix(c.want, "\n"); got != want {
			t.Errorf("%s\ngot:\n%s\nwant:\n%s", c.script, got, want)
		}
	}
}
