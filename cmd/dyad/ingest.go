package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"sync"
	"sync/atomic"
	"time"

	"dyad/internal/doc"
	"dyad/internal/ingest"
	"dyad/internal/pipeline"
	"dyad/internal/store"
)

func cmdIngest(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlagSet("ingest", stdout)
	var in inputFlags
	in.register(fs.FlagSet)
	db := fs.String("db", "", "the store: a SQLite file (created when absent) or a postgres:// URL")
	workers := fs.Int("workers", 0, "documents coded at once (0: one per core)")
	every := fs.Duration("every", 0, "poll the feeds again at this interval until interrupted (0: once)")
	fetchTimeout := fs.Duration("fetch-timeout", ingest.DefaultFetchTimeout, "longest fetch of a feed or an article, body included")
	allowPrivate := fs.Bool("allow-private", false, "let feeds fetch from loopback, private, link-local and other addresses that are not public (refused by default)")
	maxItems := fs.Int("max-items", ingest.DefaultMaxItems, "new articles fetched from one feed in one round (the rest wait for the next round)")
	roundTimeout := fs.Duration("round-timeout", defaultRoundTimeout, "longest round of reading the feeds (0: no limit); what is left waits for the next round")
	var dicts, feeds stringList
	fs.Var(&dicts, "dict", "add a dictionary `file` or directory (repeatable; docs/dictionaries.md)")
	fs.Var(&feeds, "feed", "an RSS, Atom or JSON feed `URL` (http or https) whose articles are fetched and ingested (repeatable)")
	if err := fs.parse(args); err != nil {
		return err
	}
	switch {
	case *db == "":
		return fmt.Errorf("%w: ingest needs -db (a SQLite file or a postgres:// URL)", errUsage)
	case fs.NArg() == 0 && len(feeds) == 0:
		return fmt.Errorf("%w: ingest needs an INPUT (a file, a directory, or - for stdin) or a -feed URL", errUsage)
	case *fetchTimeout <= 0:
		return fmt.Errorf("%w: -fetch-timeout %v: want a positive duration", errUsage, *fetchTimeout)
	case *every > 0 && len(feeds) == 0:
		return fmt.Errorf("%w: -every polls feeds: give at least one -feed URL", errUsage)
	case *maxItems <= 0:
		return fmt.Errorf("%w: -max-items %d: want a positive number", errUsage, *maxItems)
	}
	for _, u := range feeds {
		if err := ingest.CheckURL(u); err != nil {
			return fmt.Errorf("%w: -feed %v", errUsage, err)
		}
	}
	if err := checkDate(in.date); err != nil {
		return err
	}
	cfg, err := loadConfig(in, dicts, stderr)
	if err != nil {
		return err
	}
	st, err := store.Open(ctx, *db, store.Options{})
	if err != nil {
		return err
	}
	defer st.Close()

	ing := &ingestRun{
		store: st,
		out:   stderr,
		start: time.Now(),
		prog:  newProgress(stderr),
		poll:  *every > 0,
		feeds: len(feeds) > 0,
	}
	if ing.prog != nil && len(feeds) == 0 {
		// Counting reads JSON Lines files through once more: beside the
		// coding, not before it, so a large input starts at once.
		go func() { ing.total.Store(int64(countDocuments(fs.Args()))) }()
	}
	src := ingestSource(ctx, fs.Args(), in.options(stdin), feedRounds{
		feeds:   feeds,
		every:   *every,
		timeout: *roundTimeout,
		fetcher: ingest.NewFetcher(ingest.FetchOptions{
			MaxBytes:     int64(in.maxBytes),
			Timeout:      *fetchTimeout,
			Date:         in.date,
			AllowPrivate: *allowPrivate,
			MaxItems:     *maxItems,
		}),
	})
	err = pipeline.Run(ctx, cfg, *workers, src, ing.emit)
	ing.flush()
	ing.summary()
	interrupted := errors.Is(err, context.Canceled) && ctx.Err() != nil
	switch {
	case interrupted && ing.poll:
		err = nil // polling ends with an interrupt
	case interrupted:
		return errors.New("interrupted; what was stored is kept, run again to go on")
	case err != nil:
		return err
	}
	if ing.failed > 0 || ing.feedsFailed > 0 {
		return errPartial
	}
	return nil
}

