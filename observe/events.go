package observe

import (
	"goiex/vm"
	"goiex/vm/term"
)

// The VM's raw event stream, made into what a learner expects to read:
//
//   - a receive names its sender (the VM's receive event carries only the
//     message number; the send that had it knows who sent it);
//   - a {:DOWN, …} or {:EXIT, …} delivered because a process died is one
//     happening from the dead process, not a send by whichever process
//     happened to be running (the VM emits the delivery as a send, then
//     the down or exit_message event: the two are merged, keeping the
//     message number so its receive pairs with it).

// stream feeds normalised events to out.
type stream struct {
	out     func(vm.Event)
	held    vm.Event // a send of a {:DOWN…}/{:EXIT…} that may be a signal's delivery
	holding bool
	senders map[uint64]term.Term // message number → sender, until received
}

func newStream(out func(vm.Event)) *stream {
	return &stream{out: out, senders: map[uint64]term.Term{}}
}

var (
	atomDOWN = term.Atom("DOWN")
	atomEXIT = term.Atom("EXIT")
)

func signalShaped(msg term.Term) bool {
	if !msg.IsTuple() {
		return false
	}
	e := msg.Elems()
	return (len(e) == 5 && e[0] == atomDOWN) || (len(e) == 3 && e[0] == atomEXIT)
}

func (s *stream) feed(e vm.Event) {
	switch e.Kind {
	case vm.EventSend:
		s.flush()
		s.senders[e.Seq] = e.From
		if signalShaped(e.Message) {
			s.held, s.holding = e, true
			return
		}
	case vm.EventDown, vm.EventExitMessage:
		if s.holding && s.held.To == e.To {
			e.Seq, e.Message = s.held.Seq, s.held.Message
			s.senders[e.Seq] = e.From
			s.holding = false
		} else {
			s.flush()
		}
	case vm.EventReceive:
		s.flush()
		if from, ok := s.senders[e.Seq]; ok {
			e.From = from
			delete(s.senders, e.Seq)
		}
	default:
		s.flush()
	}
	s.out(e)
}

// flush passes on a held send that turned out to be a plain one.
func (s *stream) flush() {
	if s.holding {
		s.holding = false
		s.out(s.held)
	}
}

// involves reports whether pid takes part in e.
func involves(e vm.Event, pid term.Term) bool {
	return e.From == pid || e.To == pid
}
