package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"testing"

	"dyad/internal/doc"
	"dyad/internal/pipeline"
	"dyad/internal/store/storetest"
)

// statusDocs are written for these tests: an event the text says did not
// happen (negated), one it denies, one that may happen (hypothetical),
// and one that did (asserted).
var statusDocs = []doc.Document{
	{ID: "neg", Date: "2021-05-04", Source: "Wire", Text: "France would not be coordinating any military action with Syria, the minister said on Tuesday."},
	{ID: "sign", Date: "2021-05-05", Source: "Post", Text: "Spain did not sign the agreement with Morocco."},
	{ID: "acc", Date: "2021-05-06", Source: "Daily", Text: "Germany accused Russia of hacking its parliament."},
}

// codeStatusDocs codes statusDocs with the embedded configuration and
// checks that the coder gives the statuses the tests are about.
func codeStatusDocs(t *testing.T) []*doc.Result {
	t.Helper()
	c := pipeline.NewCoder(embeddedConfig(t))
	want := []string{"FRA>SYR negated", "ESP>MAR negated", "DEU>RUS asserted"}
	var out []*doc.Result
	for i, d := range statusDocs {
		res, err := c.Code(d)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Events) != 1 || res.Events[0].Target == nil {
			t.Fatalf("Code(%s) = %d events; want one with a target", d.ID, len(res.Events))
		}
		e := &res.Events[0]
		if got := e.Source.Code + ">" + e.Target.Code + " " + e.Status; got != want[i] {
			t.Fatalf("Code(%s) = %s; want %s", d.ID, got, want[i])
		}
		out = append(out, &res)
	}
	return out
}

// TestNegatedNotCounted (issue 16, finding 1): a report that the text
// says did not happen is evidence, not an event: it is not listed,
// charted or drawn in the network by default; its record stays readable.
func TestNegatedNotCounted(t *testing.T) {
	rs := codeStatusDocs(t)
	eachEngine(t, func(t *testing.T, s *engine) {
		ctx := context.Background()
		for _, r := range rs {
			put(t, s, r)
		}
		if got := short(events(t, s, EventFilter{})); got != "DEU>RUS:112" {
			t.Errorf("Events() = %q; want only the accusation DEU>RUS:112", got)
		}
		if got := short(events(t, s, EventFilter{Actor: "FRA"})); got != "" {
			t.Errorf("Events(actor FRA) = %q; want none (France did not coordinate)", got)
		}
		days, err := s.Series(ctx, EventFilter{Source: "FRA", Target: "SYR"})
		if err != nil || len(days) != 0 {
			t.Errorf("Series(FRA, SYR) = %+v, %v; want no day", days, err)
		}
		edges, err := s.Network(ctx, EventFilter{})
		if err != nil || len(edges) != 1 || edges[0].Source != "DEU" || edges[0].Mentions != 1 {
			t.Errorf("Network() = %+v, %v; want DEU>RUS only", edges, err)
		}
		as, err := s.Actors(ctx, ActorFilter{})
		if err != nil || len(as) != 2 || as[0].Code != "DEU" && as[0].Code != "RUS" || as[1].Code != "DEU" && as[1].Code != "RUS" {
			t.Errorf("Actors() = %+v, %v; want DEU and RUS only", as, err)
		}
		// The evidence stays: the document and its record.
		d, err := s.Document(ctx, DocKey(statusDocs[0].Text))
		if err != nil || len(d.Events) != 1 || d.Events[0].Event.Status != "negated" {
			t.Fatalf("Document(neg) = %+v, %v; want its negated report", d.Events, err)
		}
		r, ev, err := s.Event(ctx, d.Events[0].RecordID)
		if err != nil || r.Negated != 1 || r.Mentions != 0 || len(ev) != 1 {
			t.Errorf("Event(%d) = %+v, %d reports, %v; want the record, 1 negated report, 0 mentions", d.Events[0].RecordID, r, len(ev), err)
		}
	})
}

