package validate

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dyad/internal/clause"
	"dyad/internal/doc"
	"dyad/internal/text"
)

// TestDebugRecords prints, for the records VALIDATE_DEBUG names (comma
// separated ids, or "all"), the tagged tokens, mentions, predicates and
// events dyad finds: a tool for working on the suite's failures.
func TestDebugRecords(t *testing.T) {
	ids := os.Getenv("VALIDATE_DEBUG")
	if ids == "" {
		t.Skip("set VALIDATE_DEBUG=ID,ID to print how records are coded")
	}
	suite, k := realSuite(t)
	m, _ := text.DefaultModel()
	an := text.NewAnalyzer(m)
	for _, rec := range suite.Records {
		if ids != "all" && !strings.Contains(","+ids+",", ","+rec.ID+",") {
			continue
		}
		fmt.Printf("== %s %s\n", rec.ID, rec.Text)
		for _, s := range an.Analyze(rec.Text) {
			var b strings.Builder
			for _, tk := range s.Tokens {
				fmt.Fprintf(&b, "%s/%s/%s ", tk.Text(rec.Text), tk.Tag, tk.Lemma)
			}
			fmt.Println("  ", b.String())
			ms := k.Actors.Match(rec.Text, s.Tokens, nil)
			for _, mn := range ms {
				fmt.Printf("   mention %q %s %s %s..%s\n", mn.Span.In(rec.Text), mn.Kind, mn.Code, mn.From, mn.To)
			}
			p := clause.ParseSentence(rec.Text, s.Tokens, ms)
			np := func(i int) string {
				if i < 0 {
					return "-"
				}
				x := p.NPs[i]
				return rec.Text[s.Tokens[x.First].Start:s.Tokens[x.Last-1].End]
			}
			for _, pr := range p.Preds {
				fmt.Printf("   pred %q %s subj=%q obj=%q", pr.Lemma, pr.Voice, np(pr.Subject), np(pr.Object))
				if pr.Agent >= 0 {
					fmt.Printf(" by=%q", np(pr.Agent))
				}
				for _, a := range pr.Args {
					fmt.Printf(" %s=%q", a.Prep, np(a.NP))
				}
				fmt.Printf(" xcomp=%d comp=%d parent=%d inf=%v\n", pr.Xcomp, pr.Comp, pr.Parent, pr.Infinitive)
			}
		}
		rep, _ := Run(t.Context(), &Suite{Records: []Record{rec}}, m, k, nil)
		fmt.Printf("   expected %s; got %s\n", expectString(&rec), eventsString(rep.Results[0].Got))
		_ = doc.NoTag
	}
}

// suitePath is the PETRARCH unit-test suite in ../shared.
var suitePath = filepath.Join("..", "..", "..", "shared", "testdata", "petrarch", "PETR.UnitTest.records.xml")
