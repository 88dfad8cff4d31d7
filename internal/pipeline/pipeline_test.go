package pipeline

import (
	"context"
	"fmt"
	"iter"
	"math/rand/v2"
	"slices"
	"strconv"
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

// pairwiseQuotes is attachQuotes as it was: every event against every
// quote. The sweep must point every event to the same quote.
func pairwiseQuotes(res *doc.Result) {
	for i := range res.Events {
		e := &res.Events[i]
		var q *doc.Quote
		for qi := range res.Quotes {
			c := res.Quotes[qi].Content.Span
			if e.Verb.Span.Start < c.Start || e.Verb.Span.End > c.End {
				continue
			}
			if q == nil || c.Len() < q.Content.Span.Len() {
				q = &res.Quotes[qi]
			}
		}
		if q == nil {
			continue
		}
		e.QuoteID = q.ID
		if len(e.ReportedBy) == 0 && q.Speaker != nil {
			e.ReportedBy = append([]doc.Actor{*q.Speaker}, q.Via...)
			if e.Status == "asserted" {
				e.Status = "claimed"
			}
		}
	}
}

// TestAttachQuotesPairwise checks attachQuotes against every pair of
// event and quote compared, on random nested and overlapping spans.
func TestAttachQuotesPairwise(t *testing.T) {
	r := rand.New(rand.NewPCG(16, 8))
	attached := 0
	for round := range 300 {
		var res doc.Result
		for i := range r.IntN(20) {
			start := r.IntN(200)
			q := doc.Quote{ID: "d#q" + strconv.Itoa(i+1), Content: doc.Phrase{Span: doc.Span{Start: start, End: start + 1 + r.IntN(60)}}}
			if r.IntN(2) == 0 {
				q.Speaker = &doc.Actor{Code: "IRNGOV" + strconv.Itoa(i)}
			}
			res.Quotes = append(res.Quotes, q)
		}
		slices.SortStableFunc(res.Quotes, func(a, b doc.Quote) int { return a.Content.Span.Start - b.Content.Span.Start })
		for range r.IntN(30) {
			start := r.IntN(220)
			res.Events = append(res.Events, doc.Event{Status: "asserted", Verb: doc.Phrase{Span: doc.Span{Start: start, End: start + 1 + r.IntN(8)}}})
		}
		want := doc.Result{Quotes: res.Quotes, Events: slices.Clone(res.Events)}
		pairwiseQuotes(&want)
		attachQuotes(&res)
		for i := range res.Events {
			g, w := res.Events[i], want.Events[i]
			if g.QuoteID != w.QuoteID || g.Status != w.Status || len(g.ReportedBy) != len(w.ReportedBy) {
				t.Fatalf("round %d: event %d at %v: quote %q %s %d reporters; want %q %s %d (pairwise)",
					round, i, g.Verb.Span, g.QuoteID, g.Status, len(g.ReportedBy), w.QuoteID, w.Status, len(w.ReportedBy))
			}
			if g.QuoteID != "" {
				attached++
			}
		}
	}
	if attached < 100 {
		t.Errorf("%d events attached; want enough to test the sweep (100 or more)", attached)
	}
}
