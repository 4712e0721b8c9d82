package builtins

import (
	"unicode"
	"unicode/utf8"
)

// Graphemes, approximately: a code point plus the marks, joiners,
// variation selectors and emoji modifiers that follow it, "\r\n", and
// pairs of regional indicators (flags). This covers accents, ZWJ emoji
// and flags; it does not implement every rule of UAX #29 (Hangul
// syllable sequences, for one, count one grapheme per jamo).

// isASCIISimple reports whether every byte of s is ASCII and there is no
// "\r" (so bytes and graphemes coincide).
func isASCIISimple(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf || s[i] == '\r' {
			return false
		}
	}
	return true
}

func extendsGrapheme(r rune) bool {
	return unicode.Is(unicode.M, r) || r == 0x200D ||
		r >= 0xFE00 && r <= 0xFE0F || r >= 0xE0100 && r <= 0xE01EF ||
		r >= 0x1F3FB && r <= 0x1F3FF || r >= 0xE0020 && r <= 0xE007F
}

func isRegionalIndicator(r rune) bool { return r >= 0x1F1E6 && r <= 0x1F1FF }

// nextGrapheme returns the length in bytes of the grapheme at the start
// of s (0 for an empty string). Invalid UTF-8 bytes are one grapheme each.
func nextGrapheme(s string) int {
	if s == "" {
		return 0
	}
	if s[0] < utf8.RuneSelf && s[0] != '\r' && (len(s) == 1 || s[1] < utf8.RuneSelf) {
		return 1
	}
	first, n := utf8.DecodeRuneInString(s)
	if first == '\r' {
		if len(s) > 1 && s[1] == '\n' {
			return 2
		}
		return 1
	}
	if first == utf8.RuneError && n <= 1 {
		return 1
	}
	prev := first
	ris := 0
	if isRegionalIndicator(first) {
		ris = 1
	}
	for n < len(s) {
		r, size := utf8.DecodeRuneInString(s[n:])
		switch {
		case r == utf8.RuneError && size <= 1:
			return n
		case extendsGrapheme(r):
		case prev == 0x200D && r > 0x7F:
		case isRegionalIndicator(r) && ris == 1:
			ris = 2
		default:
			return n
		}
		prev = r
		n += size
	}
	return n
}

// graphemes splits s into graphemes.
func graphemes(s string) []string {
	out := make([]string, 0, len(s))
	for s != "" {
		n := nextGrapheme(s)
		out = append(out, s[:n])
		s = s[n:]
	}
	return out
}

// graphemeCount is String.length/1.
func graphemeCount(s string) int {
	if isASCIISimple(s) {
		return len(s)
	}
	n := 0
	for s != "" {
		s = s[nextGrapheme(s):]
		n++
	}
	return n
}
