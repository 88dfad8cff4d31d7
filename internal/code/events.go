package code

import (
	"strings"

	"dyad/internal/actor"
	"dyad/internal/clause"
	"dyad/internal/doc"
	"dyad/internal/kb"
)

// Coder turns the predicates of parsed sentences into events, through the
// verb patterns and actor dictionaries of a KB. It only reads the KB: safe
// for concurrent use.
type Coder struct {
	kb *kb.KB
}

// NewCoder returns a Coder over k.
func NewCoder(k *kb.KB) *Coder { return &Coder{kb: k} }

// Sentence codes one sentence: si is its index in the document, mentions
// and p its kb mentions and clause parse (token indexes relative to it).
func (c *Coder) Sentence(d *doc.Document, si int, s doc.Sentence, mentions []doc.Mention, p clause.Parse) []doc.Event {
	sc := sentenceCoder{c: c, d: d, s: s, mentions: mentions, p: p,
		act: actor.Sentence{KB: c.kb, Doc: d, S: s, Mentions: mentions, P: p}}
	if c.kb.Discard != nil && len(c.kb.Discard.Match(d.Text, s.Tokens, nil)) > 0 {
		return nil // a TABARI/PETRARCH discard phrase: the sentence is not coded
	}
	var out []doc.Event
	consumed := make([]bool, len(p.Preds))
	for pi := range p.Preds {
		if consumed[pi] {
			continue
		}
		evs, usedXcomp := sc.predicate(si, pi)
		if usedXcomp {
			consumed[p.Preds[pi].Xcomp] = true
		}
		out = append(out, evs...)
	}
	return out
}

type sentenceCoder struct {
	c        *Coder
	verbEnd  int                 // the token after the verb of the predicate being coded
	lower    []string            // the tokens in lowercase, for sequence patterns (lowerWords)
	present  map[string]struct{} // the same as a set (hasWords)
	d        *doc.Document
	s        doc.Sentence
	mentions []doc.Mention
	p        clause.Parse
	act      actor.Sentence
	refs     []dayRef // the sentence's relative days (eventDate), once refsDone
	refsDone bool
}

func (sc *sentenceCoder) actors(np int) []doc.Actor       { return sc.act.Actors(np) }
func (sc *sentenceCoder) targetActors(np int) []doc.Actor { return sc.act.TargetActors(np) }

func (sc *sentenceCoder) tokText(i int) string { return sc.s.Tokens[i].Text(sc.d.Text) }

func (sc *sentenceCoder) lemma(i int) string {
	if l := sc.s.Tokens[i].Lemma; l != "" {
		return strings.ToLower(l)
	}
	return strings.ToLower(sc.tokText(i))
}

// match is a pattern that fits a predicate, and what it decided.
type match struct {
	pat       *kb.Pattern
	score     int
	target    int // NP chosen by a preposition element, -1 if none
	source    int // NP a PETRARCH pattern names as the source ('$'), -1 if none
	usedXcomp bool
}

