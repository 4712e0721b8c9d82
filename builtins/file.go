package builtins

import (
	"errors"
	"io/fs"
	"os"
	"sort"
	"syscall"

	"goiex/vm"
	"goiex/vm/term"
)

// The File functions scripts use to keep a little state on disk between
// runs (and across :init.restart/0): read, write, exists?, rm, mkdir_p,
// ls. Errors are POSIX reasons as atoms, as Elixir gives them.
func fileNatives() []vm.NativeSpec {
	const m = "File"
	return []vm.NativeSpec{
		spec(m, "read", 1, fileRead),
		spec(m, "read!", 1, bang(fileRead, "read file")),
		spec(m, "write", 2, fileWrite),
		spec(m, "write", 3, fileWrite),
		spec(m, "write!", 2, bang(fileWrite, "write to file")),
		spec(m, "write!", 3, bang(fileWrite, "write to file")),
		spec(m, "exists?", 1, fileExists),
		spec(m, "rm", 1, fileRm),
		spec(m, "rm!", 1, bang(fileRm, "remove file")),
		spec(m, "mkdir_p", 1, fileMkdirP),
		spec(m, "mkdir_p!", 1, bang(fileMkdirP, "make directory (with -p)")),
		spec(m, "ls", 1, fileLs),
		spec(m, "ls!", 1, bang(fileLs, "list directory")),
	}
}

func pathArg(t term.Term) (string, error) {
	s, ok := term.ToString(t)
	if !ok || t.IsAtom() {
		return "", vm.Raise(vm.NewFunctionClauseError(term.ModuleAtom("IO"), "chardata_to_string", 1))
	}
	return s, nil
}

// posix turns a Go file error into Elixir's reason atom (:enoent…).
func posix(err error) term.Term {
	var errno syscall.Errno
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return term.Atom("enoent")
	case errors.Is(err, fs.ErrPermission):
		return term.Atom("eacces")
	case errors.Is(err, fs.ErrExist):
		return term.Atom("eexist")
	case errors.As(err, &errno):
		switch errno {
		case syscall.EISDIR:
			return term.Atom("eisdir")
		case syscall.ENOTDIR:
			return term.Atom("enotdir")
		case syscall.ENOSPC:
			return term.Atom("enospc")
		}
	}
	return term.Atom("eio")
}

func errorTuple(err error) term.Term { return term.Tuple(term.Error, posix(err)) }

func fileRead(_ *vm.Process, a []term.Term) (term.Term, error) {
	path, err := pathArg(a[0])
	if err != nil {
		return term.Term{}, err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return errorTuple(err), nil
	}
	return term.Tuple(term.OK, term.String(string(data))), nil
}

func fileWrite(_ *vm.Process, a []term.Term) (term.Term, error) {
	path, err := pathArg(a[0])
	if err != nil {
		return term.Term{}, err
	}
	content, ok := term.ChardataToString(a[1])
	if !ok {
		return term.Term{}, badarg(2, "not an iodata term")
	}
	flag := os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	if len(a) == 3 {
		for l := a[2]; l.IsCons(); l = l.Tail() {
			if l.Head() == term.Atom("append") {
				flag = os.O_WRONLY | os.O_CREATE | os.O_APPEND
			}
		}
	}
	f, err := os.OpenFile(path, flag, 0o644)
	if err != nil {
		return errorTuple(err), nil
	}
	_, werr := f.WriteString(content)
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		return errorTuple(werr), nil
	}
	return term.OK, nil
}

func fileExists(_ *vm.Process, a []term.Term) (term.Term, error) {
	path, err := pathArg(a[0])
	if err != nil {
		return term.Term{}, err
	}
	_, serr := os.Stat(path)
	return term.Bool(serr == nil), nil
}

func fileRm(_ *vm.Process, a []term.Term) (term.Term, error) {
	path, err := pathArg(a[0])
	if err != nil {
		return term.Term{}, err
	}
	if info, serr := os.Lstat(path); serr == nil && info.IsDir() {
		return term.Tuple(term.Error, term.Atom("eperm")), nil
	}
	if err := os.Remove(path); err != nil {
		return errorTuple(err), nil
	}
	return term.OK, nil
}

func fileMkdirP(_ *vm.Process, a []term.Term) (term.Term, error) {
	path, err := pathArg(a[0])
	if err != nil {
		return term.Term{}, err
	}
	if err := os.MkdirAll(path, 0o755); err != nil {
		return errorTuple(err), nil
	}
	return term.OK, nil
}

func fileLs(_ *vm.Process, a []term.Term) (term.Term, error) {
	path, err := pathArg(a[0])
	if err != nil {
		return term.Term{}, err
	}
	entries, err := os.ReadDir(path)
	if err != nil {
		return errorTuple(err), nil
	}
	names := make([]string, len(entries))
	for i, e := range entries {
		names[i] = e.Name()
	}
	sort.Strings(names)
	out := make([]term.Term, len(names))
	for i, n := range names {
		out[i] = term.String(n)
	}
	return term.Tuple(term.OK, term.List(out...)), nil
}

// bang makes File.x! from File.x: {:ok, v} gives v, :ok gives :ok, and
// {:error, reason} raises File.Error as Elixir words it.
func bang(f vm.Native, action string) vm.Native {
	return func(p *vm.Process, a []term.Term) (term.Term, error) {
		r, err := f(p, a)
		if err != nil {
			return r, err
		}
		if r.IsTuple() && r.TupleSize() == 2 {
			el := r.Elems()
			if el[0] == term.OK {
				return el[1], nil
			}
			path, _ := term.ToString(a[0])
			return term.Term{}, vm.Raise(fileError(action, path, el[1]))
		}
		return r, nil
	}
}

// fileError is %File.Error{}; its message follows Elixir 1.14:
// "could not read file \"x\": no such file or directory".
func fileError(action, path string, reason term.Term) term.Term {
	words := map[string]string{
		"enoent": "no such file or directory", "eacces": "permission denied",
		"eisdir": "illegal operation on a directory", "enotdir": "not a directory",
		"eexist": "file already exists", "enospc": "no space left on device", "eperm": "not owner",
	}
	w, ok := words[reason.AtomName()]
	if !ok {
		w = "unknown POSIX error: " + reason.AtomName()
	}
	msg := "could not " + action + " " + term.Inspect(term.String(path)) + ": " + w
	return term.Struct("File.Error", term.Atom("reason"), reason, term.Atom("path"), term.String(path),
		term.Atom("action"), term.String(action), term.Atom("message"), term.String(msg), term.ExceptionKey(), term.True)
}
