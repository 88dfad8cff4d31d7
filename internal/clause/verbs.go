package clause

import (
	"dyad/internal/doc"
)

// verbGroups finds the verb groups: finite groups ("has not been
// excluded", "will coordinate"), infinitives ("to join"), and participles
// after a noun ("weapons given to rebels", a reduced relative: passive).
func (s *sentence) verbGroups() {
	n := len(s.toks)
	for i := 0; i < n; i++ {
		t := s.tags[i]
		switch {
		case t == doc.TO && i+1 < n && s.tags[i+1] == doc.VB:
			end := s.groupEnd(i + 1)
			s.addPred(i, end, true)
			i = end - 1
		case (t.IsVerb() || t == doc.MD) && s.p.NPOf[i] < 0:
			if (t == doc.VBG) && i > 0 && s.tags[i-1] == doc.IN {
				continue // "by saying", "in cooperating": not a clause of its own
			}
			if s.lemma(i) == "accord" && i+1 < n && s.lemma(i+1) == "to" {
				continue // "according to": an attribution (the quote stage's)
			}
			end := s.groupEnd(i)
			if end == i {
				continue
			}
			s.addPred(i, end, false)
			i = end - 1
		}
	}
}

// groupEnd returns the end of the verb group starting at i: modals, verbs
// and the adverbs between them, up to the last verb.
func (s *sentence) groupEnd(i int) int {
	last := -1
	for j := i; j < len(s.toks); j++ {
		t := s.tags[j]
		if j > i && s.p.NPOf[j] >= 0 {
			return last + 1 // "are using [captured weapons]"
		}
		switch {
		case t.IsVerb() || t == doc.MD:
			if j > i && t == doc.VBG && last >= 0 && s.lemma(last) != "be" {
				return last + 1 // "started bombarding": a new group
			}
			if s.hasArcs && last >= 0 && isFinite(s.tags[last]) && !s.auxiliary(last) {
				return last + 1 // "the tanker Iran seized was taken": the arcs part them
			}
			last = j
		case t == doc.RB || t == doc.RBR:
			if last < 0 && j > i {
				return i
			}
		default:
			return last + 1
		}
	}
	return last + 1
}

func (s *sentence) addPred(first, last int, infinitive bool) {
	head := last - 1
	pr := Predicate{
		First: first, Last: last, Head: head, Subject: -1, Object: -1, Agent: -1,
		Xcomp: -1, Comp: -1, Parent: -1, Infinitive: infinitive,
	}
	pr.Lemma = s.lemma(head)
	aux := false
	for k := first; k <= head; k++ {
		if isFinite(s.tags[k]) {
			pr.Finite = true
		}
	}
	for k := first; k < head; k++ {
		switch s.lemma(k) {
		case "not", "n't", "never":
			pr.Negated = true
		case "be", "get":
			aux = true
		case "will", "shall", "'ll":
			pr.Modality = Future
		case "may", "might", "could", "would", "should", "must", "can", "ca", "'d":
			if pr.Modality == Asserted {
				pr.Modality = Hypothetical
			}
		}
	}
	if s.tags[head] == doc.VBN && (aux || first == head && s.reducedRelative(first)) {
		pr.Voice = Passive
		if aux && statives[pr.Lemma] && !s.byFollows(head) {
			// "Washington was opposed to ...": a state of the subject.
			pr.Voice = Active
		}
	}
	if head+1 < len(s.toks) && s.tags[head+1] == doc.RP {
		pr.Lemma += " " + s.lemma(head+1)
		pr.Last = head + 2
	}
	pr.Speech = speechVerbs[pr.Lemma]
	s.p.Preds = append(s.p.Preds, pr)
}

