package clause

import (
	"dyad/internal/doc"
)

// attach gives each predicate its subject, object, prepositional
// arguments and complements, by position within the clause.
func (s *sentence) attach() {
	preds := s.p.Preds
	for pi := range preds {
		s.attachRight(pi)
	}
	for pi := range preds {
		s.attachComplement(pi)
	}
	for pi := range preds {
		if preds[pi].Infinitive {
			continue // subject from the parent or the verb before, below
		}
		s.attachSubject(pi)
	}
	for pi := range preds {
		s.markSubjunctive(pi)
	}
	// Infinitive subjects, now that the parents have theirs. An infinitive
	// without a parent verb complements a noun ("an offer to join", "efforts
	// to reach") and has no subject: who would join is not said.
	s.infinitiveSubjects()
}

// infinitiveSubjects gives each infinitive without a subject its
// parent's (inheritSubject), once the parents have theirs.
func (s *sentence) infinitiveSubjects() {
	for pi := range s.p.Preds {
		if p := &s.p.Preds[pi]; p.Infinitive && p.Parent >= 0 && p.Subject < 0 {
			s.inheritSubject(pi)
		}
	}
}

// objectControl verbs give their object as the subject of their
// infinitive: "pressured the US to give", "urged Iran to join".
var objectControl = map[string]bool{
	"urge": true, "ask": true, "pressure": true, "force": true, "persuade": true,
	"invite": true, "allow": true, "help": true, "encourage": true, "order": true,
	"tell": true, "call on": true, "press": true, "push": true, "authorize": true,
	"authorise": true, "permit": true, "compel": true, "request": true, "advise": true,
	"warn": true, "instruct": true, "require": true, "enable": true,
}

// boundary reports whether token i ends the arguments of a predicate.
func (s *sentence) boundary(i int) bool {
	switch t := s.tags[i]; t {
	case doc.Period, doc.Colon, doc.WDT, doc.WP, doc.WRB, doc.LQuote, doc.RQuote:
		return true
	case doc.CC:
		return true
	case doc.IN:
		switch s.lemma(i) {
		case "that", "because", "while", "although", "if", "though", "whether", "unless", "after", "before", "since", "as":
			return s.p.NPOf[i] < 0 && !(s.lemma(i) == "as" && i+1 < len(s.toks) && s.p.NPOf[i+1] >= 0 && s.predAt(i+2) < 0)
		}
	}
	return false
}

// predAt returns the predicate whose verb group starts at token i, or -1.
func (s *sentence) predAt(i int) int {
	for k := range s.p.Preds {
		if s.p.Preds[k].First == i {
			return k
		}
	}
	return -1
}

// attachRight finds the object and the prepositional arguments after the
// verb group.
func (s *sentence) attachRight(pi int) {
	p := &s.p.Preds[pi]
	n := len(s.toks)
	i := p.Last
	// The direct object: an NP right after the verb (not for a passive, nor
	// for "be").
	if i < n && s.p.NPOf[i] >= 0 && s.timeNP(s.p.NPOf[i]) {
		i = s.p.NPs[s.p.NPOf[i]].Last // "said Monday that"
	}
	if i < n && s.p.NPOf[i] >= 0 && p.Voice == Active && p.Lemma != "be" {
		p.Object = s.outerNP(i)
		i = s.p.NPs[p.Object].Last
		if i < n && s.tags[i] == doc.RP { // "rule it out"
			p.Lemma += " " + s.lemma(i)
			i++
		}
	}
	for i < n {
		t := s.tags[i]
		switch {
		case s.predAt(i) >= 0 || s.boundary(i):
			return
		case t == doc.IN || t == doc.TO && (i+1 >= n || s.tags[i+1] != doc.VB):
			at := i + 1
			if at+1 < n && s.tags[at] == doc.CC && s.p.NPOf[at+1] >= 0 {
				at++ // "with both lethal and non-lethal aid"
			}
			if np := s.namedByFreeRelative(at); np >= 0 {
				// "took issue with what he called Washington's intentions"
				p.Args = append(p.Args, Arg{Prep: s.lemma(i), Tok: i, NP: np})
				return
			}
			if at < n && s.p.NPOf[at] >= 0 {
				np := s.outerNP(at)
				if end := s.p.NPs[np].Last; s.quantity(np) && end+1 < n && s.lemma(end) == "of" && s.p.NPOf[end+1] >= 0 {
					np = s.outerNP(end + 1) // "to thousands of refugees": the refugees
				}
				arg := Arg{Prep: s.lemma(i), Tok: i, NP: np}
				if arg.Prep == "by" && p.Voice == Passive && p.Agent < 0 {
					p.Agent = np
				} else {
					p.Args = append(p.Args, arg)
				}
				i = s.p.NPs[np].Last
				continue
			}
			i++
		case s.p.NPOf[i] >= 0:
			i = s.p.NPs[s.outerNP(i)].Last
		case t == doc.Comma:
			// A comma ends the arguments unless a prepositional phrase
			// follows ("..., in Paris").
			if i+1 < n && s.tags[i+1] == doc.IN && s.lemma(i+1) != "that" {
				i++
				continue
			}
			return
		default:
			i++
		}
	}
}

