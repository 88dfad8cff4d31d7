package pipeline

import (
	"context"
	"fmt"
	"iter"
	"strings"
	"testing"

	"dyad/internal/code"
	"dyad/internal/doc"
	"dyad/internal/kb"
	"dyad/internal/text"
)

// testConfig uses the embedded countries and agents and a few verb
// patterns written here, so the test does not move with verbs.txt.
func testConfig(t testing.TB) Config {
	t.Helper()
	m, err := text.DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	k := kb.New()
	k.Verbs.Validate = code.Valid
	for _, f := range []string{"data/countries.txt", "data/agents.txt"} {
		b, err := kb.Data.ReadFile(f)
		if err != nil {
			t.Skipf("%s not embedded yet", f)
		}
		if errs := k.AddFile(f, b); len(errs) > 0 {
			t.Fatalf("%s: %v", f, errs)
		}
	}
	const verbs = `
125 Reject proposal to meet, discuss, or negotiate
    pattern: refuse + offer | reject + offer
036 Express intent to meet or negotiate
    pattern: offer + to discuss
190 Use conventional military force, not specified below
    pattern: attack
9999 Not a code
    pattern: fly
`
	errs := k.AddFile("verbs-test.txt", []byte(verbs))
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "verbs-test.txt:8: unknown CAMEO code \"9999\"") {
		t.Fatalf("verbs errors = %v; want one naming verbs-test.txt:8", errs)
	}
	return Config{Model: m, KB: k}
}

func TestCodeDocument(t *testing.T) {
	c := NewCoder(testConfig(t))
	d := doc.Document{ID: "t1", Date: "2014-09-16", Text: "Chile has refused an offer from Peru. Peruvian troops attacked Bolivian rebels and Chilean police. Norway said Sweden offered to discuss fishing with Denmark."}
	res, err := c.Code(d)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range res.Events {
		tgt := "-"
		if e.Target != nil {
			tgt = e.Target.Code
		}
		var rep []string
		for _, r := range e.ReportedBy {
			rep = append(rep, r.Code)
		}
		got = append(got, fmt.Sprintf("%s %s>%s %s %v", e.CAMEO, e.Source.Code, tgt, e.PLOVER, rep))
	}
	want := []string{
		"125 CHL>PER REJECT []",
		"190 PERMIL>BOLREB ASSAULT []",
		"190 PERMIL>CHLCOP ASSAULT []",
		"036 SWE>DNK AGREE [NOR]",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("events:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestRunOrderAndErrors(t *testing.T) {
	cfg := testConfig(t)
	var in iter.Seq2[doc.Document, error] = func(yield func(doc.Document, error) bool) {
		for i := range 20 {
			if i == 7 {
				if !yield(doc.Document{}, fmt.Errorf("doc7: broken")) {
					return
				}
				continue
			}
			if !yield(doc.Document{ID: fmt.Sprint(i), Text: "Peruvian troops attacked Bolivian rebels."}, nil) {
				return
			}
		}
	}
	var ids []string
	err := Run(context.Background(), cfg, 4, in, func(r doc.Result, err error) error {
		if err != nil {
			ids = append(ids, "err")
			return nil
		}
		ids = append(ids, r.Document.ID)
		if len(r.Events) != 1 {
			t.Errorf("doc %s: %d events", r.Document.ID, len(r.Events))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := "0 1 2 3 4 5 6 err 8 9 10 11 12 13 14 15 16 17 18 19"
	if strings.Join(ids, " ") != want {
		t.Errorf("order %v; want %s", ids, want)
	}
}

// The same sentence on two dates names two office-holders.
func TestRoleOnDate(t *testing.T) {
	cfg := testConfig(t)
	b, err := kb.Data.ReadFile("data/people.txt")
	if err != nil {
		t.Skip("people.txt not embedded")
	}
	if errs := cfg.KB.AddFile("data/people.txt", b); len(errs) > 0 {
		t.Fatal(errs[0])
	}
	c := NewCoder(cfg)
	const txt = "The Iranian president attacked Peruvian troops."
	for _, tc := range []struct{ date, want string }{
		{"2010-05-01", "ahmadinejad-mahmoud"},
		{"2016-05-01", "rouhani-hassan"},
	} {
		res, err := c.Code(doc.Document{ID: "d", Date: tc.date, Text: txt})
		if err != nil || len(res.Events) != 1 {
			t.Fatalf("%s: %v, %d events", tc.date, err, len(res.Events))
		}
		if src := res.Events[0].Source; src.Code != "IRNGOV" || src.Identifier != tc.want {
			t.Errorf("on %s the source is %s %q; want IRNGOV %q", tc.date, src.Code, src.Identifier, tc.want)
		}
	}
}
