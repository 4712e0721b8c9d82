package builtins

import (
	"io"
	"strings"
	"testing"

	"goiex/vm"
	"goiex/vm/term"
)

// TestIO checks what IO's natives write and return; the expected output
// was printed by Elixir 1.14 for the same calls (see each case's source).
func TestIO(t *testing.T) {
	var stdout, stderr strings.Builder
	saved := writerFor
	writerFor = func(_ *vm.Process, toStderr bool) io.Writer {
		if toStderr {
			return &stderr
		}
		return &stdout
	}
	defer func() { writerFor = saved }()

	table := nativeTable(t)
	nums := make([]string, 30)
	for i := range nums {
		nums[i] = itoa(i + 1)
	}
	tests := []struct {
		src, stdout, stderr, result string
	}{
		{`IO.puts("hi")`, "hi\n", "", ":ok"},
		{`IO.puts(["an ", "iolist", ?!, [?\s, 0x1F600]])`, "an iolist! 😀\n", "", ":ok"},
		{`IO.puts(42)`, "42\n", "", ":ok"},
		{`IO.puts(1.5)`, "1.5\n", "", ":ok"},
		{`IO.puts(:stderr, "err")`, "", "err\n", ":ok"},
		{`IO.puts(:stdio, "out")`, "out\n", "", ":ok"},
		{`IO.puts(%{})`, "", "", "** (Protocol.UndefinedError) protocol String.Chars not implemented for %{} of type Map"},
		{`IO.puts([:a])`, "", "", `** (ArgumentError) errors were found at the given arguments:\n\n  * 2nd argument: not valid character data (an iodata term)\n`},
		{`IO.write(:abc)`, "abc", "", ":ok"},
		{`IO.write("")`, "", "", ":ok"},
		{`IO.inspect({:returns, :it})`, "{:returns, :it}\n", "", "{:returns, :it}"},
		{`IO.inspect([1, 2], label: "a label")`, "a label: [1, 2]\n", "", "[1, 2]"},
		{`IO.inspect("str", label: :atom_label)`, "atom_label: \"str\"\n", "", `"str"`},
		{`IO.inspect(:ok, label: "")`, ": :ok\n", "", ":ok"},
		{`IO.inspect(nil, label: nil)`, "nil\n", "", "nil"},
		{`IO.inspect('abc', label: "charlist")`, "charlist: 'abc'\n", "", "'abc'"},
		{`IO.inspect([1, 2, 3], limit: 2, label: :l)`, "l: [1, 2, ...]\n", "", "[1, 2, 3]"},
		{`IO.inspect(:stdio, "dev", [])`, "\"dev\"\n", "", `"dev"`},
		{`IO.inspect(:stderr, "dev", [])`, "", "\"dev\"\n", `"dev"`},
		{`IO.inspect(%{a: "x", b: [1, 2, 3]}, width: 10)`, "%{\n  a: \"x\",\n  b: [1,\n   2, 3]\n}\n", "", `%{a: "x", b: [1, 2, 3]}`},
		{`IO.inspect([` + strings.Join(nums, ", ") + `], label: "nums")`,
			"nums: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22,\n 23, 24, 25, 26, 27, 28, 29, 30]\n",
			"", "[" + strings.Join(nums, ", ") + "]"},
	}
	for _, tt := range tests {
		stdout.Reset()
		stderr.Reset()
		got := callCase(t, table, tt.src)
		if got != tt.result || stdout.String() != tt.stdout || stderr.String() != tt.stderr {
			t.Errorf("%s\n got: %s, stdout %q, stderr %q\nwant: %s, stdout %q, stderr %q",
				tt.src, got, stdout.String(), stderr.String(), tt.result, tt.stdout, tt.stderr)
		}
	}
}

// TestTime checks the time functions against a fixed clock.
func TestTime(t *testing.T) {
	savedMono, savedSys := monotonicNow, systemNow
	defer func() { monotonicNow, systemNow = savedMono, savedSys }()
	monotonicNow = func(*vm.Process) int64 { return 5_123_456_789 }
	systemNow = func(*vm.Process) int64 { return 1_700_000_000_123_456_789 }
	table := nativeTable(t)
	tests := []struct{ src, want string }{
		{`System.monotonic_time()`, "5123456789"},
		{`System.monotonic_time(:millisecond)`, "5123"},
		{`System.monotonic_time(:second)`, "5"},
		{`:erlang.monotonic_time(:microsecond)`, "5123456"},
		{`System.system_time(:second)`, "1700000000"},
		{`System.os_time(:millisecond)`, "1700000000123"},
		{`System.monotonic_time(:fortnight)`, `** (ArgumentError) errors were found at the given arguments:\n\n  * 1st argument: invalid time unit\n`},
		{`System.convert_time_unit(2500, :millisecond, :second)`, "2"},
	}
	for _, tt := range tests {
		if got := callCase(t, table, tt.src); got != tt.want {
			t.Errorf("%s = %s, want %s", tt.src, got, tt.want)
		}
	}
	_ = term.Nil
}
