package text

import (
	"testing"

	"dyad/internal/doc"
)

// BenchmarkSegment segments the 125 Guardian articles with one Segmenter and
// one reused buffer, as a pipeline worker does.
func BenchmarkSegment(b *testing.B) {
	_, texts := guardianTexts(b)
	var size int64
	for _, t := range texts {
		size += int64(len(t))
	}
	var s Segmenter
	dst := make([]doc.Token, 0, DefaultMaxSentenceTokens)
	var toks, sents int
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		toks, sents = 0, 0
		for _, t := range texts {
			s.Reset(t)
			for {
				var ok bool
				dst, _, ok = s.Next(dst)
				if !ok {
					break
				}
				toks += len(dst)
				sents++
			}
		}
	}
	sec := b.Elapsed().Seconds()
	b.ReportMetric(float64(toks)*float64(b.N)/sec, "tokens/s")
	b.ReportMetric(float64(sents)*float64(b.N)/sec, "sentences/s")
}

// BenchmarkTokenize measures the tokenizer alone over the same articles.
func BenchmarkTokenize(b *testing.B) {
	_, texts := guardianTexts(b)
	var size int64
	for _, t := range texts {
		size += int64(len(t))
	}
	var z tokenizer
	var it item
	var toks int
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		toks = 0
		for _, t := range texts {
			z.reset(t)
			for z.next(&it) {
				toks++
			}
		}
	}
	b.ReportMetric(float64(toks)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
