package text

import (
	"os"
	"path/filepath"
	"testing"

	"dyad/internal/testenv"
)

// treebank returns the path of a file under ../shared/treebank, skipping
// the test when the shared data is absent.
func treebank(tb testing.TB, parts ...string) string {
	tb.Helper()
	p := filepath.Join(append([]string{"..", "..", "..", "shared", "treebank"}, parts...)...)
	if _, err := os.Stat(p); err != nil {
		testenv.Absent(tb, "shared treebank not found at %s (tests that need ../shared skip without it)", p)
	}
	return p
}

func readTreebank(tb testing.TB, parts ...string) []TaggedSentence {
	tb.Helper()
	f, err := os.Open(treebank(tb, parts...))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	s, err := ReadCoNLLU(f, parts[len(parts)-1])
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

func mustModel(tb testing.TB) *Model {
	tb.Helper()
	m, err := DefaultModel()
	if err != nil {
		tb.Fatalf("DefaultModel: %v", err)
	}
	return m
}

// BenchmarkTagWords tags GUM news with gold tokenisation (tagging alone).
func BenchmarkTagWords(b *testing.B) {
	sents := readTreebank(b, "gum", "news.conllu")
	t := NewTagger(mustModel(b))
	tokens := 0
	for _, s := range sents {
		tokens += len(s.Words)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range sents {
			t.TagWords(s.Words, s.SpaceAfter)
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