// TestStatusFilter: a Status filter lists, charts and draws the reports
// of the statuses it names, and refuses a status that does not exist.
func TestStatusFilter(t *testing.T) {
	rs := codeStatusDocs(t)
	eachEngine(t, func(t *testing.T, s *engine) {
		ctx := context.Background()
		for _, r := range rs {
			put(t, s, r)
		}
		neg := EventFilter{Status: []string{"negated"}}
		if got := short(events(t, s, neg)); got != "ESP>MAR:057 FRA>SYR:060" {
			t.Errorf("Events(negated) = %q; want ESP>MAR:057 FRA>SYR:060", got)
		}
		all := EventFilter{Status: Statuses}
		recs := events(t, s, all)
		if len(recs) != 3 {
			t.Errorf("Events(every status) = %q; want 3 records", short(recs))
		}
		for _, r := range recs {
			want := "asserted"
			if r.Source != "DEU" {
				want = "negated"
			}
			if r.Status != want || r.Reports != 1 {
				t.Errorf("record %s>%s: status %q, %d reports; want %q, 1", r.Source, r.Target, r.Status, r.Reports, want)
			}
		}
		days, err := s.Series(ctx, EventFilter{Source: "FRA", Target: "SYR", Status: []string{"negated"}})
		if err != nil || len(days) != 1 || days[0].Events != 1 || days[0].Date != "2021-05-04" {
			t.Errorf("Series(FRA, SYR, negated) = %+v, %v; want one report on 2021-05-04", days, err)
		}
		edges, err := s.Network(ctx, neg)
		if err != nil || len(edges) != 2 || edges[0].Mentions != 1 {
			t.Errorf("Network(negated) = %+v, %v; want two edges of one report", edges, err)
		}
		if _, err := s.Events(ctx, EventFilter{Status: []string{"rumoured"}}); err == nil {
			t.Error("Events(status rumoured) = nil error; want ErrBadStatus")
		}
	})
}

// TestGuardianUncounted: on a store of the Guardian development set, no
// record without an asserted or claimed report is listed (issue 16
// found 41 of 538 listed; 39 of 519 before this fix, with this coder).
func TestGuardianUncounted(t *testing.T) {
	rs := guardianResults(t)
	s := openTestSQLite(t, Options{})
	for _, r := range rs {
		put(t, s, r)
	}
	listed := events(t, s, EventFilter{Limit: MaxLimit})
	uncounted := 0
	for _, r := range listed {
		if r.Asserted+r.Claimed == 0 {
			uncounted++
		}
	}
	t.Logf("%d records listed, %d of them without an asserted or claimed report", len(listed), uncounted)
	if uncounted != 0 {
		t.Errorf("Events() listed %d records without an asserted or claimed report; want 0", uncounted)
	}
}

