package golden

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkScripts runs each program in scripts/bench/ through the goiex
// binary under the real clock, one whole run per iteration (startup
// included). For the comparison with Elixir, use scripts/bench.sh.
//
//	go test ./golden -run '^$' -bench Scripts -benchtime 3x
func BenchmarkScripts(b *testing.B) {
	if buildErr != nil {
		b.Fatal(buildErr)
	}
	paths, err := filepath.Glob(filepath.Join(moduleRoot, "scripts", "bench", "*.exs"))
	if err != nil {
		b.Fatal(err)
	}
	for _, p := range paths {
		name := strings.TrimSuffix(filepath.Base(p), ".exs")
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				cmd := exec.Command(goiexBin, "run", "--clock=real", "scripts/bench/"+name+".exs")
				cmd.Dir = moduleRoot
				if out, err := cmd.CombinedOutput(); err != nil {
					b.Fatalf("%s: %v\n%s", name, err, out)
				}
			}
		})
	}
}
