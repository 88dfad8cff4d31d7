package text

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"dyad/internal/doc"
)

// FuzzTagWords: any words get a real tag each, without panics.
func FuzzTagWords(f *testing.F) {
	m, err := DefaultModel()
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{"Iran refused the offer .", "", "\xff\xfe", "“Quote” — dash…", strings.Repeat("x", 500), "1,000 $10bn U.S.-led"} {
		f.Add(s)
	}
	tg := NewTagger(m)
	f.Fuzz(func(t *testing.T, s string) {
		words := strings.Fields(s)
		if len(words) == 0 {
			words = []string{s}
		}
		got := tg.TagWords(words, nil)
		if len(got) != len(words) {
			t.Fatalf("TagWords gave %d tags for %d words", len(got), len(words))
		}
		for i, g := range got {
			if g == doc.NoTag || g >= doc.NumTags {
				t.Fatalf("word %q tagged %d", words[i], g)
			}
		}
		// Tokens over the raw text tag the same way.
		var toks []doc.Token
		pos := 0
		for _, w := range words {
			i := strings.Index(s[pos:], w)
			if i < 0 {
				return
			}
			toks = append(toks, doc.Token{Start: int32(pos + i), End: int32(pos + i + len(w)), Flags: doc.SpaceBefore})
			pos += i + len(w)
		}
		tg.TagTokens(s, toks)
		_ = utf8.ValidString(s)
	})
}

// FuzzReadCoNLLU: no panics; an error names the input.
func FuzzReadCoNLLU(f *testing.F) {
	f.Add("1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n\n")
	f.Add("# c\n1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n1\tdo\tdo\tAUX\tVBP\t_\t0\troot\t_\t_\n")
	f.Add("1\tx\n")
	f.Fuzz(func(t *testing.T, s string) {
		sents, err := ReadCoNLLU(strings.NewReader(s), "fuzz.conllu")
		if err != nil && !strings.HasPrefix(err.Error(), "fuzz.conllu:") {
			t.Fatalf("error %q does not name the file", err)
		}
		for _, st := range sents {
			if len(st.Words) != len(st.Tags) || len(st.Words) != len(st.SpaceAfter) || len(st.Words) == 0 {
				t.Fatalf("ragged sentence %+v", st)
			}
		}
	})
}

// FuzzReadModel: corrupt model files are rejected, never panic or
// allocate without bound.
func FuzzReadModel(f *testing.F) {
	m, err := Train(tinyTreebank(), TrainOptions{Iterations: 1, Folds: 2, MinCount: 1})
	if err != nil {
		f.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteModel(&buf, m); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := ReadModel(bytes.NewReader(b))
		if err == nil {
			NewTagger(m).TagWords([]string{"a", "test"}, nil)
		}
	})
}
