// Package pipeline runs dyad's stages over documents: text analysis, kb
// mentions, clauses, events. A Coder holds one worker's scratch state;
// Run spreads documents over bounded workers and hands results back in
// input order.
package pipeline

import (
	"context"
	"fmt"
	"iter"
	"runtime"
	"sync"

	"dyad/internal/clause"
	"dyad/internal/code"
	"dyad/internal/doc"
	"dyad/internal/kb"
	"dyad/internal/parse"
	"dyad/internal/quote"
	"dyad/internal/text"
)

// Config is what the stages share: the tagger model and the dictionaries,
// both read-only.
type Config struct {
	Model             *text.Model
	KB                *kb.KB
	Parser            *parse.Model // nil: the shallow clause parser alone
	MaxSentenceTokens int
}

// Default returns the configuration dyad runs with out of the box: the
// embedded tagger model and dictionaries, CAMEO codes checked. The KB is
// new on each call, so a caller may add its own dictionaries to it.
func Default() (Config, error) {
	m, err := text.DefaultModel()
	if err != nil {
		return Config{}, err
	}
	k, errs := kb.Default(code.Valid)
	if len(errs) > 0 {
		return Config{}, fmt.Errorf("embedded dictionaries: %w (and %d more)", errs[0], len(errs)-1)
	}
	pm, err := parse.DefaultModel()
	if err != nil {
		return Config{}, err
	}
	return Config{Model: m, KB: k, Parser: pm}, nil
}

// Coder codes documents one at a time. Not safe for concurrent use: one
// per worker.
type Coder struct {
	an    *text.Analyzer
	kb    *kb.KB
	coder *code.Coder
	dep   *parse.Parser // nil without a parser model
}

// NewCoder returns a Coder for cfg.
func NewCoder(cfg Config) *Coder {
	an := text.NewAnalyzer(cfg.Model)
	an.SetMaxSentenceTokens(cfg.MaxSentenceTokens)
	c := &Coder{an: an, kb: cfg.KB, coder: code.NewCoder(cfg.KB)}
	if cfg.Parser != nil {
		c.dep = parse.NewParser(cfg.Parser)
	}
	return c
}

// Code runs every stage over one document. A panic in a stage is
// recovered and returned as the document's error.
func (c *Coder) Code(d doc.Document) (res doc.Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: internal error: %v", d.ID, r)
		}
	}()
	res.Document = d
	res.Sentences = c.an.Analyze(d.Text)
	res.Mentions = make([][]doc.Mention, len(res.Sentences))
	qs := make([]quote.Sentence, len(res.Sentences))
	for si, s := range res.Sentences {
		ms := c.kb.Actors.Match(d.Text, s.Tokens, nil)
		res.Mentions[si] = ms
		if c.dep != nil && worthParsing(s.Tokens, ms) {
			text.RetagMainVerb(s.Tokens)
			c.dep.Parse(d.Text, s.Tokens)
		}
		p := clause.ParseSentence(d.Text, s.Tokens, ms)
		qs[si] = quote.Sentence{S: s, Mentions: ms, Parse: p}
		res.Events = append(res.Events, c.coder.Sentence(&res.Document, si, s, ms, p)...)
	}
	res.Quotes = quote.Find(&res.Document, qs, c.kb)
	attachQuotes(&res)
	numberEvents(&res)
	linkContests(res.Events)
	return res, nil
}

// attachQuotes points each event said inside a quote to it (the
// innermost one, when a direct quote sits inside reported speech); the
// quote's speaker, then its chain, become the event's reporters when the
// sentence named none, and an asserted event becomes claimed.
func attachQuotes(res *doc.Result) {
	for i := range res.Events {
		e := &res.Events[i]
		var q *doc.Quote
		for qi := range res.Quotes {
			c := res.Quotes[qi].Content.Span
			if e.Verb.Span.Start < c.Start || e.Verb.Span.End > c.End {
				continue
			}
			if q == nil || c.Len() < q.Content.Span.Len() {
				q = &res.Quotes[qi]
			}
		}
		if q == nil {
			continue
		}
		e.QuoteID = q.ID
		if len(e.ReportedBy) == 0 && q.Speaker != nil {
			e.ReportedBy = append([]doc.Actor{*q.Speaker}, q.Via...)
			if e.Status == "asserted" {
				e.Status = "claimed"
			}
		}
	}
}

// Item is one input of Run: a document, or the error of one that could
// not be read.
type Item struct {
	Doc doc.Document
	Err error
}

// Run codes documents with workers goroutines (0: one per core) and calls
// emit with each result, or error, in input order. It stops early when ctx
// is cancelled or emit returns an error.
func Run(ctx context.Context, cfg Config, workers int, in iter.Seq2[doc.Document, error], emit func(doc.Result, error) error) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type job struct {
		item Item
		done chan struct{}
		res  doc.Result
		err  error
	}
	jobs := make(chan *job, workers)
	order := make(chan *job, 2*workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := NewCoder(cfg)
			for j := range jobs {
				if j.item.Err != nil {
					j.err = j.item.Err
				} else {
					j.res, j.err = c.Code(j.item.Doc)
				}
				close(j.done)
			}
		}()
	}
	go func() {
		defer close(order)
		defer close(jobs)
		for d, err := range in {
			j := &job{item: Item{Doc: d, Err: err}, done: make(chan struct{})}
			select {
			case order <- j:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- j:
			case <-ctx.Done():
				close(j.done)
				return
			}
		}
	}()
	var firstErr error
	for j := range order {
		<-j.done
		if firstErr != nil {
			continue // drain
		}
		if err := ctx.Err(); err != nil {
			firstErr = err
			continue
		}
		if err := emit(j.res, j.err); err != nil {
			firstErr = err
			cancel() // stop reading input; drain what is in flight
		}
	}
	wg.Wait()
	if firstErr == nil {
		firstErr = ctx.Err()
	}
	return firstErr
}

// worthParsing reports whether a sentence can give an event or a quote
// speaker, so that the parser's arcs can matter: it names an actor and
// has a verb.
func worthParsing(toks []doc.Token, ms []doc.Mention) bool {
	if len(ms) == 0 {
		return false
	}
	for i := range toks {
		if toks[i].Tag.IsVerb() {
			return true
		}
	}
	return false
}
