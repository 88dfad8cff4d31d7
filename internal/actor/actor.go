package actor

import (
	"strings"

	"dyad/internal/clause"
	"dyad/internal/doc"
	"dyad/internal/kb"
)

// Sentence resolves the actors of one parsed sentence of a document. It
// only reads what it holds: safe for concurrent use.
type Sentence struct {
	KB       *kb.KB
	Doc      *doc.Document
	S        doc.Sentence
	Mentions []doc.Mention // token indexes relative to the sentence
	P        clause.Parse
}

func (sc *Sentence) lemma(i int) string {
	if l := sc.S.Tokens[i].Lemma; l != "" {
		return strings.ToLower(l)
	}
	return strings.ToLower(sc.S.Tokens[i].Text(sc.Doc.Text))
}

// Actors returns the coded actors of a noun phrase: one per member of a
// coordination ("Saudi Arabia and the UAE"), none when the phrase's head
// is not an actor ("Iran's nuclear programme").
func (sc *Sentence) Actors(np int) []doc.Actor { return sc.actorsOf(np, false) }

// TargetActors is Actors for a target: a phrase whose head is no actor
// still names one by a single actor modifier ("IS strongholds", "Iran's
// nuclear programme" as what talks were about).
func (sc *Sentence) TargetActors(np int) []doc.Actor { return sc.actorsOf(np, true) }

func (sc *Sentence) actorsOf(np int, modifiers bool) []doc.Actor {
	if np < 0 {
		return nil
	}
	x := sc.P.NPs[np]
	if len(x.Members) > 0 {
		var out []doc.Actor
		for _, m := range x.Members {
			out = append(out, sc.actorsOf(m, modifiers)...)
		}
		if end := x.Last; end < len(sc.S.Tokens) && sc.S.Tokens[end].Tag == doc.IN {
			// "Lawmakers and officials in Fornost and Gondor": each agent
			// with each country.
			var all []doc.Actor
			spread := false
			for _, mi := range x.Members {
				as := sc.actorsOf(mi, modifiers)
				if len(as) == 1 && agentsOnly(as) {
					m := sc.P.NPs[mi]
					m.Last = end
					if with := sc.withCountryOf(m, as[0]); len(with) > 0 {
						all, spread = append(all, with...), true
						continue
					}
				}
				all = append(all, as...)
			}
			if spread {
				return all
			}
		}
		// "Ukrainian and Russian negotiators": the adjectives share the
		// last member's noun.
		if n := len(out); n > 1 && out[n-1].Sector != "" && sc.S.Tokens[sc.P.NPs[x.Members[len(x.Members)-1]].First].Tag != doc.DT {
			for i := range out[:n-1] {
				if out[i].Sector == "" && out[i].Country != "" && out[i].Identifier == "" && sc.adjectiveOnly(x.Members[i]) {
					out[i].Sector = out[n-1].Sector
					out[i].Code = out[i].Country + out[i].Sector
				}
			}
		}
		return out
	}
	if x.Last-x.First == 1 && sc.S.Tokens[x.Head].Tag == doc.PRP {
		// "they (the US)": a pronoun glossed in brackets.
		if g := sc.gloss(x.Last); g >= 0 {
			return sc.actorsOf(g, modifiers)
		}
		return nil
	}
	// The mentions inside the phrase; one must cover its head.
	var inside []doc.Mention
	headCovered := false
	for _, m := range sc.Mentions {
		if !m.ValidOn(sc.Doc.Date) {
			continue // a dated code of another period
		}
		if m.First >= x.First && m.Last <= x.Last {
			inside = append(inside, m)
			if m.First <= x.Head && x.Head < m.Last {
				headCovered = true
			}
		}
	}
	if !headCovered && !sc.namedByRole(x, inside) {
		if x.Appos >= 0 {
			// "Johannes Hahn, the EU commissioner,": the appositive
			// says who the unknown name is.
			return sc.actorsOf(x.Appos, modifiers)
		}
		if !modifiers || !oneSpan(inside) || inside[0].Last > x.Head || !modifierActor[inside[0].Kind] {
			return nil // "military partnership", "the Paris conference" name no actor
		}
	}
	a, ok := sc.compose(inside)
	if !ok {
		return nil
	}
	if a.Country == "" && a.Sector != "" && a.Identifier == "" {
		// "ministers from Norway and Chile", "the ambassador of Iraq".
		if out := sc.withCountryOf(x, a); len(out) > 0 {
			return out
		}
	}
	if strings.IndexByte(a.Code, '/') >= 0 {
		return splitCodes(a)
	}
	return []doc.Actor{a}
}

