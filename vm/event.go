package vm

import "goiex/vm/term"

// EventKind names an observable happening in the VM.
type EventKind uint8

// The events tracing, diagrams and lessons read.
const (
	EventSpawn EventKind = iota
	EventSend
	EventReceive
	EventExit
	EventLink
	EventUnlink
	EventMonitor
	EventDown
	EventExitMessage
	EventTimer
)

var eventNames = [...]string{"spawn", "send", "receive", "exit", "link", "unlink", "monitor", "down", "exit_message", "timer"}

func (k EventKind) String() string { return eventNames[k] }

// Event is one happening: who did what to whom.
type Event struct {
	Kind    EventKind
	Time    int64 // VM clock, nanoseconds
	From    term.Term
	To      term.Term
	Message term.Term
	Reason  term.Term
	Ref     term.Term
	Seq     uint64 // send and receive: the message's number, pairing the two
	// receive: which clause took the message (1-based), its position in
	// the mailbox (1 = oldest) and how many older messages it skipped.
	Clause   int
	Position int
	Skipped  int
}

// Listen registers f to be called for every event. Listening costs
// nothing while no one listens.
func (v *VM) Listen(f func(Event)) { v.listeners = append(v.listeners, f) }

func (v *VM) emit(e Event) {
	if len(v.listeners) == 0 {
		return
	}
	e.Time = v.clock.Now()
	v.eventSeen = true
	for _, f := range v.listeners {
		f(e)
	}
}

// OnExit registers f to be called whenever a process exits (after its
// links and monitors have been told); :ets uses it to drop the tables
// the process owned.
func (v *VM) OnExit(f func(p *Process)) { v.exitHooks = append(v.exitHooks, f) }
