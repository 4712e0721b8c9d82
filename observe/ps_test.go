package observe

import (
	"strings"
	"testing"
)

const psScript = `
defmodule Server do
  def loop do
    receive do
      {:job, _} -> loop()
    end
  end
end

a = spawn(&Server.loop/0)
Process.register(a, :jobs)
b = spawn(Server, :loop, [])
for i <- 1..3, do: send(a, {:log, i})
send(b, {:log, 0})
Process.sleep(5)
`

func TestPs(t *testing.T) {
	for _, c := range []struct {
		script string
		want   string
	}{
		{`Goiex.ps()`, `
PID            NAME                           STATUS   CURRENT FUNCTION               MSGS  REDUCTIONS  MEMORY
#PID<0.100.0>  :elixir_compiler_0.__FILE__/1  running  :elixir_compiler_0.__FILE__/1     0          19   1,312
#PID<0.101.0>  jobs                           waiting  Server.loop/0                     3           4     704
#PID<0.102.0>  Server.loop/0                  waiting  Server.loop/0                     1           1     480
3 processes
`},
		{`Goiex.ps(sort: :message_queue_len, limit: 2)`, `
PID            NAME           STATUS   CURRENT FUNCTION  MSGS  REDUCTIONS  MEMORY
#PID<0.101.0>  jobs           waiting  Server.loop/0        3           4     704
#PID<0.102.0>  Server.loop/0  waiting  Server.loop/0        1           1     480
2 of 3 processes shown; ps(limit: n) shows more
`},
		{`Goiex.ps(where: "message_queue_len > 0 and status == \"waiting\"", sort: :name)`, `
PID            NAME           STATUS   CURRENT FUNCTION  MSGS  REDUCTIONS  MEMORY
#PID<0.102.0>  Server.loop/0  waiting  Server.loop/0        1           1     480
#PID<0.101.0>  jobs           waiting  Server.loop/0        3           4     704
2 of 3 processes match
`},
		{`Goiex.ps(where: "name == \"jobs\"", limit: 1)`, `
PID            NAME  STATUS   CURRENT FUNCTION  MSGS  REDUCTIONS  MEMORY
#PID<0.101.0>  jobs  waiting  Server.loop/0        3           4     704
1 of 3 processes match
`},
		{`try do
  Goiex.ps(where: "message_queue_len >")
rescue
  e in ArgumentError -> IO.puts(e.message)
end`, `
where: unexpected token EOF (1:19)
 | message_queue_len >
 | ..................^
fields: pid, name, status, current_function, message_queue_len, reductions, memory, initial_call, registered_name, trap_exit, links
`},
		{`try do
  Goiex.ps(where: "message_queue_len")
rescue
  e in ArgumentError -> IO.puts(e.message)
end`, `
where: expected bool, but got int
fields: pid, name, status, current_function, message_queue_len, reductions, memory, initial_call, registered_name, trap_exit, links
`},
		{`try do
  Goiex.ps(sort: :size)
rescue
  e in ArgumentError -> IO.puts(e.message)
end`, `
sort: unknown column :size (one of current_function, initial_call, links, memory, message_queue_len, name, pid, reductions, registered_name, status)
`},
	} {
		got := runScript(t, psScript+c.script)
		if want := strings.TrimPrefix(c.want, "\n"); got != want {
			t.Errorf("%s\ngot:\n%s\nwant:\n%s", c.script, got, want)
		}
	}
}
