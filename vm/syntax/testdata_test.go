package syntax

import (
	"os"
	"path/filepath"
	"testing"
)

// TestTestdata parses every testdata/*.exs file: the code examples of
// the seed articles and a tour of the syntax (all valid Elixir 1.14).
func TestTestdata(t *testing.T) {
	files, err := filepath.Glob("testdata/*.exs")
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata files: %v", err)
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		b, err := Parse(f, src)
		if err != nil {
			t.Errorf("%s: %v", f, err.(*Error).Format())
			continue
		}
		if len(b.Exprs) == 0 {
			t.Errorf("%s: parsed to nothing", f)
		}
	}
}

// BenchmarkParse parses a 2,000-line file made of copies of
// testdata/features.exs.
func BenchmarkParse(b *testing.B) {
	one, err := os.ReadFile("testdata/features.exs")
	if err != nil {
		b.Fatal(err)
	}
	var src []byte
	lines := 0
	for lines < 2000 {
		src = append(src, one...)
		for _, c := range one {
			if c == '\n' {
				lines++
			}
		}
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("bench.exs", src); err != nil {
			b.Fatal(err)
		}
	}
}
