package parse

import (
	"testing"

	"dyad/internal/doc"
	"dyad/internal/text"
)

// BenchmarkParse parses GUM news (held out from training) from dyad's
// predicted tags, one goroutine; tags are computed outside the loop.
func BenchmarkParse(b *testing.B) {
	tb := readTreebank(b, "gum/news.conllu")
	tm, err := text.DefaultModel()
	if err != nil {
		b.Fatal(err)
	}
	tg := text.NewTagger(tm)
	tags := make([][]doc.Tag, len(tb))
	tokens := 0
	for i, t := range tb {
		tags[i] = append([]doc.Tag(nil), tg.TagWords(t.Words, t.SpaceAfter)...)
		tokens += len(t.Words)
	}
	p := NewParser(mustModel(b))
	heads := make([]int32, 512)
	rels := make([]doc.Rel, 512)
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cpuTime()
	for b.Loop() {
		for i, t := range tb {
			n := len(t.Words)
			p.ParseWords(t.Words, tags[i], heads[:n], rels[:n])
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	if c := cpuTime() - cpu; c > 0 {
		// Per CPU second: what one core does when the machine is shared.
		b.ReportMetric(float64(tokens)*float64(b.N)/c.Seconds(), "tokens/cpu-s")
	}
	b.ReportMetric(0, "ns/op")
}
