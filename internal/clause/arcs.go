package clause

import (
	"slices"

	"dyad/internal/doc"
)

// parsed reports whether the sentence carries dependency arcs: the parser
// gives every token of a sentence it parses a relation, the root's
// included, and leaves every token of other sentences at doc.NoRel.
func parsed(toks []doc.Token) bool {
	return len(toks) > 0 && toks[0].Rel != doc.NoRel
}

// arcs indexes a parsed sentence's dependency tree: each token's
// dependents in sentence order (linked lists in first and next), and what
// the clause stage found at each token, in flat slices of one allocation.
type arcs struct {
	first, next []int32 // first dependent of token i; next sibling of token i (-1: none)
	predOf      []int32 // the predicate whose main verb is token i, or -1
	coordOf     []int32 // the coordination made for token i by coordinateArcs, or -1
}

func (s *sentence) indexArcs() {
	n := len(s.toks)
	buf := make([]int32, 4*n)
	a := arcs{first: buf[:n], next: buf[n : 2*n], predOf: buf[2*n : 3*n], coordOf: buf[3*n:]}
	for i := range buf {
		buf[i] = -1
	}
	// Dependents are linked from the last to the first, so each list is
	// in sentence order.
	for i := n - 1; i >= 0; i-- {
		if h := s.head(i); h >= 0 {
			a.next[i] = a.first[h]
			a.first[h] = int32(i)
		}
	}
	s.arcs = a
	for pi := range s.p.Preds {
		a.predOf[s.p.Preds[pi].Head] = int32(pi)
	}
	for pi := range s.p.Preds {
		// A copula's clause hangs from the word it links the subject to
		// ("are ready [to restore]"): that word stands for the predicate.
		if n := s.node(&s.p.Preds[pi]); a.predOf[n] < 0 {
			a.predOf[n] = int32(pi)
		}
	}
}

// head returns token i's head, or -1 for the root or a head out of range.
func (s *sentence) head(i int) int {
	h := int(s.toks[i].Head)
	if h < 0 || h >= len(s.toks) || h == i {
		return -1
	}
	return h
}

func (s *sentence) rel(i int) doc.Rel { return s.toks[i].Rel }

// auxiliary reports whether the arcs make token i an auxiliary, a copula
// or a negation of the verb after it, that is a word of its verb group.
func (s *sentence) auxiliary(i int) bool {
	switch s.rel(i) {
	case doc.RelAux, doc.RelAuxPass, doc.RelCop, doc.RelAdvmod:
		return true
	}
	return false
}

// dependents calls f for each dependent of token h, in sentence order.
func (s *sentence) dependents(h int, f func(d int)) {
	for d := s.arcs.first[h]; d >= 0; d = s.arcs.next[d] {
		f(int(d))
	}
}

// child returns the first dependent of h with relation r, or -1.
func (s *sentence) child(h int, r doc.Rel) int {
	for d := s.arcs.first[h]; d >= 0; d = s.arcs.next[d] {
		if s.toks[d].Rel == r {
			return int(d)
		}
	}
	return -1
}

// attachArcs gives each predicate its arguments as the dependency arcs
// say, where attach guesses them by position. The verb groups (voice,
// negation, modality, speech) and noun phrases stay the shallow parser's;
// the arcs decide which phrase is the subject, object, agent or
// prepositional argument of which verb, and which clause complements which.
func (s *sentence) attachArcs() {
	s.indexArcs()
	preds := s.p.Preds
	for pi := range preds {
		s.arcArgs(pi)
	}
	// Links between clauses, in sentence order, so that a clause that
	// takes its subject from another finds it already set.
	for pi := range preds {
		s.arcLinks(pi)
	}
	s.breakCycles()
	for pi := range preds {
		s.markSubjunctive(pi)
	}
	s.infinitiveSubjects()
}

// breakCycles cuts a chain of Parent links that comes back to where it
// started: a parser gives trees, but the stages after this one walk the
// chains, so arcs from anywhere must not make them endless.
func (s *sentence) breakCycles() {
	preds := s.p.Preds
	for pi := range preds {
		k := preds[pi].Parent
		for steps := 0; k >= 0; steps++ {
			if k == pi || steps > len(preds) {
				preds[pi].Parent = -1
				break
			}
			k = preds[k].Parent
		}
	}
}

