package quote

import (
	"slices"
	"strings"

	"dyad/internal/actor"
	"dyad/internal/clause"
	"dyad/internal/doc"
)

// indirect returns the reported speech of sentence si: "X said (that)
// ...", "X told reporters ...", "..., X said", and "according to X, ...".
// A report whose words are mostly a direct quote already found is left to
// that quote.
func (f *finder) indirect(si int) []doc.Quote {
	d, direct := f.d, f.direct
	s := &f.sents[si]
	toks := s.S.Tokens
	var out []doc.Quote
	for pi := range s.Parse.Preds {
		pr := &s.Parse.Preds[pi]
		if !pr.Speech || !saysSomething(s, pr) || pr.Comp < 0 || pr.Subject < 0 || pr.Negated || inQuote(direct, int(toks[pr.Head].Start)) {
			continue
		}
		if s.Parse.Preds[pr.Comp].Speech {
			continue // "..., said X, the agency reported": the agency is X's chain
		}
		first, last := reportedWords(s, pi)
		if first >= last {
			continue
		}
		content := doc.Span{Start: int(toks[first].Start), End: int(toks[last-1].End)}
		if mostlyQuoted(direct, content) {
			continue
		}
		q := doc.Quote{DocID: d.ID, Content: doc.Phrase{Text: content.In(d.Text), Span: content}, Via: []doc.Actor{}}
		f.speak(si, pi, &q)
		out = append(out, q)
	}
	if len(out) > 0 {
		return out // "X said ..., according to Reuters": Reuters is in the chain
	}
	as := actor.Sentence{KB: f.k, Doc: d, S: s.S, Mentions: s.Mentions, P: s.Parse}
	for i := 0; i+2 < len(toks); i++ {
		if !accordingTo(toks, i) || s.Parse.NPOf[i+2] < 0 {
			continue
		}
		np := s.Parse.NPOf[i+2]
		end := phraseEnd(s, np)
		var first, last int
		switch {
		case opensSentence(toks, i) && end < len(toks) && toks[end].Tag == doc.Comma:
			first, last = end+1, trimEnd(toks, end+1, len(toks)) // "According to X, ..."
		case i > 0 && toks[i-1].Tag == doc.Comma && trimEnd(toks, end, len(toks)) <= end:
			first, last = trimStart(toks, 0), trimEnd(toks, 0, i-1) // "..., according to X."
		default:
			continue
		}
		if first >= last {
			continue
		}
		content := doc.Span{Start: int(toks[first].Start), End: int(toks[last-1].End)}
		if mostlyQuoted(direct, content) {
			continue
		}
		who := doc.Span{Start: int(toks[s.Parse.NPs[np].First].Start), End: int(toks[end-1].End)}
		q := doc.Quote{
			DocID:       d.ID,
			Content:     doc.Phrase{Text: content.In(d.Text), Span: content},
			Cue:         doc.Phrase{Text: d.Text[toks[i].Start:toks[i+1].End], Span: doc.Span{Start: int(toks[i].Start), End: int(toks[i+1].End)}},
			SpeakerText: doc.Phrase{Text: who.In(d.Text), Span: who},
			Via:         []doc.Actor{},
		}
		if a := as.Actors(np); len(a) > 0 {
			q.Speaker = &a[0]
		}
		out = append(out, q)
		break
	}
	return out
}

// saysSomething reports whether a verb of saying is a clause's main verb
// in the active voice: "said", "has told", and "told" that the tagger took
// for a participle; not "to say", "acknowledging", "was told".
func saysSomething(s *Sentence, pr *clause.Predicate) bool {
	return !pr.Infinitive && pr.Voice == clause.Active && s.S.Tokens[pr.Head].Tag != doc.VBG
}

// reportedWords returns the tokens [first, last) of what the verb of
// saying pi reports: after it ("said (that) the US offered ...") or, for a
// trailing attribution, before it ("The US offered ..., Khamenei said").
func reportedWords(s *Sentence, pi int) (int, int) {
	toks := s.S.Tokens
	p := &s.Parse
	pr := &p.Preds[pi]
	comp := &p.Preds[pr.Comp]
	start := comp.First
	if comp.Subject >= 0 && p.NPs[comp.Subject].First < start {
		start = p.NPs[comp.Subject].First
	}
	if comp.Head > pr.Head {
		if start < pr.Last {
			return 0, 0
		}
		end := len(toks)
		// "..., according to Reuters" closes the report.
		for j := start; j+1 < len(toks); j++ {
			if toks[j].Tag == doc.Comma && j+3 < len(toks) && accordingTo(toks, j+1) {
				end = j
				break
			}
		}
		return start, trimEnd(toks, start, end)
	}
	end := pr.First
	if pr.Subject >= 0 && p.NPs[pr.Subject].First < end {
		end = p.NPs[pr.Subject].First
	}
	first := trimStart(toks, 0)
	return first, trimEnd(toks, first, end)
}

