package parse

import (
	"bytes"
	"testing"

	"dyad/internal/doc"
	"dyad/internal/text"
)

// A crossing tree: "A hearing is scheduled on the issue today", with
// "on the issue" attached to "hearing" across "is scheduled".
func crossing() Sentence {
	return Sentence{
		Words: []string{"A", "hearing", "is", "scheduled", "on", "the", "issue", "today", "."},
		Tags:  []doc.Tag{doc.DT, doc.NN, doc.VBZ, doc.VBN, doc.IN, doc.DT, doc.NN, doc.NN, doc.Period},
		Heads: []int32{2, 4, 4, 0, 7, 7, 2, 4, 4},
		Rels: []doc.Rel{doc.RelDet, doc.RelNsubjPass, doc.RelAuxPass, doc.RelRoot, doc.RelCase, doc.RelDet,
			doc.RelNmod, doc.RelOblUnmarked, doc.RelPunct},
	}
}

func TestProjectivizeLiftsCrossingArcs(t *testing.T) {
	s := []Sentence{crossing()}
	if nonProjective(s[0].Heads) == 0 {
		t.Fatal("test tree is projective; want a crossing one")
	}
	ns, na := Projectivize(s)
	if ns != 1 || na != 1 {
		t.Errorf("Projectivize = %d sentences, %d arcs; want 1, 1", ns, na)
	}
	if !ValidTree(s[0].Heads) || nonProjective(s[0].Heads) != 0 {
		t.Errorf("after Projectivize: heads %v; want a projective tree", s[0].Heads)
	}
	if s[0].Heads[6] != 4 {
		t.Errorf("issue's head = %d; want 4 (lifted to scheduled)", s[0].Heads[6])
	}
}

// Training copes with non-projective trees, projectivized or not, and
// the model it writes reads back and parses the same.
func TestTrainNonProjective(t *testing.T) {
	for _, proj := range []bool{true, false} {
		sents := []Sentence{crossing(), crossing()}
		if proj {
			Projectivize(sents)
		}
		m, err := Train(sents, TrainOptions{Iterations: 3})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := WriteModel(&buf, m); err != nil {
			t.Fatal(err)
		}
		m2, err := ReadModel(&buf)
		if err != nil {
			t.Fatal(err)
		}
		c := crossing()
		h1, r1 := make([]int32, 9), make([]doc.Rel, 9)
		h2, r2 := make([]int32, 9), make([]doc.Rel, 9)
		NewParser(m).ParseWords(c.Words, c.Tags, h1, r1)
		NewParser(m2).ParseWords(c.Words, c.Tags, h2, r2)
		for i := range h1 {
			if h1[i] != h2[i] || r1[i] != r2[i] {
				t.Fatalf("projectivized=%v: word %d: %d/%v after reading back; %d/%v before", proj, i, h2[i], r2[i], h1[i], r1[i])
			}
			h1[i]++
		}
		if !ValidTree(h1) {
			t.Errorf("projectivized=%v: not a tree: %v", proj, h1)
		}
	}
}

// Training is reproducible: the same data and seed write the same bytes.
func TestTrainReproducible(t *testing.T) {
	tb := readTreebank(t, "gum/court.conllu")
	sents := FromTreebank(tb[:200])
	Projectivize(sents)
	var out [2]bytes.Buffer
	for i := range out {
		m, err := Train(Clone(sents), TrainOptions{Iterations: 2})
		if err != nil {
			t.Fatal(err)
		}
		if err := WriteModel(&out[i], m); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(out[0].Bytes(), out[1].Bytes()) {
		t.Errorf("two trainings wrote %d and %d differing bytes; want the same", out[0].Len(), out[1].Len())
	}
}

func TestMergeHyphens(t *testing.T) {
	// "US - led strikes ." with "US" and "-" depending on "led".
	s := text.TaggedSentence{
		Words:      []string{"US", "-", "led", "strikes", "."},
		Tags:       []doc.Tag{doc.NNP, doc.HYPH, doc.VBN, doc.NNS, doc.Period},
		SpaceAfter: []bool{false, false, true, false, false},
		Heads:      []int32{3, 3, 4, 0, 4},
		Rels:       []doc.Rel{doc.RelObl, doc.RelPunct, doc.RelAmod, doc.RelRoot, doc.RelPunct},
	}
	m, ok := MergeHyphens(s)
	if !ok {
		t.Fatal("MergeHyphens: not merged")
	}
	want := []string{"US-led", "strikes", "."}
	for i, w := range want {
		if m.Words[i] != w {
			t.Fatalf("words %q; want %q", m.Words, want)
		}
	}
	if m.Heads[0] != 2 || m.Rels[0] != doc.RelAmod || m.Tags[0] != doc.VBN || m.Heads[2] != 2 {
		t.Errorf("merged heads %v rels %v tags %v; want US-led amod of strikes, tagged VBN", m.Heads, m.Rels, m.Tags)
	}
}

// A malformed tree (a cycle, a head out of range) is skipped, not a panic.
func TestTrainSkipsMalformedTrees(t *testing.T) {
	bad := crossing()
	bad.Heads = []int32{2, 1, 4, 0, 7, 7, 2, 4, 40} // 1 <-> 2 cycle; 40 out of range
	sents := []Sentence{bad, crossing()}
	Projectivize(sents)
	if _, err := Train(sents, TrainOptions{Iterations: 2}); err != nil {
		t.Fatalf("Train: %v", err)
	}
	if _, err := Train(sents[:1], TrainOptions{Iterations: 2}); err == nil {
		t.Error("Train on no valid tree: no error")
	}
}