// node returns the token whose dependents are predicate p's arguments:
// its main verb, or for a copula ("is ready to", "was in Moscow") the
// word the copula links the subject to.
func (s *sentence) node(p *Predicate) int {
	h := p.Head
	if r := s.rel(h); r == doc.RelCop || r == doc.RelAux || r == doc.RelAuxPass {
		if up := s.head(h); up >= 0 {
			return up
		}
	}
	return h
}

// arcArgs reads one predicate's subject, object, agent and prepositional
// arguments off its dependents.
func (s *sentence) arcArgs(pi int) {
	p := &s.p.Preds[pi]
	h := s.node(p)
	iobj := -1
	s.dependents(h, func(d int) {
		if d >= p.First && d < p.Last {
			return // the verb group's own words
		}
		switch s.rel(d) {
		case doc.RelNsubj, doc.RelNsubjPass, doc.RelCsubj:
			if p.Subject < 0 {
				p.Subject = s.argNP(d)
				s.apposArc(p.Subject, d)
			}
		case doc.RelObj:
			if p.Object < 0 {
				p.Object = s.argNP(d)
				s.nmodArgs(p, d, 0)
			}
		case doc.RelIobj:
			iobj = s.argNP(d)
		case doc.RelObl, doc.RelOblAgent:
			s.oblArg(p, d)
			s.nmodArgs(p, d, 0)
		}
	})
	slices.SortStableFunc(p.Args, func(a, b Arg) int { return a.Tok - b.Tok })
	if iobj >= 0 {
		// "promised Kenya a loan": the recipient is the object the
		// patterns and targets read, as the shallow parser had it.
		p.Object = iobj
	}
	if p.Object >= 0 && p.Object == p.Subject {
		p.Object = -1
	}
}

// nmodArgs adds to p's arguments the prepositional phrases that modify
// the object or oblique at token d, and theirs in turn: "suspended talks
// with Russia", "sent aircraft with supplies to Indonesia", "travelled
// for talks with the Pakistani prime minister". The verb patterns and
// targets read them as the verb's, as the shallow parser, which attaches
// every phrase after the verb to it, did. The "of" phrase of a quantity
// ("dozens of people") is the argument itself, not another.
func (s *sentence) nmodArgs(p *Predicate, d, depth int) {
	if depth > 3 {
		return
	}
	own := s.p.NPOf[d]
	s.dependents(d, func(k int) {
		if r := s.rel(k); r != doc.RelNmod && r != doc.RelObl || s.p.NPOf[k] < 0 || s.p.NPOf[k] == own {
			return
		}
		if own >= 0 && s.quantity(own) && k == s.ofDependent(d) {
			return
		}
		s.oblArg(p, k)
		s.nmodArgs(p, k, depth+1)
	})
}

// oblArg adds the prepositional phrase headed by token d to p's
// arguments, or makes it p's agent ("by X" of a passive). A phrase with
// no preposition (a bare "Monday") is no argument.
func (s *sentence) oblArg(p *Predicate, d int) {
	np := s.argNP(d)
	c := s.child(d, doc.RelCase)
	if np < 0 || c < 0 {
		return
	}
	prep := s.lemma(c)
	if f := s.child(c, doc.RelFixed); f >= 0 {
		prep += " " + s.lemma(f) // "along with", "because of"
	}
	if (s.rel(d) == doc.RelOblAgent || prep == "by") && p.Voice == Passive && p.Agent < 0 {
		p.Agent = np
		return
	}
	p.Args = append(p.Args, Arg{Prep: prep, Tok: c, NP: np})
}

