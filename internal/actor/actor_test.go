package actor

import (
	"strings"
	"testing"

	"dyad/internal/clause"
	"dyad/internal/doc"
	"dyad/internal/kb"
	"dyad/internal/text"
)

// The subject of each sentence, coded.
func TestActors(t *testing.T) {
	m, err := text.DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	k, errs := kb.Default(nil)
	if len(errs) > 0 {
		t.Fatal(errs[0])
	}
	an := text.NewAnalyzer(m)
	tests := []struct{ date, in, want string }{
		{"2016-01-01", "Iranian officials met.", "IRNGOV"},
		{"2016-01-01", "The Iranian president spoke.", "IRNGOV#rouhani-hassan"},
		{"2008-01-01", "The Iranian president spoke.", "IRNGOV#ahmadinejad-mahmoud"},
		{"2016-01-01", "Saudi Arabia and the UAE agreed.", "SAU ARE"},
		{"2016-01-01", "Ministers from Norway and Chile met.", "NORGOV CHLGOV"},
		{"2016-01-01", "Rebels attacked.", "REB"},
		{"2016-01-01", "Iran's nuclear programme grew.", ""},
		{"2016-01-01", "US forces withdrew.", "USAMIL"},
	}
	for _, tc := range tests {
		d := &doc.Document{ID: "t", Date: tc.date, Text: tc.in}
		s := an.Analyze(tc.in)[0]
		ms := k.Actors.Match(tc.in, s.Tokens, nil)
		p := clause.ParseSentence(tc.in, s.Tokens, ms)
		if len(p.Preds) == 0 {
			t.Fatalf("%q: no predicate", tc.in)
		}
		sc := Sentence{KB: k, Doc: d, S: s, Mentions: ms, P: p}
		var got []string
		for _, a := range sc.Actors(p.Preds[0].Subject) {
			c := a.Code
			if a.Identifier != "" && a.Identifier != a.Code {
				c += "#" + a.Identifier
			}
			got = append(got, c)
		}
		if g := strings.Join(got, " "); g != tc.want {
			t.Errorf("Actors(subject of %q on %s) = %q; want %q", tc.in, tc.date, g, tc.want)
		}
	}
}

// A dictionary code that holds only for a period codes only within it.
func TestDatedEntries(t *testing.T) {
	m, err := text.DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	k := kb.New()
	for _, e := range []kb.Entry{
		{Kind: doc.Organisation, Code: "XYZREB", Country: "XYZ", Sector: "REB", To: "2010-12-31"},
		{Kind: doc.Organisation, Code: "XYZGOV", Country: "XYZ", Sector: "GOV", From: "2011-01-01"},
	} {
		if err := k.Actors.Add("Freedom Front", e); err != nil {
			t.Fatal(err)
		}
	}
	const txt = "The Freedom Front attacked."
	s := text.NewAnalyzer(m).Analyze(txt)[0]
	ms := k.Actors.Match(txt, s.Tokens, nil)
	p := clause.ParseSentence(txt, s.Tokens, ms)
	for date, want := range map[string]string{"2005-06-01": "XYZREB", "2015-06-01": "XYZGOV"} {
		sc := Sentence{KB: k, Doc: &doc.Document{Date: date, Text: txt}, S: s, Mentions: ms, P: p}
		got := sc.Actors(p.Preds[0].Subject)
		if len(got) != 1 || got[0].Code != want {
			t.Errorf("on %s: %+v; want %s", date, got, want)
		}
	}
}