// outerNP returns the largest NP containing token i (a coordination over
// its members).
func (s *sentence) outerNP(i int) int { return s.p.NPOf[i] }

// attachComplement links infinitives to the verb before them and verbs of
// saying to the clause they report.
func (s *sentence) attachComplement(pi int) {
	preds := s.p.Preds
	p := &preds[pi]
	if pi+1 < len(preds) {
		next := &preds[pi+1]
		if next.Infinitive && next.Parent < 0 && s.onlyBetween(p, next) {
			p.Xcomp, next.Parent = pi+1, pi
		}
	}
	if !p.Speech || p.Comp >= 0 {
		return
	}
	// "said (that) the US offered": the next finite predicate, with no
	// comma between ("said Khamenei, IRNA reported" reports what came
	// before).
	for k := pi + 1; k < len(preds); k++ {
		q := &preds[k]
		if q.Infinitive || q.Parent >= 0 || !q.Finite {
			continue
		}
		if s.clauseBreakBetween(p.Last, q.First) || s.commaBetween(p.Last, q.First) {
			break
		}
		p.Comp, q.Parent = k, pi
		return
	}
	// "The US is lying, Khamenei said.", "..., said Khamenei, IRNA
	// reported": the nearest earlier predicate not yet reported, a verb
	// of saying included (IRNA reported what Khamenei said). Only for an
	// attribution that follows a comma or a quote mark.
	if !s.trailingAttribution(p.First) {
		return
	}
	for k := pi - 1; k >= 0; k-- {
		q := &preds[k]
		if q.Parent >= 0 || q.Infinitive || !q.Finite || q.Comp == pi {
			continue
		}
		if s.clauseBreakBetween(q.Last, p.First) {
			break
		}
		p.Comp, q.Parent = k, pi
		return
	}
}

// commaBetween reports a comma between two tokens, outside brackets.
func (s *sentence) commaBetween(from, to int) bool {
	depth := 0
	for i := from; i < to; i++ {
		switch s.tags[i] {
		case doc.LRB:
			depth++
		case doc.RRB:
			depth--
		case doc.Comma:
			if depth <= 0 {
				return true
			}
		}
	}
	return false
}

// onlyBetween reports whether only the parent's object (or nothing) lies
// between a verb group and an infinitive: "refused to join", "pressured
// the US to give".
func (s *sentence) onlyBetween(p, next *Predicate) bool {
	i := p.Last
	if p.Object >= 0 {
		if x := s.p.NPs[p.Object]; !objectControl[p.Lemma] && !s.timeNP(p.Object) && len(x.Members) == 0 && !s.tags[x.Head].IsProper() {
			return false // "abandoned efforts to stop": the infinitive is the noun's
		}
		i = s.p.NPs[p.Object].Last
	}
	for i < next.First && (s.tags[i] == doc.RB || s.tags[i] == doc.Comma) {
		i++
	}
	if i+1 == next.First && p.Lemma == "be" && s.lemma(i) == "about" {
		return true // "is about to restore": what the subject will do
	}
	return i == next.First
}

// clauseBreakBetween reports a sentence-level break (a full stop or a
// semicolon) between two tokens.
func (s *sentence) clauseBreakBetween(from, to int) bool {
	for i := from; i < to; i++ {
		switch s.tags[i] {
		case doc.Period:
			return true
		case doc.Colon:
			if w := s.word(i); w == ";" {
				return true
			}
		}
	}
	return false
}