// arcLinks sets the links between predicate pi and the clauses around it:
// the infinitive or clause it complements, the subject a relative,
// participial or coordinated clause takes from outside.
func (s *sentence) arcLinks(pi int) {
	preds := s.p.Preds
	p := &preds[pi]
	h := s.node(p)
	up := s.head(h)
	upPred := -1
	if up >= 0 {
		upPred = int(s.arcs.predOf[up])
	}
	if upPred == pi {
		upPred = -1
	}
	switch r := s.rel(h); r {
	case doc.RelXcomp:
		if upPred >= 0 && preds[upPred].Xcomp < 0 {
			preds[upPred].Xcomp, p.Parent = pi, upPred
		}
	case doc.RelCcomp:
		if upPred >= 0 {
			p.Parent = upPred
			if q := &preds[upPred]; q.Comp < 0 {
				q.Comp = pi
			}
		}
	case doc.RelParataxis:
		// "The US is lying, Khamenei said": the verb of saying reports
		// the clause it hangs from.
		if p.Speech && upPred >= 0 && p.Comp < 0 && preds[upPred].Parent < 0 {
			p.Comp, preds[upPred].Parent = upPred, pi
		}
	case doc.RelConj:
		// "suspended talks and accused Moscow": a verb coordinated with
		// another shares its subject when it has none of its own, and
		// the clause that reports it.
		if upPred >= 0 && p.Subject < 0 && !p.Infinitive {
			p.Subject = preds[upPred].Subject
		}
		if upPred >= 0 && p.Parent < 0 && preds[upPred].Parent >= 0 && !preds[upPred].Infinitive {
			p.Parent = preds[upPred].Parent
		}
	case doc.RelAclRelcl, doc.RelAcl:
		// "militants who stormed the mall", "the tanker that Iran
		// seized", "weapons given to rebels", "troops stationed in Chad":
		// the noun the clause describes takes the place of its relative
		// pronoun, or is the participle's subject.
		if up < 0 || p.Infinitive {
			break
		}
		ante := s.argNP(up)
		if ante < 0 {
			break
		}
		rp := s.relPronounDep(h)
		switch {
		case rp >= 0 && s.rel(rp) == doc.RelObj:
			p.Object = ante
		case rp >= 0 && s.rel(rp).Base() == doc.RelNsubj:
			p.Subject = ante
		case rp >= 0:
			// "whose border", "in which": the noun is no argument here.
		case p.Subject < 0 && (p.Voice == Passive || s.tags[p.Head] == doc.VBG):
			// "drones launched by the Houthis", "Palestinians protesting
			// near the fence". A participle the verb group reads as a
			// past tense with an object ("crowds burned down its
			// embassy") is a finite verb the parser took for a
			// modifier: its subject is not this.
			p.Subject = ante
		case r == doc.RelAclRelcl && p.Object < 0 && p.Voice == Active:
			p.Object = ante // "the tanker Iran seized"
		}
	}
}

// apposArc records the apposition the arcs give token d ("Mike Pompeo,
// the secretary of state,") on its phrase np, unless the chunker found one.
func (s *sentence) apposArc(np, d int) {
	if np < 0 || s.p.NPs[np].Appos >= 0 {
		return
	}
	if a := s.child(d, doc.RelAppos); a >= 0 {
		if b := s.p.NPOf[a]; b >= 0 && b != np {
			s.p.NPs[np].Appos = b
		}
	}
}

// relativeWord reports whether token i is a relative pronoun: "who",
// "which", "that", "whom".
func (s *sentence) relativeWord(i int) bool {
	switch s.tags[i] {
	case doc.WDT, doc.WP:
		return true
	}
	return s.lemma(i) == "that" && (s.tags[i] == doc.IN || s.tags[i] == doc.DT)
}

// relPronounDep returns the relative pronoun among h's dependents, or -1.
func (s *sentence) relPronounDep(h int) int {
	rp := -1
	s.dependents(h, func(d int) {
		if rp < 0 && s.relativeWord(d) && s.rel(d) != doc.RelMark {
			rp = d
		}
	})
	return rp
}

// argNP returns the noun phrase an argument token stands for: the phrase
// holding it; for a quantity or part ("thousands of protesters", "some
// of the troops") the phrase its "of" dependent heads; and for a phrase
// with coordinated dependents beyond it ("Britain, as well as France and
// Germany"; "Saudi Arabia, along with the UAE") a coordination of them.
func (s *sentence) argNP(d int) int {
	np := s.p.NPOf[d]
	if np < 0 {
		return -1
	}
	if s.quantity(np) {
		if of := s.ofDependent(d); of >= 0 {
			if inner := s.p.NPOf[of]; inner >= 0 && inner != np {
				np, d = inner, of
			}
		}
	}
	return s.coordinateArcs(np, d)
}