// reducedRelative reports whether a bare participle at first follows a
// noun phrase or starts the sentence: "a study released last week",
// "Formerly affiliated with al-Qaeda, ...".
//
// After a noun phrase, the participle is taken for the main verb (a VBD
// the tagger missed: "Chilean troops surrendered to Peruvian forces")
// unless a finite verb follows later in the sentence or a "by" phrase
// follows it.
func (s *sentence) reducedRelative(first int) bool {
	if first == 0 {
		return true
	}
	j := first - 1
	for j > 0 && (s.tags[j] == doc.RB || s.tags[j] == doc.RBR) {
		j-- // "state media sharply criticized": look past the adverbs
	}
	if s.tags[j] == doc.Comma || j == 0 && s.tags[0] == doc.RB {
		return true // "Formerly affiliated with ..., IS is"
	}
	if s.p.NPOf[j] < 0 {
		return false
	}
	after := first + 1
	if after < len(s.tags) && s.tags[after] == doc.RP {
		after++
	}
	if after < len(s.tags) && s.p.NPOf[after] >= 0 && !s.timeNP(s.p.NPOf[after]) && s.tags[s.p.NPs[s.p.NPOf[after]].Head] != doc.CD {
		// "Ethiopia broken down a treaty": a participle with an object is
		// a past tense the tagger missed, not a passive.
		return false
	}
	for j := first + 1; j < len(s.tags); j++ {
		if isFinite(s.tags[j]) || s.tags[j] == doc.IN && s.lemma(j) == "by" && j-first <= 8 {
			return true
		}
	}
	return false
}

// SpeechVerb reports whether lemma is a verb of saying, whose clausal
// complement is reported speech.
func SpeechVerb(lemma string) bool { return speechVerbs[lemma] }

// speechVerbs are the verbs whose clausal complement is reported speech.
var speechVerbs = map[string]bool{
	"say": true, "tell": true, "add": true, "report": true, "announce": true,
	"claim": true, "insist": true, "warn": true, "state": true, "acknowledge": true,
	"deny": true, "reiterate": true, "emphasize": true, "emphasise": true,
	"note": true, "confirm": true, "allege": true, "argue": true, "declare": true,
	"stress": true, "explain": true, "write": true, "tweet": true, "predict": true,
	"admit": true, "assert": true, "maintain": true, "suggest": true, "reveal": true,
	"believe": true, "think": true, "fear": true, "indicate": true, "point out": true,
}

// repairTags fixes a common tagging error before chunking: a lone VBZ or
// VBP between a name and names that a finite verb follows is a plural
// noun ("Persian Gulf states Saudi Arabia and United Arab Emirates have
// volunteered").
func (s *sentence) repairTags() {
	n := len(s.tags)
	for i := 1; i+1 < n; i++ {
		// A verb of saying tagged as a participle after a comma, before
		// what is said, is the main verb: "Hahn, the EU commissioner,
		// insisted "...""; "..., a spokesman, said that".
		if s.tags[i] == doc.VBN && s.tags[i-1] == doc.Comma && speechVerbs[s.lemma(i)] &&
			(s.tags[i+1] == doc.LQuote || s.tags[i+1] == doc.Colon || s.tags[i+1] == doc.IN && s.lemma(i+1) == "that") {
			s.tags[i] = doc.VBD
			continue
		}
		if t := s.tags[i]; t != doc.VBZ && t != doc.VBP || !s.tags[i-1].IsNoun() || !s.tags[i+1].IsProper() {
			continue
		}
		switch s.lemma(i) {
		case "believe", "think", "say", "insist", "argue", "suggest", "predict", "warn", "assert", "deny":
			continue // "Arnor believes Dagolath and Osgiliath can cope": a verb ("states" is not)
		}
		j := i + 1
		for j < n && (s.tags[j].IsProper() || s.tags[j] == doc.CC || s.tags[j] == doc.DT || s.tags[j] == doc.Comma) {
			j++
		}
		for j < n && s.tags[j] == doc.RB {
			j++
		}
		if j < n && isFinite(s.tags[j]) {
			s.tags[i] = doc.NNS
		}
	}
}

// statives are participles that after "be" describe their subject rather
// than a passive act done to it ("is opposed to", "is committed to"),
// unless a by-phrase names an agent.
var statives = map[string]bool{
	"oppose": true, "commit": true, "determine": true, "prepare": true, "involve": true,
	"interest": true, "concern": true, "worry": true, "dedicate": true, "devote": true,
	"resolve": true, "entitle": true, "engage": true, "ally": true, "align": true,
	"satisfy": true, "disappoint": true, "convince": true, "gratify": true, "pleased": true,
	"please": true, "alarm": true, "frustrate": true, "divide": true, "unite": true,
}

// byFollows reports whether a "by" phrase follows the verb in its clause.
func (s *sentence) byFollows(head int) bool {
	for j := head + 1; j < len(s.tags) && j <= head+8; j++ {
		if s.tags[j] == doc.IN && s.lemma(j) == "by" {
			return true
		}
		if s.tags[j] == doc.Period || s.tags[j] == doc.Colon {
			return false
		}
	}
	return false
}
