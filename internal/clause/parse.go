package clause

import (
	"slices"
	"strings"

	"dyad/internal/doc"
)

// Parse finds the noun phrases and predicates of one sentence. txt is the
// document text its tokens point into; mentions are the sentence's
// dictionary mentions (token indexes relative to the sentence), which are
// never split across phrases.
func ParseSentence(txt string, toks []doc.Token, mentions []doc.Mention) Parse {
	return parseSentence(txt, toks, mentions, true)
}

// parseSentence is ParseSentence; for a parsed sentence, withShallow
// merges the shallow parser's arguments with the arcs' (merge), and
// without it the arguments are the arcs' alone (for tests of attachArcs).
func parseSentence(txt string, toks []doc.Token, mentions []doc.Mention, withShallow bool) Parse {
	p := Parse{NPOf: make([]int, len(toks))}
	for i := range p.NPOf {
		p.NPOf[i] = -1
	}
	s := &sentence{txt: txt, toks: toks, p: &p, tags: make([]doc.Tag, len(toks))}
	for i := range toks {
		s.tags[i] = toks[i].Tag
	}
	s.repairTags()
	s.chunk(mentions)
	s.hasArcs = parsed(toks)
	if s.hasArcs {
		s.trimTimeWords()
	}
	s.coordinate()
	s.verbGroups()
	if !s.hasArcs {
		s.attach()
		return p
	}
	if !withShallow {
		s.attachArcs()
		return p
	}
	fresh := slices.Clone(p.Preds)
	s.attach()
	shallow := p.Preds
	p.Preds = fresh
	s.attachArcs()
	p.Preds = s.merge(shallow, p.Preds)
	return p
}

type sentence struct {
	// inMention is, for a token inside a dictionary mention, the
	// mention's end; 0 for others.
	inMention []int
	txt       string
	toks      []doc.Token
	tags      []doc.Tag // the tokens' tags, after repairTags
	p         *Parse
	hasArcs   bool // the parser gave the sentence its dependency arcs
	arcs      arcs // those arcs indexed, once the verb groups are known
}

func (s *sentence) word(i int) string { return s.toks[i].Text(s.txt) }

func (s *sentence) lemma(i int) string {
	if l := s.toks[i].Lemma; l != "" {
		return strings.ToLower(l)
	}
	return strings.ToLower(s.word(i))
}

// npStart reports whether token i can begin a noun phrase.
func (s *sentence) npStart(i int) bool {
	switch t := s.tags[i]; {
	case t == doc.DT, t == doc.PDT, t == doc.PRPS, t == doc.CD, t.IsAdj(), t.IsNoun(), t == doc.PRP:
		return true
	case t == doc.VBN || t == doc.VBG:
		// An adjectival participle: "an escalating campaign", "using
		// captured weapons" (after a verb that is no auxiliary).
		if i == 0 || i+1 >= len(s.toks) || !(s.tags[i+1].IsNoun() || s.tags[i+1].IsAdj()) {
			return false
		}
		prev := s.tags[i-1]
		if prev == doc.DT || prev == doc.PRPS {
			return true
		}
		if prev.IsVerb() {
			switch s.lemma(i - 1) {
			case "be", "have", "get":
				return false
			}
			return true
		}
	}
	return false
}

// npInside reports whether token i can continue a noun phrase.
func (s *sentence) npInside(i int) bool {
	switch t := s.tags[i]; {
	case t.IsAdj(), t.IsNoun(), t == doc.CD, t == doc.HYPH:
		return true
	case t == doc.POS:
		return i+1 < len(s.toks) && s.npStart(i+1) && s.tags[i+1] != doc.PRP
	case t == doc.VBN || t == doc.VBG:
		// Only among modifiers ("the newly elected president"), never
		// after the head noun: "soldiers attacked rebels" is a clause.
		prev := s.tags[i-1]
		return i+1 < len(s.toks) && (s.tags[i+1].IsNoun() || s.tags[i+1].IsAdj()) &&
			(prev == doc.DT || prev.IsAdj() || prev == doc.PRPS || prev == doc.CD || prev == doc.RB)
	}
	return false
}