// predicate codes one predicate; it reports whether its infinitive
// complement was part of the pattern (and so is not coded again).
func (sc *sentenceCoder) predicate(si, pi int) ([]doc.Event, bool) {
	pr := &sc.p.Preds[pi]
	if !pr.Finite && !pr.Infinitive && sc.s.Tokens[pr.Head].Tag == doc.VBG {
		return nil, false // "rebels fighting in Syria": a description
	}
	var best match
	found, discard := false, false
	sc.verbEnd = pr.Head + 1
	verbs := sc.c.kb.Verbs
	forms := verbs.HasForms()
	form := ""
	if forms {
		form = sc.form(pr)
	}
	pats, viaBase := verbs.Find(form, pr.Lemma), false
	if base, _, ok := strings.Cut(pr.Lemma, " "); ok && !verbs.Has(pr.Lemma) {
		// "called for" tagged as a verb and particle: the patterns of
		// "call" see "for" as the word after the verb.
		if forms {
			form = strings.ToLower(sc.tokText(pr.Head))
		}
		pats, viaBase = verbs.Find(form, base), true
	}
	if next := pr.Head + 1; next < len(sc.s.Tokens) && !strings.Contains(pr.Lemma, " ") {
		// "cordoned off", "broken down": a verb of two words that the
		// tagger did not join.
		w := sc.tokText(next)
		form := ""
		if forms {
			form = strings.ToLower(sc.tokText(pr.Head)) + " " + strings.ToLower(w)
		}
		if ks := verbs.Phrasal(form, pr.Lemma, w); len(ks) > 0 {
			pats, sc.verbEnd, viaBase = ks, next+1, false
		}
	}
	for _, k := range pats {
		pat := &verbs.Patterns[k]
		if viaBase && pat.Seq == nil {
			continue // dyad's own patterns of "turn" do not fit "turn down"
		}
		var m match
		var ok bool
		if pat.Seq != nil {
			m, ok = sc.seqFit(pat, pr)
		} else {
			m, ok = sc.fit(pat, pr)
		}
		if !ok {
			continue
		}
		if pat.Discard {
			discard = true
			break
		}
		if !found || m.score > best.score {
			best, found = m, true
		}
	}
	if !found || discard {
		return nil, false
	}
	if pr.Speech && pr.Comp >= 0 && !best.pat.AnyPrep {
		// What is said is coded, not the saying; TABARI/PETRARCH
		// dictionaries code verbs of saying too, as PETRARCH does.
		return nil, false
	}
	info, ok := Lookup(best.pat.Code)
	if !ok {
		// A code outside the CAMEO table: only dictionaries loaded
		// without code checks (validation suites' WEIS-era codes) give
		// one. It is kept as written, with no PLOVER type or Goldstein.
		info = Info{Code: best.pat.Code}
	}
	srcNP := pr.Subject
	if pr.Voice == clause.Passive {
		srcNP = pr.Agent
	}
	if best.source >= 0 {
		srcNP = best.source
	}
	sources := sc.actors(srcNP)
	if len(sources) == 0 && best.pat.AnyPrep && srcNP >= 0 {
		// "Eriador's death toll has risen": PETRARCH codes the possessor
		// of a subject that names no actor.
		x := sc.p.NPs[srcNP]
		for _, np := range append([]int{srcNP}, x.Members...) {
			if pos := sc.p.NPs[np].Possessor; pos >= 0 {
				if sources = sc.actors(pos); len(sources) > 0 {
					break
				}
			}
		}
		if len(sources) == 0 {
			// "The KU basketball team", "the official news agency WFNA":
			// PETRARCH codes the actors and agents a phrase holds.
			sources = sc.act.PhraseActors(srcNP)
		}
	}
	if len(sources) == 0 && srcNP >= 0 && pr.Parent >= 0 && sc.pronoun(srcNP) {
		// "Ethiopia indicated it would act": the pronoun subject of a
		// reported clause is the reporter.
		if q := &sc.p.Preds[pr.Parent]; q.Subject >= 0 && q.Subject != srcNP {
			sources = sc.actors(q.Subject)
		}
	}
	if len(sources) == 0 {
		return nil, best.usedXcomp
	}
	tgtNP := sc.targetNP(pr, &best)
	targets := sc.targetActors(tgtNP)
	reporters := sc.reporters(pi)
	verb := doc.Span{Start: int(sc.s.Tokens[pr.Head].Start), End: int(sc.s.Tokens[pr.Head].End)}
	var out []doc.Event
	var reverse Info
	if best.pat.Reverse != "" {
		var ok bool
		if reverse, ok = Lookup(best.pat.Reverse); !ok {
			reverse = Info{Code: best.pat.Reverse}
		}
	}
	emit := func(src doc.Actor, tgt *doc.Actor) {
		if tgt != nil && reverse.Code != "" {
			// A paired code: the target's side of the event too.
			defer func(info Info, src doc.Actor, tgt doc.Actor) {
				e := out[len(out)-1]
				e.Source, e.Target = tgt, &src
				e.CAMEO, e.PLOVER, e.Mode, e.Goldstein, e.QuadClass = info.Code, info.Plover, info.Mode, info.Goldstein, int(info.Quad)
				out = append(out, e)
			}(reverse, src, *tgt)
		}
		out = append(out, doc.Event{
			DocID: sc.d.ID, Sentence: si, Date: sc.eventDate(pr.Head, sc.modality(pi)), DateAssumed: sc.d.DateAssumed,
			Source: src, Target: tgt,
			CAMEO: info.Code, PLOVER: info.Plover, Mode: info.Mode,
			Goldstein: info.Goldstein, QuadClass: int(info.Quad),
			Verb:       doc.Phrase{Text: verb.In(sc.d.Text), Span: verb},
			Negated:    pr.Negated,
			Modality:   sc.modality(pi).String(),
			Status:     sc.status(pi, len(reporters) > 0),
			ReportedBy: reporters,
			Text:       sc.s.Span.In(sc.d.Text),
			Pattern:    best.pat.Text,
		})
	}
	if len(targets) == 0 && len(sources) > 1 && (reciprocal[pr.Lemma] || reciprocalType[info.Plover] || best.pat.AnyPrep) {
		// "Obama and Rouhani discussed ...": each with the other.
		for i, a := range sources {
			for j, b := range sources {
				if i != j && !(best.pat.AnyPrep && a.Code == b.Code) {
					t := b
					emit(a, &t)
				}
			}
		}
		return out, best.usedXcomp
	}
	for _, src := range sources {
		if len(targets) == 0 {
			emit(src, nil)
			continue
		}
		for _, tgt := range targets {
			if tgt.Code == src.Code && tgt.Span == src.Span {
				continue
			}
			t := tgt
			emit(src, &t)
		}
	}
	return out, best.usedXcomp
}

