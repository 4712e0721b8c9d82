package syntax

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestDebugPrint prints the parse of each snippet in $SYNTAX_DEBUG (a file
// of snippets separated by lines "---"); a tool for writing tests.
func TestDebugPrint(t *testing.T) {
	path := os.Getenv("SYNTAX_DEBUG")
	if path == "" {
		t.Skip("set SYNTAX_DEBUG to a snippet file")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	for _, s := range strings.Split(string(data), "\n---\n") {
		s = strings.TrimSuffix(s, "\n---")
		b, err := Parse("nofile", []byte(s))
		if err != nil {
			fmt.Fprintf(w, "%q => ERR %v (incomplete=%v)\n", s, err, err.(*Error).Incomplete)
			continue
		}
		fmt.Fprintf(w, "%q => %s\n", s, sexpr(b))
	}
}