// chunk finds the noun phrases: determiners, modifiers and nouns by tag,
// pronouns alone, and every mention whole.
func (s *sentence) chunk(mentions []doc.Mention) {
	n := len(s.toks)
	inMention := make([]int, n) // mention end for a token inside a mention, else 0
	s.inMention = inMention
	for _, m := range mentions {
		for k := m.First; k < m.Last && k < n; k++ {
			inMention[k] = m.Last
		}
	}
	for i := 0; i < n; {
		if !s.npStart(i) && inMention[i] == 0 {
			i++
			continue
		}
		start := i
		if s.tags[i] == doc.PRP && inMention[i] == 0 {
			s.addNP(start, i+1, -1)
			i++
			continue
		}
		possessor := -1
		j := i + 1
		if inMention[i] > 0 {
			j = inMention[i]
		}
		for j < n {
			if inMention[j] > 0 {
				j = inMention[j]
				continue
			}
			if s.tags[j] == doc.POS {
				// "Iran's supreme leader": the possessor is its own NP.
				if j+1 < n && (s.npStart(j+1) || inMention[j+1] > 0) && s.tags[j+1] != doc.PRP {
					possessor = s.addNP(start, j, -1)
					j++
					start = j
					continue
				}
				j++
				break
			}
			// "a Syrian Democratic Forces (SDF) spokesman": an
			// abbreviation in brackets inside the phrase.
			if s.tags[j] == doc.LRB {
				k := j + 1
				for k < n && k < j+4 && s.tags[k].IsProper() {
					k++
				}
				if k > j+1 && k+1 < n && s.tags[k] == doc.RRB && (s.npInside(k+1) || inMention[k+1] > 0) {
					j = k + 1
					continue
				}
			}
			if !s.npInside(j) {
				break
			}
			if s.timeAfterName(j) {
				break // "Bahrain Monday severed", "Israel last night launched"
			}
			// "give Syrian rebels surface-to-air weapons": a plural noun
			// followed by a modifier starts the second object.
			if t := s.tags[j-1]; (t == doc.NNS || t == doc.NNPS) && s.tags[j].IsAdj() && inMention[j] == 0 {
				break
			}
			j++
		}
		if possessor >= 0 && start == j {
			i = j
			continue
		}
		s.addNP(start, j, possessor)
		if possessor >= 0 {
			s.p.NPs[len(s.p.NPs)-1].First = s.p.NPs[possessor].First
			for k := s.p.NPs[possessor].First; k < s.p.NPs[possessor].Last; k++ {
				s.p.NPOf[k] = len(s.p.NPs) - 1
			}
		}
		i = j
	}
}

// timeAfterName reports whether token j starts a time expression right
// after a name: a day ("Monday", "today", "yesterday", "tonight") or
// "last/this/earlier + night/week/month/...". News writes "Moscow today
// warned", "The Security Council Monday imposed": the time word is not
// part of the name's phrase, though tags alone would join them.
func (s *sentence) timeAfterName(j int) bool {
	if j == 0 || !(s.tags[j-1].IsProper() || s.inMention[j-1] > 0) {
		return false
	}
	return dayWords[s.lemma(j)] || s.modifiedTime(j)
}

// addNP records tokens [first, last) as a noun phrase and returns its index.
func (s *sentence) addNP(first, last, possessor int) int {
	s.p.NPs = append(s.p.NPs, NP{First: first, Last: last, Head: s.lastNoun(first, last), Possessor: possessor, Appos: -1})
	idx := len(s.p.NPs) - 1
	for k := first; k < last; k++ {
		s.p.NPOf[k] = idx
	}
	return idx
}

// coordinate joins "A, B and C" into one NP whose members are A, B, C,
// unless the NP after the conjunction is the subject of a new clause
// ("... and the UAE refused").
func (s *sentence) coordinate() {
	// The top-level phrases, in order (a possessor is inside its NP).
	var top []int
	for k, x := range s.p.NPs {
		if s.p.NPOf[x.First] == k {
			top = append(top, k)
		}
	}
	for a := 0; a < len(top); a++ {
		if a+1 < len(top) && s.adjectiveCoordination(top[a], top[a+1]) {
			// "Ithilen's awful and evil minister": one phrase whose
			// adjectives are coordinated.
			x, next := &s.p.NPs[top[a]], s.p.NPs[top[a+1]]
			x.Last, x.Head = next.Last, next.Head
			for k := x.First; k < x.Last; k++ {
				if s.p.NPOf[k] < 0 || s.p.NPOf[k] == top[a+1] {
					s.p.NPOf[k] = top[a]
				}
			}
			top = append(top[:a+1], top[a+2:]...)
			a--
			continue
		}
		members := []int{top[a]}
		b := a
		for b+1 < len(top) {
			cur, next := s.p.NPs[top[b]], s.p.NPs[top[b+1]]
			gap := s.toks[cur.Last:next.First]
			if !s.coordGap(gap) {
				break
			}
			first := s.p.NPs[top[a]].First
			if next.Last < len(s.toks) && isFinite(s.tags[next.Last]) && s.objectPosition(first) && !s.afterSpeechVerb(first) {
				break // "X attacked Y and Z retaliated": two clauses
			}
			if s.afterPrep(first) && !s.hasConj(gap) && !s.listEndsInConj(top, a) {
				break // "in Paris, Arab diplomats": a list after a preposition is not one
			}
			b++
			members = append(members, top[b])
			if s.hasConj(gap) {
				break
			}
		}
		if len(members) < 2 {
			continue
		}
		last := s.p.NPs[top[b]]
		if !s.hasConj(s.toks[s.p.NPs[top[b-1]].Last:last.First]) {
			continue
		}
		first := s.p.NPs[top[a]].First
		s.p.NPs = append(s.p.NPs, NP{First: first, Last: last.Last, Head: last.Head, Members: members, Possessor: -1, Appos: -1})
		idx := len(s.p.NPs) - 1
		for k := first; k < last.Last; k++ {
			s.p.NPOf[k] = idx
		}
		a = b
	}
}

