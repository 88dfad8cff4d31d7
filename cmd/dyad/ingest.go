package main

import (
	"context"
	"errors"
	"flag"
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

func cmdIngest(ctx context.Context, args []string, stdin io.Reader, stderr io.Writer) error {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: dyad ingest -db DB [flags] [INPUT...]\n\n%s\n\n",
			"Codes documents (files, directories, - for stdin, HTML pages, and the articles of -feed URLs) and stores them with their events in DB (a SQLite file, or a postgres:// URL). A document already stored is skipped; stored with other metadata (date, source, URL, title), it is updated and its events replaced.")
		fs.PrintDefaults()
	}
	var in inputFlags
	in.register(fs)
	db := fs.String("db", "", "the store: a SQLite file (created when absent) or a postgres:// URL")
	workers := fs.Int("workers", 0, "documents coded at once (0: one per core)")
	every := fs.Duration("every", 0, "poll the feeds again at this interval until interrupted (0: once)")
	fetchTimeout := fs.Duration("fetch-timeout", ingest.DefaultFetchTimeout, "longest fetch of a feed or an article, body included")
	var dicts, feeds stringList
	fs.Var(&dicts, "dict", "add a dictionary `file` or directory (repeatable; docs/dictionaries.md)")
	fs.Var(&feeds, "feed", "an RSS, Atom or JSON feed `URL` (http or https) whose articles are fetched and ingested (repeatable)")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	switch {
	case *db == "":
		return fmt.Errorf("%w: ingest needs -db (a SQLite file or a postgres:// URL)", errUsage)
	case fs.NArg() == 0 && len(feeds) == 0:
		return fmt.Errorf("%w: ingest needs an INPUT (a file, a directory, or - for stdin) or a -feed URL", errUsage)
	case *every < 0:
		return fmt.Errorf("%w: -every %v is negative", errUsage, *every)
	case *fetchTimeout <= 0:
		return fmt.Errorf("%w: -fetch-timeout %v: want a positive duration", errUsage, *fetchTimeout)
	case *every > 0 && len(feeds) == 0:
		return fmt.Errorf("%w: -every polls feeds: give at least one -feed URL", errUsage)
	}
	for _, u := range feeds {
		if err := ingest.CheckURL(u); err != nil {
			return fmt.Errorf("%w: -feed %v", errUsage, err)
		}
	}
	if in.date != "" {
		if _, err := time.Parse(time.DateOnly, in.date); err != nil {
			return fmt.Errorf("%w: -date %q: want YYYY-MM-DD", errUsage, in.date)
		}
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
	}
	if ing.prog != nil && len(feeds) == 0 {
		// Counting reads JSON Lines files through once more: beside the
		// coding, not before it, so a large input starts at once.
		go func() { ing.total.Store(int64(countDocuments(fs.Args()))) }()
	}
	src := ingestSource(ctx, fs.Args(), in.options(stdin), feeds, *every, ingest.NewFetcher(ingest.FetchOptions{
		MaxBytes: int64(in.maxBytes),
		Timeout:  *fetchTimeout,
		Date:     in.date,
	}))
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
	if ing.failed > 0 {
		return errPartial
	}
	return nil
}

// roundEnd marks the end of a polling round in the stream of documents:
// pipeline.Run hands it to emit in order, after the round's documents.
type roundEnd struct{ n int }

func (r roundEnd) Error() string { return fmt.Sprintf("end of round %d", r.n) }

// ingestSource yields the documents of the inputs, then those of the
// feeds; with every > 0 it polls the feeds again every interval until ctx
// is done, a roundEnd after each round.
func ingestSource(ctx context.Context, inputs []string, opt ingest.Options, feeds []string, every time.Duration, f *ingest.Fetcher) iter.Seq2[doc.Document, error] {
	return func(yield func(doc.Document, error) bool) {
		if len(inputs) > 0 {
			for d, err := range ingest.Read(ctx, inputs, opt) {
				if !yield(d, err) {
					return
				}
			}
		}
		for round := 1; len(feeds) > 0; round++ {
			for _, u := range feeds {
				for d, err := range f.Feed(ctx, u) {
					if !yield(d, err) {
						return
					}
				}
			}
			if every <= 0 {
				return
			}
			if !yield(doc.Document{}, roundEnd{round}) {
				return
			}
			select {
			case <-ctx.Done():
				return
			case <-time.After(every):
			}
		}
	}
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
	r.mu.Lock()
	r.read++
	if err != nil {
		r.fail(err)
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
	updated := "" // named only when there were some, so the usual line stays as it was
	if r.updated > 0 {
		updated = fmt.Sprintf("%d updated (new metadata), ", r.updated)
	}
	fmt.Fprintf(r.out, "dyad ingest: %d documents read, %d new, %s%d already stored, %d failed; %d events, %d new records; %s, %.1f docs/s\n",
		r.read, r.added, updated, r.stored, r.failed, r.events, r.records, el.Round(time.Millisecond), rate(r.read, el))
}

func rate(n int, d time.Duration) float64 {
	if d <= 0 {
		return 0
	}
	return float64(n) / d.Seconds()
}
