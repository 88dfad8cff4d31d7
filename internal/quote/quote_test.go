package quote

import (
	"strings"
	"testing"

	"dyad/internal/clause"
	"dyad/internal/doc"
	"dyad/internal/kb"
	"dyad/internal/text"
)

func find(t testing.TB, txt string) []doc.Quote {
	t.Helper()
	m, err := text.DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	k, errs := kb.Default(nil)
	if len(errs) > 0 {
		t.Fatal(errs[0])
	}
	d := &doc.Document{ID: "d", Date: "2016-05-01", Text: txt}
	var ss []Sentence
	for _, s := range text.NewAnalyzer(m).Analyze(txt) {
		ms := k.Actors.Match(txt, s.Tokens, nil)
		ss = append(ss, Sentence{S: s, Mentions: ms, Parse: clause.ParseSentence(txt, s.Tokens, ms)})
	}
	return Find(d, ss, k)
}

// Sentences written here; each case lists content => speaker code for
// every quote.
func TestFind(t *testing.T) {
	tests := []struct{ in, want string }{
		{`"We will not retreat," the Iranian president said.`, `We will not retreat, => IRNGOV`},
		{`Chile's foreign minister said: "The border is closed."`, `The border is closed. => CHLGOV`},
		{`“Talks are over,” said the Peruvian ambassador, the state agency reported.`, `Talks are over, => PERGOV`},
		{"\"No comment.\" The reporters left.", `No comment. => -`},
		{"The president of Mexico spoke.\n“We reject the tariffs.”\n“They hurt our farmers,” he said.",
			`We reject the tariffs. => - | They hurt our farmers, => MEXGOV`},
		{`Officials called the deal "a disgrace" on Monday.`, `a disgrace => GOV`},
		{`Critics of the "war on terror" met on Monday.`, `war on terror => -`},
		{`He took issue with what the Iranian president called "evil intentions".`, `evil intentions => IRNGOV`},
		{`"Unclosed quote runs to the end`, `Unclosed quote runs to the end => -`},
		// Reported speech.
		{`The Chilean foreign minister said on Monday that the border would stay closed.`, `the border would stay closed => CHLGOV`},
		{`Peru will not sign the treaty, the Peruvian ambassador told reporters.`, `Peru will not sign the treaty => PERGOV`},
		{`According to Reuters, Chile closed the border.`, `Chile closed the border => GBRJRNRTR`},
		{`Chile closed the border, according to Reuters.`, `Chile closed the border => GBRJRNRTR`},
		{`The minister said the border was "closed for good".`, `the border was "closed for good" => GOV | closed for good => GOV`},
		{`The minister said: "The border is closed."`, `The border is closed. => GOV`},
		{`Nobody said anything.`, ``},
	}
	for _, tc := range tests {
		var got []string
		for _, q := range find(t, tc.in) {
			sp := "-"
			if q.Speaker != nil {
				sp = q.Speaker.Code
			}
			got = append(got, q.Content.Text+" => "+sp)
			if q.Content.Span.In(tc.in) != q.Content.Text {
				t.Errorf("content span %v is not its text in %q", q.Content.Span, tc.in)
			}
		}
		if g := strings.Join(got, " | "); g != tc.want {
			t.Errorf("Find(%q) = %q; want %q", tc.in, g, tc.want)
		}
	}
}

// FuzzFind: unbalanced marks, no speakers, long quotes: no panic, spans
// inside the text and in order.
func FuzzFind(f *testing.F) {
	for _, s := range []string{`"a," he said.`, `“““`, `"`, "”x“", "\"a\n\n\"b\"", strings.Repeat("\"line\n", 50)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		last := 0
		for _, q := range quoteSpans(s) {
			if q.content.Start < last || q.content.End > len(s) || q.content.Start >= q.content.End {
				t.Fatalf("quoteSpans(%q): bad span %v", s, q.content)
			}
			last = q.content.End
		}
	})
}

// A 10,000-line quote is found in linear time, not a hang.
func TestLongQuote(t *testing.T) {
	txt := "\"" + strings.Repeat("they refused the offer and left\n\"", 10000) + "end,\" he said."
	qs := quoteSpans(txt)
	if len(qs) != 10001 {
		t.Errorf("got %d quotes; want 10001 (one per paragraph)", len(qs))
	}
}
