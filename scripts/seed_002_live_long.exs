# Seed 002 (Long-lived processes): a process running a tail-recursive loop
# that never ends stays alive, and the program still finishes (the main
# process ending ends the run).
defmodule LiveLong do
  def run do
    run()
  end
end

pid = spawn(LiveLong, :run, [])
IO.inspect(Process.alive?(pid))
Process.sleep(500)
IO.inspect(Process.alive?(pid))
IO.inspect(Process.info(pid, :current_function))
{:status, status} = Process.info(pid, :status)
# On BEAM it is :running on another scheduler, or :runnable waiting for one.
IO.inspect(status in [:running, :runnable])
