package pipeline

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dyad/internal/doc"
	"dyad/internal/testenv"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// goldenLine renders an event as codes and byte spans only: golden files
// for texts in ../shared keep no text from them.
func goldenLine(e *doc.Event) string {
	tgt := "-"
	if e.Target != nil {
		tgt = fmt.Sprintf("%s@%d:%d", e.Target.Code, e.Target.Span.Start, e.Target.Span.End)
		if e.Target.Identifier != "" {
			tgt += "#" + e.Target.Identifier
		}
	}
	src := fmt.Sprintf("%s@%d:%d", e.Source.Code, e.Source.Span.Start, e.Source.Span.End)
	if e.Source.Identifier != "" {
		src += "#" + e.Source.Identifier
	}
	var rep []string
	for _, r := range e.ReportedBy {
		rep = append(rep, r.Code)
	}
	line := fmt.Sprintf("%s s%d %s %s %s -> %s verb@%d:%d %s %s reported_by=[%s]",
		shortID(e.ID), e.Sentence, e.CAMEO, e.PLOVER, src, tgt, e.Verb.Span.Start, e.Verb.Span.End,
		e.Status, e.Modality, strings.Join(rep, " "))
	if e.QuoteID != "" {
		line += " quote=" + shortID(e.QuoteID)
	}
	if len(e.Contests) > 0 {
		var ids []string
		for _, id := range e.Contests {
			ids = append(ids, shortID(id))
		}
		line += " contests=[" + strings.Join(ids, " ") + "]"
	}
	return line
}

// shortID drops the document part of an event or quote ID: "e3", "q1".
func shortID(id string) string { return id[strings.LastIndexByte(id, '#')+1:] }

// goldenQuote renders a quote as codes and byte spans.
func goldenQuote(q *doc.Quote) string {
	sp := "-"
	if q.Speaker != nil {
		sp = q.Speaker.Code
		if q.Speaker.Identifier != "" {
			sp += "#" + q.Speaker.Identifier
		}
	}
	var via []string
	for _, v := range q.Via {
		via = append(via, v.Code)
	}
	kind := "direct"
	if !q.Direct {
		kind = "indirect"
	}
	return fmt.Sprintf("%s %s content@%d:%d speaker=%s words@%d:%d cue@%d:%d via=[%s]",
		shortID(q.ID), kind, q.Content.Span.Start, q.Content.Span.End, sp,
		q.SpeakerText.Span.Start, q.SpeakerText.Span.End, q.Cue.Span.Start, q.Cue.Span.End, strings.Join(via, " "))
}

// TestSeedGolden pins dyad's whole output on the example article every
// part must handle. The golden file was reviewed by hand, false events
// included (see the comments in it); run with -update after a change and
// review the diff like code.
func TestSeedGolden(t *testing.T) {
	p := filepath.Join("..", "..", "..", "shared", "corpus", "seed-iran-coalition.txt")
	data, err := os.ReadFile(p)
	if err != nil {
		testenv.Absent(t, "shared corpus not found at %s (tests that need ../shared skip without it)", p)
	}
	c := NewCoder(embeddedConfig(t))
	// The article was published on 2014-09-16.
	res, err := c.Code(doc.Document{ID: "seed-iran-coalition", Date: "2014-09-16", Text: string(data)})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for i := range res.Events {
		b.WriteString(goldenLine(&res.Events[i]))
		b.WriteByte('\n')
	}
	for i := range res.Quotes {
		b.WriteString(goldenQuote(&res.Quotes[i]))
		b.WriteByte('\n')
	}
	golden := filepath.Join("testdata", "seed-iran-coalition.golden")
	if *update {
		// Keep the review notes at the top of the file.
		var notes strings.Builder
		if old, err := os.ReadFile(golden); err == nil {
			for _, l := range strings.SplitAfter(string(old), "\n") {
				if !strings.HasPrefix(l, "#") {
					break
				}
				notes.WriteString(l)
			}
		}
		if err := os.WriteFile(golden, []byte(notes.String()+b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got := b.String(); got != stripComments(string(want)) {
		t.Errorf("events differ from %s (go test ./internal/pipeline -run SeedGolden -update, then review the diff):\n%s", golden, got)
	}
}

// stripComments drops the '#' review notes of a golden file.
func stripComments(s string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.HasPrefix(l, "#") {
			continue
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}
