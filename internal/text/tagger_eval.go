package text

import (
	"time"

	"dyad/internal/doc"
)

// Accuracy is the result of tagging gold sentences.
type Accuracy struct {
	Tokens, Correct         int
	Verbs, VerbsCorrect     int // tokens whose gold tag is VB*
	Unknown, UnknownCorrect int // tokens whose word is not in the tag dictionary
	Sentences               int
	Elapsed                 time.Duration
}

// Percent returns correct/total as a percentage (0 for no tokens).
func Percent(correct, total int) float64 {
	if total == 0 {
		return 0
	}
	return 100 * float64(correct) / float64(total)
}

// Evaluate tags the words of each sentence and compares with the gold tags.
func Evaluate(m *Model, sents []TaggedSentence) Accuracy {
	t := NewTagger(m)
	var a Accuracy
	start := time.Now()
	for _, s := range sents {
		got := t.TagWords(s.Words, s.SpaceAfter)
		for i, g := range s.Tags {
			ok := got[i] == g
			a.Tokens++
			if ok {
				a.Correct++
			}
			if g.IsVerb() {
				a.Verbs++
				if ok {
					a.VerbsCorrect++
				}
			}
			if t.info[i].amb == 0 {
				a.Unknown++
				if ok {
					a.UnknownCorrect++
				}
			}
		}
	}
	a.Elapsed = time.Since(start)
	a.Sentences = len(sents)
	return a
}

// ConfusionPairs counts (gold, got) pairs of errors, for error analysis.
func ConfusionPairs(m *Model, sents []TaggedSentence) map[[2]doc.Tag]int {
	t := NewTagger(m)
	out := map[[2]doc.Tag]int{}
	for _, s := range sents {
		got := t.TagWords(s.Words, s.SpaceAfter)
		for i, g := range s.Tags {
			if got[i] != g {
				out[[2]doc.Tag{g, got[i]}]++
			}
		}
	}
	return out
}