// agentsOnly reports whether every actor is an agent of no country or
// named actor ("officials").
func agentsOnly(as []doc.Actor) bool {
	for _, a := range as {
		if a.Country != "" || a.Identifier != "" || a.Sector == "" {
			return false
		}
	}
	return true
}

// splitCodes makes one actor of each part of a TABARI/PETRARCH compound
// code: "The Shire" [FRO/BIL/SAM] is three actors, as PETRARCH codes one
// event for each.
func splitCodes(a doc.Actor) []doc.Actor {
	var out []doc.Actor
	for part := range strings.SplitSeq(a.Code, "/") {
		if part == "" {
			continue
		}
		b := a
		b.Code = part
		if len(part) >= 3 && len(a.Country) == 3 {
			b.Country = part[:3]
		}
		out = append(out, b)
	}
	return out
}

// PhraseActors returns the actor the mentions inside a phrase compose,
// whether or not one covers its head, one per coordinated member:
// PETRARCH codes a noun phrase by the actors and agents it holds ("the
// official news agency WFNA" is ---GOV, "West German world government
// activists" GMWGOVWGO).
func (sc *Sentence) PhraseActors(np int) []doc.Actor {
	if np < 0 {
		return nil
	}
	x := sc.P.NPs[np]
	if len(x.Members) > 0 {
		var out []doc.Actor
		for _, m := range x.Members {
			out = append(out, sc.PhraseActors(m)...)
		}
		return out
	}
	var inside []doc.Mention
	for _, m := range sc.Mentions {
		if m.ValidOn(sc.Doc.Date) && m.First >= x.First && m.Last <= x.Last {
			inside = append(inside, m)
		}
	}
	if len(inside) == 0 {
		return nil
	}
	a, ok := sc.compose(inside)
	if !ok {
		return nil
	}
	if a.Country == "" && a.Identifier == "" {
		if out := sc.withCountryOf(x, a); len(out) > 0 {
			return out
		}
	}
	if strings.IndexByte(a.Code, '/') >= 0 {
		return splitCodes(a)
	}
	return []doc.Actor{a}
}

// withCountryOf gives an agent the countries of a "from"/"of" phrase right
// after it: one actor per country.
func (sc *Sentence) withCountryOf(x clause.NP, a doc.Actor) []doc.Actor {
	i := x.Last
	toks := sc.S.Tokens
	if i+1 >= len(toks) || toks[i].Tag != doc.IN || sc.P.NPOf[i+1] < 0 {
		return nil
	}
	if w := sc.lemma(i); w != "from" && w != "of" && w != "in" {
		return nil
	}
	var out []doc.Actor
	for _, c := range sc.actorsOf(sc.P.NPOf[i+1], true) {
		if affix := sc.agentAffix(x); affix != doc.NoAffix {
			// TABARI/PETRARCH agents join any actor's code: "activists
			// of Amnesty International" is NGM + OPP.
			b := a
			b.Country, b.Identifier = c.Country, c.Identifier
			b.Code = joinCode(c.Code, a.Code, affix == doc.Prefix)
			b.Span = doc.Span{Start: a.Span.Start, End: c.Span.End}
			b.Text = b.Span.In(sc.Doc.Text)
			out = append(out, b)
			continue
		}
		if c.Country == "" || c.Sector != "" {
			continue
		}
		b := a
		b.Country, b.Code = c.Country, c.Country+a.Sector
		b.Span = doc.Span{Start: a.Span.Start, End: c.Span.End}
		b.Text = b.Span.In(sc.Doc.Text)
		out = append(out, b)
	}
	return out
}

// agentAffix returns the affix of the last agent mention in a phrase.
func (sc *Sentence) agentAffix(x clause.NP) doc.Affix {
	affix := doc.NoAffix
	for _, m := range sc.Mentions {
		if m.Kind == doc.Agent && m.First >= x.First && m.Last <= x.Last {
			affix = m.Affix
		}
	}
	return affix
}

