package doc

import "strconv"

// Document is one article or text to code.
type Document struct {
	ID     string // caller's identifier, unique within a batch
	Date   string // publication date, YYYY-MM-DD (empty when unknown)
	Source string // outlet or feed name
	URL    string
	Title  string
	Text   string // the body; every Span refers to byte offsets in it

	// DateAssumed is true when Date was neither given with the document
	// nor read from its text but assumed (a -date flag's default or the
	// day it was read); outputs carry it so an analyst can tell.
	DateAssumed bool
}

// Span is a half-open byte range [Start, End) into Document.Text.
type Span struct {
	Start, End int
}

// MarshalJSON writes a span as [start, end].
func (s Span) MarshalJSON() ([]byte, error) {
	return []byte("[" + strconv.Itoa(s.Start) + "," + strconv.Itoa(s.End) + "]"), nil
}

// Len returns the length of the span in bytes.
func (s Span) Len() int { return s.End - s.Start }

// In returns the text the span covers.
func (s Span) In(text string) string { return text[s.Start:s.End] }

// Token flags describe the white space before a token, which later stages
// read for paragraph breaks and for joining tokens back into text.
const (
	SpaceBefore   uint8 = 1 << iota // white space separates it from the previous token
	NewlineBefore                   // at least one line break before it
	ParaBefore                      // a blank line (or start of text) before it
)

// Token is one word, number or punctuation mark.
type Token struct {
	Start, End int32 // byte offsets into Document.Text
	Tag        Tag   // Penn Treebank part of speech
	Flags      uint8 // SpaceBefore, NewlineBefore, ParaBefore
	// Head is the index in the sentence's Tokens of the token's syntactic
	// head, -1 for the sentence's root; Rel is the relation to it. Both
	// are set by the parser (internal/parse); Rel is NoRel (and Head
	// meaningless) in a sentence not parsed.
	Head  int16
	Rel   Rel
	Lemma string // dictionary form for verbs and nouns; the word itself otherwise
}

// Span returns the token's byte range.
func (t Token) Span() Span { return Span{int(t.Start), int(t.End)} }

// Text returns the token's text within the document text.
func (t Token) Text(text string) string { return text[t.Start:t.End] }

// Sentence is a run of tokens that the splitter judged one sentence.
// Tokens is a sub-slice of the document's token slice.
type Sentence struct {
	Span   Span
	Tokens []Token
}
