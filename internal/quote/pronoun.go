package quote

import (
	"strings"

	"dyad/internal/actor"
	"dyad/internal/clause"
	"dyad/internal/doc"
)

// pronoun classes: what a speaker pronoun can stand for.
type pronoun uint8

const (
	notPronoun pronoun = iota
	person             // he, she: a named person or a person's role
	thing              // it: an organisation, a country, an institution
	group              // they, we: people in the plural, a group, an organisation
)

func pronounClass(s *Sentence, d *doc.Document, np clause.NP) pronoun {
	if np.Last-np.First != 1 || s.S.Tokens[np.First].Tag != doc.PRP {
		return notPronoun
	}
	switch strings.ToLower(s.S.Tokens[np.First].Text(d.Text)) {
	case "he", "she", "him", "her", "himself", "herself":
		return person
	case "it", "itself":
		return thing
	case "they", "we", "themselves":
		return group
	}
	return notPronoun
}

// antecedent resolves a speaker pronoun at token tok of sentence si to
// the nearest earlier phrase of its class that codes as an actor: "he"
// to a named person or a singular person's role ("the president of
// Mexico", "a spokesman"), never to a place or an institution ("the
// hospital"); "it" to an organisation, a country or an institution;
// "they" to a group, a plural role or an organisation. nil when none of
// the last few sentences has one.
func (f *finder) antecedent(si, tok int, c pronoun) *doc.Actor {
	d := f.d
	const window = 6 // sentences searched back
	for i := si; i >= 0 && i > si-window; i-- {
		s := &f.sents[i]
		as := actor.Sentence{KB: f.k, Doc: d, S: s.S, Mentions: s.Mentions, P: s.Parse}
		// Whoever spoke last is who "he" or "they" most likely is: the
		// subject of the last verb of saying before the pronoun. When
		// the article names it in words the dictionaries lack ("the
		// group Friends of Kurdistan Manchester said ... "...," they
		// said"), the speaker stays unknown rather than an older actor.
		if i < si {
			if np, ok := lastSpeaker(s, c); ok {
				if a := as.Actors(np); len(a) > 0 {
					return &a[0]
				}
				if c == person {
					return f.describedName(i, np)
				}
				return nil
			}
		}
		for _, np := range candidates(s) {
			x := s.Parse.NPs[np]
			if len(x.Members) > 0 || i == si && x.First >= tok || f.quoted(int(s.S.Tokens[x.First].Start)) {
				continue
			}
			if !fits(s, d, x, c) {
				// "Ruaa, a mother of three, ... she said": a name the
				// dictionaries lack, coded by how the article describes it.
				if c == person && !hasMention(s, x) {
					if a := f.describedName(i, np); a != nil && a.Sector != "" {
						return a
					}
				}
				continue
			}
			if a := as.Actors(np); len(a) > 0 {
				return &a[0]
			}
		}
	}
	return nil
}

// candidates orders the noun phrases of a sentence as a pronoun's
// antecedents: the subjects of its verbs, last first, then the others,
// last first ("Rami, another fighter, lost a brother. ... he said": Rami).
func candidates(s *Sentence) []int {
	out := make([]int, 0, len(s.Parse.NPs))
	subject := make([]bool, len(s.Parse.NPs))
	for pi := len(s.Parse.Preds) - 1; pi >= 0; pi-- {
		if np := s.Parse.Preds[pi].Subject; np >= 0 && !subject[np] {
			subject[np] = true
			out = append(out, np)
		}
	}
	for np := len(s.Parse.NPs) - 1; np >= 0; np-- {
		if !subject[np] {
			out = append(out, np)
		}
	}
	return out
}

// lastSpeaker returns the subject of the last verb of saying of a
// sentence when it can be what a pronoun of class c stands for: not a
// pronoun itself, singular for "he" and "she", plural or a group for
// "they".
func lastSpeaker(s *Sentence, c pronoun) (int, bool) {
	for pi := len(s.Parse.Preds) - 1; pi >= 0; pi-- {
		pr := &s.Parse.Preds[pi]
		if !pr.Speech || pr.Subject < 0 || pr.Voice != clause.Active {
			continue
		}
		x := s.Parse.NPs[pr.Subject]
		head := s.S.Tokens[x.Head]
		if head.Tag == doc.PRP {
			return 0, false // a pronoun: look on, for what it stands for
		}
		plural := head.Tag == doc.NNS || head.Tag == doc.NNPS || len(x.Members) > 0 ||
			groupNoun[strings.ToLower(head.Lemma)]
		switch {
		case c == person && !plural, c == group && plural:
			return pr.Subject, true
		}
		return 0, false
	}
	return 0, false
}

