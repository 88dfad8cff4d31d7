package store

import (
	"context"
	"testing"

	"dyad/internal/doc"
)

// TestReingestMetadata (issue 16, store side of finding 2): the same text
// stored again with other metadata (a date read later, a source, a URL)
// updates the document and replaces its reports, re-merged into records;
// the same text with the same metadata adds nothing.
func TestReingestMetadata(t *testing.T) {
	eachEngine(t, func(t *testing.T, s *engine) {
		ctx := context.Background()
		// a: first stored with an assumed date; b reports the same event
		// on that day, so they share a record.
		a := result("a", "2026-12-07", "", ev{src: "USA", tgt: "IRN", cameo: "042"}, ev{src: "IRN", tgt: "ISR", cameo: "190"})
		a.Document.DateAssumed = true
		b := result("b", "2026-12-07", "AP", ev{src: "USA", tgt: "IRN", cameo: "043"})
		put(t, s, a)
		put(t, s, b)
		before := counts(t, s)
		if d, err := s.Document(ctx, DocKey(a.Document.Text)); err != nil || !d.Document.DateAssumed || !d.Events[0].Event.DateAssumed {
			t.Fatalf("document a = %+v, %v; want its date and its events' assumed", d, err)
		}
		if recs := events(t, s, EventFilter{Source: "USA"}); len(recs) != 1 || recs[0].Mentions != 2 {
			t.Fatalf("records before = %+v; want one of 2 mentions", recs)
		}

		// The same text with its real date and an outlet, coded again.
		a2 := result("a", "2014-09-16", "Guardian", ev{src: "USA", tgt: "IRN", cameo: "042"}, ev{src: "IRN", tgt: "ISR", cameo: "190"})
		pr := put(t, s, a2)
		if pr.New || !pr.Updated || pr.Events != 2 || pr.Records != 2 {
			t.Fatalf("Put with new metadata = %+v; want Updated, 2 events, 2 new records", pr)
		}
		d, err := s.Document(ctx, pr.Key)
		if err != nil {
			t.Fatal(err)
		}
		if d.Document.Date != "2014-09-16" || d.Document.DateAssumed || d.Events[0].Event.DateAssumed || d.Document.Source != "Guardian" || len(d.Events) != 2 ||
			d.Events[0].Event.Date != "2014-09-16" || d.Events[0].Outlet != "Guardian" || len(d.Quotes) != 1 || len(d.Sentences) != 3 {
			t.Errorf("document after update = %+v", d)
		}
		after := before
		after.Records++ // a's USA report left b's record for one of its own
		if got := counts(t, s); got != after {
			t.Errorf("Counts after update = %+v; want %+v (replaced, not added)", got, after)
		}
		// b's record keeps b alone; a's reports moved to 2014.
		recs := events(t, s, EventFilter{Source: "USA"})
		if len(recs) != 2 || recs[0].FirstDate != "2026-12-07" || recs[0].Mentions != 1 || recs[0].CAMEO != "043" ||
			recs[1].FirstDate != "2014-09-16" || recs[1].Mentions != 1 {
			t.Errorf("USA records after update = %+v; want b's of 2026-12-07 and a's of 2014-09-16, a mention each", recs)
		}
		if recs := events(t, s, EventFilter{Source: "IRN"}); len(recs) != 1 || recs[0].FirstDate != "2014-09-16" {
			t.Errorf("IRN records after update = %+v; want one of 2014-09-16 (the old one gone)", recs)
		}
		as, err := s.Actors(ctx, ActorFilter{Prefix: "ISR"})
		if err != nil || len(as) != 1 || as[0].Reports != 1 || as[0].FirstDate != "2014-09-16" || as[0].LastDate != "2014-09-16" {
			t.Errorf("actor ISR after update = %+v, %v; want 1 report of 2014-09-16", as, err)
		}
		as, err = s.Actors(ctx, ActorFilter{Prefix: "USA"})
		if err != nil || len(as) != 1 || as[0].Reports != 2 || as[0].FirstDate != "2014-09-16" || as[0].LastDate != "2026-12-07" {
			t.Errorf("actor USA after update = %+v, %v; want 2 reports, 2014-09-16 to 2026-12-07", as, err)
		}

		// Idempotent again: the same metadata adds and changes nothing.
		if pr := put(t, s, a2); pr.New || pr.Updated || pr.Events != 0 {
			t.Errorf("Put again = %+v; want nothing", pr)
		}
		// In a batch too, and the caller's id alone is no new metadata.
		a3 := result("a", "2014-09-16", "Guardian", ev{src: "USA", tgt: "IRN", cameo: "042"}, ev{src: "IRN", tgt: "ISR", cameo: "190"})
		a3.Document.ID = "other-id"
		prs, errs, err := s.PutBatch(ctx, []*doc.Result{a3})
		if err != nil || errs[0] != nil || prs[0].New || prs[0].Updated {
			t.Errorf("PutBatch of the same = %+v, %v, %v; want nothing", prs, errs, err)
		}
		if got := counts(t, s); got != after {
			t.Errorf("Counts at the end = %+v; want %+v", got, after)
		}
	})
}

// TestReingestAssumedDate: an assumed date is no new metadata. A copy
// whose date was assumed does not replace a given date, and an undated
// article read again on another day is not re-coded.
func TestReingestAssumedDate(t *testing.T) {
	eachEngine(t, func(t *testing.T, s *engine) {
		ctx := context.Background()
		given := result("a", "2014-09-16", "Guardian", ev{src: "USA", tgt: "IRN", cameo: "042"})
		put(t, s, given)
		later := result("a", "2026-12-07", "Guardian", ev{src: "USA", tgt: "IRN", cameo: "042"})
		later.Document.DateAssumed = true
		later.Document.URL = "https://mirror.example/a"
		if pr := put(t, s, later); pr.New || pr.Updated {
			t.Errorf("Put with an assumed date over a given one = %+v; want nothing", pr)
		}
		if d, err := s.Document(ctx, DocKey(given.Document.Text)); err != nil || d.Document.Date != "2014-09-16" || d.Document.URL != given.Document.URL {
			t.Errorf("document = %+v, %v; want the given date and URL kept", d.Document, err)
		}

		undated := result("b", "2026-12-06", "Feed", ev{src: "CHN", tgt: "RUS", cameo: "042"})
		undated.Document.DateAssumed = true
		put(t, s, undated)
		nextDay := result("b", "2026-12-07", "Feed", ev{src: "CHN", tgt: "RUS", cameo: "042"})
		nextDay.Document.DateAssumed = true
		if pr := put(t, s, nextDay); pr.New || pr.Updated {
			t.Errorf("Put of an undated article on the next day = %+v; want nothing", pr)
		}
		nextDay.Document.Source = "Other feed"
		if pr := put(t, s, nextDay); !pr.Updated {
			t.Errorf("Put of an undated article from another source = %+v; want Updated", pr)
		}
		dated := result("b", "2026-11-30", "Other feed", ev{src: "CHN", tgt: "RUS", cameo: "042"})
		if pr := put(t, s, dated); !pr.Updated {
			t.Errorf("Put with a given date over an assumed one = %+v; want Updated", pr)
		}
		d, err := s.Document(ctx, DocKey(dated.Document.Text))
		if err != nil || d.Document.Date != "2026-11-30" || d.Document.DateAssumed {
			t.Errorf("document = %+v, %v; want the given date", d.Document, err)
		}
	})
}
