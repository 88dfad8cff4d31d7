package store

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// TestCursors: paging with After gives every row once, in the listing's
// order, for events, quotes and actors; a cursor no listing gave is
// ErrBadCursor.
func TestCursors(t *testing.T) {
	eachEngine(t, func(t *testing.T, s *engine) {
		ctx := context.Background()
		filterFixture(t, s)
		put(t, s, result("d", "2020-02-01", "AP", ev{src: "FRA", tgt: "DEU", cameo: "042"}))
		put(t, s, result("e", "2020-02-01", "AP", ev{src: "ITA", tgt: "ESP", cameo: "042"}))

		allRecs := short(events(t, s, EventFilter{}))
		var got []Record
		for f := (EventFilter{Limit: 2}); ; {
			page := events(t, s, f)
			got = append(got, page...)
			if len(page) < f.Limit {
				break
			}
			f.After = EventCursor(&page[len(page)-1])
		}
		if short(got) != allRecs {
			t.Errorf("Events by cursor = %q; want %q", short(got), allRecs)
		}

		all, err := s.Quotes(ctx, QuoteFilter{})
		if err != nil || len(all) != 5 {
			t.Fatalf("Quotes() = %d, %v; want 5", len(all), err)
		}
		var quotes []StoredQuote
		for f := (QuoteFilter{Limit: 2}); ; {
			page, err := s.Quotes(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			quotes = append(quotes, page...)
			if len(page) < f.Limit {
				break
			}
			f.After = QuoteCursor(&page[len(page)-1])
		}
		if len(quotes) != len(all) {
			t.Fatalf("Quotes by cursor = %d; want %d", len(quotes), len(all))
		}
		for i := range all {
			if quotes[i].Quote.ID != all[i].Quote.ID {
				t.Errorf("quote %d by cursor = %s; want %s", i, quotes[i].Quote.ID, all[i].Quote.ID)
			}
		}

		allActors, err := s.Actors(ctx, ActorFilter{})
		if err != nil {
			t.Fatal(err)
		}
		var actors []StoredActor
		for f := (ActorFilter{Limit: 3}); ; {
			page, err := s.Actors(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			actors = append(actors, page...)
			if len(page) < f.Limit {
				break
			}
			f.After = ActorCursor(&page[len(page)-1])
		}
		if len(actors) != len(allActors) || len(actors) < 8 {
			t.Fatalf("Actors by cursor = %d; want %d (at least 8)", len(actors), len(allActors))
		}
		for i := range allActors {
			if actors[i].Code != allActors[i].Code {
				t.Errorf("actor %d by cursor = %s; want %s", i, actors[i].Code, allActors[i].Code)
			}
		}

		for _, bad := range []string{"x", "!!", EventCursor(&Record{}) + "A", ActorCursor(&StoredActor{Code: "USA"})} {
			if _, err := s.Events(ctx, EventFilter{After: bad}); !errors.Is(err, ErrBadCursor) {
				t.Errorf("Events(After %q) = %v; want ErrBadCursor", bad, err)
			}
		}
		if _, err := s.Quotes(ctx, QuoteFilter{After: EventCursor(&Record{})}); !errors.Is(err, ErrBadCursor) {
			t.Errorf("Quotes(an event cursor) = %v; want ErrBadCursor", err)
		}
	})
}

// TestListingPlans (issue 16, finding 9): on SQLite, a page after a
// cursor is a range of the listing's index read in order: no sort of
// every matching row (SQLite's "TEMP B-TREE"), no scan of the table, so
// its cost does not grow with the store or the depth of the page.
func TestListingPlans(t *testing.T) {
	s := openTestSQLite(t, Options{})
	ctx := context.Background()
	filterFixture(t, s)
	var query string
	var args []any
	s.listed = func(q string, a []any) { query, args = q, a }
	plan := func() string {
		rows, err := s.r.QueryContext(ctx, "EXPLAIN QUERY PLAN "+query, args...)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var out []string
		for rows.Next() {
			var id, parent, notused int
			var detail string
			if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
				t.Fatal(err)
			}
			out = append(out, detail)
		}
		return strings.Join(out, "; ")
	}
	recs := events(t, s, EventFilter{Limit: 2})
	events(t, s, EventFilter{Limit: 2, After: EventCursor(&recs[1])})
	if p := plan(); strings.Contains(p, "TEMP B-TREE") || !strings.Contains(p, "INDEX records_recent") {
		t.Errorf("Events after a cursor: plan %q; want records_recent in order", p)
	}
	qs, err := s.Quotes(ctx, QuoteFilter{Limit: 1})
	if err != nil || len(qs) != 1 {
		t.Fatal(qs, err)
	}
	s.Quotes(ctx, QuoteFilter{Limit: 1, After: QuoteCursor(&qs[0])})
	if p := plan(); strings.Contains(p, "TEMP B-TREE") || !strings.Contains(p, "INDEX quotes_list") {
		t.Errorf("Quotes after a cursor: plan %q; want quotes_list in order", p)
	}
	as, err := s.Actors(ctx, ActorFilter{Limit: 1})
	if err != nil || len(as) != 1 {
		t.Fatal(as, err)
	}
	s.Actors(ctx, ActorFilter{Limit: 1, After: ActorCursor(&as[0])})
	if p := plan(); strings.Contains(p, "TEMP B-TREE") || !strings.Contains(p, "INDEX actors_list") {
		t.Errorf("Actors after a cursor: plan %q; want actors_list in order", p)
	}
}
