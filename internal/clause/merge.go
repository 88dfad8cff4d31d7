package clause

import (
	"slices"

	"dyad/internal/doc"
)

// merge joins the shallow parser's arguments (by position, sh) and the
// arcs' (ar), predicate by predicate over the same verb groups. The
// shallow parser stays the default: it reads the reporting structures of
// news (quotes, "..., X said", "according to") better than a parser of
// 82% LAS does. The arcs win where the shallow choice names no actor and
// theirs does (a partitive's "of" phrase, a relative clause's antecedent,
// a subject past a time word or an apposition), add the prepositional
// phrases the shallow parser did not reach, and link the clause after a
// verb that is no verb of saying ("complained that"). An infinitive stays
// the shallow parser's: after a noun it complements the noun ("asked X
// for a session to discuss"), which the arcs of this parser often miss.
// Measured on the syntax and PLOVER sets and the seed article
// (docs/parser.md): arcs alone lost events of the seed article that this
// merge keeps.
func (s *sentence) merge(sh, ar []Predicate) []Predicate {
	for i := range sh {
		a, b := &sh[i], &ar[i]
		if !a.Infinitive && s.better(a.Subject, b.Subject) {
			// An infinitive's subject is its parent's, which the
			// shallow parser links.
			a.Subject = b.Subject
		}
		if s.better(a.Object, b.Object) && b.Object != a.Subject {
			a.Object = b.Object
		}
		if s.better(a.Agent, b.Agent) {
			a.Agent = b.Agent
		}
		for _, x := range b.Args {
			if x.NP == a.Subject || x.NP == a.Object || x.NP == a.Agent || slices.ContainsFunc(a.Args, func(y Arg) bool {
				return y.NP == x.NP || s.p.NPs[y.NP].First == s.p.NPs[x.NP].First
			}) {
				continue
			}
			a.Args = append(a.Args, x)
		}
		slices.SortStableFunc(a.Args, func(x, y Arg) int { return x.Tok - y.Tok })
		if a.Comp < 0 && b.Comp >= 0 && !a.Speech && sh[b.Comp].Parent < 0 && b.Comp != i {
			a.Comp, sh[b.Comp].Parent = b.Comp, i
		}
	}
	s.p.Preds = sh
	s.breakCycles()
	s.infinitiveSubjects()
	return sh
}

// better reports whether the arcs' phrase b should replace the shallow
// parser's a: a is missing and b is not, or b names an actor and a does
// not.
func (s *sentence) better(a, b int) bool {
	if b < 0 || a == b {
		return false
	}
	return a < 0 || !s.namesActor(a) && s.namesActor(b)
}

// namesActor reports whether noun phrase np (or a member of it) holds a
// dictionary mention or a pronoun: a phrase the actor stage can code.
func (s *sentence) namesActor(np int) bool {
	if np < 0 {
		return false
	}
	x := s.p.NPs[np]
	for k := x.First; k < x.Last; k++ {
		if s.inMention[k] > 0 || s.tags[k] == doc.PRP {
			return true
		}
	}
	return false
}