// attachSubject finds the subject of a finite predicate: the nearest NP
// to its left in its clause; the antecedent of "who"/"which"/"that"; the
// subject of the verb it is coordinated with; or, for an inverted verb of
// saying ("..., said Khamenei"), the NP after it.
func (s *sentence) attachSubject(pi int) {
	p := &s.p.Preds[pi]
	i := p.First - 1
	for i >= 0 && (s.tags[i] == doc.RB || s.tags[i] == doc.RBR || s.tags[i] == doc.RBS) {
		i--
	}
	// "Sharon Robinson, however, insisted": an adverb between commas.
	for i >= 2 && s.tags[i] == doc.Comma && (s.tags[i-1] == doc.RB || s.tags[i-1] == doc.RBR) && s.tags[i-2] == doc.Comma {
		i -= 3
	}
	// A parenthesis or an appositive between commas: skip it.
	for i >= 0 && (s.tags[i] == doc.RRB) {
		for i >= 0 && s.tags[i] != doc.LRB {
			i--
		}
		i--
	}
	if i > 0 && s.tags[i] == doc.Comma && !p.Speech {
		// "Arnor's foreign minister, in remarks published on Monday,
		// urged": a prepositional aside between commas.
		for k := i - 1; k > 0 && k >= i-12; k-- {
			if s.tags[k] == doc.Comma {
				if s.tags[k+1] == doc.IN && s.p.NPOf[k-1] >= 0 {
					i = k - 1
				}
				break
			}
			if s.tags[k] == doc.Period || isFinite(s.tags[k]) {
				break
			}
		}
	}
	if i >= 0 {
		switch t := s.tags[i]; {
		case s.p.NPOf[i] >= 0:
			p.Subject = s.headOfPPChain(s.outerNP(i))
			if t == doc.CD && s.timeWord(i) {
				p.Subject = -1
				break
			}
			// "Khamenei said Monday": a time word is no subject.
			if s.timeNP(p.Subject) {
				p.Subject = -1
				if j := s.p.NPs[s.outerNP(i)].First - 1; j >= 0 && s.p.NPOf[j] >= 0 {
					p.Subject = s.outerNP(j)
				}
			}
		case t == doc.WDT || t == doc.WP || t == doc.IN && s.lemma(i) == "that":
			if i > 0 && s.p.NPOf[i-1] >= 0 {
				p.Subject = s.outerNP(i - 1)
			} else if i > 1 && s.tags[i-1] == doc.Comma && s.p.NPOf[i-2] >= 0 {
				p.Subject = s.outerNP(i - 2)
			}
		case t == doc.CC:
			// "Iran refused and walked out": the earlier verb's subject.
			for k := pi - 1; k >= 0; k-- {
				if q := s.p.Preds[k]; !q.Infinitive && q.Last <= i {
					p.Subject = q.Subject
					break
				}
			}
		case t == doc.Comma || t == doc.RQuote || t == doc.LQuote:
			if a, b := s.apposition(i); a >= 0 && t == doc.Comma {
				// "Johannes Hahn, the EU commissioner, insisted".
				p.Subject = a
				s.p.NPs[a].Appos = b
			} else if q := s.relativeBefore(pi, i); q >= 0 && t == doc.Comma {
				// "Jack Letts, who is suspected of joining IS, said".
				p.Subject = s.p.Preds[q].Subject
			} else if p.Speech && p.Object >= 0 && !s.opensClause(p.Object) {
				// "..., said Khamenei, ...": inverted; not "..., said he
				// missed Britain", where "he" begins what is said.
				p.Subject, p.Object = p.Object, -1
			}
		}
	}
	// "A second Briton who left to go to Syria has said": the nearest
	// noun phrase belongs to a relative clause; the subject is what the
	// clause describes.
	if p.Subject >= 0 && s.tags[max(i, 0)] != doc.Comma {
		if q := s.relativeAround(pi, s.p.NPs[p.Subject].First); q >= 0 {
			p.Subject = s.p.Preds[q].Subject
		}
	}
	if p.Subject < 0 && p.Speech && p.Object >= 0 && i >= 0 && s.tags[i] == doc.RQuote {
		p.Subject, p.Object = p.Object, -1
	}
	// An inverted speech verb may have lost its subject to a quote mark
	// just before it.
	if p.Subject < 0 && p.Speech && p.Last < len(s.toks) && s.p.NPOf[p.Last] >= 0 && p.Object < 0 {
		p.Subject = s.outerNP(p.Last)
	}
}

