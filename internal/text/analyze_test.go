package text

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dyad/internal/doc"
	"dyad/internal/testenv"
)

// guardian returns the texts of ../shared/corpus/guardian-dev.jsonl,
// skipping when the shared corpus is absent.
func guardian(tb testing.TB) []string {
	tb.Helper()
	p := filepath.Join("..", "..", "..", "shared", "corpus", "guardian-dev.jsonl")
	f, err := os.Open(p)
	if err != nil {
		testenv.Absent(tb, "shared corpus not found at %s (tests that need ../shared skip without it)", p)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		var d struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			tb.Fatal(err)
		}
		out = append(out, d.Text)
	}
	return out
}

func TestAnalyze(t *testing.T) {
	an := NewAnalyzer(mustModel(t))
	const txt = "Iran's leader said the offer was refused. \"We won't join,\" he said.\n\nGovernment troops fought the rebels."
	sents := an.Analyze(txt)
	var got []string
	for _, s := range sents {
		var ws []string
		for _, tk := range s.Tokens {
			ws = append(ws, tk.Text(txt)+"/"+tk.Tag.String()+"/"+tk.Lemma)
		}
		got = append(got, strings.Join(ws, " "))
	}
	want := []string{
		"Iran/NNP/Iran 's/POS/'s leader/NN/leader said/VBD/say the/DT/the offer/NN/offer was/VBD/be refused/VBN/refuse ././.",
		"\"/``/\" We/PRP/we wo/MD/will n't/RB/not join/VB/join ,/,/, \"/''/\" he/PRP/he said/VBD/say ././.",
		"Government/NN/government troops/NNS/troop fought/VBD/fight the/DT/the rebels/NNS/rebel ././.",
	}
	if len(got) != len(want) {
		t.Fatalf("Analyze gave %d sentences %q; want %d", len(got), got, len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("sentence %d = %q; want %q", i, got[i], want[i])
		}
	}
	if sents[2].Tokens[0].Flags&doc.ParaBefore == 0 || sents[1].Tokens[0].Flags&doc.ParaBefore != 0 {
		t.Error("first token after a blank line lacks ParaBefore")
	}
}

// Every token of the Guardian articles is tagged, spans are in order and
// inside the text, and Each and Analyze agree.
func TestAnalyzeGuardian(t *testing.T) {
	texts := guardian(t)
	an := NewAnalyzer(mustModel(t))
	tokens, sentences := 0, 0
	for _, txt := range texts {
		sents := an.Analyze(txt)
		last := 0
		for _, s := range sents {
			if s.Span.Start < last || s.Span.End > len(txt) || s.Span.Start >= s.Span.End {
				t.Fatalf("sentence span %v out of order or outside the text", s.Span)
			}
			last = s.Span.End
			for _, tk := range s.Tokens {
				if tk.Tag == doc.NoTag || tk.Lemma == "" {
					t.Fatalf("token %q untagged or without lemma", tk.Text(txt))
				}
			}
			tokens += len(s.Tokens)
		}
		sentences += len(sents)
		n := 0
		an.Each(txt, func(s doc.Sentence) bool {
			if s.Span != sents[n].Span || len(s.Tokens) != len(sents[n].Tokens) {
				t.Fatalf("Each sentence %d = %v; Analyze gave %v", n, s.Span, sents[n].Span)
			}
			n++
			return true
		})
	}
	t.Logf("%d articles, %d sentences, %d tokens", len(texts), sentences, tokens)
}

// BenchmarkAnalyze is the whole stage, one core: split, tokenize, tag,
// lemmatize the 125 Guardian articles.
func BenchmarkAnalyze(b *testing.B) {
	texts := guardian(b)
	an := NewAnalyzer(mustModel(b))
	tokens, sentences, bytes := 0, 0, 0
	for _, txt := range texts {
		bytes += len(txt)
		an.Each(txt, func(s doc.Sentence) bool {
			sentences++
			tokens += len(s.Tokens)
			return true
		})
	}
	b.SetBytes(int64(bytes))
	b.ReportAllocs()
	for b.Loop() {
		for _, txt := range texts {
			an.Each(txt, func(doc.Sentence) bool { return true })
		}
	}
	sec := b.Elapsed().Seconds()
	b.ReportMetric(float64(tokens)*float64(b.N)/sec, "tokens/s")
	b.ReportMetric(float64(sentences)*float64(b.N)/sec, "sentences/s")
}
