package quote

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"dyad/internal/actor"
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

// span is a quotation's content, between its marks.
type span struct {
	open, close int // byte offsets of the marks; close = end of content when unclosed
	content     doc.Span
}

// Find returns the quotations of d in text order: direct quotes, then
// reported speech where no direct quote says the same, numbered together.
func Find(d *doc.Document, sents []Sentence, k *kb.KB) []doc.Quote {
	var out []doc.Quote
	var last *doc.Quote // the previous quote, for continued quotes
	lastEnd := -1
	for _, q := range quoteSpans(d.Text) {
		qt := doc.Quote{
			DocID: d.ID, Direct: true,
			Content: doc.Phrase{Text: q.content.In(d.Text), Span: q.content},
			Via:     []doc.Actor{},
		}
		si := sentenceAt(sents, q.content.End-1)
		if si >= 0 && !attribute(d, sents, si, q, k, &qt) {
			// A quote with no verb of saying goes on the previous quote
			// of its paragraph, or of the paragraph before when it opens
			// its own paragraph (news style for long quotes).
			if last != nil && last.Cue.Text != "" && continues(d.Text, lastEnd, q.open) {
				qt.Speaker, qt.SpeakerText, qt.Cue, qt.Via = last.Speaker, last.SpeakerText, last.Cue, last.Via
			}
		}
		out = append(out, qt)
		last, lastEnd = &out[len(out)-1], q.close
	}
	direct := len(out)
	for si := range sents {
		out = append(out, indirect(d, sents, si, k, out[:direct])...)
	}
	slices.SortStableFunc(out, func(a, b doc.Quote) int { return a.Content.Span.Start - b.Content.Span.Start })
	for i := range out {
		out[i].ID = fmt.Sprintf("%s#q%d", d.ID, i+1)
	}
	return out
}

// attribute finds the verb of saying of a quote in sentence si: after the
// quote ("...," said X) or before it (X said: "..."), outside the quote.
func attribute(d *doc.Document, sents []Sentence, si int, q span, k *kb.KB, qt *doc.Quote) bool {
	s := &sents[si]
	best := -1
	bestDist := 1 << 30
	for pi, pr := range s.Parse.Preds {
		if !pr.Speech {
			continue
		}
		v := s.S.Tokens[pr.Head]
		at := int(v.Start)
		if at >= q.content.Start && at < q.content.End {
			continue // a verb inside the quote is the speaker's own words
		}
		dist := at - q.close
		if dist < 0 {
			dist = q.open - at + 1000 // prefer a cue after the quote
		}
		if dist < bestDist {
			best, bestDist = pi, dist
		}
	}
	if best < 0 {
		return false
	}
	speak(d, sents, si, best, k, qt)
	return true
}

func isPronoun(s *Sentence, np clause.NP) bool {
	return np.Last-np.First == 1 && s.S.Tokens[np.First].Tag == doc.PRP
}

// earlierPerson resolves "he"/"she" to the last person mentioned before
// sentence si: a named person or a singular role ("the president of
// Mexico"), coded as an actor; nil when there is none.
func earlierPerson(d *doc.Document, sents []Sentence, si int, k *kb.KB) *doc.Actor {
	for i := si; i >= 0; i-- {
		s := &sents[i]
		for np := len(s.Parse.NPs) - 1; np >= 0; np-- {
			x := s.Parse.NPs[np]
			if len(x.Members) > 0 {
				continue
			}
			for _, m := range s.Mentions {
				person := m.Kind == doc.Person || m.Kind == doc.Agent && (s.S.Tokens[x.Head].Tag == doc.NN || s.S.Tokens[x.Head].Tag == doc.NNP)
				if person && m.First >= x.First && m.Last <= x.Last && m.First <= x.Head && x.Head < m.Last {
					as := actor.Sentence{KB: k, Doc: d, S: s.S, Mentions: s.Mentions, P: s.Parse}
					if a := as.Actors(np); len(a) > 0 {
						return &a[0]
					}
				}
			}
		}
	}
	return nil
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
	for i := range sents {
		if sp := sents[i].S.Span; at >= sp.Start && at < sp.End {
			return i
		}
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
