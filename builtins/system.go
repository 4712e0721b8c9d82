package builtins

import (
	"time"

	"goiex/vm"
	"goiex/vm/term"
)

// Time: System.monotonic_time/system_time and the :erlang BIFs under
// them. The native time unit is the nanosecond, as on Linux BEAMs.

// monotonicNow reads the VM's clock (install.go); tests replace it.
var monotonicNow = clockNow

// systemNow is the system time in nanoseconds since the Unix epoch. It
// reads the host's wall clock even under the virtual clock, as
// System.system_time is not used to wait for anything.
var systemNow = func(*vm.Process) int64 { return time.Now().UnixNano() }

func systemNatives() []vm.NativeSpec {
	const m = "System"
	return []vm.NativeSpec{
		spec(m, "monotonic_time", 0, monotonicTime),
		spec(m, "monotonic_time", 1, monotonicTime),
		spec(m, "system_time", 0, systemTime),
		spec(m, "system_time", 1, systemTime),
		spec(m, "os_time", 0, systemTime),
		spec(m, "os_time", 1, systemTime),
		spec(m, "convert_time_unit", 3, func(p *vm.Process, a []term.Term) (term.Term, error) {
			return convertTimeUnit(p, a)
		}),
	}
}

// unitsPerSecond reads a time unit: :second, :millisecond, :microsecond,
// :nanosecond, :native or a positive integer.
func unitsPerSecond(u term.Term, argN int) (int64, error) {
	switch u {
	case atom("second"):
		return 1, nil
	case atom("millisecond"):
		return 1_000, nil
	case atom("microsecond"):
		return 1_000_000, nil
	case atom("nanosecond"), atom("native"):
		return 1_000_000_000, nil
	}
	if n, ok := smallInt(u); ok && n > 0 {
		return int64(n), nil
	}
	return 0, badarg(argN, "invalid time unit")
}

// convert turns n units of from into units of to, rounding down as
// erlang:convert_time_unit/3 does.
func convert(n, from, to int64) term.Term {
	r, _ := floorDiv(mustMul(term.Int(n), term.Int(to)), term.Int(from))
	return r
}

func mustMul(a, b term.Term) term.Term { r, _ := mul(a, b); return r }

func timeIn(p *vm.Process, a []term.Term, now func(*vm.Process) int64) (term.Term, error) {
	unit := int64(1_000_000_000)
	if len(a) == 1 {
		var err error
		if unit, err = unitsPerSecond(a[0], 1); err != nil {
			return term.Term{}, err
		}
	}
	return convert(now(p), 1_000_000_000, unit), nil
}

func monotonicTime(p *vm.Process, a []term.Term) (term.Term, error) {
	return timeIn(p, a, monotonicNow)
}
func systemTime(p *vm.Process, a []term.Term) (term.Term, error) { return timeIn(p, a, systemNow) }

func convertTimeUnit(_ *vm.Process, a []term.Term) (term.Term, error) {
	if !a[0].IsInt() {
		return term.Term{}, badarg(1, "not an integer")
	}
	from, err := unitsPerSecond(a[1], 2)
	if err != nil {
		return term.Term{}, err
	}
	to, err := unitsPerSecond(a[2], 3)
	if err != nil {
		return term.Term{}, err
	}
	r, _ := floorDiv(mustMul(a[0], term.Int(to)), term.Int(from))
	return r, nil
}