// compose makes one actor of the mentions of a phrase: a person (coded by
// the role held on the document's date), an organisation or group, or a
// country with an agent ("Iranian officials": IRNGOV).
func (sc *Sentence) compose(ms []doc.Mention) (doc.Actor, bool) {
	var country, agent, named *doc.Mention
	for i := range ms {
		m := &ms[i]
		switch m.Kind {
		case doc.Person, doc.Organisation, doc.ArmedGroup, doc.Media:
			if named == nil || m.Kind == doc.Person {
				named = m
			}
		case doc.Agent:
			agent = m
		case doc.CountryName, doc.CountryAdj, doc.CountryPeople, doc.Capital, doc.Seat:
			if country == nil {
				country = m
			}
		}
	}
	span := doc.Span{Start: ms[0].Span.Start, End: ms[len(ms)-1].Span.End}
	a := doc.Actor{Span: span, Text: span.In(sc.Doc.Text)}
	if agent != nil && agent.Affix != doc.NoAffix && (named == nil || named.Kind != doc.Person) {
		return sc.affixed(a, named, country, ms)
	}
	switch {
	case named != nil && named.Kind == doc.Person:
		return sc.person(named, country, agent, a)
	case named != nil:
		a.Code, a.Country, a.Sector, a.Identifier = named.Code, named.Country, named.Sector, named.ID
		if a.Sector == "" && agent != nil {
			a.Sector = agent.Sector
		}
	case country != nil:
		a.Country, a.Sector = country.Country, country.Sector
		if agent != nil {
			a.Sector = agent.Sector
			sc.resolveRole(&a, agent)
		}
		a.Code = a.Country + a.Sector
	case agent != nil:
		a.Code, a.Sector = agent.Sector, agent.Sector
	default:
		return a, false
	}
	return a, a.Code != ""
}

// affixed composes an actor as TABARI/PETRARCH do: the code of the named
// actor or country, then each agent of the phrase in turn, [~CODE] agents
// appended and [CODE~] agents put first, leaving out the 3-letter parts
// the code has already ("White House security officials": USAGOV).
//
// An agent after "former", or in a phrase that starts with it, is an
// elite of no office: ELI ("former Gondor prosecutors": GONELI).
func (sc *Sentence) affixed(a doc.Actor, named, country *doc.Mention, ms []doc.Mention) (doc.Actor, bool) {
	var code string
	switch {
	case named != nil:
		code, a.Country, a.Sector, a.Identifier = named.Code, named.Country, named.Sector, named.ID
	case country != nil:
		code, a.Country, a.Sector = country.Code, country.Country, country.Sector
	}
	for i := range ms {
		m := &ms[i]
		if m.Kind != doc.Agent || m.Affix == doc.NoAffix {
			continue
		}
		add, sector := m.Code, m.Sector
		if sc.former(m.First) || sc.former(ms[0].First) {
			add, sector = "ELI", "ELI"
		}
		code = joinCode(code, add, m.Affix == doc.Prefix)
		if a.Sector == "" {
			a.Sector = sector
		}
	}
	a.Code = code
	return a, code != ""
}

// former reports whether the word before token i is "former".
func (sc *Sentence) former(i int) bool {
	return i > 0 && sc.lemma(i-1) == "former"
}

// joinCode adds the 3-letter parts of add that code lacks, after it or
// before it.
func joinCode(code, add string, prefix bool) string {
	has := func(part string) bool {
		for i := 0; i+3 <= len(code); i += 3 {
			if code[i:i+3] == part {
				return true
			}
		}
		return false
	}
	var parts string
	for i := 0; i < len(add); i += 3 {
		part := add[i:min(i+3, len(add))]
		if !has(part) {
			parts += part
		}
	}
	if prefix {
		return parts + code
	}
	return code + parts
}

// person codes a named person: the role they held on the document's date;
// "ELI" with their last country after it; a role noun and country in the
// same phrase ("Iraqi President Fouad Massoum") when the dictionaries have
// no dates for them.
func (sc *Sentence) person(p, country, agent *doc.Mention, a doc.Actor) (doc.Actor, bool) {
	a.Identifier = p.ID
	if who := sc.KB.People[p.ID]; who != nil {
		if r, ok := who.RoleOn(sc.Doc.Date); ok && len(r.Country) > 3 {
			// A role in an organisation ("IGOUNO IGO secretary-general"):
			// the organisation's code.
			a.Code, a.Sector = r.Country, ""
			return a, true
		} else if ok {
			a.Country, a.Sector = r.Country, r.Sector
		} else if n := len(who.Roles); n > 0 {
			a.Country, a.Sector = who.Roles[n-1].Country, "ELI"
		}
	}
	if a.Country == "" && country != nil {
		a.Country = country.Country
	}
	if a.Sector == "" && agent != nil {
		a.Sector = agent.Sector
	}
	a.Code = a.Country + a.Sector
	return a, a.Code != ""
}

