package store

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkPut stores the 125 coded Guardian articles in a fresh SQLite
// file per iteration (opening and closing it outside the timer). Compare
// sentences/s with internal/pipeline's BenchmarkCode: ingest (code, then
// store) keeps at least half of the coding throughput when Put is no
// slower than coding. sentences/cpu-s divides by the CPU time the
// process spent instead, which other work on a shared machine disturbs
// less.
func BenchmarkPut(b *testing.B) {
	dir := b.TempDir()
	benchPut(b, func(i int) Store {
		s, err := OpenSQLite(context.Background(), filepath.Join(dir, fmt.Sprintf("bench%d.db", i)), Options{})
		if err != nil {
			b.Fatal(err)
		}
		return s
	})
}

// BenchmarkPutBatch is BenchmarkPut storing 32 documents a transaction,
// as dyad ingest does.
func BenchmarkPutBatch(b *testing.B) {
	dir := b.TempDir()
	benchPutWith(b, 32, func(i int) Store {
		s, err := OpenSQLite(context.Background(), filepath.Join(dir, fmt.Sprintf("bench%d.db", i)), Options{})
		if err != nil {
			b.Fatal(err)
		}
		return s
	})
}

// BenchmarkPutPostgres is BenchmarkPut on a fresh PostgreSQL database
// per iteration (DYAD_TEST_POSTGRES).
func BenchmarkPutPostgres(b *testing.B) {
	benchPut(b, func(int) Store { return openTestPostgres(b, Options{}) })
}

func benchPut(b *testing.B, open func(i int) Store) { benchPutWith(b, 1, open) }

// benchPutWith stores the corpus batch documents a call: one with Put,
// more with PutBatch.
func benchPutWith(b *testing.B, batch int, open func(i int) Store) {
	rs := guardianResults(b)
	sentences, evs := 0, 0
	for _, r := range rs {
		sentences += len(r.Sentences)
		evs += len(r.Events)
	}
	ctx := context.Background()
	b.ReportAllocs()
	i := 0
	var cpu time.Duration
	for b.Loop() {
		b.StopTimer()
		i++
		s := open(i)
		b.StartTimer()
		c0 := cpuTime()
		for at := 0; at < len(rs); at += batch {
			if batch == 1 {
				if _, err := s.Put(ctx, rs[at]); err != nil {
					b.Fatal(err)
				}
				continue
			}
			_, errs, err := s.PutBatch(ctx, rs[at:min(at+batch, len(rs))])
			if err = errors.Join(append(errs, err)...); err != nil {
				b.Fatal(err)
			}
		}
		cpu += cpuTime() - c0
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
	sec := b.Elapsed().Seconds()
	n := float64(b.N)
	b.ReportMetric(float64(len(rs))*n/sec, "docs/s")
	b.ReportMetric(float64(sentences)*n/sec, "sentences/s")
	b.ReportMetric(float64(evs)*n/sec, "events/s")
	if cpu > 0 {
		b.ReportMetric(float64(sentences)*n/cpu.Seconds(), "sentences/cpu-s")
	}
}