// adjectiveCoordination reports whether phrase a ends in an adjective
// that no dictionary phrase covers and a conjunction joins it to phrase b,
// which starts with an adjective: "awful and evil minister" is one phrase.
// A country adjective keeps its own actor ("Ukrainian and Russian
// negotiators" are two).
func (s *sentence) adjectiveCoordination(a, b int) bool {
	x, y := s.p.NPs[a], s.p.NPs[b]
	last := x.Last - 1
	if !s.tags[last].IsAdj() || s.inMention[last] != 0 || !s.tags[y.First].IsAdj() || s.inMention[y.First] != 0 {
		return false
	}
	gap := s.toks[x.Last:y.First]
	return len(gap) == 1 && s.hasConj(gap)
}

// listEndsInConj reports whether the top-level phrases from top[k] on
// continue a list that a conjunction closes: "with Mordor, Rohan, Fornost
// and Bree".
func (s *sentence) listEndsInConj(top []int, k0 int) bool {
	for k := k0; k+1 < len(top); k++ {
		gap := s.toks[s.p.NPs[top[k]].Last:s.p.NPs[top[k+1]].First]
		if !s.coordGap(gap) {
			return false
		}
		if s.hasConj(gap) {
			// "in Paris, Arab, European, and other diplomats began": the
			// last phrase is the subject of a clause, not a list's end.
			end := s.p.NPs[top[k+1]].Last
			if end >= len(s.toks) || !isFinite(s.tags[end]) {
				return true
			}
			// "The ambassadors of Arnor, Osgiliath and Gondor presented":
			// the preposition hangs on a noun, the list is its object.
			prep := s.p.NPs[top[k0]].First - 1
			for prep > 0 && (s.tags[prep] == doc.RB || s.tags[prep] == doc.DT) {
				prep--
			}
			return prep > 0 && s.p.NPOf[prep-1] >= 0
		}
	}
	return false
}

// coordGap reports whether the tokens between two NPs are ", " or "and",
// ", and", "or".
func (s *sentence) coordGap(gap []doc.Token) bool {
	if len(gap) == 0 || len(gap) > 2 {
		return false
	}
	for _, t := range gap {
		if t.Tag != doc.Comma && t.Tag != doc.CC {
			return false
		}
	}
	return true
}

func (s *sentence) hasConj(gap []doc.Token) bool {
	for _, t := range gap {
		if t.Tag == doc.CC {
			w := strings.ToLower(t.Text(s.txt))
			return w == "and" || w == "or" || w == "&" || w == "nor"
		}
	}
	return false
}

func isFinite(t doc.Tag) bool {
	return t == doc.VBD || t == doc.VBZ || t == doc.VBP || t == doc.MD
}

// objectPosition reports whether an NP starting at first follows a verb
// (an object), rather than starting its clause or following a preposition
// ("ministers from Norway and Chile met").
func (s *sentence) objectPosition(first int) bool {
	for i := first - 1; i >= 0; i-- {
		switch t := s.tags[i]; {
		case t == doc.RB || t == doc.DT:
			continue
		case t.IsVerb():
			return true
		default:
			return false
		}
	}
	return false
}

// afterSpeechVerb reports whether an NP starting at first follows a verb
// of saying or thinking: "believes Dagolath and Osgiliath can cope" has
// the list as the subject of what is believed.
func (s *sentence) afterSpeechVerb(first int) bool {
	for i := first - 1; i >= 0; i-- {
		switch t := s.tags[i]; {
		case t == doc.RB || t == doc.DT:
			continue
		case t.IsVerb():
			return speechVerbs[s.lemma(i)]
		default:
			return false
		}
	}
	return false
}

// afterPrep reports whether an NP starting at first is a preposition's
// object.
func (s *sentence) afterPrep(first int) bool {
	for i := first - 1; i >= 0; i-- {
		switch t := s.tags[i]; t {
		case doc.RB, doc.DT:
			continue
		case doc.IN, doc.TO:
			return true
		default:
			return false
		}
	}
	return false
}
