package clause

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"dyad/internal/doc"
	"dyad/internal/text"
)

// Describe renders a parse for tests and --explain.
func describe(txt string, toks []doc.Token, p Parse) string {
	var b strings.Builder
	np := func(i int) string {
		if i < 0 {
			return "-"
		}
		x := p.NPs[i]
		return txt[toks[x.First].Start:toks[x.Last-1].End]
	}
	for _, pr := range p.Preds {
		fmt.Fprintf(&b, "[%s", pr.Lemma)
		if pr.Voice == Passive {
			b.WriteString(" PASS")
		}
		if pr.Negated {
			b.WriteString(" NEG")
		}
		if pr.Modality != Asserted {
			b.WriteString(" " + pr.Modality.String())
		}
		fmt.Fprintf(&b, " subj=%s obj=%s", np(pr.Subject), np(pr.Object))
		if pr.Agent >= 0 {
			fmt.Fprintf(&b, " by=%s", np(pr.Agent))
		}
		for _, a := range pr.Args {
			fmt.Fprintf(&b, " %s=%s", a.Prep, np(a.NP))
		}
		if pr.Xcomp >= 0 {
			fmt.Fprintf(&b, " xcomp=%s", p.Preds[pr.Xcomp].Lemma)
		}
		if pr.Comp >= 0 {
			fmt.Fprintf(&b, " comp=%s", p.Preds[pr.Comp].Lemma)
		}
		b.WriteString("] ")
	}
	return strings.TrimSpace(b.String())
}

func TestDebugSeed(t *testing.T) {
	f := os.Getenv("CLAUSE_DEBUG")
	if f == "" {
		t.Skip("set CLAUSE_DEBUG=file to print parses")
	}
	data, _ := os.ReadFile(f)
	txt := string(data)
	m, _ := text.DefaultModel()
	an := text.NewAnalyzer(m)
	for i, s := range an.Analyze(txt) {
		p := ParseSentence(txt, s.Tokens, nil)
		fmt.Printf("%d %s\n   %s\n", i, s.Span.In(txt)[:min(90, s.Span.Len())], describe(txt, s.Tokens, p))
	}
}
