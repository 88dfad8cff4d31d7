package pipeline

import (
	"slices"
	"testing"
)

// syntaxFloor is the lowest exact accuracy (percent of cases) that
// TestSyntaxSet accepts on testdata/syntax-set.txt, a set of sentences
// written for dyad around the constructions that decide who did what to
// whom (issue 10). It is the accuracy measured when the set was written,
// rounded down, so the test pins today's level and fails on a regression;
// raise it when a change raises the accuracy. Measured 2026-12-07 with
// the shallow clause parser: 159 cases, exact 70 (44.0%), partial 99
// (62.3%); with the dependency parser's arcs merged in: exact 78 (49.1%),
// partial 103 (64.8%).
const syntaxFloor = 56

// syntaxKinds are the constructions of syntax-set.txt, in its order.
var syntaxKinds = []string{
	"svo", "ccomp", "nominal", "xcomp", "oblique", "partitive", "time",
	"appos", "conj", "passive", "past", "relcl", "copula",
}

// TestSyntaxSet codes every sentence of testdata/syntax-set.txt and scores
// it as TestPLOVERSet does, per construction.
func TestSyntaxSet(t *testing.T) {
	cases := readSet(t, "syntax-set.txt")
	for _, tc := range cases {
		if !slices.Contains(syntaxKinds, tc.kind) {
			t.Fatalf("testdata/syntax-set.txt:%d: kind %q is not one of %v", tc.line, tc.kind, syntaxKinds)
		}
	}
	s := scoreSet(t, cases, func(tc ploverCase) []string { return []string{tc.kind} }, syntaxKinds)
	t.Logf("syntax set: %d cases, exact %d (%.1f%%), partial %d (%.1f%%)",
		s.n, s.exact, pct(s.exact, s.n), s.partial, pct(s.partial, s.n))
	if acc := pct(s.exact, s.n); acc < syntaxFloor {
		t.Errorf("overall exact accuracy %.1f%% is below the floor %d%%", acc, syntaxFloor)
	}
}
