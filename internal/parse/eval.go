package parse

import (
	"time"

	"dyad/internal/doc"
	"dyad/internal/text"
)

// Score is the result of parsing gold-tokenised sentences.
type Score struct {
	Tokens, Heads, Labelled int // all tokens, punctuation included (CoNLL 2018)
	// ByRel counts, per base relation: gold arcs, predicted arcs, and
	// predicted arcs with the right head and relation.
	ByRel     [doc.NumRels]struct{ Gold, Pred, Correct int }
	Sentences int
	Elapsed   time.Duration // parsing alone, tagging excluded
}

// UAS returns the share of tokens with the right head, in percent.
func (s *Score) UAS() float64 { return text.Percent(s.Heads, s.Tokens) }

// LAS returns the share of tokens with the right head and base relation
// (subtypes are not compared, as in the CoNLL 2018 shared task), in percent.
func (s *Score) LAS() float64 { return text.Percent(s.Labelled, s.Tokens) }

// Evaluate tags the words of each sentence with dyad's tagger, parses them
// and compares with the gold trees.
func Evaluate(m *Model, tm *text.Model, tb []text.TaggedSentence) Score {
	var sc Score
	tg := text.NewTagger(tm)
	p := NewParser(m)
	var heads []int32
	var rels []doc.Rel
	var tags []doc.Tag
	for _, t := range tb {
		n := len(t.Words)
		tags = append(tags[:0], tg.TagWords(t.Words, t.SpaceAfter)...)
		heads, rels = grow(heads, n), growRels(rels, n)
		start := time.Now()
		p.ParseWords(t.Words, tags, heads, rels)
		sc.Elapsed += time.Since(start)
		for i := range n {
			gh, gr := t.Heads[i]-1, t.Rels[i].Base()
			pr := rels[i].Base()
			sc.Tokens++
			sc.ByRel[gr].Gold++
			sc.ByRel[pr].Pred++
			if heads[i] == gh {
				sc.Heads++
				if pr == gr {
					sc.Labelled++
					sc.ByRel[gr].Correct++
				}
			}
		}
	}
	sc.Sentences = len(tb)
	return sc
}

func grow(s []int32, n int) []int32 {
	if cap(s) < n {
		return make([]int32, n)
	}
	return s[:n]
}

func growRels(s []doc.Rel, n int) []doc.Rel {
	if cap(s) < n {
		return make([]doc.Rel, n)
	}
	return s[:n]
}
