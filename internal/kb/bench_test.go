package kb

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"dyad/internal/doc"
)

// BenchmarkDefault loads the embedded dictionaries (the load time).
func BenchmarkDefault(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, errs := Default(nil); len(errs) > 0 {
			b.Fatal(errs[0])
		}
	}
}

// BenchmarkMatch matches the actor dictionaries over the tagged sentences
// of the repository's examples and, when ../shared is there, the Guardian
// development articles; reports tokens per second.
func BenchmarkMatch(b *testing.B) {
	k, errs := Default(nil)
	if len(errs) > 0 {
		b.Fatal(errs[0])
	}
	files, _ := filepath.Glob("../../examples/*.txt")
	type sent struct {
		txt  string
		toks []doc.Token
	}
	var sents []sent
	ntok := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		for _, s := range analyze(b, string(data)) {
			sents = append(sents, sent{string(data), s.Tokens})
			ntok += len(s.Tokens)
		}
	}
	if f, err := os.Open("../../../shared/corpus/guardian-dev.jsonl"); err == nil {
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<24)
		for sc.Scan() {
			var d struct{ Text string }
			if json.Unmarshal(sc.Bytes(), &d) != nil {
				continue
			}
			for _, s := range analyze(b, d.Text) {
				sents = append(sents, sent{d.Text, s.Tokens})
				ntok += len(s.Tokens)
			}
		}
		f.Close()
	}
	if ntok == 0 {
		b.Skip("no example text")
	}
	var dst []doc.Mention
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, s := range sents {
			dst = k.Actors.Match(s.txt, s.toks, dst[:0])
		}
	}
	b.ReportMetric(float64(ntok)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
