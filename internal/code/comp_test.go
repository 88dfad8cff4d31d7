package code

import (
	"strconv"
	"strings"
	"testing"

	"dyad/internal/clause"
	"dyad/internal/doc"
	"dyad/internal/kb"
	"dyad/internal/text"
)

// arcCase is a sentence, its arcs written by hand as a parser would give
// them ("" for a sentence not parsed), and its events as SOURCE>TARGET.
type arcCase struct{ in, arcs, want string }

// codeCases codes each case's sentence with the embedded dictionaries and
// checks its events' sources and targets.
func codeCases(t *testing.T, tests []arcCase) {
	t.Helper()
	m, err := text.DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	k, errs := kb.Default(Valid)
	if len(errs) > 0 {
		t.Fatal(errs[0])
	}
	an, c := text.NewAnalyzer(m), NewCoder(k)
	for _, tc := range tests {
		d := doc.Document{ID: "t", Date: "2019-03-21", Text: tc.in}
		var got []string
		for si, s := range an.Analyze(tc.in) {
			if tc.arcs != "" {
				f := strings.Fields(tc.arcs)
				if len(f) != len(s.Tokens) {
					t.Fatalf("%q: %d arcs for %d tokens", tc.in, len(f), len(s.Tokens))
				}
				for i, a := range f {
					h, r, _ := strings.Cut(a, ":")
					n, _ := strconv.Atoi(h)
					s.Tokens[i].Head = int16(n - 1)
					s.Tokens[i].Rel, _ = doc.ParseRel(r)
				}
			}
			ms := k.Actors.Match(tc.in, s.Tokens, nil)
			for _, e := range c.Sentence(&d, si, s, ms, clause.ParseSentence(tc.in, s.Tokens, ms)) {
				tgt := "-"
				if e.Target != nil {
					tgt = e.Target.Code
				}
				got = append(got, e.Source.Code+">"+tgt)
			}
		}
		if g := strings.Join(got, " "); g != tc.want {
			t.Errorf("Sentence(%q) = %q; want %q", tc.in, g, tc.want)
		}
	}
}

// TestCompTarget checks that a verb whose pattern names no target takes
// the subject of the clause it introduces: "X complained that Y ..."
// is about Y.
func TestCompTarget(t *testing.T) {
	codeCases(t, []arcCase{
		{"Venezuela complained that Colombia was sheltering rebels.",
			"2:nsubj 0:root 6:mark 6:nsubj 6:aux 2:ccomp 6:obj 2:punct",
			"VEN>COL"},
		{"North Korea threatened that the United States would face a firestorm.",
			"2:compound 3:nsubj 0:root 9:mark 8:det 8:compound 9:nsubj 9:aux 3:ccomp 11:det 9:obj 3:punct",
			"PRK>USA"},
		// A verb of saying is not coded; what it reports is.
		{"Iran said that Israel attacked Syria.",
			"2:nsubj 0:root 5:mark 5:nsubj 2:ccomp 5:obj 2:punct",
			"ISR>SYR"},
	})
}

// TestNominalAgent checks that a verb of reaction whose object names an
// act is aimed at the act's doer: a possessor, a "by" phrase, or the "of"
// phrase of an act without an object, never the victims of "of".
func TestNominalAgent(t *testing.T) {
	codeCases(t, []arcCase{
		{"Chile condemned Peru's blockade of the port.", "", "CHL>PER"},
		{"Chile rejected the blockade of the port by Peru.", "", "CHL>PER"},
		{"Chile criticised the withdrawal of Peruvian troops from the border.", "", "CHL>PERMIL"},
		// The victims of a killing are not who is condemned.
		{"Chile condemned the killing of Peruvian soldiers.", "", "CHL>-"},
	})
}
