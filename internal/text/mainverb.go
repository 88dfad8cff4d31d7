package text

import "dyad/internal/doc"

// RetagMainVerb fixes, in a sentence with no finite verb, the tagger's
// most costly slip: a past tense tagged as a participle right after its
// subject ("Israeli warplanes struck/VBN Hamas targets", "Ukrainian
// demonstrators rallied/VBN in Kyiv"). A sentence needs a finite verb, so
// the first participle that follows a noun or pronoun, and that no "by"
// follows (as in the headline "Embassy attacked by students"), becomes a
// past tense. It reports whether it changed a tag. A parse built on the
// wrong tag makes the subject the root and the verb its modifier, and the
// event is lost.
func RetagMainVerb(toks []doc.Token) bool {
	for i := range toks {
		switch toks[i].Tag {
		case doc.VBD, doc.VBZ, doc.VBP, doc.MD:
			return false
		}
	}
	for i := 1; i < len(toks); i++ {
		if toks[i].Tag != doc.VBN {
			continue
		}
		j := i - 1
		for j > 0 && (toks[j].Tag == doc.RB || toks[j].Tag == doc.RBR) {
			j--
		}
		if t := toks[j].Tag; !t.IsNoun() && t != doc.PRP {
			continue
		}
		if i+1 < len(toks) && toks[i+1].Lemma == "by" {
			return false
		}
		toks[i].Tag = doc.VBD
		return true
	}
	return false
}