// resolveRole names the holder of a role on the document's date: "the
// Iranian president" is Hassan Rouhani in 2014.
func (sc *Sentence) resolveRole(a *doc.Actor, agent *doc.Mention) {
	if t := sc.S.Tokens[agent.Last-1].Tag; t == doc.NNS || t == doc.NNPS {
		return // "ministers" names no one
	}
	office := strings.ToLower(agent.Span.In(sc.Doc.Text))
	if who, _, ok := sc.KB.Holder(a.Country, office, sc.Doc.Date); ok {
		a.Identifier = who.ID
	}
}

// gloss returns the NP inside brackets that starts at token i ("(the
// US)"), or -1.
func (sc *Sentence) gloss(i int) int {
	toks := sc.S.Tokens
	if i+2 >= len(toks) || toks[i].Tag != doc.LRB || sc.P.NPOf[i+1] < 0 {
		return -1
	}
	np := sc.P.NPOf[i+1]
	if end := sc.P.NPs[np].Last; end < len(toks) && toks[end].Tag == doc.RRB {
		return np
	}
	return -1
}

// modifierActor: the kinds of mention that, modifying another noun, still
// name an actor ("IS strongholds", "Iran's programme"); agents and places
// do not ("military partnership", "the Paris conference").
var modifierActor = map[doc.MentionKind]bool{
	doc.CountryName: true, doc.CountryPeople: true, doc.CountryAdj: true, doc.Organisation: true,
	doc.ArmedGroup: true, doc.Person: true, doc.Media: true,
}

// Reporters returns who reports predicate pi: the subjects of the verbs of
// saying above it, innermost first, then the sources of "according to"
// phrases in the sentence, outermost last.
func (sc *Sentence) Reporters(pi int) []doc.Actor {
	out := []doc.Actor{}
	for k := sc.P.Preds[pi].Parent; k >= 0; k = sc.P.Preds[k].Parent {
		if q := &sc.P.Preds[k]; q.Speech {
			out = append(out, sc.Actors(q.Subject)...)
		}
	}
	return append(out, sc.AccordingTo()...)
}

// AccordingTo returns the actors of the sentence's "according to" phrases.
func (sc *Sentence) AccordingTo() []doc.Actor {
	var out []doc.Actor
	toks := sc.S.Tokens
	for i := 0; i+2 < len(toks); i++ {
		if sc.lemma(i) == "accord" && sc.lemma(i+1) == "to" && sc.P.NPOf[i+2] >= 0 {
			out = append(out, sc.Actors(sc.P.NPOf[i+2])...)
		}
	}
	return out
}

// oneSpan reports whether the mentions are one phrase (with one or more
// meanings).
func oneSpan(ms []doc.Mention) bool {
	for _, m := range ms {
		if m.Span != ms[0].Span {
			return false
		}
	}
	return len(ms) > 0
}

// adjectiveOnly reports whether a coordination member is only adjectives
// ("Ukrainian" in "Ukrainian and Russian negotiators").
func (sc *Sentence) adjectiveOnly(np int) bool {
	x := sc.P.NPs[np]
	for i := x.First; i < x.Last; i++ {
		if !sc.S.Tokens[i].Tag.IsAdj() && sc.S.Tokens[i].Tag != doc.NNP {
			return false
		}
	}
	return true
}

// namedByRole reports whether a phrase ends in a name the dictionaries do
// not know, right after a role they do: "the Israeli soldier Gilad
// Shalit", "opposition leader Maria Machado". The role codes the person.
func (sc *Sentence) namedByRole(x clause.NP, inside []doc.Mention) bool {
	last := -1
	for i := range inside {
		if inside[i].Kind == doc.Agent {
			last = i
		}
	}
	if last < 0 || inside[last].Last > x.Head {
		return false
	}
	for i := inside[last].Last; i <= x.Head; i++ {
		if t := sc.S.Tokens[i].Tag; t != doc.NNP {
			return false
		}
	}
	return true
}
