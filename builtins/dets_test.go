package builtins

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"goiex/vm"
)

// runDets runs an Elixir program on a fresh VM with the library and
// returns what it printed; DIR in the source is replaced by dir, so that
// the program's files live in the test's scratch directory and the
// expected output can say DIR where the path is.
func runDets(t *testing.T, dir, src string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	machine := vm.New(vm.Options{Stdout: &stdout, Stderr: &stderr})
	if err := Install(machine); err != nil {
		t.Fatal(err)
	}
	code, err := machine.Compile("dets_test.exs", []byte(strings.ReplaceAll(src, "DIR", dir)))
	if err != nil {
		t.Fatal(err)
	}
	main := machine.SpawnCode(code, nil)
	if err := machine.RunUntilExit(main); err != nil {
		t.Fatal(err)
	}
	if exc := main.ExitError(); exc != nil {
		t.Fatalf("the program raised: %v\nstdout:\n%s", exc, stdout.String())
	}
	return strings.ReplaceAll(stdout.String()+stderr.String(), dir, "DIR")
}

// writeGoodFile makes a goiex dets file of 1000 objects at path and
// returns its bytes.
func writeGoodFile(t *testing.T, dir, path string) []byte {
	t.Helper()
	runDets(t, dir, `
		{:ok, t} = :dets.open_file(:good, file: '`+path+`')
		:ok = :dets.insert(t, Enum.map(1..1000, &{&1, String.duplicate("x", 100)}))
		:ok = :dets.close(t)
	`)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestDetsDamagedFiles: every file open_file/2 cannot use is a clear
// {:error, reason}, and the program goes on. The shapes are OTP 25's,
// printed by Erlang's :dets for the same cases (garbage and empty files:
// :not_a_dets_file; a directory: :eisdir; a missing directory: :enoent).
// Erlang repairs a truncated dets file of its own format; a truncated
// bbolt file cannot be repaired, so goiex says :not_a_dets_file for it
// too, where Erlang would say so of a file too short to repair.
func TestDetsDamagedFiles(t *testing.T) {
	dir := t.TempDir()
	good := writeGoodFile(t, dir, filepath.Join(dir, "good.dets"))
	write := func(name string, data []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("garbage.dets", bytes.Repeat([]byte("garbage!"), 2000))
	write("empty.dets", nil)
	write("half.dets", good[:len(good)/2])
	write("twopages.dets", good[:8192])
	write("short.dets", good[:100])
	// A bbolt database that is not a dets file.
	other, err := bolt.Open(filepath.Join(dir, "other.dets"), 0o644, nil)
	if err != nil {
		t.Fatal(err)
	}
	other.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucket([]byte("mine")); return err })
	other.Close()
	// A goiex dets file whose pages (not its meta pages, which bbolt
	// checksums) were overwritten.
	smashed := append([]byte(nil), good...)
	for i := 2 * 4096; i < len(smashed); i++ {
		smashed[i] = 0xA5
	}
	write("smashed.dets", smashed)
	os.Mkdir(filepath.Join(dir, "dir.dets"), 0o755)

	got := runDets(t, dir, `
		for f <- ~w(garbage empty half twopages short other dir) do
			IO.inspect(:dets.open_file(:t, file: 'DIR/#{f}.dets'), width: :infinity)
		end
		IO.inspect(:dets.open_file(:t, file: 'DIR/missing/x.dets'), width: :infinity)
		IO.inspect(:dets.open_file(:t, file: 'DIR/good.dets/x.dets'), width: :infinity)
		# A damaged page is found when it is read: an error, not a crash.
		case :dets.open_file(:t, file: 'DIR/smashed.dets') do
			{:ok, t} ->
				r = :dets.lookup(t, 1)
				IO.inspect(r == [] or match?({:error, {:bad_object, _}}, r) or is_list(r), label: "lookup")
				r = :dets.match_object(t, :_)
				IO.inspect(match?({:error, {:bad_object, _}}, r) or is_list(r), label: "match_object")
			{:error, reason} ->
				IO.inspect(reason, label: "smashed")
		end
		IO.inspect(:dets.open_file(:t2, file: 'DIR/good.dets'), width: :infinity)
		IO.inspect(:dets.info(:t2, :size))
	`)
	want := `{:error, {:not_a_dets_file, 'DIR/garbage.dets'}}
{:error, {:not_a_dets_file, 'DIR/empty.dets'}}
{:error, {:not_a_dets_file, 'DIR/half.dets'}}
{:error, {:not_a_dets_file, 'DIR/twopages.dets'}}
{:error, {:not_a_dets_file, 'DIR/short.dets'}}
{:error, {:not_a_dets_file, 'DIR/other.dets'}}
{:error, {:file_error, 'DIR/dir.dets', :eisdir}}
{:error, {:file_error, 'DIR/missing/x.dets', :enoent}}
{:error, {:file_error, 'DIR/good.dets/x.dets', :enotdir}}
`
	if !strings.HasPrefix(got, want) {
		t.Fatalf("got\n%s\nwant it to start with\n%s", got, want)
	}
	if !strings.HasSuffix(got, "{:ok, :t2}\n1000\n") {
		t.Errorf("after the damaged files, the good one should open with its 1000 objects; got\n%s", got)
	}
}

