package main

import (
	"context"
	"encoding/json"
	"io"
	"iter"
	"os"
	"path/filepath"
	"testing"
	"time"

	"dyad/internal/doc"
	"dyad/internal/ingest"
	"dyad/internal/pipeline"
	"dyad/internal/store"
	"dyad/internal/text"
)

// BenchmarkIngest compares "dyad code" (coding, events to JSON) with
// "dyad ingest" (coding, the results stored in batches with PutBatch in
// a new SQLite file, as the command does) over the guardian corpus; docs/s is the figure to compare (the
// issue asks ingest for at least half of code's):
//
//	go test ./cmd/dyad -run '^$' -bench Ingest -count 10 | benchstat -
func BenchmarkIngest(b *testing.B) {
	needGuardian(b)
	cfg, err := loadConfig(inputFlags{maxToks: text.DefaultMaxSentenceTokens}, nil, io.Discard)
	if err != nil {
		b.Fatal(err)
	}
	var docs []doc.Document
	for d, err := range ingest.Read(context.Background(), []string{guardian}, ingest.Options{}) {
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
	}
	src := func(yield func(doc.Document, error) bool) {
		for _, d := range docs {
			if !yield(d, nil) {
				return
			}
		}
	}
	run := func(b *testing.B, emit func(doc.Result, error) error) {
		if err := pipeline.Run(context.Background(), cfg, 0, iter.Seq2[doc.Document, error](src), emit); err != nil {
			b.Fatal(err)
		}
	}
	b.Run("code", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			run(b, func(res doc.Result, err error) error {
				for i := range res.Events {
					json.Marshal(&res.Events[i])
				}
				return err
			})
		}
		b.ReportMetric(float64(len(docs)*b.N)/b.Elapsed().Seconds(), "docs/s")
	})
	b.Run("ingest", func(b *testing.B) {
		b.ReportAllocs()
		dir := b.TempDir()
		n := 0
		for b.Loop() {
			b.StopTimer()
			n++
			db := filepath.Join(dir, "bench.db")
			os.Remove(db)
			os.Remove(db + "-wal")
			os.Remove(db + "-shm")
			s, err := store.Open(context.Background(), db, store.Options{})
			if err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			// The command's own path: results batched into PutBatch.
			ing := &ingestRun{store: s, out: io.Discard, start: time.Now()}
			run(b, ing.emit)
			ing.flush()
			if ing.failed > 0 || ing.added != len(docs) {
				b.Fatalf("ingest: %d stored, %d failed; want %d stored", ing.added, ing.failed, len(docs))
			}
			b.StopTimer()
			s.Close()
			b.StartTimer()
		}
		b.ReportMetric(float64(len(docs)*b.N)/b.Elapsed().Seconds(), "docs/s")
	})
}
