package quote

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"dyad/internal/clause"
	"dyad/internal/doc"
	"dyad/internal/kb"
)

// Sentence is one analysed sentence as the quote stage reads it.
type Sentence struct {
	S        doc.Sentence
	Mentions []doc.Mention
	Parse    clause.Parse
}

// finder holds what the stage reads about one document.
type finder struct {
	d      *doc.Document
	sents  []Sentence
	k      *kb.KB
	direct []doc.Quote // the direct quotes, found first
	// described caches describedName's search of earlier mentions, by
	// surname: the article describes a person once, so the search goes
	// through the mentions of a surname once, not once per quote.
	described map[string]*describedAt
	// surnames indexes the noun phrases of sentences [0, indexed) by
	// their last word, so describedName visits only those of its surname:
	// scanning every sentence for each new surname was quadratic in the
	// document (issue 16). nps holds the phrases, chained per word.
	surnames map[string]chain
	nps      []npAt
	indexed  int
}

type describedAt struct {
	a        *doc.Actor // the description found, or nil
	sentence int        // where it was found
	last     int32      // the last of the surname's phrases searched (index of nps), or -1
}

// npAt is noun phrase np of sentence sentence; next is the next phrase
// that ends in the same word (index of finder.nps), or -1.
type npAt struct{ sentence, np, next int32 }

// chain is the first and last phrase that end in one word.
type chain struct{ first, last int32 }

// quoted reports whether byte offset at lies inside a direct quote.
func (f *finder) quoted(at int) bool { return inQuote(f.direct, at) }

// span is a quotation's content, between its marks.
type span struct {
	open, close int // byte offsets of the marks; close = end of content when unclosed
	content     doc.Span
}

// Find returns the quotations of d in text order, direct quotes and
// reported speech (where no direct quote says the same) numbered together.
func Find(d *doc.Document, sents []Sentence, k *kb.KB) []doc.Quote {
	out, _ := FindContext(context.Background(), d, sents, k)
	return out
}

// FindContext is Find that stops between two sentences, or two quotes,
// once ctx is done, and returns nil and ctx's error.
func FindContext(ctx context.Context, d *doc.Document, sents []Sentence, k *kb.KB) ([]doc.Quote, error) {
	done := ctx.Done() // nil for a context that is never done: no check at all
	stop := func() bool {
		select {
		case <-done:
			return true
		default:
			return false
		}
	}
	spans := quoteSpans(d.Text)
	direct := make([]doc.Quote, len(spans))
	for i, q := range spans {
		direct[i] = doc.Quote{
			DocID: d.ID, Direct: true,
			Content: doc.Phrase{Text: q.content.In(d.Text), Span: q.content},
			Via:     []doc.Actor{},
		}
	}
	f := &finder{d: d, sents: sents, k: k, direct: direct}
	var reported []doc.Quote
	for si := range sents {
		if stop() {
			return nil, ctx.Err()
		}
		reported = append(reported, f.indirect(si)...)
	}
	ri := 0       // reported speech before the current quote
	lastEnd := -1 // where the previous quote ends
	var last *doc.Quote
	for i, q := range spans {
		if stop() {
			return nil, ctx.Err()
		}
		qt := &direct[i]
		for ri < len(reported) && reported[ri].Content.Span.End <= q.open {
			if reported[ri].Content.Span.End > lastEnd {
				last, lastEnd = &reported[ri], reported[ri].Content.Span.End
			}
			ri++
		}
		// The verb of saying stands after the quote, in its last
		// sentence, or before it, in its first or the one the mark
		// follows ("X said:" split from its quote).
		si, first := sentenceAt(sents, q.content.End-1), sentenceAt(sents, q.content.Start)
		before := -1
		if b := strings.LastIndexFunc(d.Text[:q.open], func(r rune) bool { return !unicode.IsSpace(r) }); b >= 0 && (d.Text[b] == ':' || d.Text[b] == ',') {
			before = sentenceAt(sents, b)
		}
		if si >= 0 && !f.attribute([]int{si, first, before}, q, qt) {
			// A quote with no verb of saying that opens its sentence goes
			// on the previous quote of its paragraph, or of the paragraph
			// before when it opens its own paragraph (news style for long
			// quotes). A quote inside a sentence is someone's phrase that
			// the sentence does not attribute: no speaker.
			if last != nil && last.Cue.Text != "" && opens(d.Text, sents, first, q.open) && continues(d.Text, lastEnd, q.open) {
				qt.Speaker, qt.SpeakerText, qt.Cue, qt.Via = last.Speaker, last.SpeakerText, last.Cue, last.Via
			}
		}
		last, lastEnd = qt, q.close
	}
	out := append(direct, reported...)
	slices.SortStableFunc(out, func(a, b doc.Quote) int { return a.Content.Span.Start - b.Content.Span.Start })
	for i := range out {
		out[i].ID = fmt.Sprintf("%s#q%d", d.ID, i+1)
	}
	return out, nil
}