// pronoun reports whether an NP is a lone third-person subject pronoun.
func (sc *sentenceCoder) pronoun(np int) bool {
	x := sc.p.NPs[np]
	if x.Last-x.First != 1 || sc.s.Tokens[x.First].Tag != doc.PRP {
		return false
	}
	switch strings.ToLower(sc.tokText(x.First)) {
	case "it", "they", "he", "she":
		return true
	}
	return false
}

// form is the predicate's verb as written, lowercase, with the particle
// of its lemma ("broke down").
func (sc *sentenceCoder) form(pr *clause.Predicate) string {
	f := strings.ToLower(sc.tokText(pr.Head))
	if _, particle, ok := strings.Cut(pr.Lemma, " "); ok {
		f += " " + particle
	}
	return f
}

// modality is the predicate's own, or its parent's when the parent makes
// it an intention ("plans to attack").
func (sc *sentenceCoder) modality(pi int) clause.Modality {
	pr := &sc.p.Preds[pi]
	m := pr.Modality
	if pr.Parent >= 0 && pr.Infinitive {
		parent := &sc.p.Preds[pr.Parent]
		if intentVerbs[parent.Lemma] {
			return clause.Intent
		}
		if parent.Modality != clause.Asserted {
			return parent.Modality
		}
	}
	return m
}

// reciprocal verbs code a coordinated subject without a target as each
// member acting on the others.
var reciprocal = map[string]bool{
	"discuss": true, "meet": true, "talk": true, "negotiate": true, "agree": true,
	"sign": true, "clash": true, "fight": true, "cooperate": true, "confer": true,
	"consult": true, "exchange": true, "trade": true, "reconcile": true, "ally": true,
}

// reciprocalType: events of these PLOVER types between the members of a
// subject with no target are mutual ("X and Y held talks").
var reciprocalType = map[string]bool{"CONSULT": true, "AGREE": true, "COOPERATE": true}

var intentVerbs = map[string]bool{
	"plan": true, "want": true, "intend": true, "seek": true, "aim": true, "hope": true,
	"try": true, "attempt": true, "prepare": true, "threaten": true, "vow": true,
	"promise": true, "pledge": true, "expect": true, "decide": true, "offer": true,
	"propose": true, "consider": true,
}