// speak sets the cue, speaker and chain of a quote from the verb of
// saying pi of sentence si.
func (f *finder) speak(si, pi int, qt *doc.Quote) {
	d := f.d
	s := &f.sents[si]
	pr := &s.Parse.Preds[pi]
	v := s.S.Tokens[pr.Head]
	qt.Cue = doc.Phrase{Text: v.Text(d.Text), Span: v.Span()}
	as := actor.Sentence{KB: f.k, Doc: d, S: s.S, Mentions: s.Mentions, P: s.Parse}
	if pr.Subject >= 0 {
		np := s.Parse.NPs[pr.Subject]
		sp := doc.Span{Start: int(s.S.Tokens[np.First].Start), End: int(s.S.Tokens[np.Last-1].End)}
		qt.SpeakerText = doc.Phrase{Text: sp.In(d.Text), Span: sp}
		if as := as.Actors(pr.Subject); len(as) > 0 {
			a := as[0]
			qt.Speaker = &a
		} else if c := pronounClass(s, d, np); c != notPronoun {
			qt.Speaker = f.antecedent(si, np.First, c)
		} else {
			qt.Speaker = f.describedName(si, pr.Subject)
		}
	}
	qt.Via = as.Reporters(pi)
}

// accordingTo reports whether "according to" starts at token i.
func accordingTo(toks []doc.Token, i int) bool {
	return i+1 < len(toks) && strings.EqualFold(toks[i].Lemma, "accord") && strings.EqualFold(toks[i+1].Lemma, "to")
}

// phraseEnd extends an NP over the prepositional phrases that qualify
// it: "a spokesman for the ministry of defence".
func phraseEnd(s *Sentence, np int) int {
	p := &s.Parse
	end := p.NPs[np].Last
	for end+1 < len(s.S.Tokens) && s.S.Tokens[end].Tag == doc.IN && p.NPOf[end+1] >= 0 {
		end = p.NPs[p.NPOf[end+1]].Last
	}
	return end
}

func opensSentence(toks []doc.Token, i int) bool {
	for j := 0; j < i; j++ {
		switch toks[j].Tag {
		case doc.RB, doc.CC, doc.LQuote:
		default:
			return false
		}
	}
	return true
}

// trimStart skips opening quote marks and brackets.
func trimStart(toks []doc.Token, i int) int {
	for i < len(toks) && (toks[i].Tag == doc.LQuote || toks[i].Tag == doc.LRB) {
		i++
	}
	return i
}

// trimEnd drops the punctuation that ends a report, tokens [start, end):
// full stops, commas, colons and quote marks, but not a mark that closes
// one opened inside the report ("said the border was "closed for good"").
func trimEnd(toks []doc.Token, start, end int) int {
	open := 0
	for i := start; i < end; i++ {
		switch toks[i].Tag {
		case doc.LQuote:
			open++
		case doc.RQuote:
			open--
		}
	}
	for end > start {
		switch toks[end-1].Tag {
		case doc.RQuote:
			if open >= 0 {
				return end // it closes a mark inside
			}
			open++
			end--
			continue
		case doc.LQuote:
			open--
			end--
			continue
		case doc.Period, doc.Comma, doc.Colon:
			end--
			continue
		}
		break
	}
	return end
}

// inQuote reports whether byte offset at lies inside one of qs, the
// direct quotes: disjoint and in text order, so a binary search finds
// the one that could hold it (a scan of them all per verb was quadratic
// in the document, issue 16).
func inQuote(qs []doc.Quote, at int) bool {
	i := firstEndingAfter(qs, at)
	return i < len(qs) && qs[i].Content.Span.Start <= at
}

// firstEndingAfter returns the index of the first of qs, disjoint
// direct quotes in text order, whose content ends after byte offset at.
func firstEndingAfter(qs []doc.Quote, at int) int {
	i, _ := slices.BinarySearchFunc(qs, at, func(q doc.Quote, at int) int {
		if q.Content.Span.End <= at {
			return -1
		}
		return 1
	})
	return i
}

// mostlyQuoted reports whether direct quotes cover half of sp or more.
func mostlyQuoted(qs []doc.Quote, sp doc.Span) bool {
	n := 0
	for i := firstEndingAfter(qs, sp.Start); i < len(qs) && qs[i].Content.Span.Start < sp.End; i++ {
		c := qs[i].Content.Span
		lo, hi := max(c.Start, sp.Start), min(c.End, sp.End)
		if hi > lo {
			n += hi - lo
		}
	}
	return 2*n >= sp.Len()
}
