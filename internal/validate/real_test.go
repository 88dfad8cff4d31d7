package validate

import (
	"os"
	"path/filepath"
	"testing"

	"dyad/internal/kb"
	"dyad/internal/testenv"
	"dyad/internal/text"
)

func realSuite(t testing.TB) (*Suite, *kb.KB) {
	t.Helper()
	f, err := os.Open(suitePath)
	if err != nil {
		testenv.Absent(t, "PETRARCH suite not found at %s (tests that need ../shared skip without it)", suitePath)
	}
	defer f.Close()
	s, err := Parse(f, suitePath)
	if err != nil {
		t.Fatal(err)
	}
	k, _ := s.Dictionaries(os.DirFS(filepath.Dir(suitePath)), ".")
	return s, k
}

// passFloor is the pass count dyad reached on the PETRARCH unit-test
// suite; the test fails when a change codes fewer records right.
const passFloor = 245

func TestPETRARCHUnitSuite(t *testing.T) {
	s, k := realSuite(t)
	if len(s.Records) != 284 {
		t.Errorf("records = %d; want 284", len(s.Records))
	}
	m, err := text.DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Run(t.Context(), s, m, k, Differences(filepath.Base(suitePath)))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d passed, %d failed (%.1f%%)", rep.Passed, rep.Failed, 100*float64(rep.Passed)/float64(len(s.Records)))
	for _, c := range rep.ByCategory() {
		t.Logf("%-10s %3d passed, %3d failed", c.Category, c.Passed, c.Failed)
	}
	ids := map[string]bool{}
	for _, r := range s.Records {
		ids[r.ID] = true
	}
	for id := range Differences(filepath.Base(suitePath)) {
		if !ids[id] {
			t.Errorf("differs.txt lists %s, which the suite does not have", id)
		}
	}
	if rep.Passed < passFloor {
		t.Errorf("%d records pass; want at least %d", rep.Passed, passFloor)
	}
}
