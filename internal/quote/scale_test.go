package quote

import (
	"context"
	"errors"
	"math/rand/v2"
	"strings"
	"testing"

	"dyad/internal/clause"
	"dyad/internal/doc"
	"dyad/internal/kb"
	"dyad/internal/text"
)

// TestQuotedSearch checks inQuote and mostlyQuoted, which search the
// direct quotes by halves, against a scan of every quote.
func TestQuotedSearch(t *testing.T) {
	r := rand.New(rand.NewPCG(16, 9))
	for round := range 200 {
		var qs []doc.Quote // disjoint, in text order, as quoteSpans gives them
		at := 0
		for range r.IntN(12) {
			at += r.IntN(20)
			end := at + 1 + r.IntN(30)
			qs = append(qs, doc.Quote{Content: doc.Phrase{Span: doc.Span{Start: at, End: end}}})
			at = end + 1
		}
		for range 50 {
			p := r.IntN(at + 10)
			want := false
			for _, q := range qs {
				want = want || p >= q.Content.Span.Start && p < q.Content.Span.End
			}
			if got := inQuote(qs, p); got != want {
				t.Fatalf("round %d: inQuote(%v, %d) = %v; want %v", round, qs, p, got, want)
			}
			sp := doc.Span{Start: p, End: p + 1 + r.IntN(40)}
			n := 0
			for _, q := range qs {
				if lo, hi := max(q.Content.Span.Start, sp.Start), min(q.Content.Span.End, sp.End); hi > lo {
					n += hi - lo
				}
			}
			if got, want := mostlyQuoted(qs, sp), 2*n >= sp.Len(); got != want {
				t.Fatalf("round %d: mostlyQuoted(%v, %v) = %v; want %v", round, qs, sp, got, want)
			}
		}
	}
}

// TestFindContext: a done context stops the stage with its error.
func TestFindContext(t *testing.T) {
	m, err := text.DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	k, errs := kb.Default(nil)
	if len(errs) > 0 {
		t.Fatal(errs[0])
	}
	txt := strings.Repeat("\"We will not accept threats,\" the Iranian minister said. ", 50)
	d := &doc.Document{ID: "d", Date: "2016-05-01", Text: txt}
	var ss []Sentence
	for _, s := range text.NewAnalyzer(m).Analyze(txt) {
		ms := k.Actors.Match(txt, s.Tokens, nil)
		ss = append(ss, Sentence{S: s, Mentions: ms, Parse: clause.ParseSentence(txt, s.Tokens, ms)})
	}
	ctx, cancel := context.WithCancel(context.Background())
	if qs, err := FindContext(ctx, d, ss, k); err != nil || len(qs) != 50 {
		t.Fatalf("FindContext(live) = %d quotes, %v; want 50, nil", len(qs), err)
	}
	cancel()
	if qs, err := FindContext(ctx, d, ss, k); !errors.Is(err, context.Canceled) || qs != nil {
		t.Errorf("FindContext(cancelled) = %d quotes, %v; want none, context.Canceled", len(qs), err)
	}
}
