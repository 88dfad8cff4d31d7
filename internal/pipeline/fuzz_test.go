package pipeline

import (
	"encoding/json"
	"testing"
	"unicode/utf8"

	"dyad/internal/code"
	"dyad/internal/doc"
)

// FuzzCode runs any text through every stage: no panic, every span inside
// the text, every event valid JSON with a known CAMEO code.
func FuzzCode(f *testing.F) {
	c := NewCoder(embeddedConfig(f))
	for _, s := range []string{
		"Iran refused an offer from the United States.",
		"\"We reject it,\" said the minister, the agency reported, according to Reuters.",
		"Saudi Arabia and the UAE volunteered to conduct airstrikes alongside US forces.",
		"what he called what they called what", "( ( ) ) , , and and", "by by by was was been",
		"\xff\xfe broken", "", "they (the US) (the UK (the UN)) lied",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // ingest rejects invalid UTF-8 before coding
		}
		res, err := c.Code(doc.Document{ID: "f", Date: "2020-01-01", Text: s})
		if err != nil {
			t.Fatalf("Code(%q): %v", s, err)
		}
		in := func(sp doc.Span) bool { return 0 <= sp.Start && sp.Start <= sp.End && sp.End <= len(s) }
		for _, e := range res.Events {
			if !in(e.Source.Span) || !in(e.Verb.Span) || e.Target != nil && !in(e.Target.Span) {
				t.Fatalf("Code(%q): span outside the text: %+v", s, e)
			}
			if !code.Valid(e.CAMEO) {
				t.Fatalf("Code(%q): unknown CAMEO %q", s, e.CAMEO)
			}
			if _, err := json.Marshal(e); err != nil {
				t.Fatal(err)
			}
		}
	})
}