// fit checks a pattern's elements against a predicate.
func (sc *sentenceCoder) fit(pat *kb.Pattern, pr *clause.Predicate) (match, bool) {
	m := match{pat: pat, target: -1, source: -1, score: 1}
	outer := pr
	var inner *clause.Predicate
	for _, e := range pat.Elems {
		host := outer
		if e.Inner {
			host = inner
			if host == nil {
				return m, false
			}
		}
		switch e.Kind {
		case kb.NounElem:
			if !sc.hasNoun(host, e.Words) {
				return m, false
			}
		case kb.ToElem:
			if host.Xcomp >= 0 && sc.p.Preds[host.Xcomp].Lemma == e.Word {
				inner = &sc.p.Preds[host.Xcomp]
				m.usedXcomp = true
			} else if np := sc.argNP(host, "to", e.Words); np >= 0 {
				inner = nil
			} else {
				return m, false
			}
		case kb.PrepElem:
			np := sc.argNP(host, e.Prep, nil)
			if np < 0 {
				return m, false
			}
			m.target = np
		case kb.PrepNounElem:
			if sc.argNP(host, e.Prep, e.Words) < 0 {
				return m, false
			}
		}
		m.score++
	}
	return m, true
}

// hasNoun reports whether word (a lemma, maybe several words) heads the
// predicate's object or one of its arguments.
func (sc *sentenceCoder) hasNoun(pr *clause.Predicate, word []string) bool {
	if pr.Object >= 0 && sc.headIs(pr.Object, word) {
		return true
	}
	for _, a := range pr.Args {
		if sc.headIs(a.NP, word) {
			return true
		}
	}
	if pr.Voice == clause.Passive && pr.Subject >= 0 && sc.headIs(pr.Subject, word) {
		return true
	}
	return false
}

// argNP returns the NP of an argument with preposition prep (and head
// word, when given), or -1.
func (sc *sentenceCoder) argNP(pr *clause.Predicate, prep string, word []string) int {
	for _, a := range pr.Args {
		if a.Prep == prep && (word == nil || sc.headIs(a.NP, word)) {
			return a.NP
		}
	}
	return -1
}

// headIs reports whether an NP (or any member of a coordination) ends in
// the words of w, the last compared by lemma.
func (sc *sentenceCoder) headIs(np int, words []string) bool {
	x := sc.p.NPs[np]
	if len(x.Members) > 0 {
		for _, m := range x.Members {
			if sc.headIs(m, words) {
				return true
			}
		}
		return false
	}
	h := x.Head
	for k := len(words) - 1; k >= 0; k-- {
		i := h - (len(words) - 1 - k)
		if i < x.First {
			return false
		}
		form := sc.tokText(i)
		if strings.EqualFold(form, words[k]) {
			continue
		}
		if k != len(words)-1 || !strings.EqualFold(sc.s.Tokens[i].Lemma, words[k]) {
			return false
		}
	}
	return true
}

// targetPreps are the prepositions whose object may be a target when the
// pattern names none; the first such phrase with an actor, in sentence
// order, is the target ("discussed an effort with Iran against IS": Iran).
var targetPreps = map[string]bool{
	"against": true, "with": true, "on": true, "to": true, "at": true, "toward": true,
	"towards": true, "from": true, "into": true, "for": true, "over": true,
	"alongside": true,
}

// targetNP chooses the target phrase of a coded predicate.
func (sc *sentenceCoder) targetNP(pr *clause.Predicate, m *match) int {
	if m.target >= 0 && len(sc.targetActors(m.target)) > 0 {
		return m.target // "travel + to": unless it is a place ("to Lahore")
	}
	if m.pat.AnyPrep {
		if np := sc.petrarchTarget(pr); np >= 0 {
			return np
		}
		return -1
	}
	if pr.Voice == clause.Passive {
		return pr.Subject
	}
	if pr.Object >= 0 && len(sc.targetActors(pr.Object)) > 0 {
		return pr.Object
	}
	if np := sc.nominalAgent(pr); np >= 0 {
		return np
	}
	if m.usedXcomp && pr.Xcomp >= 0 {
		x := &sc.p.Preds[pr.Xcomp]
		if x.Object >= 0 && len(sc.targetActors(x.Object)) > 0 {
			return x.Object
		}
		if np := sc.firstActorArg(x, m.pat.AnyPrep); np >= 0 {
			return np
		}
	}
	if pr.Comp >= 0 {
		// "complained that Colombia was sheltering rebels", "threatened
		// that the US would face ...": the subject of the clause the verb
		// introduces is whom the complaint or threat is about.
		if c := &sc.p.Preds[pr.Comp]; c.Subject >= 0 && c.Subject != pr.Subject && len(sc.targetActors(c.Subject)) > 0 {
			return c.Subject
		}
	}
	return sc.firstActorArg(pr, m.pat.AnyPrep)
}

