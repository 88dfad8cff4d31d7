package text

import (
	"math"
	"strings"

	"dyad/internal/doc"
)

// DefaultMaxSentenceTokens is the sentence length, in tokens, at which a
// Segmenter with MaxSentenceTokens 0 forces a break.
const DefaultMaxSentenceTokens = 250

// lookahead is the size of the Segmenter's ring of tokens read ahead (a
// power of two); the deepest look is five tokens (“Why?” John F. Kerry asked).
const lookahead = 8

// Segmenter yields the sentences of a text one at a time, tokenizing as it
// goes, so that memory stays bounded by the longest sentence. It decides a
// boundary from the token stream:
//
//   - after . ? ! or an ellipsis, with any closing quotes and brackets that
//     follow, unless a lower-case word or a comma-like mark comes next;
//   - after an abbreviation that keeps its period (U.S., Inc., a.m., an
//     initial) only when a common sentence starter (He, The, But ...)
//     follows; never after a title (Mr., Gen., Sec., Rev.) or e.g./vs.;
//   - not after ?/! closed by a quote when a speech verb follows
//     (“Why?” he asked; “Why?” Kerry asked);
//   - at a blank line, at a bullet (•), and at a line break unless the line
//     goes on (it ends in a comma, dash, title, opening bracket or a
//     connecting word such as "and" or "of", or the next starts lower-case)
//     or the whole text is hard-wrapped (see hardWrapped);
//   - not after the number of a numbered list item (1. Iraq);
//   - after MaxSentenceTokens tokens.
//
// The zero value is ready after Reset. A Segmenter is not safe for
// concurrent use.
type Segmenter struct {
	// MaxSentenceTokens forces a break after this many tokens; 0 means
	// DefaultMaxSentenceTokens.
	MaxSentenceTokens int

	z       tokenizer
	la      [lookahead]item // tokens read ahead, a ring
	head    int             // index of the first token in la
	n       int             // tokens in la
	wrapped bool            // the text is hard-wrapped: a single line break is a space
}

// Reset starts the Segmenter on text. Offsets are int32, so a text longer
// than 2 GiB is cut there.
func (s *Segmenter) Reset(text string) {
	text = clampText(text)
	s.z.reset(text)
	s.head, s.n = 0, 0
	s.wrapped = hardWrapped(text)
}

// hardWrapped reports whether text is prose wrapped at a fixed width, as
// newswire archives are: it has two or more single line breaks, and at
// least a third of them fall inside a sentence, before a lower-case word or
// after a long line (50 bytes or more) that ends in a lower-case word or a
// comma. In a text with one paragraph per line, lines begin with capitals
// and end in full stops. The scan is a memchr per line (IndexByte), a few
// milliseconds on 50 MB.
func hardWrapped(text string) bool {
	var breaks, inside int
	line := 0 // start of the current line
	for {
		j := strings.IndexByte(text[line:], '\n')
		if j < 0 {
			break
		}
		end := line + j // the line break
		e := end
		for e > line && ctype[text[e-1]]&cSpace != 0 {
			e--
		}
		k := end + 1
		for k < len(text) && (text[k] == ' ' || text[k] == '\t' || text[k] == '\r') {
			k++
		}
		if k < len(text) && text[k] == '\n' { // a blank line: a paragraph break
			for k < len(text) && ctype[text[k]]&cSpace != 0 {
				k++
			}
			line = k
			continue
		}
		breaks++
		switch {
		case k < len(text) && isLower(text[k]):
			inside++
		case e-line >= 50 && (isLower(text[e-1]) || text[e-1] == ','):
			inside++
		}
		line = end + 1
	}
	return breaks >= 2 && 3*inside >= breaks
}

func clampText(text string) string {
	if len(text) > math.MaxInt32 {
		return text[:math.MaxInt32]
	}
	return text
}

