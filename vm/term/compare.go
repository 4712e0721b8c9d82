package term

// INTERIM (owner: the term helper): Compare, Equal, Identical and
// CompareMapKeys with Elixir's exact semantics.

// CompareMapKeys orders map keys as Erlang does (integers before floats of
// equal value, so 1 and 1.0 are different keys).
func CompareMapKeys(a, b Term) int { return Compare(a, b) }

// Compare orders any two terms as Elixir's <, ==, > do: -1, 0 or 1.
func Compare(a, b Term) int {
	if a.IsSmallInt() && b.IsSmallInt() {
		x, y := a.SmallInt(), b.SmallInt()
		switch {
		case x < y:
			return -1
		case x > y:
			return 1
		}
		return 0
	}
	panic("term.Compare: not yet implemented")
}

// Equal is Elixir's == (1 == 1.0).
func Equal(a, b Term) bool { return Compare(a, b) == 0 }

// Identical is Elixir's === (1 !== 1.0) and the matching used by patterns.
func Identical(a, b Term) bool { return a == b }
