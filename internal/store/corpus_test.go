package store

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"dyad/internal/doc"
	"dyad/internal/ingest"
	"dyad/internal/pipeline"
	"dyad/internal/testenv"
)

var showRecords = flag.Bool("show", false, "TestGuardian: log every record reported by more than one article, with its evidence")

// embeddedConfig is the configuration dyad runs with.
func embeddedConfig(tb testing.TB) pipeline.Config {
	tb.Helper()
	cfg, err := pipeline.Default()
	if err != nil {
		tb.Fatal(err)
	}
	return cfg
}

var guardian struct {
	once sync.Once
	res  []*doc.Result
	err  error
}

// guardianResults codes ../shared/corpus/guardian-dev.jsonl once per test
// binary, or skips when ../shared is absent.
func guardianResults(tb testing.TB) []*doc.Result {
	tb.Helper()
	p := filepath.Join("..", "..", "..", "shared", "corpus", "guardian-dev.jsonl")
	if _, err := os.Stat(p); err != nil {
		testenv.Absent(tb, "shared corpus not found at %s (tests that need ../shared skip without it)", p)
	}
	guardian.once.Do(func() {
		ctx := context.Background()
		guardian.err = pipeline.Run(ctx, embeddedConfig(tb), 0, ingest.Read(ctx, []string{p}, ingest.Options{}),
			func(r doc.Result, err error) error {
				if err != nil {
					return err
				}
				guardian.res = append(guardian.res, &r)
				return nil
			})
	})
	if guardian.err != nil {
		tb.Fatal(guardian.err)
	}
	return guardian.res
}

// TestGuardian stores the coded Guardian development corpus and checks
// that reports of one event in several articles become one record.
func TestGuardian(t *testing.T) {
	rs := guardianResults(t)
	s := openTestSQLite(t, Options{})
	ctx := context.Background()
	stored := 0
	for _, r := range rs {
		pr, err := s.Put(ctx, r)
		if err != nil {
			t.Fatal(err)
		}
		stored += pr.Events
	}
	c := counts(t, s)
	if c.Documents != int64(len(rs)) || c.Events != int64(stored) {
		t.Fatalf("Counts = %+v; want %d documents, %d events", c, len(rs), stored)
	}
	records := events(t, s, EventFilter{Limit: MaxLimit, Status: Statuses})
	if int64(len(records)) != c.Records {
		t.Fatalf("Events of every status listed %d records; Counts says %d", len(records), c.Records)
	}
	multi, mentions := 0, 0
	for _, r := range records {
		mentions += r.Reports
		if r.Mentions != r.Asserted+r.Claimed {
			t.Errorf("record %d: %d mentions; want %d asserted + %d claimed", r.ID, r.Mentions, r.Asserted, r.Claimed)
		}
		if r.Mentions > 1 && r.Articles > 1 {
			multi++
			if *showRecords {
				_, ev, err := s.Event(ctx, r.ID)
				if err != nil {
					t.Fatal(err)
				}
				t.Logf("record %d %s>%s root %s cameo %s %s..%s mentions %d articles %d", r.ID, r.Source, r.Target, r.Root,
					r.CAMEO, r.FirstDate, r.LastDate, r.Mentions, r.Articles)
				for _, v := range ev {
					t.Logf("    %s %s %s %s: %s", v.DocID, v.Event.Date, v.Event.CAMEO, v.Event.Status, v.Event.Text)
				}
			}
		}
	}
	t.Logf("%d documents, %d events, %d records, %d of them reported by more than one article", c.Documents, c.Events, c.Records, multi)
	if mentions != stored {
		t.Errorf("records hold %d mentions; %d events were stored", mentions, stored)
	}
	if multi == 0 {
		t.Fatal("no record is reported by more than one article")
	}

	// Checked by hand (go test -run TestGuardian -v ./internal/store -show):
	// two articles, two days apart, on Putin hosting Erdoğan (and
	// Rouhani) at the Sochi summit of November 2017; one reports it
	// ahead, the other in a quotation around what Putin said there. A
	// third article, six days later ("last week, Mr Putin hosted talks in
	// Sochi"), is dated by its publication, outside the window: a record
	// of its own.
	got := events(t, s, EventFilter{Source: "RUSGOV", Target: "TURGOV", CAMEO: "04", From: "2017-11-20", To: "2017-11-22"})
	want := Record{Source: "RUSGOV", Target: "TURGOV", Root: "04", CAMEO: "043", FirstDate: "2017-11-20", LastDate: "2017-11-22",
		Mentions: 2, Articles: 2, Outlets: 1, Reports: 2, Status: "asserted,claimed", Asserted: 1, Claimed: 1}
	if len(got) != 1 {
		t.Fatalf("RUSGOV>TURGOV 04 records of 2017-11-20..22 = %s; want one", short(got))
	}
	r := got[0]
	r.ID, r.PLOVER, r.Goldstein, r.QuadClass, r.Example, r.SourceURL, r.Added, r.Updated = 0, "", 0, 0, "", "", "", ""
	if r != want {
		t.Errorf("Sochi record =\n %+v; want\n %+v", r, want)
	}
}