// Next appends the tokens of the next sentence to dst[:0] and returns them,
// with the sentence span (from the first token's start to the last token's
// end). ok is false at the end of the text. Reusing dst across calls makes
// segmenting allocation-free once dst has grown to the longest sentence.
func (s *Segmenter) Next(dst []doc.Token) (toks []doc.Token, span doc.Span, ok bool) {
	toks, ok = s.appendSentence(dst[:0])
	if !ok {
		return toks, doc.Span{}, false
	}
	return toks, doc.Span{Start: int(toks[0].Start), End: int(toks[len(toks)-1].End)}, true
}

// peek returns the k-th token ahead (k < lookahead), or nil at the end.
func (s *Segmenter) peek(k int) *item {
	for s.n <= k {
		if !s.z.next(&s.la[(s.head+s.n)&(lookahead-1)]) {
			return nil
		}
		s.n++
	}
	return &s.la[(s.head+k)&(lookahead-1)]
}

// pop drops the first token ahead.
func (s *Segmenter) pop() {
	s.head = (s.head + 1) & (lookahead - 1)
	s.n--
}

func (s *Segmenter) word(it *item) string { return s.z.text[it.tok.Start:it.tok.End] }

// appendSentence appends the tokens of the next sentence to dst and reports
// whether there was one.
func (s *Segmenter) appendSentence(dst []doc.Token) ([]doc.Token, bool) {
	limit := s.MaxSentenceTokens
	if limit <= 0 {
		limit = DefaultMaxSentenceTokens
	}
	start := len(dst)
	var last item
	for len(dst)-start < limit {
		it := s.peek(0)
		if it == nil {
			break
		}
		if len(dst) > start && s.breakBefore(&last, it) {
			break
		}
		dst = append(dst, it.tok)
		last = *it
		s.pop()
		if !last.kind.ends() {
			continue
		}
		// The closing quotes and brackets after a stop belong to the
		// sentence it ends: He said: "We refuse." Then ...
		term := last
		quoted := false
		for len(dst)-start < limit {
			nx := s.peek(0)
			if nx == nil || nx.tok.Flags&doc.NewlineBefore != 0 ||
				nx.kind != kCloseQuote && nx.kind != kCloseBracket {
				break
			}
			quoted = quoted || nx.kind == kCloseQuote
			dst = append(dst, nx.tok)
			last = *nx
			s.pop()
		}
		if term.kind == kPeriod && len(dst)-start == 2 && isListNumber(s.z.text, dst[start]) {
			continue // a numbered list item: "1. Iraq"
		}
		if s.endsAfter(&term, quoted) {
			break
		}
	}
	return dst, len(dst) > start
}

// breakBefore reports whether a sentence that ends with last stops before
// it, for reasons of layout: a bullet, a blank line, a line break.
func (s *Segmenter) breakBefore(last, it *item) bool {
	if it.kind == kBullet {
		return true
	}
	f := it.tok.Flags
	if f&doc.NewlineBefore == 0 {
		return false
	}
	if f&doc.ParaBefore != 0 {
		return true
	}
	if s.wrapped {
		return false
	}
	// A single line break ends the sentence unless the line goes on.
	switch last.kind {
	case kComma, kAbbrTitle, kAbbrInner, kOpenQuote, kOpenBracket, kDash:
		return false
	case kWord:
		if last.lead == caseLower && isConnecting(s.word(last)) {
			return false
		}
	case kSymbol:
		if s.word(last) == "&" {
			return false
		}
	}
	return it.lead != caseLower || it.kind != kWord
}