// TestMigrateV3: a store written at schema version 3 opens at version 4
// whole: its records count only asserted and claimed reports, every
// report stays in Reports, its actors count as new ones do, and its
// documents read with DateAssumed false.
func TestMigrateV3(t *testing.T) {
	for _, engine := range []struct {
		name, driver string
		d            dialect
		dsn          func(t *testing.T) string
		open         func(ctx context.Context, dsn string, opts Options) (Store, error)
	}{
		{"sqlite", "sqlite", sqliteDialect, func(t *testing.T) string { return filepath.Join(t.TempDir(), "v3.db") }, OpenSQLite},
		{"postgres", "pgx", postgresDialect, func(t *testing.T) string { return storetest.PostgresDB(t, "dyad_test_v3_") }, OpenPostgres},
	} {
		t.Run(engine.name, func(t *testing.T) {
			dsn := engine.dsn(t)
			db, err := sql.Open(engine.driver, dsn)
			if err != nil {
				t.Fatal(err)
			}
			migrateV3(t, db, engine.d)
			s, err := engine.open(context.Background(), dsn, Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			checkV3(t, s)
		})
	}
}

// migrateV3 writes a store at schema version 3 into db: a negated and
// an asserted report, each its own record, and the actors they name.
func migrateV3(t *testing.T, db *sql.DB, d dialect) {
	t.Helper()
	defer db.Close()
	qs := []string{`CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied TEXT NOT NULL)`}
	for i, name := range []string{"001_init.sql", "002_doc_spans.sql", "003_actors.sql"} {
		b, err := migrations.ReadFile("migrations/" + name)
		if err != nil {
			t.Fatal(err)
		}
		qs = append(qs, d.ddl(string(b)), fmt.Sprintf(`INSERT INTO schema_version VALUES (%d, '%s', '2026-12-01T00:00:00Z')`, i+1, name))
	}
	qs = append(qs,
		`INSERT INTO documents (key, doc_id, date, source, url, title, text, added)
			VALUES ('k1', 'old', '2020-01-10', 'X', '', '', 'Chile did not meet Peru. Peru met Chile.', '2026-12-01T00:00:00Z')`,
		`INSERT INTO doc_spans VALUES (1, 2, 0, '[[0,24],[25,40]]', '[]')`,
		`INSERT INTO records (source, target, root, cameo, plover, goldstein, quad_class, first_date, last_date,
			mentions, articles, outlets, asserted, claimed, denied, negated, hypothetical, example, source_url, added, updated)
			VALUES ('CHL', 'PER', '04', '040', 'CONSULT', 1, 1, '2020-01-10', '2020-01-10', 1, 1, 1, 0, 0, 0, 1, 0, '', '', '', ''),
			('PER', 'CHL', '04', '043', 'CONSULT', 1, 1, '2020-01-10', '2020-01-10', 1, 1, 1, 1, 0, 0, 0, 0, '', '', '', '')`,
		`INSERT INTO events (doc, record, event_id, sentence, date, outlet, source, source_actor, target, target_actor,
			cameo, plover, mode, goldstein, quad_class, verb, verb_start, verb_stop, negated, modality, status,
			reported_by, claimant, quote_id, contests, location, text, pattern, sentence_start, sentence_stop)
			VALUES (1, 1, 'old#e1', 0, '2020-01-10', 'X', 'CHL', '{"code":"CHL"}', 'PER', '{"code":"PER"}', '040', 'CONSULT', '',
			1, 1, 'meet', 14, 18, 1, 'asserted', 'negated', '[]', '', '', '[]', '', 'Chile did not meet Peru.', 'meet', 0, 24),
			(1, 2, 'old#e2', 1, '2020-01-10', 'X', 'PER', '{"code":"PER"}', 'CHL', '{"code":"CHL"}', '040', 'CONSULT', '',
			1, 1, 'met', 30, 33, 0, 'asserted', 'asserted', '[]', '', '', '[]', '', 'Peru met Chile.', 'meet', 25, 40)`,
		`INSERT INTO actors VALUES ('CHL', 'CHL', '', 'Chile', 2, '2020-01-10', '2020-01-10'), ('PER', 'PER', '', 'Peru', 2, '2020-01-10', '2020-01-10')`,
	)
	for _, q := range qs {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%.60s: %v", q, err)
		}
	}
}

// checkV3 checks the store migrateV3 wrote, opened at the current version.
func checkV3(t *testing.T, s Store) {
	t.Helper()
	ctx := context.Background()
	if got := short(events(t, s, EventFilter{})); got != "PER>CHL:040" {
		t.Errorf("Events() after migration = %q; want PER>CHL:040 (CHL>PER was negated)", got)
	}
	all := events(t, s, EventFilter{Status: Statuses})
	for _, r := range all {
		if r.Reports != 1 || r.Mentions != r.Asserted || r.Articles != r.Asserted || r.Outlets != r.Asserted {
			t.Errorf("record %s>%s after migration = %+v; want 1 report, counts of the asserted one", r.Source, r.Target, r)
		}
	}
	if len(all) != 2 {
		t.Errorf("Events(every status) = %q; want both records", short(all))
	}
	for _, r := range all {
		if want := map[string]string{"PER": "Peru met Chile.", "CHL": ""}[r.Source]; r.Example != want {
			t.Errorf("record %s>%s example after migration = %q; want %q", r.Source, r.Target, r.Example, want)
		}
		if r.CAMEO != "040" {
			t.Errorf("record %s>%s code after migration = %s; want its report's 040", r.Source, r.Target, r.CAMEO)
		}
	}
	as, err := s.Actors(ctx, ActorFilter{})
	if err != nil || len(as) != 2 || as[0].Reports != 1 || as[1].Reports != 1 || as[0].Name == "" {
		t.Errorf("Actors() after migration = %+v, %v; want CHL and PER, one asserted report each, names kept", as, err)
	}
	doc1, err := s.Document(ctx, "k1")
	if err != nil || doc1.Document.DateAssumed || len(doc1.Events) != 2 || len(doc1.Sentences) != 2 {
		t.Errorf("Document(k1) after migration = %+v, %v", doc1, err)
	}
}

