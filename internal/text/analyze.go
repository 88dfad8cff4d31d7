package text

import (
	"context"

	"dyad/internal/doc"
)

// Analyzer splits, tokenizes, tags and lemmatizes text: the whole of this
// stage. It holds scratch buffers and belongs to one goroutine; the Model it
// tags with is shared.
type Analyzer struct {
	seg  Segmenter
	tag  *Tagger
	lem  *Lemmatizer
	buf  []doc.Token
	ends []int
}

// NewAnalyzer returns an Analyzer tagging with m.
func NewAnalyzer(m *Model) *Analyzer {
	return &Analyzer{tag: NewTagger(m), lem: NewLemmatizer()}
}

// SetMaxSentenceTokens sets the sentence length at which a break is forced
// (0: DefaultMaxSentenceTokens).
func (a *Analyzer) SetMaxSentenceTokens(n int) { a.seg.MaxSentenceTokens = n }

// Each calls fn with each sentence of text, tagged and lemmatized, until fn
// returns false. The sentence's Tokens are reused after fn returns: memory
// stays bounded by the longest sentence, whatever the length of text.
func (a *Analyzer) Each(text string, fn func(doc.Sentence) bool) {
	a.seg.Reset(text)
	for {
		toks, span, ok := a.seg.Next(a.buf)
		if !ok {
			return
		}
		a.buf = toks
		a.annotate(text, toks)
		if !fn(doc.Sentence{Span: span, Tokens: toks}) {
			return
		}
	}
}

// Analyze returns the sentences of text. Their tokens share one slice,
// allocated for this call, which the caller may keep.
func (a *Analyzer) Analyze(text string) []doc.Sentence {
	out, _ := a.AnalyzeContext(context.Background(), text)
	return out
}

// AnalyzeContext is Analyze that stops between two sentences once ctx
// is done, and returns ctx's error with the sentences analysed so far.
func (a *Analyzer) AnalyzeContext(ctx context.Context, text string) ([]doc.Sentence, error) {
	var all []doc.Token
	var spans []doc.Span
	a.ends = a.ends[:0]
	done := ctx.Done() // nil for a context that is never done: no check at all
	stopped := false
	a.Each(text, func(s doc.Sentence) bool {
		select {
		case <-done:
			stopped = true
			return false
		default:
		}
		all = append(all, s.Tokens...)
		spans = append(spans, s.Span)
		a.ends = append(a.ends, len(all))
		return true
	})
	out := make([]doc.Sentence, len(spans))
	start := 0
	for i, end := range a.ends {
		out[i] = doc.Sentence{Span: spans[i], Tokens: all[start:end:end]}
		start = end
	}
	if stopped {
		return out, ctx.Err()
	}
	return out, nil
}

func (a *Analyzer) annotate(text string, toks []doc.Token) {
	a.tag.TagTokens(text, toks)
	for i := range toks {
		t := &toks[i]
		t.Lemma = a.lem.Lemma(text[t.Start:t.End], t.Tag)
	}
}
