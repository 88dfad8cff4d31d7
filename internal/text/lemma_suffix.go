package text

import (
	"bytes"

	"dyad/internal/doc"
)

// The suffix rules of the Lemmatizer. Each works on the folded (lowercase)
// word and returns a lemmaEdit; none allocates.

// lemmaEdit is a lemma written as a change to the end of the folded word w: the
// lemma is w[:n] followed by add. lemmaEdit{0, s} is the whole string s.
type lemmaEdit struct {
	n   int
	add string
}

// keepWord is the edit that leaves w as it is.
func keepWord(w []byte) lemmaEdit { return lemmaEdit{n: len(w)} }

// inflected runs the rule for tag on w, or on the part after its last
// hyphen (re-elected -> re-elect, pre-made -> pre-make) after looking that
// part up in the tag's table. (A switch rather than a func value keeps w
// on the caller's stack: escape analysis cannot see through func values.)
func (t *lemmaTables) inflected(w []byte, tag doc.Tag) lemmaEdit {
	base := 0
	if h := bytes.LastIndexByte(w, '-'); h >= 0 && h+1 < len(w) {
		base = h + 1
		if s, ok := t.byTag[tag][string(w[base:])]; ok {
			return lemmaEdit{base, s}
		}
	}
	var e lemmaEdit
	switch s := w[base:]; tag {
	case doc.NNS, doc.NNPS:
		e = t.noun(s)
	case doc.VBZ:
		e = t.verbS(s)
	case doc.VBG:
		e = t.verbIng(s)
	case doc.VBD, doc.VBN:
		e = t.verbEd(s, tag)
	case doc.JJR, doc.RBR:
		e = t.degree(s, "er")
	case doc.JJS, doc.RBS:
		e = t.degree(s, "est")
	default:
		e = keepWord(s)
	}
	e.n += base
	return e
}

// noun removes the plural of a noun tagged NNS or NNPS.
func (t *lemmaTables) noun(w []byte) lemmaEdit {
	n := len(w)
	if n < 3 || t.sameNoun[string(w)] {
		return keepWord(w)
	}
	switch {
	case lemmaHasSuffix(w, "men"):
		return lemmaEdit{n - 2, "an"} // policemen, chairwomen
	case lemmaHasSuffix(w, "children"):
		return lemmaEdit{n - 8, "child"}
	case lemmaHasSuffix(w, "wives"):
		return lemmaEdit{n - 5, "wife"}
	case lemmaHasSuffix(w, "knives"):
		return lemmaEdit{n - 6, "knife"}
	case lemmaHasSuffix(w, "'s"):
		return lemmaEdit{n - 2, ""} // 1990's, CD's
	case w[n-1] != 's', lemmaHasSuffix(w, "ss"), lemmaHasSuffix(w, "us"):
		return keepWord(w)
	case lemmaHasSuffix(w, "is"):
		if lemmaHasSuffix(w, "sis") || lemmaHasSuffix(w, "itis") {
			return keepWord(w) // analysis, hepatitis
		}
		return lemmaEdit{n - 1, ""} // taxis, Iraqis
	case lemmaHasSuffix(w, "ies"):
		if n == 4 || t.eWords[string(w[:n-1])] {
			return lemmaEdit{n - 1, ""} // pies, movies
		}
		return lemmaEdit{n - 3, "y"}
	case lemmaHasSuffix(w, "oes"), lemmaHasSuffix(w, "xes"), lemmaHasSuffix(w, "ches"),
		lemmaHasSuffix(w, "shes"), lemmaHasSuffix(w, "sses"), lemmaHasSuffix(w, "zzes"):
		if t.eWords[string(w[:n-1])] {
			return lemmaEdit{n - 1, ""} // shoes, aches
		}
		return lemmaEdit{n - 2, ""} // heroes, boxes, churches
	case lemmaHasSuffix(w, "ses"):
		if t.sameNoun[string(w[:n-2])] {
			return lemmaEdit{n - 2, ""} // buses, lenses
		}
	}
	return lemmaEdit{n - 1, ""}
}

// verbS removes the -s of a verb tagged VBZ.
func (t *lemmaTables) verbS(w []byte) lemmaEdit {
	if e, ok := t.prefixed(w, doc.VBZ); ok {
		return e // overdoes
	}
	n := len(w)
	if n < 3 || w[n-1] != 's' || lemmaHasSuffix(w, "ss") || lemmaHasSuffix(w, "us") {
		return keepWord(w)
	}
	switch {
	case lemmaHasSuffix(w, "ies"):
		if n == 4 {
			return lemmaEdit{n - 1, ""} // dies, ties
		}
		return lemmaEdit{n - 3, "y"}
	case lemmaHasSuffix(w, "zzes"):
		if t.double[string(w[:n-3])] {
			return lemmaEdit{n - 3, ""} // quizzes
		}
		return lemmaEdit{n - 2, ""} // buzzes
	case lemmaHasSuffix(w, "tzes"):
		return lemmaEdit{n - 2, ""} // waltzes
	case lemmaHasSuffix(w, "oes"), lemmaHasSuffix(w, "xes"), lemmaHasSuffix(w, "ches"),
		lemmaHasSuffix(w, "shes"), lemmaHasSuffix(w, "sses"):
		if t.eWords[string(w[:n-1])] {
			return lemmaEdit{n - 1, ""} // aches, tiptoes
		}
		return lemmaEdit{n - 2, ""} // echoes, fixes, reaches
	case lemmaHasSuffix(w, "ses"):
		if t.double[string(w[:n-2])] || t.noE[string(w[:n-2])] {
			return lemmaEdit{n - 2, ""} // focuses, biases
		}
	}
	return lemmaEdit{n - 1, ""}
}