// TestMajorityCounted: a record's code is the one its asserted and
// claimed reports give, however many reports deny another, whether the
// reports come in one document (a fresh record) or several (refresh).
func TestMajorityCounted(t *testing.T) {
	eachEngine(t, func(t *testing.T, s *engine) {
		put(t, s, result("a", "2020-01-10", "X",
			ev{src: "USA", tgt: "IRN", cameo: "138", status: "negated"},
			ev{src: "USA", tgt: "IRN", cameo: "130", status: "denied"},
			ev{src: "USA", tgt: "IRN", cameo: "138", status: "negated"},
			ev{src: "USA", tgt: "IRN", cameo: "130"}))
		put(t, s, result("b", "2020-01-10", "Y",
			ev{src: "CHN", tgt: "RUS", cameo: "043"}))
		put(t, s, result("c", "2020-01-11", "Z",
			ev{src: "CHN", tgt: "RUS", cameo: "040", status: "hypothetical"},
			ev{src: "CHN", tgt: "RUS", cameo: "040", status: "hypothetical"}))
		if got := short(events(t, s, EventFilter{})); got != "CHN>RUS:043 USA>IRN:130" && got != "USA>IRN:130 CHN>RUS:043" {
			t.Errorf("Events() = %q; want USA>IRN:130 (asserted) and CHN>RUS:043 (asserted)", got)
		}
	})
}

// TestActorStatus: Actors counts the reports of the statuses asked for,
// with pages by cursor as for the default.
func TestActorStatus(t *testing.T) {
	rs := codeStatusDocs(t)
	eachEngine(t, func(t *testing.T, s *engine) {
		ctx := context.Background()
		for _, r := range rs {
			put(t, s, r)
		}
		as, err := s.Actors(ctx, ActorFilter{Status: []string{"negated"}})
		var codes []string
		for _, a := range as {
			codes = append(codes, a.Code)
		}
		if err != nil || fmt.Sprint(codes) != "[ESP FRA MAR SYR]" || as[0].Reports != 1 || as[0].FirstDate != "2021-05-05" {
			t.Errorf("Actors(negated) = %+v, %v; want ESP FRA MAR SYR, a report each", as, err)
		}
		page, err := s.Actors(ctx, ActorFilter{Status: Statuses, Limit: 3})
		if err != nil || len(page) != 3 {
			t.Fatalf("Actors(every status, 3) = %+v, %v", page, err)
		}
		rest, err := s.Actors(ctx, ActorFilter{Status: Statuses, After: ActorCursor(&page[2])})
		if err != nil || len(rest) != 3 || rest[0].Code <= page[2].Code {
			t.Errorf("Actors(every status, after %s) = %+v, %v; want the other 3", page[2].Code, rest, err)
		}
		if _, err := s.Actors(ctx, ActorFilter{Status: []string{"maybe"}}); !errors.Is(err, ErrBadStatus) {
			t.Errorf("Actors(status maybe) = %v; want ErrBadStatus", err)
		}
	})
}

// TestExampleCounted: a record's example sentence and URL are those of
// a report that says the event happened, when it has one.
func TestExampleCounted(t *testing.T) {
	eachEngine(t, func(t *testing.T, s *engine) {
		a := result("a", "2020-01-10", "X", ev{src: "USA", tgt: "IRN", cameo: "042", status: "negated"})
		b := result("b", "2020-01-11", "Y", ev{src: "USA", tgt: "IRN", cameo: "042"})
		c := result("c", "2020-01-10", "Z", ev{src: "CHN", tgt: "RUS", cameo: "057", status: "denied"},
			ev{src: "CHN", tgt: "RUS", cameo: "057", status: "claimed"})
		for _, r := range []*doc.Result{a, b, c} {
			put(t, s, r)
		}
		for _, r := range events(t, s, EventFilter{}) {
			want := b
			if r.Source == "CHN" {
				want = c
			}
			if r.Example != want.Events[len(want.Events)-1].Text || r.SourceURL != want.Document.URL {
				t.Errorf("record %s>%s example %q %s; want %q %s", r.Source, r.Target, r.Example, r.SourceURL,
					want.Events[len(want.Events)-1].Text, want.Document.URL)
			}
		}
	})
}