// roundEnd marks the end of a polling round in the stream of documents:
// pipeline.Run hands it to emit in order, after the round's documents.
type roundEnd struct{ n int }

func (r roundEnd) Error() string { return fmt.Sprintf("end of round %d", r.n) }

// defaultRoundTimeout is the longest round of reading the feeds: ample for
// a few dozen feeds of -max-items new articles each.
const defaultRoundTimeout = 10 * time.Minute

// feedRounds is how ingest reads its feeds.
type feedRounds struct {
	feeds   []string
	every   time.Duration // poll again at this interval; 0: one round
	timeout time.Duration // longest round; 0: no limit
	fetcher *ingest.Fetcher
}

// ingestSource yields the documents of the inputs, then those of the
// feeds; with fr.every > 0 it polls the feeds again every interval until
// ctx is done, a roundEnd after each round.
func ingestSource(ctx context.Context, inputs []string, opt ingest.Options, fr feedRounds) iter.Seq2[doc.Document, error] {
	return func(yield func(doc.Document, error) bool) {
		if len(inputs) > 0 {
			for d, err := range ingest.Read(ctx, inputs, opt) {
				if !yield(d, err) {
					return
				}
			}
		}
		for round := 1; len(fr.feeds) > 0; round++ {
			if !fr.round(ctx, round, yield) {
				return
			}
			if fr.every <= 0 {
				return
			}
			if !yield(doc.Document{}, roundEnd{round}) {
				return
			}
			select {
			case <-ctx.Done():
				return
			case <-time.After(fr.every):
			}
		}
	}
}

// round reads each feed once, within fr.timeout: when the time is up, the
// feed in hand stops and it and the feeds not reached are named, one
// warning line each (what they hold waits for the next round). It returns
// false when yield did.
func (fr feedRounds) round(ctx context.Context, n int, yield func(doc.Document, error) bool) bool {
	rctx, cancel := ctx, context.CancelFunc(func() {})
	if fr.timeout > 0 {
		rctx, cancel = context.WithTimeout(ctx, fr.timeout)
	}
	defer cancel()
	timedOut := func() bool { return rctx.Err() != nil && ctx.Err() == nil }
	for i, u := range fr.feeds {
		cut := false
		for d, err := range fr.fetcher.Feed(rctx, u) {
			if err != nil && timedOut() && errors.Is(err, context.DeadlineExceeded) {
				cut = true // the feed's last value
				break
			}
			if !yield(d, err) {
				return false
			}
		}
		if timedOut() {
			left := fr.feeds[i+1:]
			if cut {
				left = fr.feeds[i:]
			}
			for _, u := range left {
				w := &ingest.Warning{Name: u, Err: fmt.Errorf("round %d stopped after %v (-round-timeout): the rest of the feed waits for the next round (or run)", n, fr.timeout)}
				if !yield(doc.Document{}, w) {
					return false
				}
			}
			return true
		}
	}
	return true
}

// ingestRun is the state of one ingest, touched only by pipeline.Run's
// emit (one goroutine).
type ingestRun struct {
	store store.Store
	out   io.Writer
	prog  *progress
	start time.Time
	total atomic.Int64 // documents expected; 0 or -1 while unknown
	poll  bool

	read, added, stored, failed int
	updated                     int // stored before with other metadata
	skipped                     int // files and links left out (ingest.Warning)
	feeds                       bool
	feedsFailed                 int // feeds that could not be read (ingest.ErrFeed)
	events, records             int

	roundStart time.Time
	roundAdded int

	pending []doc.Result // coded, not yet stored
	// writes carries full batches to the writer goroutine, so that coding
	// goes on while a batch is stored (pipeline.Run's workers wait for
	// emit to return); done closes when it has stored the last one.
	writes chan []doc.Result
	done   chan struct{}
	mu     sync.Mutex // guards the counts and out between emit and the writer
}

// batchDocs is how many coded documents go into one store transaction.
// One commit per document cost a quarter of Put's time (BenchmarkPut
// against BenchmarkPutBatch); a batch is still all or nothing, so a
// crash loses at most the batch in hand and a rerun stores it.
const batchDocs = 32

