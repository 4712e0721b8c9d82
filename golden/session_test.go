package golden

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// Shell sessions: every scripts/NAME.iex is piped into the shell,
//
//	goiex --clock=virtual < scripts/NAME.iex
//
// which echoes each input after its prompt, so the output is a readable
// transcript; it is compared with golden/NAME.iex.golden (same format
// and normalisation as the .exs goldens). The expectations are written by
// goiex (-update) and reviewed against iex 1.14: iex itself, fed the same
// lines, prints the same results and errors but no echo, its own banner
// and erl_eval stack lines (see scripts/README.iex.md).

func sessionScripts(t testing.TB) []string {
	paths, err := filepath.Glob(filepath.Join(moduleRoot, "scripts", "*.iex"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range paths {
		names = append(names, strings.TrimSuffix(filepath.Base(p), ".iex"))
	}
	sort.Strings(names)
	return names
}

func sessionGoldenPath(name string) string {
	return filepath.Join(moduleRoot, "golden", name+".iex.golden")
}

// runSession pipes a session script into the shell.
func runSession(name string) (Result, error) {
	ctx, cancel := context.WithTimeout(context.Background(), scriptTimeout)
	defer cancel()
	in, err := os.Open(filepath.Join(moduleRoot, "scripts", name+".iex"))
	if err != nil {
		return Result{}, err
	}
	defer in.Close()
	cmd := exec.CommandContext(ctx, goiexBin, "--clock=virtual")
	cmd.Dir = moduleRoot
	cmd.Stdin = in
	cmd.Env = append(os.Environ(), "NO_COLOR=1")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	if ctx.Err() != nil {
		return Result{}, fmt.Errorf("goiex --clock=virtual < scripts/%s.iex: timed out after %v\nstdout so far:\n%s",
			name, scriptTimeout, stdout.String())
	}
	r := Result{}
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		r.Exit = exit.ExitCode()
	case err != nil:
		return Result{}, err
	}
	r.Stdout, r.Stderr = Normalize(stdout.String(), stderr.String())
	return r, nil
}

func TestSessions(t *testing.T) {
	if *recordElixir {
		t.Skip("session transcripts are recorded from goiex (-update) and reviewed against iex")
	}
	for _, name := range sessionScripts(t) {
		if *only != "" && !strings.Contains(name, *only) {
			continue
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if buildErr != nil {
				t.Fatal(buildErr)
			}
			got, err := runSession(name)
			if err != nil {
				t.Fatal(err)
			}
			data, readErr := os.ReadFile(sessionGoldenPath(name))
			want, parseErr := Parse(string(data))
			if *update {
				if readErr != nil || parseErr != nil || !sameOutput(got, want) {
					got.Header = "recorded from goiex, reviewed against iex 1.14: goiex --clock=virtual < scripts/" + name + ".iex"
					if err := os.WriteFile(sessionGoldenPath(name), []byte(Format(got)), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				return
			}
			if readErr != nil {
				t.Fatalf("%v (write it with -update, then review it)", readErr)
			}
			if parseErr != nil {
				t.Fatalf("%s: %v", sessionGoldenPath(name), parseErr)
			}
			compare(t, name+".iex", got, want)
		})
	}
}
