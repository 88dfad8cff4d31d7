// Package testenv decides what a test does when something it needs from
// outside the repository is absent: the shared corpus, treebanks and
// suites beside the checkout (../shared), a PostgreSQL server, a browser.
//
// On a developer's machine such a test skips with a message that says
// what is missing. Under DYAD_REQUIRE_ALL=1, which .ci/run sets, it fails
// instead, so that CI cannot go green on tests that never ran.
package testenv

import (
	"os"
	"testing"
)

// RequireAll is the environment variable that turns Absent's skips into
// failures when set to 1.
const RequireAll = "DYAD_REQUIRE_ALL"

// Absent stops tb because something it needs is absent, with a message
// saying what (fmt.Sprintf of format and args): a skip, or a failure under
// DYAD_REQUIRE_ALL=1.
func Absent(tb testing.TB, format string, args ...any) {
	tb.Helper()
	if os.Getenv(RequireAll) == "1" {
		tb.Fatalf("required by %s=1, but absent: "+format, append([]any{RequireAll}, args...)...)
	}
	tb.Skipf(format, args...)
}