// endsAfter decides whether the sentence ends after term (a stop or an
// abbreviation, with the closing marks after it; quoted if one was a
// quotation mark), looking at the tokens that follow.
func (s *Segmenter) endsAfter(term *item, quoted bool) bool {
	nx := s.peek(0)
	if nx == nil {
		return true
	}
	if nx.kind == kBullet || nx.tok.Flags&doc.ParaBefore != 0 ||
		nx.tok.Flags&doc.NewlineBefore != 0 && !s.wrapped {
		return false // breakBefore decides by the layout
	}
	if nx.lead == caseLower {
		return false
	}
	switch term.kind {
	case kAbbrTitle, kAbbrInner:
		return false
	case kAbbr:
		return s.startsAfterAbbrev(nx)
	case kAbbrFinal:
		return nx.lead == caseUpper || nx.kind == kOpenQuote
	case kEllipsis:
		if !quoted {
			return s.startsAfterAbbrev(nx)
		}
	}
	switch nx.kind {
	case kComma, kColon, kDash, kCloseQuote, kCloseBracket, kPeriod, kEllipsis, kStop, kSymbol:
		if nx.kind == kSymbol && isCurrency(s.word(nx)) {
			return true // ... in 2014. $10bn was ...
		}
		return false
	case kWord:
		if term.kind == kStop && quoted && nx.lead == caseUpper && s.speechFollows() {
			return false
		}
	}
	return true
}

// startsAfterAbbrev reports whether nx, after an abbreviation or ellipsis
// that may or may not end a sentence, begins a new one: a capitalised common
// sentence starter, or an opening quote before a capitalised word.
func (s *Segmenter) startsAfterAbbrev(nx *item) bool {
	switch nx.kind {
	case kWord, kAbbrTitle:
		w := s.word(nx)
		if nx.kind == kAbbrTitle {
			w = w[:len(w)-1]
		}
		return nx.lead == caseUpper && isStarter(w)
	case kOpenQuote:
		q := s.peek(1)
		return q != nil && q.lead == caseUpper && q.tok.Flags&doc.NewlineBefore == 0
	}
	return false
}

// speechFollows reports whether the capitalised words ahead (up to four,
// “Why?” John F. Kerry asked) are followed by a lower-case speech verb that
// closes the attribution: “Why?” Kerry asked. A verb that takes a clause of
// its own (“Stop!” Kerry said Iran had ..., said that ..., said she ...)
// starts a new sentence.
func (s *Segmenter) speechFollows() bool {
	for k := 1; k <= 4; k++ {
		t := s.peek(k)
		if t == nil || t.tok.Flags&doc.NewlineBefore != 0 {
			return false
		}
		switch {
		case t.kind == kWord && t.lead == caseLower:
			ok, clause := speechVerb(s.word(t))
			if !ok || !clause {
				return ok
			}
			c := s.peek(k + 1)
			return c == nil || c.lead != caseUpper && !(c.kind == kWord && isClauseStart(s.word(c)))
		case (t.kind == kWord || t.kind == kAbbr) && t.lead == caseUpper:
			continue
		}
		return false
	}
	return false
}

// isListNumber reports whether t, the first token of a sentence, is a list
// number of one to three digits, as in "2. Syria".
func isListNumber(text string, t doc.Token) bool {
	w := text[t.Start:t.End]
	if len(w) > 3 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if !isDigit(w[i]) {
			return false
		}
	}
	return true
}

// isCurrency reports whether a symbol token is a currency sign.
func isCurrency(w string) bool {
	switch w {
	case "$", "£", "€", "¥", "₹", "₽", "₺", "₪", "﷼":
		return true
	}
	return false
}

// Sentences returns all sentences of text. Their Tokens are sub-slices of
// one flat token slice (capacity-limited, so appending to one never touches
// the next).
func Sentences(text string) []doc.Sentence {
	var s Segmenter
	s.Reset(text)
	toks := make([]doc.Token, 0, len(text)/8+1)
	var ends []int
	for {
		var ok bool
		toks, ok = s.appendSentence(toks)
		if !ok {
			break
		}
		ends = append(ends, len(toks))
	}
	sents := make([]doc.Sentence, len(ends))
	b := 0
	for i, e := range ends {
		ts := toks[b:e:e]
		sents[i] = doc.Sentence{
			Span:   doc.Span{Start: int(ts[0].Start), End: int(ts[len(ts)-1].End)},
			Tokens: ts,
		}
		b = e
	}
	return sents
}
