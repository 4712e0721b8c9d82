package builtins

import (
	"io"

	"goiex/vm"
	"goiex/vm/term"
)

// Elixir's IO module: output through the VM's writers, never os.Stdout.

func ioNatives() []vm.NativeSpec {
	const m = "IO"
	return []vm.NativeSpec{
		spec(m, "puts", 1, ioPut("\n")),
		spec(m, "puts", 2, ioPut("\n")),
		spec(m, "write", 1, ioPut("")),
		spec(m, "write", 2, ioPut("")),
		spec(m, "inspect", 1, ioInspect),
		spec(m, "inspect", 2, ioInspect),
		spec(m, "inspect", 3, ioInspect),
		spec(m, "iodata_to_binary", 1, erlIolistToBinary),
		spec(m, "iodata_length", 1, erlIolistSize),
		spec(m, "chardata_to_string", 1, ioChardataToString),
	}
}

// writerFor returns where a device writes: :stdio (and its aliases) is
// the VM's stdout, :stderr its stderr. Tests replace it.
var writerFor = func(p *vm.Process, stderr bool) io.Writer {
	if stderr {
		return p.VM().Stderr()
	}
	return p.VM().Stdout()
}

// device resolves a device argument.
func device(p *vm.Process, dev term.Term) (io.Writer, error) {
	switch dev {
	case atom("stdio"), atom("standard_io"):
		return writerFor(p, false), nil
	case atom("stderr"), atom("standard_error"):
		return writerFor(p, true), nil
	}
	return nil, argError("goiex: unsupported IO device " + term.Inspect(dev))
}

// chardata is IO's to_chardata: lists are chardata, anything else goes
// through String.Chars.
func chardata(t term.Term) (string, error) {
	if t.IsList() {
		s, ok := chardataString(t)
		if !ok {
			return "", badarg(2, "not valid character data (an iodata term)")
		}
		return s, nil
	}
	return toString(t)
}

func ioPut(end string) vm.Native {
	return func(p *vm.Process, a []term.Term) (term.Term, error) {
		dev, item := atom("stdio"), a[0]
		if len(a) == 2 {
			dev, item = a[0], a[1]
		}
		s, err := chardata(item)
		if err != nil {
			return term.Term{}, err
		}
		w, err := device(p, dev)
		if err != nil {
			return term.Term{}, err
		}
		io.WriteString(w, s+end)
		return term.OK, nil
	}
}

// ioInspect is IO.inspect/1,2,3: prints the item pretty-printed at width
// 80, after "label: " if given, and returns the item.
func ioInspect(p *vm.Process, a []term.Term) (term.Term, error) {
	dev, item, opts := atom("stdio"), a[0], term.EmptyList
	switch len(a) {
	case 2:
		item, opts = a[0], a[1]
	case 3:
		dev, item, opts = a[0], a[1], a[2]
	}
	o, err := inspectOptions(opts, term.InspectOptions{Pretty: true})
	if err != nil {
		return term.Term{}, err
	}
	label := ""
	for l := opts; l.IsCons(); l = l.Tail() {
		// opts[:label]: the first label, and only if it is truthy.
		if kv := l.Head().Elems(); kv[0] == atom("label") {
			if !kv[1].IsTruthy() {
				break
			}
			s, err := chardata(kv[1])
			if err != nil {
				return term.Term{}, err
			}
			label = s + ": "
			break
		}
	}
	w, err := device(p, dev)
	if err != nil {
		return term.Term{}, err
	}
	io.WriteString(w, label+term.InspectWith(item, o)+"\n")
	return item, nil
}

func ioChardataToString(_ *vm.Process, a []term.Term) (term.Term, error) {
	if a[0].IsBinary() {
		return a[0], nil
	}
	s, ok := chardataString(a[0])
	if !ok {
		return term.Term{}, listToStringError(a[0])
	}
	return term.String(s), nil
}
