package parse

import (
	"fmt"
	"io"
	"slices"

	"dyad/internal/doc"
	"dyad/internal/text"
)

// FromTreebank turns treebank sentences into parser sentences with their
// gold tags (replace Tags with predicted ones before training).
func FromTreebank(tb []text.TaggedSentence) []Sentence {
	out := make([]Sentence, len(tb))
	for i, t := range tb {
		out[i] = Sentence{Words: t.Words, Tags: slices.Clone(t.Tags), Heads: slices.Clone(t.Heads), Rels: slices.Clone(t.Rels)}
	}
	return out
}

// ValidTree reports whether heads (0 for the root, j for word j-1) form a
// tree: every head in range, exactly one root, no cycle.
func ValidTree(heads []int32) bool {
	n := int32(len(heads))
	roots := 0
	for _, h := range heads {
		if h < 0 || h > n {
			return false
		}
		if h == 0 {
			roots++
		}
	}
	if roots != 1 {
		return false
	}
	for i := range heads {
		// A walk to the root longer than n steps is a cycle.
		j, steps := int32(i+1), int32(0)
		for j != 0 {
			j = heads[j-1]
			if steps++; steps > n {
				return false
			}
		}
	}
	return true
}

// nonProjective returns the shortest non-projective arc's dependent
// (1-based), or 0 when the tree is projective. An arc h -> d is projective
// when every word between h and d descends from h.
func nonProjective(heads []int32) int32 {
	best, bestLen := int32(0), int32(1<<30)
	for i, h := range heads {
		d := int32(i + 1)
		lo, hi := min(h, d), max(h, d)
		if hi-lo >= bestLen || h == 0 {
			continue
		}
		for k := lo + 1; k < hi; k++ {
			if !descends(heads, k, h) {
				best, bestLen = d, hi-lo
				break
			}
		}
	}
	return best
}

func descends(heads []int32, k, h int32) bool {
	for steps := 0; k != 0 && steps <= len(heads); steps++ {
		k = heads[k-1]
		if k == h {
			return true
		}
	}
	return false
}

// Projectivize makes each tree projective by lifting (Nivre and Nilsson
// 2005, without encoding the lift in the label): the shortest
// non-projective arc takes its head's head, until none is left. Relations
// are kept. It returns how many sentences and arcs changed. A sentence
// whose heads are not a tree is left as it is.
func Projectivize(sents []Sentence) (sentences, arcs int) {
	for i := range sents {
		heads := sents[i].Heads
		if !ValidTree(heads) {
			continue // Train skips it
		}
		changed := false
		for {
			d := nonProjective(heads)
			if d == 0 {
				break
			}
			heads[d-1] = heads[heads[d-1]-1]
			arcs++
			changed = true
		}
		if changed {
			sentences++
		}
	}
	return sentences, arcs
}

// MergeHyphens returns, for a treebank sentence with hyphenated compounds
// split into three words ("US", "-", "led" written without spaces), a copy
// where each compound is one word, as dyad's tokenizer writes it. The
// compound takes the tag, head and relation of its word whose head lies
// outside it; arcs into the compound go to it. ok is false when there is
// nothing to merge or the merged heads would not form a tree.
func MergeHyphens(t text.TaggedSentence) (m text.TaggedSentence, ok bool) {
	n := len(t.Words)
	group := make([]int32, n) // new index (0-based) of each old word
	var starts []int
	for i := 0; i < n; i++ {
		start := i
		for i+2 < n && !t.SpaceAfter[i] && t.Tags[i+1] == doc.HYPH && !t.SpaceAfter[i+1] {
			i += 2
		}
		for k := start; k <= i; k++ {
			group[k] = int32(len(starts))
		}
		starts = append(starts, start)
	}
	if len(starts) == n {
		return m, false
	}
	for g, start := range starts {
		end := n
		if g+1 < len(starts) {
			end = starts[g+1]
		}
		w := ""
		headWord := -1
		for k := start; k < end; k++ {
			w += t.Words[k]
			h := t.Heads[k]
			if headWord < 0 && (h == 0 || group[h-1] != int32(g)) {
				headWord = k
			}
		}
		if headWord < 0 {
			return m, false
		}
		h := t.Heads[headWord]
		if h != 0 {
			h = group[h-1] + 1
		}
		m.Words = append(m.Words, w)
		m.Tags = append(m.Tags, t.Tags[headWord])
		m.SpaceAfter = append(m.SpaceAfter, t.SpaceAfter[end-1])
		m.Heads = append(m.Heads, h)
		m.Rels = append(m.Rels, t.Rels[headWord])
	}
	return m, ValidTree(m.Heads)
}

// AugmentHyphens returns tb plus the merged copy of each sentence that
// has hyphenated compounds (MergeHyphens).
func AugmentHyphens(tb []text.TaggedSentence) []text.TaggedSentence {
	out := tb
	for _, t := range tb {
		if m, ok := MergeHyphens(t); ok {
			out = append(out, m)
		}
	}
	return out
}

// TrainingSet returns the sentences of tb, then the hyphen-merged copy
// of each that has compounds (MergeHyphens), all with tags predicted by a
// tagger trained on the other folds (sentence i and its copy are in fold
// i%folds), so the parser trains on tags as noisy as dyad's tagger gives
// at run time. Each fold's tagger is trained as `dyad tagger train` trains
// the shipped one. Trees are as in the treebank (Projectivize them).
func TrainingSet(tb []text.TaggedSentence, folds int, seed uint64, log io.Writer) ([]Sentence, error) {
	if folds < 2 {
		folds = 4
	}
	orig := FromTreebank(tb)
	var merged []text.TaggedSentence
	var mergedOf []int
	for i, t := range tb {
		if m, ok := MergeHyphens(t); ok {
			merged = append(merged, m)
			mergedOf = append(mergedOf, i)
		}
	}
	copies := FromTreebank(merged)
	for f := range folds {
		var train []text.TaggedSentence
		for i, t := range tb {
			if i%folds != f {
				train = append(train, t)
			}
		}
		fmt.Fprintf(log, "tagger fold %d/%d: training on %d sentences\n", f+1, folds, len(train))
		m, err := text.Train(text.AugmentHyphens(train), text.TrainOptions{Seed: seed})
		if err != nil {
			return nil, err
		}
		tg := text.NewTagger(m)
		for i, t := range tb {
			if i%folds == f {
				copy(orig[i].Tags, tg.TagWords(t.Words, t.SpaceAfter))
			}
		}
		for k, i := range mergedOf {
			if i%folds == f {
				copy(copies[k].Tags, tg.TagWords(merged[k].Words, merged[k].SpaceAfter))
			}
		}
	}
	return append(orig, copies...), nil
}
