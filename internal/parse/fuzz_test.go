package parse

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"dyad/internal/doc"
	"dyad/internal/learn"
)

var fuzzWords = []string{"Iran", "the", "US", "offer", "rejected", ",", ".", "to", "join", "said", "and", "of", "\"", "(", "-", "!!", "2014", "US-led", ""}

// FuzzParse parses random sequences of words and tags: the result is
// always a tree (one root, every head in range, no cycle), in bounded time.
func FuzzParse(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{1, 2})
	f.Add([]byte{5, 37, 6, 38, 5, 39})
	long := make([]byte, 500)
	for i := range long {
		long[i] = byte(i * 7)
	}
	f.Add(long)
	m := mustModel(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		n := min(len(b)/2, 250)
		words := make([]string, n)
		tags := make([]doc.Tag, n)
		for i := range n {
			words[i] = fuzzWords[int(b[2*i])%len(fuzzWords)]
			tags[i] = doc.Tag(b[2*i+1] % uint8(doc.NumTags))
		}
		heads := make([]int32, n)
		rels := make([]doc.Rel, n)
		start := time.Now()
		NewParser(m).ParseWords(words, tags, heads, rels)
		if el := time.Since(start); el > time.Second {
			t.Fatalf("%d words took %s", n, el)
		}
		if n == 0 {
			return
		}
		for i := range heads {
			heads[i]++ // to 0 for the root, j for word j-1
			if rels[i] == doc.NoRel || (rels[i] == doc.RelRoot) != (heads[i] == 0) {
				t.Fatalf("word %d: head %d rel %v", i, heads[i], rels[i])
			}
		}
		if !ValidTree(heads) {
			t.Fatalf("not a tree: %v", heads)
		}
	})
}

// FuzzReadModel reads arbitrary bytes, gzipped, as a model file: an error
// of one line or a model that parses, never a panic.
func FuzzReadModel(f *testing.F) {
	raw, err := learn.ReadGzip(bytes.NewReader(embeddedModel))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(raw[:200])
	f.Add([]byte(modelMagic))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		var buf bytes.Buffer
		learn.WriteGzip(&buf, b)
		m, err := ReadModel(&buf)
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("error %q is not one line", err)
			}
			return
		}
		heads, rels := make([]int32, 3), make([]doc.Rel, 3)
		NewParser(m).ParseWords([]string{"Iran", "refused", "."}, []doc.Tag{doc.NNP, doc.VBD, doc.Period}, heads, rels)
	})
}