// verbIng removes the -ing of a verb tagged VBG.
func (t *lemmaTables) verbIng(w []byte) lemmaEdit {
	if e, ok := t.prefixed(w, doc.VBG); ok {
		return e // underlying
	}
	n := len(w)
	if n < 5 || !lemmaHasSuffix(w, "ing") {
		return keepWord(w)
	}
	return t.stem(w, n-3)
}

// verbEd removes the -ed of a verb tagged VBD or VBN, after trying the
// irregular table on the word less a prefix (overthrew -> overthrow).
func (t *lemmaTables) verbEd(w []byte, tag doc.Tag) lemmaEdit {
	if e, ok := t.prefixed(w, tag); ok {
		return e
	}
	n := len(w)
	if n < 4 || !lemmaHasSuffix(w, "ed") {
		return keepWord(w)
	}
	switch {
	case lemmaHasSuffix(w, "ied"):
		if n == 4 {
			return lemmaEdit{n - 1, ""} // died, lied, tied
		}
		return lemmaEdit{n - 3, "y"} // tried, carried
	case lemmaHasSuffix(w, "eed"):
		return lemmaEdit{n - 1, ""} // agreed, freed
	}
	return t.stem(w, n-2)
}

// lemmaVerbPrefixes are the prefixes that make compounds of irregular verbs.
var lemmaVerbPrefixes = [...]string{"over", "under", "out", "mis", "with", "fore", "up", "re", "be", "un", "co"}

// prefixed looks w up in tag's irregular table after removing a prefix.
func (t *lemmaTables) prefixed(w []byte, tag doc.Tag) (lemmaEdit, bool) {
	m := t.byTag[tag]
	for _, p := range lemmaVerbPrefixes {
		if p == "re" && tag == doc.VBG {
			continue // relying is not re-lying
		}
		if len(w) > len(p)+2 && string(w[:len(p)]) == p {
			if s, ok := m[string(w[len(p):])]; ok {
				return lemmaEdit{len(p), s}, true
			}
		}
	}
	return lemmaEdit{}, false
}

// degree removes the -er of a JJR or RBR, or the -est of a JJS or RBS.
func (t *lemmaTables) degree(w []byte, suffix string) lemmaEdit {
	k := len(w) - len(suffix)
	if k < 3 || !lemmaHasSuffix(w, suffix) {
		return keepWord(w) // more, over, least
	}
	switch w[k-1] {
	case 'i':
		return lemmaEdit{k - 1, "y"} // easier, earliest
	case 'e':
		return lemmaEdit{k, "e"} // freer
	}
	return t.stem(w, k)
}

// stem gives the base of an -ing, -ed, -er or -est form whose suffix starts
// at k: it undoubles a doubled final consonant (stopped -> stop) and
// restores a silent e (making -> make).
func (t *lemmaTables) stem(w []byte, k int) lemmaEdit {
	s := w[:k]
	if !lemmaHasVowel(s) {
		return keepWord(w) // shed, sing
	}
	if t.eStems[string(s)] {
		return lemmaEdit{k, "e"}
	}
	if t.noE[string(s)] {
		return lemmaEdit{k, ""}
	}
	if k >= 3 {
		c := s[k-1]
		if c == s[k-2] && !lemmaIsVowel(c) {
			switch {
			case t.double[string(s[:k-1])]:
				return lemmaEdit{k - 1, ""} // travelled, quizzed
			case c == 'l' || c == 's' || c == 'f' || c == 'z' || t.keepDouble[string(s)]:
				return lemmaEdit{k, ""} // called, passed, added
			}
			return lemmaEdit{k - 1, ""} // stopped, bigger
		}
		if c == 'k' && s[k-2] == 'c' && t.double[string(s[:k-1])] {
			return lemmaEdit{k - 1, ""} // panicked
		}
	}
	if needSilentE(s) {
		return lemmaEdit{k, "e"}
	}
	return lemmaEdit{k, ""}
}