// emit takes one coded document and hands it to the writer with the
// batch it completes. A document that failed (to be read, to be coded or
// to be stored) is one line on stderr, and the rest go on.
func (r *ingestRun) emit(res doc.Result, err error) error {
	var re roundEnd
	if errors.As(err, &re) {
		r.flush()
		r.mu.Lock()
		defer r.mu.Unlock()
		r.prog.clear()
		fmt.Fprintf(r.out, "dyad ingest: round %d: %d new documents; %d in this run (%s)\n",
			re.n, r.added-r.roundAdded, r.added, time.Now().UTC().Format(time.TimeOnly))
		r.roundAdded = r.added
		return nil
	}
	var w *ingest.Warning
	if errors.As(err, &w) {
		// A repair or a file or link left out: one line, no failure.
		r.mu.Lock()
		defer r.mu.Unlock()
		r.skipped += w.Skipped
		r.prog.clear()
		fmt.Fprintln(r.out, oneLine(w.Error()))
		return nil
	}
	r.mu.Lock()
	if errors.Is(err, ingest.ErrFeed) {
		r.feedsFailed++
		r.prog.clear()
		fmt.Fprintln(r.out, oneLine(err.Error()))
		r.mu.Unlock()
		return nil
	}
	r.read++
	if err != nil {
		r.fail(err)
	} else if res.Document.DateAssumed {
		r.prog.clear()
		warnAssumed(r.out, &res.Document)
	}
	r.prog.update(r)
	r.mu.Unlock()
	if err == nil {
		r.pending = append(r.pending, res)
		if len(r.pending) >= batchDocs {
			r.send()
		}
	}
	return nil
}

// send hands the pending documents to the writer, starting it on the
// first batch.
func (r *ingestRun) send() {
	if len(r.pending) == 0 {
		return
	}
	if r.writes == nil {
		r.writes, r.done = make(chan []doc.Result, 1), make(chan struct{})
		go func() {
			defer close(r.done)
			for batch := range r.writes {
				r.store1(batch)
			}
		}()
	}
	r.writes <- r.pending
	r.pending = make([]doc.Result, 0, batchDocs)
}

// flush stores everything taken so far and waits for it: before a
// round's line and at the end.
func (r *ingestRun) flush() {
	r.send()
	if r.writes != nil {
		close(r.writes)
		<-r.done
		r.writes = nil
	}
}

// store1 stores one batch in one transaction. The documents in hand are
// finished even when an interrupt comes: cancelling would only waste
// them.
func (r *ingestRun) store1(batch []doc.Result) {
	rs := make([]*doc.Result, len(batch))
	for i := range batch {
		rs[i] = &batch[i]
	}
	prs, errs, err := r.store.PutBatch(context.WithoutCancel(context.Background()), rs)
	r.mu.Lock()
	defer r.mu.Unlock()
	for i, pr := range prs {
		switch {
		case err != nil:
			r.fail(fmt.Errorf("%s: %w", rs[i].Document.ID, err))
		case errs[i] != nil:
			r.fail(errs[i])
		case pr.New:
			r.added++
			r.events += pr.Events
			r.records += pr.Records
		case pr.Updated:
			r.updated++
			r.events += pr.Events
			r.records += pr.Records
		default:
			r.stored++
		}
	}
	r.prog.update(r)
}

// fail reports one document's error; the caller holds r.mu.
func (r *ingestRun) fail(err error) {
	r.failed++
	r.prog.clear()
	fmt.Fprintln(r.out, oneLine(err.Error()))
}

// summary prints the closing line.
func (r *ingestRun) summary() {
	r.prog.clear()
	el := time.Since(r.start)
	feeds := ""
	if r.feeds {
		feeds = fmt.Sprintf(", %d %s failed", r.feedsFailed, plural(r.feedsFailed, "feed"))
	}
	updated := "" // named only when there were some, so the usual line stays as it was
	if r.updated > 0 {
		updated = fmt.Sprintf("%d updated (new metadata), ", r.updated)
	}
	fmt.Fprintf(r.out, "dyad ingest: %d documents read, %d new, %s%d already stored, %d failed, %d skipped%s; %d events, %d new records; %s, %.1f docs/s\n",
		r.read, r.added, updated, r.stored, r.failed, r.skipped, feeds, r.events, r.records, el.Round(time.Millisecond), rate(r.read, el))
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

func rate(n int, d time.Duration) float64 {
	if d <= 0 {
		return 0
	}
	return float64(n) / d.Seconds()
}