// apposition recognises "A, B," ending at the comma at i, where B
// describes A ("Turkey's president, Recep Tayyip Erdogan,"; "Johannes
// Hahn, the EU commissioner for enlargement,") and A opens its clause.
// It returns A and B, or -1, -1.
func (s *sentence) apposition(i int) (int, int) {
	if i < 1 || s.p.NPOf[i-1] < 0 {
		return -1, -1
	}
	b := s.headOfPPChain(s.outerNP(i - 1))
	if s.p.NPOf[i-1] != b && s.outerNP(i-1) != b && s.timeNP(s.outerNP(i-1)) {
		return -1, -1
	}
	k := s.p.NPs[b].First - 1
	if k < 1 || s.tags[k] != doc.Comma || s.p.NPOf[k-1] < 0 {
		return -1, -1
	}
	a := s.headOfPPChain(s.outerNP(k - 1))
	if a == b || len(s.p.NPs[a].Members) > 0 || len(s.p.NPs[b].Members) > 0 || s.timeNP(b) {
		return -1, -1
	}
	// A opens its clause: the sentence, a quote, or a conjunction.
	if j := s.p.NPs[a].First - 1; j >= 0 {
		switch s.tags[j] {
		case doc.Comma, doc.LQuote, doc.RQuote, doc.CC, doc.Colon:
		case doc.IN, doc.RB:
			if s.tags[j] == doc.IN && !s.boundary(j) {
				return -1, -1
			}
		default:
			return -1, -1
		}
	}
	return a, b
}

// relative reports whether predicate q opens a relative clause: "who",
// "which" or "that" right before its verb group, its subject the phrase
// before that word.
func (s *sentence) relative(q *Predicate) bool {
	j := q.First - 1
	for j >= 0 && (s.tags[j] == doc.RB || s.tags[j] == doc.RBR) {
		j--
	}
	return j > 0 && q.Subject >= 0 && q.Finite && !q.Infinitive &&
		(s.tags[j] == doc.WP || s.tags[j] == doc.WDT) && s.p.NPs[q.Subject].Last <= j
}

// relativeBefore returns the relative clause that ends at the comma at
// i, before predicate pi ("X, who is suspected of ..., said"), or -1.
func (s *sentence) relativeBefore(pi, i int) int {
	for k := pi - 1; k >= 0; k-- {
		q := &s.p.Preds[k]
		if q.Last > i {
			continue
		}
		if s.relative(q) && !s.clauseBreakBetween(q.First, i) && s.tags[s.p.NPs[q.Subject].Last] == doc.Comma {
			return k
		}
		if q.Finite && !q.Infinitive && q.Parent < 0 && !s.relative(q) {
			return -1 // another clause's verb
		}
	}
	return -1
}

// relativeAround returns the relative clause, before predicate pi, whose
// words hold token at, or -1: the noun phrase at at is the clause's, not
// pi's subject.
func (s *sentence) relativeAround(pi, at int) int {
	for k := pi - 1; k >= 0; k-- {
		q := &s.p.Preds[k]
		if q.First > at || q.Infinitive || q.Parent >= 0 {
			continue // after the phrase, or a complement of a verb before
		}
		if s.relative(q) && !s.commaBetween(q.First, s.p.Preds[pi].First) && !s.clauseBreakBetween(q.First, s.p.Preds[pi].First) {
			return k
		}
		return -1
	}
	return -1
}

// opensClause reports whether noun phrase np is followed by a verb group
// that it is the subject of ("said he missed Britain").
func (s *sentence) opensClause(np int) bool {
	j := s.p.NPs[np].Last
	for j < len(s.tags) && (s.tags[j] == doc.RB || s.tags[j] == doc.RBR) {
		j++
	}
	return j < len(s.tags) && (isFinite(s.tags[j]) || s.tags[j] == doc.MD)
}

// inheritSubject sets an infinitive's subject from its parent: the
// parent's object for object-control verbs, else the parent's subject.
func (s *sentence) inheritSubject(pi int) {
	p := &s.p.Preds[pi]
	parent := &s.p.Preds[p.Parent]
	if objectControl[parent.Lemma] && parent.Object >= 0 {
		p.Subject = parent.Object
		return
	}
	p.Subject = parent.Subject
	if parent.Voice == Passive && parent.Subject >= 0 {
		p.Subject = parent.Subject
	}
}

func (s *sentence) timeNP(np int) bool {
	x := s.p.NPs[np]
	switch x.Last - x.First {
	case 1:
		return s.timeWord(x.Head)
	case 2:
		return s.modifiedTime(x.First)
	}
	return false
}

// dayWords name a day by itself; timeWord adds the units that, bare,
// also say when ("said Monday", "this week").
var dayWords = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "today": true, "yesterday": true, "tonight": true,
}

