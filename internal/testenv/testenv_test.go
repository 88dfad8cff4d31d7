package testenv

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestAbsent runs itself in a child process, with and without
// DYAD_REQUIRE_ALL=1: a skip without, a failure naming what is absent
// with.
func TestAbsent(t *testing.T) {
	if os.Getenv("TESTENV_CHILD") == "1" {
		Absent(t, "the thing at %s is absent", "/nowhere")
		t.Log("not reached")
		return
	}
	for _, tc := range []struct {
		require string
		fail    bool
		want    string
	}{
		{"", false, "--- SKIP: TestAbsent"},
		{"0", false, "--- SKIP: TestAbsent"},
		{"1", true, "--- FAIL: TestAbsent"},
	} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestAbsent$", "-test.v")
		cmd.Env = append(os.Environ(), "TESTENV_CHILD=1", RequireAll+"="+tc.require)
		out, err := cmd.CombinedOutput()
		if (err != nil) != tc.fail || !strings.Contains(string(out), tc.want) ||
			!strings.Contains(string(out), "the thing at /nowhere is absent") || strings.Contains(string(out), "not reached") {
			t.Errorf("%s=%q: err %v, output:\n%s\nwant %q and the message", RequireAll, tc.require, err, out, tc.want)
		}
	}
}
