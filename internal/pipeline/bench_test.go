package pipeline

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"dyad/internal/clause"
	"dyad/internal/doc"
	"dyad/internal/kb"
	"dyad/internal/quote"
	"dyad/internal/testenv"
)

func guardianDocs(tb testing.TB) []doc.Document {
	tb.Helper()
	p := filepath.Join("..", "..", "..", "shared", "corpus", "guardian-dev.jsonl")
	f, err := os.Open(p)
	if err != nil {
		testenv.Absent(tb, "shared corpus not found at %s (tests that need ../shared skip without it)", p)
	}
	defer f.Close()
	var out []doc.Document
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		var d doc.Document
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			tb.Fatal(err)
		}
		out = append(out, d)
	}
	return out
}

// BenchmarkCode is the whole path, text to events, on one core, with the
// embedded dictionaries, over the 125 Guardian articles.
func BenchmarkCode(b *testing.B) { benchCode(b, embeddedConfig(b)) }

// benchCode codes the Guardian articles with cfg on one core and reports
// sentences and events per second.
func benchCode(b *testing.B, cfg Config) {
	docs := guardianDocs(b)
	c := NewCoder(cfg)
	sentences, events := 0, 0
	for _, d := range docs {
		r, _ := c.Code(d)
		sentences += len(r.Sentences)
		events += len(r.Events)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			c.Code(d)
		}
	}
	sec := b.Elapsed().Seconds()
	b.ReportMetric(float64(sentences)*float64(b.N)/sec, "sentences/s")
	b.ReportMetric(float64(events)*float64(b.N)/sec, "events/s")
}

// embeddedConfig is the configuration dyad runs with: the embedded tagger
// model and dictionaries.
func embeddedConfig(tb testing.TB) Config {
	tb.Helper()
	cfg, err := Default()
	if err != nil {
		tb.Fatal(err)
	}
	return cfg
}

// BenchmarkQuoteShare measures what quotations add to coding: the whole
// path over the Guardian articles, then the quote stage alone (quote.Find
// and attaching events to quotes) over the same analysed sentences.
// added-% is the quote stage's time over the time of everything else;
// the issue asks for at most 30.
func BenchmarkQuoteShare(b *testing.B) {
	docs := guardianDocs(b)
	c := NewCoder(embeddedConfig(b))
	type prepared struct {
		res doc.Result
		qs  []quote.Sentence
	}
	prep := make([]prepared, len(docs))
	for i, d := range docs {
		res, err := c.Code(d)
		if err != nil {
			b.Fatal(err)
		}
		qs := make([]quote.Sentence, len(res.Sentences))
		for si, s := range res.Sentences {
			ms := c.kb.Actors.Match(d.Text, s.Tokens, nil)
			qs[si] = quote.Sentence{S: s, Mentions: ms, Parse: clause.ParseSentence(d.Text, s.Tokens, ms)}
		}
		prep[i] = prepared{res, qs}
	}
	var whole, quotes time.Duration
	for b.Loop() {
		t0 := time.Now()
		for _, d := range docs {
			c.Code(d)
		}
		t1 := time.Now()
		for i := range prep {
			p := &prep[i]
			p.res.Quotes = quote.Find(&p.res.Document, p.qs, c.kb)
			attachQuotes(&p.res)
		}
		whole += t1.Sub(t0)
		quotes += time.Since(t1)
	}
	b.ReportMetric(100*quotes.Seconds()/(whole-quotes).Seconds(), "added-%")
}

// BenchmarkCodePhoenix is BenchmarkCode with the public Phoenix set
// (../shared/testdata/phoenix) loaded on top of the embedded dictionaries,
// as "dyad code -dict ../shared/testdata/phoenix" does: the speed at a
// real dictionary size (target: within 2x of BenchmarkCode).
func BenchmarkCodePhoenix(b *testing.B) {
	cfg := embeddedConfig(b)
	dir := filepath.Join("..", "..", "..", "shared", "testdata", "phoenix")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		testenv.Absent(b, "Phoenix dictionaries not found in %s (tests that need ../shared skip without it)", dir)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		if !kb.Readable(f, data) {
			continue
		}
		cfg.KB.AddFile(f, data) // bad lines of the files are reported by the kb tests
	}
	benchCode(b, cfg)
}
