package store

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"dyad/internal/doc"
)

// idDocs are the documents TestStableIDs stores: new records, merges and
// a record that several documents report.
func idDocs() []*doc.Result {
	return []*doc.Result{
		result("a", "2020-01-10", "Reuters", ev{src: "USA", tgt: "IRN", cameo: "042"}, ev{src: "IRN", cameo: "190"}),
		result("b", "2020-01-11", "AP", ev{src: "USA", tgt: "IRN", cameo: "043"}, ev{src: "CHN", tgt: "RUS", cameo: "051"}),
		result("c", "2020-01-12", "AFP", ev{src: "SAU", tgt: "ARE", cameo: "057"}, ev{src: "CHN", tgt: "RUS", cameo: "057"}),
		result("d", "2020-01-20", "AFP", ev{src: "USA", tgt: "IRN", cameo: "042", status: "negated"}),
	}
}

// recordIDs lists a store's records (every status) as id:source>target:cameo.
func recordIDs(t *testing.T, s Store) string {
	t.Helper()
	var out string
	for _, r := range events(t, s, EventFilter{Status: Statuses}) {
		out += fmt.Sprintf("%d:%s>%s:%s ", r.ID, r.Source, r.Target, r.CAMEO)
	}
	return out
}

// TestStableIDs (issue 16, finding 3): two stores built from the same
// input give the same records the same ids, when one of them had a
// transaction rolled back half way (as a killed process has) before the
// rerun. PostgreSQL sequences skip the numbers a rolled-back transaction
// took, so ids from a sequence differed.
func TestStableIDs(t *testing.T) {
	for _, te := range testEngines {
		t.Run(te.name, func(t *testing.T) {
			clean := te.open(t, Options{})
			for _, r := range idDocs() {
				put(t, clean, r)
			}
			crashed := te.open(t, Options{})
			boom := errors.New("killed")
			crashed.fail = func(stage string) error {
				if stage == "events" {
					return boom
				}
				return nil
			}
			for _, r := range idDocs()[:3] {
				if _, err := crashed.Put(context.Background(), r); !errors.Is(err, boom) {
					t.Fatalf("Put(%s) with a failure = %v; want it rolled back", r.Document.ID, err)
				}
			}
			crashed.fail = nil
			for _, r := range idDocs() {
				put(t, crashed, r)
			}
			want, got := recordIDs(t, clean), recordIDs(t, crashed)
			if got != want {
				t.Errorf("record ids after a rollback and a rerun =\n%s; want, as without one,\n%s", got, want)
			}
			for _, r := range events(t, clean, EventFilter{Status: Statuses}) {
				if r.ID <= 0 || r.ID > 1<<53 {
					t.Errorf("record id %d is not in [1, 2^53]", r.ID)
				}
			}
		})
	}
}

// TestRecordIDCollision: when the id RecordID gives is taken, the record
// gets the next one RecordID gives, the same in every store.
func TestRecordIDCollision(t *testing.T) {
	eachEngine(t, func(t *testing.T, s *engine) {
		r := result("a", "2020-01-10", "Reuters", ev{src: "USA", tgt: "IRN", cameo: "042"})
		key := DocKey(r.Document.Text)
		taken := RecordID(key, 0, "USA", "IRN", "04", 0)
		// A record already holds the id (as a record of another store
		// version, numbered by a sequence, might).
		if _, err := s.w.Exec(s.d.q(`INSERT INTO records (id, source, target, root, cameo, plover, goldstein, quad_class,
			first_date, last_date, mentions, articles, outlets, reports, asserted, claimed, denied, negated, hypothetical,
			example, source_url, added, updated) VALUES (?, 'X', 'Y', '01', '010', 'P01', 0, 1, '', '', 1, 1, 1, 1, 1, 0, 0, 0, 0, '', '', '', '')`),
			taken); err != nil {
			t.Fatal(err)
		}
		put(t, s, r)
		recs := events(t, s, EventFilter{Source: "USA"})
		if want := RecordID(key, 0, "USA", "IRN", "04", 1); len(recs) != 1 || recs[0].ID != want {
			t.Errorf("records = %+v; want one with id %d (the second try)", recs, want)
		}
	})
}