// attribute finds the verb of saying of a quote in its sentences: after
// the quote ("...," said X) or before it (X said: "..."), outside the
// quote; the nearest one with a subject, a cue after the quote first.
func (f *finder) attribute(in []int, q span, qt *doc.Quote) bool {
	sents := f.sents
	bestS, best := -1, -1
	bestDist := 1 << 30
	for n, si := range in {
		if si < 0 || slices.Contains(in[:n], si) {
			continue
		}
		s := &sents[si]
		for pi, pr := range s.Parse.Preds {
			if !pr.Speech && !f.names(s, &pr, q) {
				continue
			}
			at := int(s.S.Tokens[pr.Head].Start)
			if at >= q.content.Start && at < q.content.End {
				continue // a verb inside the quote is the speaker's own words
			}
			dist := at - q.close
			if dist < 0 {
				dist = q.open - at + 1000 // prefer a cue after the quote
			}
			if pr.Subject < 0 {
				// "... "indicators" that suggested ...": a verb of saying
				// that names no one is the last choice.
				dist += 1 << 20
			}
			if dist < bestDist {
				bestS, best, bestDist = si, pi, dist
			}
		}
	}
	if best < 0 {
		return false
	}
	f.speak(bestS, best, qt)
	return true
}

// names reports whether pr is a verb of naming whose words the quote
// gives, right after it: "what he referred to as Washington's "evil
// intentions"", "called the plan "a disgrace"". The one who names is
// the speaker of the quoted words.
func (f *finder) names(s *Sentence, pr *clause.Predicate, q span) bool {
	if !namingVerbs[pr.Lemma] || pr.Voice != clause.Active {
		return false
	}
	end := int(s.S.Tokens[pr.Last-1].End)
	if end > q.open || q.open-end > 60 {
		return false
	}
	// Only the verb's own arguments between it and the quote: no other
	// verb, no clause break.
	for _, t := range s.S.Tokens[pr.Last:] {
		if int(t.Start) >= q.open {
			break
		}
		if t.Tag.IsVerb() || t.Tag == doc.Period || t.Tag == doc.Colon {
			return false
		}
	}
	return true
}

var namingVerbs = map[string]bool{
	"call": true, "describe": true, "refer": true, "term": true, "dub": true,
	"label": true, "brand": true, "characterize": true, "characterise": true,
}

// opens reports whether the quote mark at open starts sentence si (only
// white space or other marks before it).
func opens(txt string, sents []Sentence, si, open int) bool {
	if si < 0 {
		return false
	}
	start := sents[si].S.Span.Start
	return start >= open || strings.TrimLeft(txt[start:open], " \t\r\n\"“‘'(") == ""
}

// continues reports whether a quote opening at open continues the
// previous one, which ended at prevEnd: in the same paragraph, or in the
// paragraph before when this one opens its paragraph.
func continues(txt string, prevEnd, open int) bool {
	if prevEnd < 0 || open < prevEnd {
		return false
	}
	breaks := strings.Count(txt[prevEnd:open], "\n")
	if breaks == 0 {
		return true
	}
	lineStart := strings.LastIndexByte(txt[:open], '\n') + 1
	opensParagraph := strings.TrimSpace(txt[lineStart:open]) == ""
	return opensParagraph && breaks <= 2 && strings.Count(txt[prevEnd:lineStart], "\n") == breaks &&
		strings.IndexByte(strings.TrimRight(txt[prevEnd:lineStart], " \t\r\n"), '\n') < 0
}

// sentenceAt returns the sentence containing byte offset at, or -1.
func sentenceAt(sents []Sentence, at int) int {
	i, _ := slices.BinarySearchFunc(sents, at, func(s Sentence, at int) int {
		if s.S.Span.End <= at {
			return -1
		}
		if s.S.Span.Start > at {
			return 1
		}
		return 0
	})
	if i < len(sents) && sents[i].S.Span.Start <= at && at < sents[i].S.Span.End {
		return i
	}
	return -1
}

// quoteSpans pairs the quote marks of a text. A mark opens a quote when it
// stands at the start of a word and closes one at the end of a word, so
// straight and curly marks pair alike ("“...murky."" pairs). A quote left
// open ends at the end of its paragraph; a paragraph that opens with a
// quote mark continues the quote (the news convention for long quotes).
func quoteSpans(txt string) []span {
	var out []span
	open := -1
	for i := 0; i < len(txt); {
		r, size := utf8.DecodeRuneInString(txt[i:])
		switch {
		case r == '\n' && open >= 0:
			if end := strings.TrimRight(txt[open:i], " \t\r"); len(end) > 0 {
				c := doc.Span{Start: open + markLen(txt, open), End: open + len(end)}
				if c.End > c.Start {
					out = append(out, span{open: open, close: i, content: c})
				}
			}
			open = -1
		case r == '“' || r == '"' || r == '„' || r == '«' || r == '”' || r == '»':
			prev, _ := utf8.DecodeLastRuneInString(txt[:i])
			next, _ := utf8.DecodeRuneInString(txt[i+size:])
			opening := r == '“' || r == '„' || r == '«' || (r == '"' && (i == 0 || unicode.IsSpace(prev) || strings.ContainsRune("([—–-", prev)) && !unicode.IsSpace(next))
			switch {
			case opening && open < 0:
				open = i
			case !opening && open >= 0:
				c := doc.Span{Start: open + markLen(txt, open), End: i}
				if c.End > c.Start {
					out = append(out, span{open: open, close: i + size, content: c})
				}
				open = -1
			}
		}
		i += size
	}
	if open >= 0 {
		if c := (doc.Span{Start: open + markLen(txt, open), End: len(strings.TrimRight(txt, " \t\r\n"))}); c.End > c.Start {
			out = append(out, span{open: open, close: c.End, content: c})
		}
	}
	return out
}

func markLen(txt string, at int) int {
	_, size := utf8.DecodeRuneInString(txt[at:])
	return size
}
