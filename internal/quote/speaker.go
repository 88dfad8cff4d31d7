package quote

import (
	"slices"

	"dyad/internal/actor"
	"dyad/internal/doc"
)

// describedName codes a speaker named by a name the dictionaries do not
// know ("Memo Wan", "Bali") by how the article describes that person:
// an appositive beside the name ("Memo Wan, an SDF commander,"; "the home
// secretary, Sajid Javid"), or the words around an earlier full mention
// of the same surname ("Mustafa Bali, a Syrian Democratic Forces
// spokesman, said ..." before "Bali tweeted"). It returns nil when the
// article says nothing the dictionaries can code.
func (f *finder) describedName(si, np int) *doc.Actor {
	d, sents := f.d, f.sents
	s := &sents[si]
	x := s.Parse.NPs[np]
	if !properName(s, x.First, x.Last) {
		return nil
	}
	surname := s.S.Tokens[x.Last-1].Text(d.Text)
	if a := f.appositive(s, np); a != nil {
		return a
	}
	c := f.described[surname]
	if c == nil {
		if f.described == nil {
			f.described = map[string]*describedAt{}
		}
		c = &describedAt{last: -1}
		f.described[surname] = c
	}
	f.indexSurnames(si)
	for {
		var at int32
		switch {
		case c.a != nil:
			at = -1
		case c.last < 0:
			at = -1
			if ch, ok := f.surnames[surname]; ok {
				at = ch.first
			}
		default:
			at = f.nps[c.last].next
		}
		if at < 0 || int(f.nps[at].sentence) >= si {
			break
		}
		c.last = at
		t := &sents[f.nps[at].sentence]
		j := int(f.nps[at].np)
		as := actor.Sentence{KB: f.k, Doc: d, S: t.S, Mentions: t.Mentions, P: t.Parse}
		if a := as.Actors(j); len(a) > 0 {
			c.a = &a[0]
		} else {
			c.a = f.appositive(t, j)
		}
		if c.a != nil {
			c.sentence = int(f.nps[at].sentence)
		}
	}
	if c.a != nil && c.sentence < si {
		return c.a
	}
	return nil
}

// indexSurnames adds the sentences before si to the index of surnames:
// each noun phrase of one member, chained in text order to the others
// that end in the same word. One slice holds every phrase (a slice per
// word cost 12% more allocations on news, BenchmarkCode).
func (f *finder) indexSurnames(si int) {
	if f.indexed >= si {
		return
	}
	n := 0
	for i := f.indexed; i < si; i++ {
		n += len(f.sents[i].Parse.NPs)
	}
	f.nps = slices.Grow(f.nps, n)
	if f.surnames == nil {
		f.surnames = make(map[string]chain, n/2)
	}
	for ; f.indexed < si; f.indexed++ {
		t := &f.sents[f.indexed]
		for j, y := range t.Parse.NPs {
			if len(y.Members) > 0 {
				continue
			}
			w := t.S.Tokens[y.Last-1].Text(f.d.Text)
			n := int32(len(f.nps))
			f.nps = append(f.nps, npAt{sentence: int32(f.indexed), np: int32(j), next: -1})
			if ch, ok := f.surnames[w]; ok {
				f.nps[ch.last].next = n
				f.surnames[w] = chain{ch.first, n}
			} else {
				f.surnames[w] = chain{n, n}
			}
		}
	}
}

// appositive codes the phrase set off by a comma right after NP np
// ("Memo Wan, an SDF commander") or right before it ("the home
// secretary, Sajid Javid").
func (f *finder) appositive(s *Sentence, np int) *doc.Actor {
	d, k := f.d, f.k
	p := &s.Parse
	toks := s.S.Tokens
	x := p.NPs[np]
	as := actor.Sentence{KB: k, Doc: d, S: s.S, Mentions: s.Mentions, P: s.Parse}
	// One person is described in the singular: "Renas, one of the
	// captives," does not make her the captives.
	one := func(np int) *doc.Actor {
		y := p.NPs[np]
		if len(y.Members) > 0 || toks[y.Head].Tag == doc.NNS || toks[y.Head].Tag == doc.NNPS {
			return nil
		}
		if a := as.Actors(np); len(a) > 0 {
			return &a[0]
		}
		return nil
	}
	if j := x.Last; j+1 < len(toks) && toks[j].Tag == doc.Comma && p.NPOf[j+1] >= 0 {
		if a := one(p.NPOf[j+1]); a != nil {
			return a
		}
	}
	if j := x.First - 1; j > 0 && toks[j].Tag == doc.Comma && p.NPOf[j-1] >= 0 {
		if a := one(p.NPOf[j-1]); a != nil {
			return a
		}
	}
	return nil
}

// properName reports whether tokens [first, last) are a name: proper
// nouns only, after an optional determiner-free start.
func properName(s *Sentence, first, last int) bool {
	for i := first; i < last; i++ {
		if t := s.S.Tokens[i].Tag; t != doc.NNP && t != doc.NNPS {
			return false
		}
	}
	return last > first
}