// ofDependent returns the dependent of token d that an "of" phrase
// attaches to it, or -1.
func (s *sentence) ofDependent(d int) int {
	of := -1
	s.dependents(d, func(k int) {
		if of < 0 && s.rel(k).Base() == doc.RelNmod {
			if c := s.child(k, doc.RelCase); c >= 0 && s.lemma(c) == "of" {
				of = k
			}
		}
	})
	return of
}

// coordinateArcs returns np, or a coordination of np and the phrases that
// the arcs coordinate with token d ("conj" dependents, and "along with",
// "together with" phrases) outside np. Members already inside np (the
// shallow parser's "A, B and C") are left as they are.
func (s *sentence) coordinateArcs(np, d int) int {
	if c := s.arcs.coordOf[d]; c >= 0 {
		return int(c)
	}
	var members []int
	add := func(k int) {
		m := s.p.NPOf[k]
		if m < 0 || m == np || s.p.NPs[m].First >= s.p.NPs[np].First && s.p.NPs[m].Last <= s.p.NPs[np].Last {
			return
		}
		for _, x := range members {
			if x == m {
				return
			}
		}
		members = append(members, m)
	}
	s.dependents(d, func(k int) {
		switch s.rel(k).Base() {
		case doc.RelConj:
			if s.tags[k].IsNoun() || s.tags[k] == doc.PRP {
				add(k)
				s.dependents(k, func(j int) { // "A, B and C" chained on B
					if s.rel(j) == doc.RelConj && s.tags[j].IsNoun() {
						add(j)
					}
				})
			}
		case doc.RelNmod:
			if c := s.child(k, doc.RelCase); c >= 0 && s.rel(k) != doc.RelNmodPoss {
				if f := s.child(c, doc.RelFixed); f >= 0 && s.lemma(f) == "with" {
					switch s.lemma(c) {
					case "along", "together":
						add(k)
					}
				}
			}
		}
	})
	if len(members) == 0 {
		return np
	}
	members = append([]int{np}, members...)
	first, last := s.p.NPs[np].First, s.p.NPs[np].Last
	for _, m := range members {
		first, last = min(first, s.p.NPs[m].First), max(last, s.p.NPs[m].Last)
	}
	s.p.NPs = append(s.p.NPs, NP{First: first, Last: last, Head: s.p.NPs[np].Head, Members: members, Possessor: -1, Appos: -1})
	s.arcs.coordOf[d] = int32(len(s.p.NPs) - 1)
	return len(s.p.NPs) - 1
}

// trimTimeWords takes out of the noun phrases the time words that the
// arcs hang elsewhere, with their own modifiers: "Moscow today warned",
// "Israel last night launched", "signed an agreement today". The chunker,
// which reads tags only, joins them to the noun before them.
func (s *sentence) trimTimeWords() {
	for k := range s.p.NPs {
		x := &s.p.NPs[k]
		t := x.Last - 1
		if x.Last-x.First < 2 || !s.detachedTime(t, x) {
			continue
		}
		cut := t
		for cut-1 > x.First && s.head(cut-1) == t {
			cut-- // "last night", "this week"
		}
		if h := s.lastNoun(x.First, cut); !s.tags[h].IsNoun() && s.tags[h] != doc.PRP {
			continue // "five years": the phrase is the time itself
		}
		for j := cut; j < x.Last; j++ {
			if s.p.NPOf[j] == k {
				s.p.NPOf[j] = -1
			}
		}
		x.Last = cut
		if x.Head >= x.Last {
			x.Head = s.lastNoun(x.First, x.Last)
		}
	}
}

// detachedTime reports whether token i, inside phrase x, is a time word
// whose head lies outside the phrase, as a bare time modifier of a verb.
func (s *sentence) detachedTime(i int, x *NP) bool {
	if !s.timeWord(i) && !dayParts[s.lemma(i)] {
		return false
	}
	h := s.head(i)
	if h >= x.First && h < x.Last {
		return false
	}
	switch s.rel(i) {
	case doc.RelOblUnmarked, doc.RelNmodUnmarked, doc.RelObl, doc.RelAdvmod:
		return true
	}
	return false
}

// lastNoun returns the last noun, pronoun or number in [first, last), or
// last-1.
func (s *sentence) lastNoun(first, last int) int {
	for k := last - 1; k >= first; k-- {
		if t := s.tags[k]; t.IsNoun() || t == doc.PRP || t == doc.CD {
			return k
		}
	}
	return last - 1
}
