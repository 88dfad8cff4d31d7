package text

import (
	"strings"
	"testing"

	"dyad/internal/doc"
)

// FuzzLemma checks that Lemma never panics, whatever the bytes and the tag,
// that it returns a non-empty lemma for a non-empty word, that a lemma it
// returns is not changed by later calls (the arena only grows), and that it
// is deterministic.
func FuzzLemma(f *testing.F) {
	for _, tc := range lemmaTests {
		f.Add(tc.word, uint8(tc.tag))
	}
	for _, s := range []string{
		"", "-", "--ed", "e-", "ied", "'s", "’", "ÉÉÉÉing", "\xff\xfeed",
		"İstanbul", "ǅemal", strings.Repeat("Ab", 80) + "ies", "a-b-c-ing",
		"1,000,000", ",,,", "XIV", "Zzzzzzed", "ssses", "y", "ying", "eed",
	} {
		for tag := range doc.NumTags + 1 {
			f.Add(s, uint8(tag))
		}
	}
	l := NewLemmatizer()
	fresh := NewLemmatizer()
	var kept []string
	var keptWant []string
	f.Fuzz(func(t *testing.T, word string, tag uint8) {
		got := l.Lemma(word, doc.Tag(tag))
		if word != "" && got == "" {
			t.Fatalf("Lemma(%q, %v) = \"\"; want a non-empty lemma", word, doc.Tag(tag))
		}
		if again := fresh.Lemma(word, doc.Tag(tag)); again != got {
			t.Fatalf("Lemma(%q, %v) = %q, then %q on another Lemmatizer", word, doc.Tag(tag), got, again)
		}
		// Keep a sample of results and check none has been overwritten.
		if len(kept) < 1000 {
			kept = append(kept, got)
			keptWant = append(keptWant, strings.Clone(got))
		}
		for i := range kept {
			if kept[i] != keptWant[i] {
				t.Fatalf("an earlier lemma changed from %q to %q", keptWant[i], kept[i])
			}
		}
	})
}
