package term

import "testing"

// inspectCases (inspect_cases_test.go) is generated from Elixir 1.14.0 /
// OTP 25 by testdata/gen_inspect_cases.exs over testdata/inspect_cases.txt.
type inspectCase struct {
	expr, opts string
	o          InspectOptions
	term       Term
	want       string
}

func TestInspectRecorded(t *testing.T) {
	for _, c := range inspectCases {
		if got := InspectWith(c.term, c.o); got != c.want {
			t.Errorf("inspect(%s, %s):\ngot:\n%s\nwant:\n%s", c.expr, c.opts, got, c.want)
		}
	}
}
