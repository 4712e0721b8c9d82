package observe

import (
	"bytes"
	"strings"
	"testing"

	"goiex/vm"
)

const ringOfThree = `
defmodule Ring do
  def start do
    receive do
      {:next, next} -> relay(next)
    end
  end

  def relay(next) do
    receive do
      {:token, 0} -> send(:main, :done)
      {:token, n} ->
        send(next, {:token, n - 1})
        relay(next)
    end
  end
end

Process.register(self(), :main)
[a, b, c] = for _ <- 1..3, do: spawn(Ring, :start, [])
send(a, {:next, b})
send(b, {:next, c})
send(c, {:next, a})
send(a, {:token, 6})
receive do
  :done -> IO.puts("done")
end
`

// TestStepperRing plays the shell: main stands for the evaluator, which
// runs while the scheduler is paused; the ring is stepped slice by slice.
func TestStepperRing(t *testing.T) {
	var out bytes.Buffer
	v, obs := newVM(t, &out)
	main := spawnScript(t, v, ringOfThree)
	st := NewStepper(v, &out, func(p *vm.Process) bool { return p == main }, false)
	obs.AttachStepper(st)
	st.Pause()
	st.Run(main, nil)
	st.Request(4)
	st.Run(main, nil)
	if err := st.BreakOn(`type == "receive" and message == "{:token, 1}"`); err != nil {
		t.Fatal(err)
	}
	st.Resume()
	st.Run(main, nil)
	st.Step(1)
	if err := st.BreakOn(""); err != nil {
		t.Fatal(err)
	}
	st.Resume()
	st.Run(main, nil)
	if v.Listening() {
		t.Error("the stepper left a listener")
	}
	want := `
paused. run queue: empty, and no timer is pending: nothing will run until someone sends a message
step 1: #PID<0.101.0> runs 0 reductions
  #PID<0.101.0> receives {:next, #PID<0.102.0>} from #PID<0.100.0> (msg 1, clause 1)
  now: runnable: next in line again after the others
step 2: #PID<0.102.0> runs 0 reductions
  #PID<0.102.0> receives {:next, #PID<0.103.0>} from #PID<0.100.0> (msg 2, clause 1)
  now: runnable: next in line again after the others
step 3: #PID<0.103.0> runs 0 reductions
  #PID<0.103.0> receives {:next, #PID<0.101.0>} from #PID<0.100.0> (msg 3, clause 1)
  now: runnable: next in line again after the others
step 4: #PID<0.101.0> runs 1 reduction
  #PID<0.101.0> receives {:token, 6} from #PID<0.100.0> (msg 4, clause 2)
  now: runnable: next in line again after the others
run queue: #PID<0.102.0>, #PID<0.103.0>, #PID<0.101.0>; next: #PID<0.102.0>
resumed
break: #PID<0.103.0> receives {:token, 1} from #PID<0.102.0> (msg 9, clause 2)
paused. run queue: #PID<0.101.0>; next: #PID<0.101.0>
step 5: #PID<0.101.0> runs 0 reductions
  #PID<0.101.0> receives {:token, 0} from #PID<0.103.0> (msg 10, clause 1)
  now: runnable: next in line again after the others
run queue: #PID<0.101.0>; next: #PID<0.101.0>
resumed
done
`
	if got := out.String(); got != strings.TrimPrefix(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}
