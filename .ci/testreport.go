//go:build ignore

// Command testreport reads `go test -json` on stdin and prints what a
// person needs from it: each package's closing line, the whole output of
// every test that failed, and then every test that skipped, with its
// reason, and a closing "tests: N passed, N failed, N skipped". It exits 1
// when a test, a package or a build failed.
//
//	go test -json ./... | go run .ci/testreport.go
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
)

type event struct {
	Action     string
	Package    string
	ImportPath string // build-output, build-fail
	Test       string
	Output     string
}

func main() {
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	buf := map[string][]string{} // a running test's output, by package and name
	var skips []string
	passed, failed, skipped := 0, 0, 0
	bad := false
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		var e event
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			// Not JSON: go test's own message (a bad pattern, say).
			fmt.Fprintln(out, sc.Text())
			continue
		}
		key := e.Package + " " + e.Test
		switch {
		case e.Action == "build-output":
			out.WriteString(e.Output)
		case e.Action == "build-fail":
			bad = true
		case e.Test == "":
			// The package's own lines: "ok  dyad/x 1.2s", "FAIL dyad/x",
			// a panic outside any test.
			if e.Action == "output" && e.Output != "PASS\n" {
				out.WriteString(e.Output)
			}
			if e.Action == "fail" {
				bad = true
			}
		case e.Action == "output":
			buf[key] = append(buf[key], e.Output)
		case e.Action == "pass":
			passed++
			delete(buf, key)
		case e.Action == "fail":
			failed++
			bad = true
			fmt.Fprintf(out, "--- %s %s failed:\n%s", e.Package, e.Test, strings.Join(buf[key], ""))
			delete(buf, key)
		case e.Action == "skip":
			skipped++
			var why []string
			for _, l := range buf[key] {
				t := strings.TrimSpace(l)
				if t == "" || strings.HasPrefix(t, "=== ") || strings.HasPrefix(t, "--- SKIP") {
					continue
				}
				why = append(why, t)
			}
			skips = append(skips, fmt.Sprintf("  %s %s: %s", e.Package, e.Test, strings.Join(why, " / ")))
			delete(buf, key)
		}
	}
	if err := sc.Err(); err != nil {
		fmt.Fprintln(out, "testreport:", err)
		bad = true
	}
	slices.Sort(skips)
	fmt.Fprintf(out, "\nskipped tests (%d), and why:\n", len(skips))
	for _, s := range skips {
		fmt.Fprintln(out, s)
	}
	fmt.Fprintf(out, "tests: %d passed, %d failed, %d skipped\n", passed, failed, skipped)
	if bad {
		out.Flush()
		os.Exit(1)
	}
}
