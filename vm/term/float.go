package term

import (
	"math"
	"strconv"
	"strings"
)

// FloatToString renders a float as Elixir 1.14 does everywhere (inspect,
// to_string, interpolation): integral values from 1.0 up to 1.0e16 as
// "100.0"; everything else as the shortest digits that read back to the
// same float, in plain or exponent notation, whichever Erlang's
// io_lib_format:fwrite_g/1 finds shorter: 0.30000000000000004, 1.0e16,
// 1.0e-5, 0.0001, 1.5e300, -0.0.
func FloatToString(f float64) string {
	abs := math.Abs(f)
	if abs >= 1 && abs < 1e16 && math.Trunc(f) == f {
		return strconv.FormatInt(int64(f), 10) + ".0"
	}
	return fwriteG(f)
}

// fwriteG is io_lib_format:fwrite_g/1, which is float_to_list(F, [short])
// on OTP 25.
func fwriteG(f float64) string {
	if f == 0 {
		if math.Signbit(f) {
			return "-0.0"
		}
		return "0.0"
	}
	// Shortest round-trip digits: "d.ddde±x".
	e := strconv.FormatFloat(math.Abs(f), 'e', -1, 64)
	mant, exp, _ := strings.Cut(e, "e")
	digits := strings.Replace(mant, ".", "", 1)
	x, _ := strconv.Atoi(exp)
	s := insertDecimal(x+1, digits, math.Abs(f) < 1<<53)
	if f < 0 {
		return "-" + s
	}
	return s
}

// insertDecimal places the point in digits, where the value is
// 0.digits × 10^place, choosing exponent notation when it is shorter,
// and always for integral values of 2^53 and more (exact says the value
// is below), which a float cannot tell from their neighbours. This is
// the rule of OTP 25's float_to_list(F, [short]).
func insertDecimal(place int, s string, exact bool) string {
	if place == 0 {
		return "0." + s
	}
	l := len(s)
	if place > 0 && place < l {
		return s[:place] + "." + s[place:]
	}
	expL := strconv.Itoa(place - 1)
	expDot := 1
	if l == 1 {
		expDot = 2
	}
	expCost := len(expL) + 1 + expDot
	if place < 0 {
		if 2-place <= expCost {
			return "0." + strings.Repeat("0", -place) + s
		}
	} else if place-l+2 <= expCost && exact {
		return s + strings.Repeat("0", place-l) + ".0"
	}
	if l == 1 {
		return s + ".0e" + expL
	}
	return s[:1] + "." + s[1:] + "e" + expL
}
