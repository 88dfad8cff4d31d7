package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestCodeStopsOnSignal runs dyad code and dyad quotes over a 24 MB
// document, signals them once coding is under way, and checks that they
// stop within a second and a half with exit status 1 and a message
// naming the signal. Before, a 30 MB document ran 11 minutes deaf to
// SIGINT and SIGTERM (issue 16).
func TestCodeStopsOnSignal(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short mode: builds dyad and codes a 24 MB document")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "dyad")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	example, err := os.ReadFile(filepath.Join("..", "..", "examples", "harbour-talks.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	for i := 0; b.Len() < 24<<20; i++ {
		// The same article with other numbers, in paragraphs.
		b.WriteString(strings.ReplaceAll(string(example), "12 protesters", fmt.Sprintf("%d protesters", i)))
		b.WriteString("\n")
	}
	big := filepath.Join(dir, "big.txt")
	if err := os.WriteFile(big, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		cmd  string
		sig  syscall.Signal
		name string
	}{
		{"code", syscall.SIGINT, "interrupt"},
		{"code", syscall.SIGTERM, "terminated"},
		{"quotes", syscall.SIGINT, "interrupt"},
	} {
		t.Run(tc.cmd+"/"+tc.name, func(t *testing.T) {
			cmd := exec.Command(bin, tc.cmd, "-max-doc-bytes", "40000000", big)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case err := <-done:
				t.Fatalf("dyad %s ended before the signal (%v): %s", tc.cmd, err, stderr.String())
			case <-time.After(2 * time.Second): // the model and dictionaries load, coding starts
			}
			cmd.Process.Signal(tc.sig)
			t0 := time.Now()
			var err error
			select {
			case err = <-done:
			case <-time.After(30 * time.Second):
				cmd.Process.Kill()
				<-done
				t.Fatalf("dyad %s still running 30 s after %v", tc.cmd, tc.sig)
			}
			if late := time.Since(t0); late > 1500*time.Millisecond {
				t.Errorf("dyad %s stopped %v after %v; want within 1.5s", tc.cmd, late.Round(time.Millisecond), tc.sig)
			}
			if cmd.ProcessState.ExitCode() != 1 {
				t.Errorf("dyad %s after %v: exit %d (%v); want 1", tc.cmd, tc.sig, cmd.ProcessState.ExitCode(), err)
			}
			want := "dyad " + tc.cmd + ": stopped (" + tc.name + " signal received)"
			if !strings.Contains(stderr.String(), want) {
				t.Errorf("dyad %s after %v: stderr %q; want %q", tc.cmd, tc.sig, stderr.String(), want)
			}
		})
	}
}