// needSilentE reports whether the stem s, left by removing -ing, -ed, -er or -est
// from a regular form, ends a base that has a silent e ("mak" -> make,
// "creat" -> create, "handl" -> handle) rather than being the base itself
// ("work", "open", "visit"). It looks at the last letters and the number of
// syllables; the exceptions are in the [e-words] and [no-e] tables.
func needSilentE(s []byte) bool {
	n := len(s)
	if n < 2 {
		return false
	}
	c, p := s[n-1], s[n-2]
	if c == 'u' || n == 2 && c == 'y' {
		return true // argu-e, continu-e, piqu-e, dy-e, ey-e
	}
	if lemmaVowelAt(s, n-1) {
		return false // ski, go, see
	}
	switch c {
	case 'v', 'c':
		return true // no English word ends in -v or in a soft -c
	case 'z':
		return p != 'z' && p != 't' // organize; not waltz
	case 's':
		return p != 's' // use, cause, rinse; not pass
	case 'g':
		return p != 'n' && p != 'g' // manage, judge, charge; not belong
	case 'w', 'x', 'y', 'h', 'j', 'q':
		return false
	}
	if !lemmaVowelAt(s, n-2) {
		return c == 'l' && p != 'r' && p != 'w' && p != 'l' // handle; not hurl, crawl
	}
	// The final vowel group is s[i:n-1].
	i := n - 2
	for i > 0 && lemmaVowelAt(s, i-1) {
		i--
	}
	if n-1-i >= 2 {
		if n-1-i > 2 || s[n-2] != 'a' || (s[i] != 'i' && s[i] != 'u') {
			return false // a long vowel: need, wait, join
		}
		i = n - 2 // -iate, -uate: two syllables, as in negotiate, evaluate, dial
	}
	v := s[n-2]
	if v == 'y' {
		v = 'i'
	}
	if lemmaMonosyllable(s[:i]) {
		return true // mak-e, hop-e, writ-e: a short vowel would double
	}
	switch c {
	case 'b', 'd', 'f', 'k':
		return true // describe, decide, provoke
	case 'm':
		if v == 'o' {
			return n >= 3 && s[n-3] == 'c' // welcome, overcome; not accustom, blossom
		}
		return true // assume, inflame
	case 'l':
		return v != 'a' && v != 'e' // compile, console; not signal, travel
	case 'n':
		return v == 'i' // combine; not open, abandon, orphan
	case 'p':
		return v == 'a' // escape; not develop, gossip
	case 'r':
		return v == 'a' || v == 'i' || v == 'u' // declare, admire, endure; not offer
	case 't':
		switch v {
		case 'a', 'o', 'u':
			return true // create, promote, execute
		case 'e':
			return n >= 3 && (s[n-3] == 'l' || s[n-3] == 'p') // complete; not target
		}
	}
	return false
}

// lemmaMonosyllable reports whether head, the letters before a stem's last
// vowel, hold no vowel, ignoring a prefix that leaves a syllable onset
// (re-writ, un-it; but not re-nder).
func lemmaMonosyllable(head []byte) bool {
	if !lemmaHasVowelAt(head) {
		return true
	}
	for _, p := range [...]string{"re", "over", "under", "out", "mis", "up", "be"} {
		if len(head) >= len(p) && string(head[:len(p)]) == p {
			if rest := head[len(p):]; !lemmaHasVowelAt(rest) && lemmaOnset(rest) {
				return true
			}
		}
	}
	return false
}

// lemmaOnset reports whether the consonants c can begin an English
// syllable.
func lemmaOnset(c []byte) bool {
	switch len(c) {
	case 0, 1:
		return true
	case 2:
		switch string(c) {
		case "bl", "br", "ch", "cl", "cr", "dr", "dw", "fl", "fr", "gl", "gr", "kn",
			"ph", "pl", "pr", "qu", "sc", "sh", "sk", "sl", "sm", "sn", "sp", "st",
			"sw", "th", "tr", "tw", "wh", "wr":
			return true
		}
	case 3:
		switch string(c) {
		case "chr", "sch", "scr", "shr", "spl", "spr", "squ", "str", "thr":
			return true
		}
	}
	return false
}

// lemmaHasVowelAt reports whether s holds a vowel by lemmaVowelAt's rules.
func lemmaHasVowelAt(s []byte) bool {
	for i := range s {
		if lemmaVowelAt(s, i) {
			return true
		}
	}
	return false
}

// lemmaVowelAt reports whether s[i] is a vowel letter in its place: y after a
// consonant is a vowel (typ-e), u after q, or after g before a vowel, is not
// (quot-e, guid-e).
func lemmaVowelAt(s []byte, i int) bool {
	switch s[i] {
	case 'a', 'e', 'i', 'o':
		return true
	case 'u':
		if i > 0 && (s[i-1] == 'q' || s[i-1] == 'g' && i+1 < len(s) && lemmaIsVowel(s[i+1])) {
			return false
		}
		return true
	case 'y':
		return i > 0 && !lemmaIsVowel(s[i-1])
	}
	return false
}

func lemmaIsVowel(c byte) bool {
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'
}

// lemmaHasVowel reports whether s holds any of a, e, i, o, u, y.
func lemmaHasVowel(s []byte) bool {
	for _, c := range s {
		if lemmaIsVowel(c) || c == 'y' {
			return true
		}
	}
	return false
}

func lemmaHasSuffix(w []byte, suffix string) bool {
	return len(w) >= len(suffix) && string(w[len(w)-len(suffix):]) == suffix
}
