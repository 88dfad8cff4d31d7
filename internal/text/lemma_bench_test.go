package text

import (
	"testing"
)

// BenchmarkLemma lemmatizes the forms of the EWT test treebank under their
// gold tags, one token per operation, cycling through the corpus with one
// Lemmatizer, as a pipeline worker does. Arena chunks are the only
// allocations, and their cost is amortised below one per operation.
func BenchmarkLemma(b *testing.B) {
	gold := readLemmaGold(b, "en_ewt", "test.conllu")
	l := NewLemmatizer()
	i := 0
	b.ReportAllocs()
	for b.Loop() {
		g := &gold[i]
		l.Lemma(g.form, g.tag)
		if i++; i == len(gold) {
			i = 0
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N), "ns/token")
}

// BenchmarkLemmaCorpus lemmatizes the whole EWT test corpus per operation,
// to show the allocations one pass over 25,000 tokens costs.
func BenchmarkLemmaCorpus(b *testing.B) {
	gold := readLemmaGold(b, "en_ewt", "test.conllu")
	l := NewLemmatizer()
	b.ReportAllocs()
	for b.Loop() {
		for i := range gold {
			l.Lemma(gold[i].form, gold[i].tag)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(gold)), "ns/token")
}