// dayParts are the time nouns a timeModifier turns into a time
// expression: "last night", "this week", "earlier this month".
var dayParts = map[string]bool{
	"night": true, "week": true, "month": true, "year": true, "morning": true,
	"evening": true, "afternoon": true, "weekend": true,
}

var timeModifiers = map[string]bool{"last": true, "this": true, "earlier": true, "late": true}

func (s *sentence) timeWord(i int) bool {
	l := s.lemma(i)
	return dayWords[l] || l == "week" || l == "month" || l == "year"
}

// modifiedTime reports whether tokens i and i+1 are a time modifier and a
// time noun: "last night", "this week".
func (s *sentence) modifiedTime(i int) bool {
	return i+1 < len(s.toks) && timeModifiers[s.lemma(i)] && dayParts[s.lemma(i+1)]
}

// headOfPPChain climbs from an NP that is the object of a preposition to
// the NP the prepositional phrase modifies: "the ambassador in Iraq" for
// "Iraq".
func (s *sentence) headOfPPChain(np int) int {
	for {
		i := s.p.NPs[np].First - 1
		if i < 1 || s.tags[i] != doc.IN || s.lemma(i) == "that" || s.p.NPOf[i-1] < 0 {
			return np
		}
		outer := s.outerNP(i - 1)
		if s.lemma(i) == "of" && s.quantity(outer) {
			return np // "thousands of protesters": the protesters
		}
		np = outer
	}
}

// quantity reports whether an NP only counts what its "of" phrase names:
// "thousands", "dozens", "some", "a group", "members".
func (s *sentence) quantity(np int) bool {
	x := s.p.NPs[np]
	if s.tags[x.Head] == doc.CD {
		return true
	}
	switch s.lemma(x.Head) {
	case "thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "million", "millions",
		"some", "many", "most", "all", "group", "number", "crowd", "member", "handful", "scores", "score":
		return true
	}
	return false
}

// trailingAttribution reports whether the verb group at first follows a
// comma or a quote mark, directly or after its subject: "..., said X",
// "...," X said", "..., IRNA reported".
func (s *sentence) trailingAttribution(first int) bool {
	j := first - 1
	if j >= 0 && s.p.NPOf[j] >= 0 {
		j = s.p.NPs[s.p.NPOf[j]].First - 1
	}
	if j < 0 {
		return false
	}
	switch s.tags[j] {
	case doc.Comma, doc.RQuote, doc.LQuote:
		return true
	}
	return false
}

// namingVerbs introduce the name a speaker gives something in a free
// relative: "what he called X", "what it described as X".
var namingVerbs = map[string]bool{
	"call": true, "describe": true, "refer": true, "term": true, "dub": true,
	"label": true, "brand": true, "characterize": true, "characterise": true,
}

// namedByFreeRelative returns, for "what ... called X" starting at token
// i, the NP X, or -1: such a clause stands for X as an argument.
func (s *sentence) namedByFreeRelative(i int) int {
	if i >= len(s.tags) || s.tags[i] != doc.WP || s.lemma(i) != "what" {
		return -1
	}
	for j := i + 1; j < len(s.tags) && j <= i+6; j++ {
		if s.tags[j] == doc.Period || s.tags[j] == doc.Comma {
			return -1
		}
		if !s.tags[j].IsVerb() || !namingVerbs[s.lemma(j)] {
			continue
		}
		k := j + 1
		for k < len(s.tags) && (s.lemma(k) == "to" || s.lemma(k) == "as" || s.tags[k] == doc.LQuote) {
			k++
		}
		if k < len(s.tags) && s.p.NPOf[k] >= 0 {
			return s.outerNP(k)
		}
		return -1
	}
	return -1
}

// markSubjunctive makes hypothetical a bare verb after "that" whose
// subject it does not agree with: "demanded that Russia withdraw" says
// what was demanded, not what happened.
func (s *sentence) markSubjunctive(pi int) {
	p := &s.p.Preds[pi]
	if p.Subject < 0 || p.First != p.Head || p.Modality != Asserted {
		return
	}
	if t := s.tags[p.Head]; t != doc.VB && t != doc.VBP {
		return
	}
	np := s.p.NPs[p.Subject]
	if len(np.Members) > 0 {
		return
	}
	if t := s.tags[np.Head]; t != doc.NN && t != doc.NNP {
		return // "that they withdraw" agrees; it may be a plain present
	}
	if i := np.First - 1; i >= 0 && s.lemma(i) == "that" {
		p.Modality = Hypothetical
	}
}
