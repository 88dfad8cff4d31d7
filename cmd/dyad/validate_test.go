package main

import (
	"strings"
	"testing"
)

func TestValidateTiny(t *testing.T) {
	code, out, errs := runDyad(t, "", "validate", "../../internal/validate/testdata/tiny.xml")
	if code != 0 {
		t.Fatalf("dyad validate exit %d; stderr %s", code, errs)
	}
	if !strings.HasSuffix(out, "9 passed, 1 failed\n") || !strings.Contains(out, "FAIL T-05 (BASIC): expected ZEM>VOR 041, VOR>ZEM 041; got ZEM>VOR 041\n") {
		t.Errorf("dyad validate output:\n%s", out)
	}
	if code, _, _ := runDyad(t, "", "validate"); code != 2 {
		t.Errorf("dyad validate without a file: exit %d; want 2", code)
	}
	if code, _, errs := runDyad(t, "", "validate", "no-such-suite.xml"); code != 1 || !strings.Contains(errs, "no-such-suite.xml") {
		t.Errorf("dyad validate on a missing file: exit %d, stderr %q; want 1 and the name", code, errs)
	}
}