// nominalAgent returns, for an object that names an event rather than an
// actor, the one who did it: "condemned [Turkey's] offensive", "rejected
// the annexation of Crimea [by Russia]", "criticised the withdrawal [of
// American troops]". A verb of reaction is aimed at the doer of the act
// it reacts to. The possessor and a "by" phrase name the doer of any act;
// an "of" phrase does only for the nouns of acts without an object
// (ofAgentNouns): "the killing of protesters" names the victims. -1 when
// the object names none.
func (sc *sentenceCoder) nominalAgent(pr *clause.Predicate) int {
	if pr.Object < 0 {
		return -1
	}
	x := sc.p.NPs[pr.Object]
	if x.Possessor >= 0 && len(sc.targetActors(x.Possessor)) > 0 {
		return x.Possessor
	}
	next := x.Last
	for _, a := range pr.Args {
		if a.Tok < next {
			continue
		}
		if a.Tok > next {
			break // phrases that follow the object directly modify it
		}
		switch {
		case a.Prep == "by" && len(sc.targetActors(a.NP)) > 0:
			return a.NP
		case a.Prep == "of" && ofAgentNouns[sc.lemma(x.Head)] && len(sc.targetActors(a.NP)) > 0:
			return a.NP
		}
		next = sc.p.NPs[a.NP].Last
	}
	return -1
}

// ofAgentNouns are nouns of acts that have no object, whose "of" phrase
// names who acted: "the withdrawal of troops", "the arrival of the envoy".
var ofAgentNouns = map[string]bool{
	"withdrawal": true, "pullout": true, "pull-out": true, "retreat": true, "departure": true,
	"arrival": true, "return": true, "advance": true, "intervention": true, "involvement": true,
	"participation": true, "presence": true, "interference": true, "meddling": true,
	"resignation": true, "refusal": true, "decision": true, "behaviour": true, "behavior": true,
	"conduct": true, "aggression": true, "incursion": true, "escalation": true, "provocation": true,
	"failure": true, "collapse": true, "visit": true, "response": true, "reaction": true,
}

func (sc *sentenceCoder) firstActorArg(pr *clause.Predicate, anyPrep bool) int {
	for _, a := range pr.Args {
		if (anyPrep || targetPreps[a.Prep]) && len(sc.targetActors(a.NP)) > 0 {
			return a.NP
		}
	}
	return -1
}

// reporters returns who reports a predicate (actor.Sentence.Reporters).
func (sc *sentenceCoder) reporters(pi int) []doc.Actor { return sc.act.Reporters(pi) }

// status says how the text commits to a predicate's event.
func (sc *sentenceCoder) status(pi int, reported bool) string {
	pr := &sc.p.Preds[pi]
	for k := pr.Parent; k >= 0; k = sc.p.Preds[k].Parent {
		q := &sc.p.Preds[k]
		if q.Speech && denials[q.Lemma] && !q.Negated {
			return "denied"
		}
		if q.Speech {
			reported = true // "He emphasized that ...", speaker unresolved
		}
	}
	switch {
	case pr.Negated:
		return "negated"
	case sc.modality(pi) == clause.Hypothetical || sc.modality(pi) == clause.Intent:
		return "hypothetical"
	case reported:
		return "claimed"
	}
	return "asserted"
}

// denials are verbs of saying that deny what they report.
var denials = map[string]bool{"deny": true, "dismiss": true, "refute": true, "reject": true, "dispute": true}