// TestDetsUnwritableDirectory: {:file_error, path, :eacces}, as OTP 25
// gives it (checked running Erlang's :dets as an unprivileged user).
// root writes anywhere, so the test needs another user.
func TestDetsUnwritableDirectory(t *testing.T) {
	dir := t.TempDir()
	path := "DIR/ro/x.dets"
	if os.Geteuid() == 0 {
		// Root may write any ordinary directory; sysfs refuses even root.
		path = "/sys/goiex_dets_test.dets"
	} else if err := os.Mkdir(filepath.Join(dir, "ro"), 0o555); err != nil {
		t.Fatal(err)
	}
	got := runDets(t, dir, `IO.inspect(:dets.open_file(:t, file: '`+path+`'), width: :infinity)`)
	if want := "{:error, {:file_error, '" + path + "', :eacces}}\n"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

// TestDetsLockedFile: a file another program holds open (bbolt's
// exclusive flock, here taken by this test) is {:file_error, path,
// :eagain} after a short wait. Erlang's dets takes no lock; the reason
// is the POSIX one flock reports.
func TestDetsLockedFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "locked.dets")
	writeGoodFile(t, dir, path)
	holder, err := bolt.Open(path, 0o644, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := runDets(t, dir, `IO.inspect(:dets.open_file(:t, file: 'DIR/locked.dets'), width: :infinity)`)
	holder.Close()
	if want := "{:error, {:file_error, 'DIR/locked.dets', :eagain}}\n"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	got = runDets(t, dir, `IO.inspect(:dets.open_file(:t, file: 'DIR/locked.dets'), width: :infinity)`)
	if want := "{:ok, :t}\n"; got != want {
		t.Errorf("after the holder closed it: got %s, want %s", got, want)
	}
}

// TestDetsClosedWithLastUser: a table closes when the last process that
// opened it exits, which releases the file (another open of it by a new
// VM, as after a restart, succeeds); before that the table is usable by
// any process. Expectations from Erlang's :dets on the same program.
func TestDetsClosedWithLastUser(t *testing.T) {
	dir := t.TempDir()
	got := runDets(t, dir, `
		parent = self()
		pid = spawn(fn ->
			{:ok, _} = :dets.open_file(:p, file: 'DIR/p.dets')
			send(parent, :opened)
			receive do :go -> :ok end
		end)
		receive do :opened -> :ok end
		IO.inspect(:dets.insert(:p, {:a, 1}))
		IO.inspect(:dets.close(:p))
		ref = Process.monitor(pid)
		send(pid, :go)
		receive do {:DOWN, ^ref, _, _, _} -> :ok end
		IO.inspect(:dets.info(:p))
		IO.inspect(:dets.open_file(:p, file: 'DIR/p.dets'), width: :infinity)
		IO.inspect(:dets.lookup(:p, :a))
	`)
	want := ":ok\n{:error, :not_owner}\n:undefined\n{:ok, :p}\n[a: 1]\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
