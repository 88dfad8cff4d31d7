package code

import (
	"strings"

	"dyad/internal/clause"
	"dyad/internal/kb"
)

// seqFit matches a TABARI/PETRARCH pattern's sequence (kb.Seq) against
// the sentence around a predicate's verb, as PETRARCH does: the words
// after the verb in order among the tokens after it (next to the one
// before when joined by '_', else anywhere later), the words before the
// verb likewise leftwards; '+' and '$' after the verb take the next
// phrase that names an actor as target or source, before it the subject;
// '%' wants a coordination of actors. The score is the number of tokens
// matched, plus one: the longest fitting pattern wins.
func (sc *sentenceCoder) seqFit(pat *kb.Pattern, pr *clause.Predicate) (match, bool) {
	m := match{pat: pat, target: -1, source: -1, score: 1}
	seq := pat.Seq
	if !sc.hasWords(seq) {
		return m, false
	}
	words := sc.lowerWords()
	n := len(words)
	j := sc.verbEnd
	for _, t := range seq.After {
		next := t.Next
		switch t.Mark {
		case 0:
			at := -1
			for i := j; i < n; i++ {
				if words[i] == t.Word {
					at = i
					break
				}
				if next {
					break
				}
			}
			if at < 0 {
				return m, false
			}
			j = at + 1
		case '^':
			// Skip a phrase: the one token j is in, else the next.
			for j < n && sc.p.NPOf[j] < 0 && !next {
				j++
			}
			if j < n && sc.p.NPOf[j] >= 0 {
				j = sc.p.NPs[sc.p.NPOf[j]].Last
			}
		default:
			np := sc.nextActorNP(j, next, t.Mark)
			if np < 0 {
				return m, false
			}
			switch t.Mark {
			case '$':
				m.source = np
			default: // '+', '%'
				m.target = np
			}
			j = sc.p.NPs[np].Last
		}
		m.score++
	}
	j = pr.Head - 1
	for _, t := range seq.Before {
		switch t.Mark {
		case 0:
			at := -1
			for i := j; i >= 0; i-- {
				if words[i] == t.Word {
					at = i
					break
				}
				if t.Next {
					break
				}
			}
			if at < 0 {
				return m, false
			}
			j = at - 1
		case '%':
			if pr.Subject < 0 || len(sc.p.NPs[pr.Subject].Members) == 0 {
				return m, false
			}
		case '+':
			// The subject is the target; the source comes from a '$'
			// after the verb.
			if pr.Subject < 0 {
				return m, false
			}
			m.target = pr.Subject
		}
		m.score++
	}
	return m, true
}

// nextActorNP returns the first phrase at or after token j that names an
// actor ('%': a coordination of them), or -1; with next, it must start
// at j.
func (sc *sentenceCoder) nextActorNP(j int, next bool, mark byte) int {
	for i := j; i < len(sc.s.Tokens); {
		np := sc.p.NPOf[i]
		if np < 0 {
			if next {
				return -1
			}
			i++
			continue
		}
		x := sc.p.NPs[np]
		ok := len(sc.targetActors(np)) > 0
		if mark == '%' {
			ok = ok && len(x.Members) > 0
		}
		if ok {
			return np
		}
		if next {
			return -1
		}
		i = max(x.Last, i+1)
	}
	return -1
}

// petrarchTarget chooses the target of a predicate coded by a
// TABARI/PETRARCH pattern that named none, as PETRARCH takes the first
// actor of the verb phrase: the object; for a verb of saying, the subject
// of what it reports when that comes after it; the subject of a passive;
// then the first phrase naming an actor after the verb, in its
// prepositional phrases, its infinitive or the clauses after it.
func (sc *sentenceCoder) petrarchTarget(pr *clause.Predicate) int {
	if pr.Voice == clause.Passive && pr.Agent >= 0 {
		return pr.Subject
	}
	if pr.Object >= 0 && len(sc.targetActors(pr.Object)) > 0 {
		return pr.Object
	}
	if pr.Comp >= 0 {
		if c := &sc.p.Preds[pr.Comp]; c.First > pr.Head && c.Subject >= 0 && len(sc.targetActors(c.Subject)) > 0 {
			return c.Subject
		}
	}
	end := len(sc.s.Tokens)
	if pr.Parent >= 0 {
		// "..., a senior Bree official said": the reporter of a clause
		// is not its target.
		if q := &sc.p.Preds[pr.Parent]; q.First > pr.Head {
			end = q.First
			if q.Subject >= 0 && sc.p.NPs[q.Subject].First > pr.Head {
				end = min(end, sc.p.NPs[q.Subject].First)
			}
		}
	}
	for i := sc.verbEnd; i < end; {
		np := sc.p.NPOf[i]
		if np < 0 {
			i++
			continue
		}
		if np != pr.Subject && len(sc.targetActors(np)) > 0 {
			return np
		}
		i = max(sc.p.NPs[np].Last, i+1)
	}
	return -1
}

// lowerWords returns the sentence's tokens in lowercase, made on first use
// (sequence patterns compare every word of the sentence with theirs: with
// the Phoenix set, string comparison of cached words instead of
// strings.EqualFold per pattern was the difference measured in
// BenchmarkCodePhoenix's profile).
// hasWords reports whether every literal word of a sequence occurs in
// the sentence: most of a verb's sequences fail on a word the sentence
// lacks, and a set answers that at once where a scan of the words took
// most of the coding time added by the Phoenix dictionaries (192,526
// patterns; BenchmarkCodePhoenix).
func (sc *sentenceCoder) hasWords(seq *kb.Seq) bool {
	if sc.present == nil {
		words := sc.lowerWords()
		sc.present = make(map[string]struct{}, len(words))
		for _, w := range words {
			sc.present[w] = struct{}{}
		}
	}
	for _, ts := range [2][]kb.SeqTok{seq.After, seq.Before} {
		for i := range ts {
			if ts[i].Mark == 0 {
				if _, ok := sc.present[ts[i].Word]; !ok {
					return false
				}
			}
		}
	}
	return true
}

func (sc *sentenceCoder) lowerWords() []string {
	if sc.lower == nil {
		sc.lower = make([]string, len(sc.s.Tokens))
		for i := range sc.s.Tokens {
			sc.lower[i] = strings.ToLower(sc.tokText(i))
		}
	}
	return sc.lower
}