// groupNoun are singular nouns for groups that "they" stands for.
var groupNoun = map[string]bool{
	"group": true, "organisation": true, "organization": true, "campaign": true, "coalition": true,
	"alliance": true, "movement": true, "committee": true, "council": true, "party": true,
	"charity": true, "network": true, "association": true, "union": true, "family": true,
}

func hasMention(s *Sentence, x clause.NP) bool {
	for _, m := range s.Mentions {
		if m.First < x.Last && m.Last > x.First {
			return true
		}
	}
	return false
}

// fits reports whether a phrase can be what a pronoun of class c stands
// for, by its mentions and its head noun.
func fits(s *Sentence, d *doc.Document, x clause.NP, c pronoun) bool {
	head := s.S.Tokens[x.Head]
	for _, m := range s.Mentions {
		if m.First < x.First || m.Last > x.Last || x.Head < m.First || x.Head >= m.Last {
			continue
		}
		switch c {
		case person:
			switch m.Kind {
			case doc.Person:
				return true
			case doc.Agent:
				return (head.Tag == doc.NN || head.Tag == doc.NNP) && humanNoun(strings.ToLower(head.Lemma))
			}
		case thing:
			switch m.Kind {
			case doc.Organisation, doc.ArmedGroup, doc.Media, doc.CountryName, doc.Capital, doc.Seat:
				return true
			case doc.Agent:
				return (head.Tag == doc.NN || head.Tag == doc.NNP) && !humanNoun(strings.ToLower(head.Lemma))
			}
		case group:
			switch m.Kind {
			case doc.Organisation, doc.ArmedGroup, doc.CountryPeople:
				return true
			case doc.Agent:
				return head.Tag == doc.NNS || head.Tag == doc.NNPS
			}
		}
	}
	return false
}

// humanNoun reports whether a role noun names a person rather than an
// institution or a place: "spokesman", "minister", "mother", "official"
// but not "hospital", "school", "government", "family".
func humanNoun(lemma string) bool {
	if humanWords[lemma] {
		return true
	}
	if institutionWords[lemma] || strings.HasSuffix(lemma, "ment") || strings.HasSuffix(lemma, "ship") {
		return false
	}
	for _, suf := range humanSuffixes {
		if strings.HasSuffix(lemma, suf) {
			return true
		}
	}
	return false
}

var humanSuffixes = []string{
	"er", "or", "ist", "ian", "man", "woman", "person", "ant", "ent", "ee", "ive", "ary", "eur", "ess",
}

var humanWords = map[string]bool{
	"mother": true, "father": true, "son": true, "daughter": true, "wife": true, "husband": true,
	"child": true, "boy": true, "girl": true, "brother": true, "sister": true, "uncle": true,
	"aunt": true, "cousin": true, "widow": true, "official": true, "chief": true, "envoy": true,
	"diplomat": true, "aide": true, "adviser": true, "advisor": true, "analyst": true,
	"expert": true, "activist": true, "monk": true, "cleric": true, "imam": true, "priest": true,
	"pope": true, "king": true, "queen": true, "prince": true, "princess": true, "emir": true,
	"sheikh": true, "general": true, "colonel": true, "captain": true, "major": true,
	"lieutenant": true, "sergeant": true, "admiral": true, "marshal": true, "soldier": true,
	"militant": true, "rebel": true, "fighter": true, "jihadist": true, "victim": true,
	"witness": true, "survivor": true, "resident": true, "citizen": true, "national": true,
	"refugee": true, "migrant": true, "student": true, "doctor": true, "nurse": true,
	"judge": true, "lawyer": true, "attorney": true, "prosecutor": true, "mp": true,
	"senator": true, "deputy": true, "lawmaker": true, "candidate": true, "nominee": true,
	"head": true, "director": true, "coordinator": true, "representative": true,
}

var institutionWords = map[string]bool{
	"government": true, "ministry": true, "military": true, "army": true, "navy": true,
	"family": true, "community": true, "population": true, "police": true, "court": true,
	"parliament": true, "council": true, "committee": true, "agency": true, "office": true,
	"department": true, "administration": true, "regime": true, "state": true, "school": true,
	"hospital": true, "mosque": true, "church": true, "university": true, "newspaper": true,
	"television": true, "paper": true, "force": true, "battalion": true, "division": true,
	"brigade": true, "unit": true, "militia": true, "group": true, "organisation": true,
	"organization": true, "party": true, "congress": true, "senate": true, "cabinet": true,
	"centre": true, "center": true, "camp": true, "station": true, "prison": true,
	"congregation": true, "charity": true, "media": true, "press": true, "embassy": true,
	"consulate": true, "delegation": true, "coalition": true, "alliance": true, "federation": true,
	"union": true, "company": true, "corporation": true, "bank": true, "order": true,
	"border": true, "quarter": true, "shelter": true,
	"container": true, "server": true, "corner": true,
}
