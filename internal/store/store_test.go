package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"dyad/internal/doc"
)

// ev is an event for a synthetic result: source and target codes ("" for
// none), CAMEO code, date ("" for the document's) and status.
type ev struct {
	src, tgt, cameo, date, status string
	claimant                      string // who says it (the innermost reporter), "" for none
}

// quad and goldstein of the CAMEO roots the tests use.
var rootQuad = map[string]int{"04": 1, "05": 2, "12": 3, "19": 4}
var rootGoldstein = map[string]float64{"04": 1, "05": 3.5, "12": -4, "19": -10}

// result builds a coded document: one sentence per event, each naming
// its actors, so every span lies inside the text.
func result(id, date, outlet string, evs ...ev) *doc.Result {
	r := &doc.Result{Document: doc.Document{ID: id, Date: date, Source: outlet,
		URL: "https://example.org/" + id, Title: "Title " + id}}
	var b strings.Builder
	fmt.Fprintf(&b, "Document %s.", id)
	r.Sentences = append(r.Sentences, doc.Sentence{Span: doc.Span{Start: 0, End: b.Len()}})
	r.Mentions = append(r.Mentions, nil)
	for i, e := range evs {
		b.WriteString(" ")
		start := b.Len()
		srcAt := b.Len()
		b.WriteString(e.src)
		b.WriteString(" acts")
		verbAt := b.Len() - 4
		tgtAt := b.Len() + 1
		if e.tgt != "" {
			b.WriteString(" " + e.tgt)
		}
		fmt.Fprintf(&b, " %d.", i)
		end := b.Len()
		si := len(r.Sentences)
		r.Sentences = append(r.Sentences, doc.Sentence{Span: doc.Span{Start: start, End: end}})
		ms := []doc.Mention{{Span: doc.Span{Start: srcAt, End: srcAt + len(e.src)}, Kind: doc.CountryName, Code: e.src, Country: e.src}}
		src := doc.Actor{Code: e.src, Country: e.src, Text: e.src, Span: ms[0].Span}
		var tgt *doc.Actor
		if e.tgt != "" {
			m := doc.Mention{Span: doc.Span{Start: tgtAt, End: tgtAt + len(e.tgt)}, Kind: doc.CountryName, Code: e.tgt, Country: e.tgt}
			ms = append(ms, m)
			tgt = &doc.Actor{Code: e.tgt, Country: e.tgt, Text: e.tgt, Span: m.Span}
		}
		r.Mentions = append(r.Mentions, ms)
		status := e.status
		if status == "" {
			status = "asserted"
		}
		var by []doc.Actor
		if e.claimant != "" {
			by = []doc.Actor{{Code: e.claimant, Text: "says"}, {Code: "XXX", Text: "passes on"}}
		}
		root := Root(e.cameo)
		r.Events = append(r.Events, doc.Event{ID: fmt.Sprintf("%s#e%d", id, i+1), DocID: id, Sentence: si, Date: e.date, Source: src, Target: tgt,
			CAMEO: e.cameo, PLOVER: "P" + root, Mode: "", Goldstein: rootGoldstein[root], QuadClass: rootQuad[root],
			Verb: doc.Phrase{Text: "acts", Span: doc.Span{Start: verbAt, End: verbAt + 4}}, Negated: status == "negated",
			Status: status, ReportedBy: by, Text: b.String()[start:end], Pattern: "test"})
	}
	// One quote over the whole first sentence, said by the first source.
	r.Document.Text = b.String()
	if len(evs) > 0 {
		r.Quotes = []doc.Quote{{ID: id + "#q1", DocID: id, Speaker: &r.Events[0].Source,
			SpeakerText: doc.Phrase{Text: "speaker", Span: doc.Span{Start: 0, End: 8}},
			Content:     doc.Phrase{Text: r.Document.Text[:8], Span: doc.Span{Start: 0, End: 8}}, Direct: true}}
	}
	return r
}

func put(t *testing.T, s Store, r *doc.Result) PutResult {
	t.Helper()
	pr, err := s.Put(context.Background(), r)
	if err != nil {
		t.Fatalf("Put(%s) = %v", r.Document.ID, err)
	}
	return pr
}

func counts(t *testing.T, s Store) Counts {
	t.Helper()
	c, err := s.Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func events(t *testing.T, s Store, f EventFilter) []Record {
	t.Helper()
	rs, err := s.Events(context.Background(), f)
	if err != nil {
		t.Fatalf("Events(%+v) = %v", f, err)
	}
	return rs
}

func TestPutIdempotent(t *testing.T) {
	eachEngine(t, func(t *testing.T, s *engine) {
		r := result("a", "2020-01-10", "Wire", ev{src: "USA", tgt: "IRN", cameo: "042"}, ev{src: "IRN", cameo: "190"})
		pr := put(t, s, r)
		if !pr.New || pr.Events != 2 || pr.Records != 2 || pr.Key != DocKey(r.Document.Text) {
			t.Fatalf("first Put = %+v; want New, 2 events, 2 records", pr)
		}
		want := Counts{Documents: 1, Sentences: 3, Mentions: 3, Events: 2, Records: 2, Quotes: 1, Actors: 2}
		if got := counts(t, s); got != want {
			t.Fatalf("Counts = %+v; want %+v", got, want)
		}
		// The same text with other white space and another id, and the
		// same metadata, is the same document.
		again := result("b", "2020-01-10", "Wire", ev{src: "USA", tgt: "IRN", cameo: "042"}, ev{src: "IRN", cameo: "190"})
		again.Document.Text = strings.ReplaceAll(r.Document.Text, " ", "\n  ")
		again.Document.URL, again.Document.Title = r.Document.URL, r.Document.Title
		for _, x := range []*doc.Result{r, again} {
			if pr := put(t, s, x); pr.New || pr.Events != 0 || pr.Records != 0 {
				t.Errorf("Put again = %+v; want New=false", pr)
			}
		}
		if got := counts(t, s); got != want {
			t.Errorf("Counts after re-Put = %+v; want %+v", got, want)
		}
	})
}

func TestMerge(t *testing.T) {
	eachEngine(t, func(t *testing.T, s *engine) {
		docs := []*doc.Result{
			result("a", "2020-01-10", "Reuters", ev{src: "USA", tgt: "IRN", cameo: "042"}),
			// Same dyad, same root, next day, another outlet: merges.
			result("b", "2020-01-11", "AP", ev{src: "USA", tgt: "IRN", cameo: "043", status: "claimed", claimant: "IRNGOV"}),
			// Negated: joins and is counted, twice in one article.
			result("c", "2020-01-12", "AP",
				ev{src: "USA", tgt: "IRN", cameo: "042", status: "negated"},
				ev{src: "USA", tgt: "IRN", cameo: "042", status: "denied"}),
			// No outlet: an outlet of its own. Event date earlier than the document's.
			result("d", "2020-01-15", "", ev{src: "USA", tgt: "IRN", cameo: "040", date: "2020-01-09", status: "hypothetical"}),
			// Outside the window of [01-09, 01-12]: a new record.
			result("e", "2020-01-15", "Reuters", ev{src: "USA", tgt: "IRN", cameo: "042"}),
			// Another root, the reverse dyad, no target: new records.
			result("f", "2020-01-11", "Reuters",
				ev{src: "USA", tgt: "IRN", cameo: "190"},
				ev{src: "IRN", tgt: "USA", cameo: "042"},
				ev{src: "USA", cameo: "042"}),
			// Undated: merge only with each other.
			result("g", "", "Reuters", ev{src: "USA", tgt: "IRN", cameo: "042"}),
			result("h", "", "AP", ev{src: "USA", tgt: "IRN", cameo: "043"}),
		}
		newRecords := []int{1, 0, 0, 0, 1, 3, 1, 0}
		for i, r := range docs {
			if pr := put(t, s, r); pr.Records != newRecords[i] {
				t.Errorf("Put(%s).Records = %d; want %d", r.Document.ID, pr.Records, newRecords[i])
			}
		}
		rs := events(t, s, EventFilter{Source: "USA", Target: "IRN", CAMEO: "04"})
		if len(rs) != 3 {
			t.Fatalf("USA-IRN 04 records = %d; want 3: %+v", len(rs), rs)
		}
		// Newest first: e (01-15), the merged one (last 01-12), undated.
		e, m, u := rs[0], rs[1], rs[2]
		if e.FirstDate != "2020-01-15" || e.Mentions != 1 {
			t.Errorf("record e = %+v", e)
		}
		want := Record{ID: m.ID, Source: "USA", Target: "IRN", Root: "04", CAMEO: "042", PLOVER: "P04",
			Goldstein: 1, QuadClass: 1, FirstDate: "2020-01-09", LastDate: "2020-01-12",
			// Mentions, articles and outlets of the asserted (a) and claimed (b)
			// reports; Reports of all five.
			Mentions: 2, Articles: 2, Outlets: 2, Reports: 5, Status: "asserted,claimed,denied,negated,hypothetical",
			Asserted: 1, Claimed: 1, Denied: 1, Negated: 1, Hypothetical: 1,
			Example: docs[0].Events[0].Text, SourceURL: "https://example.org/a", Added: m.Added, Updated: m.Updated}
		if m != want {
			t.Errorf("merged record =\n %+v; want\n %+v", m, want)
		}
		if u.FirstDate != "" || u.LastDate != "" || u.Mentions != 2 || u.Articles != 2 || u.CAMEO != "042" {
			t.Errorf("undated record = %+v; want 2 mentions, code 042 (the first on a tie)", u)
		}
		// Every report is evidence of its record.
		r, evid, err := s.Event(context.Background(), m.ID)
		if err != nil || r != m {
			t.Fatalf("Event(%d) = %+v, %v; want %+v", m.ID, r, err, m)
		}
		var statuses []string
		for _, v := range evid {
			statuses = append(statuses, v.Event.Status)
			if v.RecordID != m.ID {
				t.Errorf("evidence %d record = %d; want %d", v.ID, v.RecordID, m.ID)
			}
		}
		if got := strings.Join(statuses, " "); got != "asserted claimed negated denied hypothetical" {
			t.Errorf("evidence statuses = %s", got)
		}
		if evid[1].Claimant != "IRNGOV" || evid[1].Outlet != "AP" || evid[1].DocID != "b" || len(evid[1].Event.ReportedBy) != 2 {
			t.Errorf("evidence b = %+v", evid[1])
		}
		if c := counts(t, s); c.Records != 6 || c.Events != 11 {
			t.Errorf("Counts = %+v; want 6 records, 11 events", c)
		}
	})
}

func TestMergeNearest(t *testing.T) {
	eachEngine(t, func(t *testing.T, s *engine) {
		put(t, s, result("a", "2020-03-01", "X", ev{src: "FRA", tgt: "DEU", cameo: "051"}))
		put(t, s, result("b", "2020-03-04", "X", ev{src: "FRA", tgt: "DEU", cameo: "051"}))
		// 2 days after the first record, 1 before the second: the second.
		put(t, s, result("c", "2020-03-03", "X", ev{src: "FRA", tgt: "DEU", cameo: "057"}))
		rs := events(t, s, EventFilter{Actor: "FRA"})
		if len(rs) != 2 {
			t.Fatalf("records = %+v; want 2", rs)
		}
		if rs[0].FirstDate != "2020-03-03" || rs[0].LastDate != "2020-03-04" || rs[0].Mentions != 2 {
			t.Errorf("nearest record = %+v; want 03-03..03-04, 2 mentions", rs[0])
		}
		if rs[1].Mentions != 1 || rs[1].LastDate != "2020-03-01" {
			t.Errorf("other record = %+v; want unchanged", rs[1])
		}
		// A wider window joins reports the default keeps apart.
		var w *engine
		for _, te := range testEngines {
			if te.name == s.d.name {
				w = te.open(t, Options{Window: 7})
			}
		}
		put(t, w, result("a", "2020-03-01", "X", ev{src: "FRA", tgt: "DEU", cameo: "051"}))
		put(t, w, result("b", "2020-03-08", "X", ev{src: "FRA", tgt: "DEU", cameo: "051"}))
		if rs := events(t, w, EventFilter{}); len(rs) != 1 || rs[0].Mentions != 2 {
			t.Errorf("Window 7: records = %+v; want one with 2 mentions", rs)
		}
	})
}

func TestAtomicity(t *testing.T) {
	for _, stage := range []string{"document", "quotes", "events"} {
		t.Run(stage, func(t *testing.T) {
			eachEngine(t, func(t *testing.T, s *engine) {
				r := result("a", "2020-01-10", "X", ev{src: "USA", tgt: "IRN", cameo: "042"})
				boom := errors.New("boom")
				s.fail = func(st string) error {
					if st == stage {
						return boom
					}
					return nil
				}
				if _, err := s.Put(context.Background(), r); !errors.Is(err, boom) {
					t.Fatalf("Put with failure at %s = %v; want boom", stage, err)
				}
				if c := counts(t, s); c != (Counts{}) {
					t.Fatalf("Counts after failed Put = %+v; want nothing", c)
				}
				s.fail = nil
				if pr := put(t, s, r); !pr.New || pr.Records != 1 {
					t.Errorf("Put after failure = %+v; want New, 1 record", pr)
				}
			})
		})
	}
	t.Run("cancel", func(t *testing.T) {
		eachEngine(t, func(t *testing.T, s *engine) {
			put(t, s, result("a", "2020-01-10", "X", ev{src: "USA", tgt: "IRN", cameo: "042"}))
			before := counts(t, s)
			ctx, cancel := context.WithCancel(context.Background())
			// Cancelled half way: after the document and its sentences.
			s.fail = func(st string) error {
				if st == "quotes" {
					cancel()
				}
				return nil
			}
			r := result("b", "2020-01-10", "X", ev{src: "USA", tgt: "IRN", cameo: "042"})
			if _, err := s.Put(ctx, r); err == nil {
				t.Fatal("Put with a cancelled context succeeded")
			}
			s.fail = nil
			if _, err := s.Put(ctx, r); err == nil {
				t.Fatal("Put with a cancelled context succeeded")
			}
			if c := counts(t, s); c != before {
				t.Fatalf("Counts after cancelled Put = %+v; want %+v", c, before)
			}
			if pr := put(t, s, r); !pr.New || pr.Records != 0 {
				t.Errorf("Put after cancel = %+v; want New, merged", pr)
			}
			if rs := events(t, s, EventFilter{}); len(rs) != 1 || rs[0].Mentions != 2 {
				t.Errorf("records = %+v; want one with 2 mentions", rs)
			}
		})
	})
}

func TestNotFound(t *testing.T) {
	eachEngine(t, func(t *testing.T, s *engine) {
		ctx := context.Background()
		if _, _, err := s.Event(ctx, 12345); !errors.Is(err, ErrNotFound) {
			t.Errorf("Event(12345) = %v; want ErrNotFound", err)
		}
		if _, err := s.Document(ctx, "nope"); !errors.Is(err, ErrNotFound) {
			t.Errorf("Document(nope) = %v; want ErrNotFound", err)
		}
		if _, err := s.Put(ctx, nil); err == nil {
			t.Error("Put(nil) succeeded")
		}
	})
}

func TestDocumentRoundTrip(t *testing.T) {
	eachEngine(t, func(t *testing.T, s *engine) {
		r := result("a", "2020-01-10", "Wire",
			ev{src: "USA", tgt: "IRN", cameo: "042", claimant: "RUS", status: "claimed"}, ev{src: "IRN", cameo: "190"})
		r.Events[0].Contests = []string{"a#e2"}
		pr := put(t, s, r)
		sd, err := s.Document(context.Background(), pr.Key)
		if err != nil {
			t.Fatal(err)
		}
		if sd.Key != pr.Key || sd.Document != r.Document || sd.Added == "" {
			t.Errorf("Document = %+v; want %+v", sd.Document, r.Document)
		}
		if len(sd.Sentences) != len(r.Sentences) || sd.Sentences[1] != r.Sentences[1].Span {
			t.Errorf("Sentences = %v", sd.Sentences)
		}
		if len(sd.Mentions) != 3 || sd.Mentions[1] != (MentionSpan{Sentence: 1, Span: r.Mentions[1][1].Span,
			Kind: "country", Code: "IRN", Country: "IRN"}) {
			t.Errorf("Mentions = %+v", sd.Mentions)
		}
		if len(sd.Events) != 2 {
			t.Fatalf("Events = %+v", sd.Events)
		}
		for i, v := range sd.Events {
			got, want := v.Event, r.Events[i]
			want.Date = "2020-01-10" // the document's
			if fmt.Sprintf("%+v %+v %+v", got.Source, got.ReportedBy, got.Verb) != fmt.Sprintf("%+v %+v %+v", want.Source, want.ReportedBy, want.Verb) ||
				(got.Target == nil) != (want.Target == nil) || (got.Target != nil && *got.Target != *want.Target) ||
				got.Date != want.Date || got.CAMEO != want.CAMEO || got.Status != want.Status || got.Text != want.Text ||
				got.ID != want.ID || fmt.Sprint(got.Contests) != fmt.Sprint(want.Contests) ||
				got.DocID != "a" || got.Sentence != want.Sentence || got.Goldstein != want.Goldstein {
				t.Errorf("event %d =\n %+v; want\n %+v", i, got, want)
			}
		}
		if sd.Events[1].Event.Target != nil {
			t.Errorf("event without target came back with %+v", sd.Events[1].Event.Target)
		}
		if len(sd.Quotes) != 1 || sd.Quotes[0].ID != "a#q1" || sd.Quotes[0].Speaker == nil ||
			*sd.Quotes[0].Speaker != r.Events[0].Source || !sd.Quotes[0].Direct || sd.Quotes[0].Content != r.Quotes[0].Content {
			t.Errorf("Quotes = %+v", sd.Quotes)
		}
	})
}

func TestConcurrentPut(t *testing.T) {
	eachEngine(t, func(t *testing.T, s *engine) {
		const workers, perWorker = 6, 15
		var wg sync.WaitGroup
		errs := make(chan error, workers*perWorker)
		for w := range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range perWorker {
					// Documents i are the same text for every worker: one is stored.
					id := fmt.Sprintf("d%d", i)
					day := fmt.Sprintf("2020-02-%02d", 1+i%3)
					r := result(id, day, fmt.Sprintf("O%d", w), ev{src: "USA", tgt: "CHN", cameo: "120"}, ev{src: "CHN", cameo: "051"})
					if _, err := s.Put(context.Background(), r); err != nil {
						errs <- err
					}
					if _, err := s.Events(context.Background(), EventFilter{Actor: "CHN"}); err != nil {
						errs <- err
					}
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Error(err)
		}
		c := counts(t, s)
		if c.Documents != perWorker || c.Events != 2*perWorker {
			t.Errorf("Counts = %+v; want %d documents, %d events", c, perWorker, 2*perWorker)
		}
		rs := events(t, s, EventFilter{})
		mentions := 0
		for _, r := range rs {
			mentions += r.Mentions
		}
		// Days 1..3 are within 2 of each other: one record per dyad, whatever
		// the order of the Puts.
		if len(rs) != 2 || mentions != 2*perWorker {
			t.Errorf("records = %+v; want 2 holding %d mentions", rs, 2*perWorker)
		}
	})
}

func TestMalformed(t *testing.T) {
	eachEngine(t, func(t *testing.T, s *engine) {
		huge := result("huge", "2020-01-01", "X", ev{src: "USA", tgt: "IRN", cameo: "042"})
		huge.Document.Text += strings.Repeat("lorem ipsum ", 400_000) // 4.8 MB
		bad := result("bad", "not a date", "X", ev{src: "", cameo: ""}, ev{src: "USA", tgt: "IRN", cameo: "1"})
		bad.Sentences = append(bad.Sentences, doc.Sentence{Span: doc.Span{Start: -5, End: 1 << 40}})
		bad.Mentions = append(bad.Mentions, nil, []doc.Mention{{Span: doc.Span{Start: 9, End: 2}}}) // more than sentences
		bad.Events[0].Target = nil
		bad.Events[0].Date = "2020-99-99"
		bad.Events[0].Verb.Span = doc.Span{Start: 1 << 30, End: -1}
		bad.Quotes = append(bad.Quotes, doc.Quote{Content: doc.Phrase{Span: doc.Span{Start: 7, End: 3}}})
		empty := &doc.Result{}
		for _, r := range []*doc.Result{huge, bad, empty} {
			if _, err := s.Put(context.Background(), r); err != nil {
				t.Errorf("Put(%s) = %v", r.Document.ID, err)
			}
		}
		sd, err := s.Document(context.Background(), DocKey(bad.Document.Text))
		if err != nil {
			t.Fatal(err)
		}
		if len(sd.Events) != 2 || sd.Events[0].Event.Date != "" || sd.Events[0].Event.Verb.Span.Start != 1<<30 {
			t.Errorf("bad document's events = %+v", sd.Events)
		}
		if sd.Sentences[len(sd.Sentences)-1] != (doc.Span{Start: -5, End: 1 << 40}) {
			t.Errorf("spans are not kept as given: %v", sd.Sentences)
		}
		sd, err = s.Document(context.Background(), DocKey(huge.Document.Text))
		if err != nil || sd.Document.Text != huge.Document.Text {
			t.Errorf("huge document did not come back whole: %v", err)
		}
	})
}

func TestReopen(t *testing.T) {
	path := t.TempDir() + "/dyad.db"
	ctx := context.Background()
	for i, open := range []func(context.Context, string, Options) (Store, error){OpenSQLite, Open} {
		s, err := open(ctx, path, Options{})
		if err != nil {
			t.Fatal(err)
		}
		put(t, s, result("a", "2020-01-10", "X", ev{src: "USA", tgt: "IRN", cameo: "042"}))
		if c := counts(t, s); c.Documents != 1 || c.Records != 1 {
			t.Errorf("open %d: Counts = %+v", i, c)
		}
		ms, err := loadMigrations()
		if err != nil {
			t.Fatal(err)
		}
		var versions int
		if err := s.(*engine).r.QueryRow("SELECT COUNT(*) FROM schema_version").Scan(&versions); err != nil || versions != len(ms) {
			t.Errorf("open %d: schema_version rows = %d, %v; want %d", i, versions, err, len(ms))
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range []string{"", "file:x.db", "x.db?mode=memory", ":memory:"} {
		if _, err := OpenSQLite(ctx, p, Options{}); err == nil {
			t.Errorf("OpenSQLite(%q) succeeded", p)
		}
	}
}

// TestMergeIdentifiable: reports merge only when they name their actors
// well enough to be one event; one-sided events merge on the same code.
func TestMergeIdentifiable(t *testing.T) {
	bare := func(r *doc.Result) *doc.Result {
		for i := range r.Events {
			e := &r.Events[i]
			if len(e.Source.Code) <= 3 && e.Source.Code != "USA" {
				e.Source.Country = ""
			}
			if e.Target != nil && len(e.Target.Code) <= 3 && e.Target.Code != "USA" {
				e.Target.Country = ""
			}
		}
		return r
	}
	eachEngine(t, func(t *testing.T, s *engine) {
		put(t, s, bare(result("a", "2020-05-01", "X", ev{src: "CVL", cameo: "043"}, ev{src: "GOV", tgt: "REB", cameo: "043"},
			ev{src: "REB", tgt: "USA", cameo: "190"}, ev{src: "USA", cameo: "051"})))
		put(t, s, bare(result("b", "2020-05-02", "Y", ev{src: "CVL", cameo: "043"}, ev{src: "GOV", tgt: "REB", cameo: "043"},
			ev{src: "REB", tgt: "USA", cameo: "190"}, ev{src: "USA", cameo: "057"}, ev{src: "USA", cameo: "051"})))
		for _, tc := range []struct {
			f    EventFilter
			want []int // mentions of each record, newest first
		}{
			{EventFilter{Source: "CVL"}, []int{1, 1}},                // a bare sector alone: never one event
			{EventFilter{Source: "GOV", Target: "REB"}, []int{1, 1}}, // two bare sectors: neither
			{EventFilter{Source: "REB", Target: "USA"}, []int{2}},    // one side named: merges
			{EventFilter{Source: "USA", CAMEO: "057"}, []int{1}},     // no target, another code of the root
			{EventFilter{Source: "USA", CAMEO: "051"}, []int{2}},     // no target, the same code
		} {
			var got []int
			for _, r := range events(t, s, tc.f) {
				got = append(got, r.Mentions)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("Events(%+v) mentions = %v; want %v", tc.f, got, tc.want)
			}
		}
	})
}

// TestPutBatch: documents stored together give what storing them one by
// one gives; one that fails is absent and the rest are kept; a repeated
// document is stored once.
func TestPutBatch(t *testing.T) {
	docs := func() []*doc.Result {
		return []*doc.Result{
			result("a", "2020-01-10", "Reuters", ev{src: "USA", tgt: "IRN", cameo: "042"}),
			result("b", "2020-01-11", "AP", ev{src: "USA", tgt: "IRN", cameo: "043", status: "claimed", claimant: "IRNGOV"},
				ev{src: "IRN", tgt: "USA", cameo: "120"}),
			result("a", "2020-01-10", "Reuters", ev{src: "USA", tgt: "IRN", cameo: "042"}), // a again
			result("c", "2020-01-12", "AP", ev{src: "IRN", tgt: "USA", cameo: "121"}),
			result("d", "2020-01-15", "AFP", ev{src: "USA", tgt: "IRN", cameo: "042"}),
		}
	}
	eachEngine(t, func(t *testing.T, one *engine) {
		ctx := context.Background()
		for _, r := range docs() {
			if r.Document.ID != "c" {
				put(t, one, r)
			}
		}
		var batched *engine
		for _, te := range testEngines {
			if te.name == one.d.name {
				batched = te.open(t, Options{})
			}
		}
		boom := errors.New("boom")
		n := 0 // the third document stored in full is c
		batched.fail = func(stage string) error {
			if stage == "events" {
				if n++; n == 3 {
					return boom
				}
			}
			return nil
		}
		rs, errs, err := batched.PutBatch(ctx, docs())
		if err != nil {
			t.Fatal(err)
		}
		for i, want := range []bool{true, true, false, false, true} {
			if rs[i].New != want {
				t.Errorf("PutBatch result %d = %+v; want New %v", i, rs[i], want)
			}
			if (errs[i] != nil) != (i == 3) || i == 3 && !errors.Is(errs[i], boom) {
				t.Errorf("PutBatch error %d = %v", i, errs[i])
			}
		}
		if c1, c2 := counts(t, one), counts(t, batched); c1 != c2 {
			t.Errorf("Counts one by one = %+v; batched = %+v", c1, c2)
		}
		strip := func(rs []Record) []Record {
			for i := range rs {
				rs[i].Added, rs[i].Updated = "", ""
			}
			return rs
		}
		if r1, r2 := strip(events(t, one, EventFilter{})), strip(events(t, batched, EventFilter{})); !slices.Equal(r1, r2) {
			t.Errorf("records one by one:\n %+v\nbatched:\n %+v", r1, r2)
		}
	})
}

// TestMigrateV1: a store written at schema version 1 (sentences and
// mentions a row each) opens at the current version with its documents
// whole, and new documents go the new way beside them.
func TestMigrateV1(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v1.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	v1, err := migrations.ReadFile("migrations/001_init.sql")
	if err != nil {
		t.Fatal(err)
	}
	d := sqliteDialect
	for _, q := range []string{
		d.ddl(string(v1)),
		`CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied TEXT NOT NULL)`,
		`INSERT INTO schema_version VALUES (1, '001_init.sql', '2026-11-29T00:00:00Z')`,
		`INSERT INTO documents (key, doc_id, date, source, url, title, text, added)
			VALUES ('k1', 'old', '2020-01-10', 'X', '', '', 'Chile met Peru. Peru left.', '2026-11-29T00:00:00Z')`,
		`INSERT INTO sentences VALUES (1, 0, 0, 15), (1, 1, 16, 26)`,
		`INSERT INTO mentions VALUES (1, 0, 0, 0, 5, 'country', 'CHL', 'CHL', '', 'CHL'), (1, 1, 0, 10, 14, 'country', 'PER', 'PER', '', 'PER')`,
		`INSERT INTO records (source, target, root, cameo, plover, goldstein, quad_class, first_date, last_date,
			mentions, articles, outlets, asserted, claimed, denied, negated, hypothetical, example, source_url, added, updated)
			VALUES ('CHL', 'PER', '04', '040', 'CONSULT', 1, 1, '2020-01-10', '2020-01-10', 1, 1, 1, 1, 0, 0, 0, 0, '', '', '', '')`,
		`INSERT INTO events (doc, record, event_id, sentence, date, outlet, source, source_actor, target, target_actor,
			cameo, plover, mode, goldstein, quad_class, verb, verb_start, verb_stop, negated, modality, status,
			reported_by, claimant, quote_id, contests, location, text, pattern)
			VALUES (1, 1, 'old#e1', 0, '2020-01-10', 'X', 'CHL', '{"code":"CHL","start":0,"end":5}', 'PER',
			'{"code":"PER","start":10,"end":14}', '040', 'CONSULT', '', 1, 1, 'met', 6, 9, 0, 'asserted', 'asserted',
			'[]', '', '', '[]', '', 'Chile met Peru.', 'meet')`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%.60s: %v", q, err)
		}
	}
	db.Close()
	s, err := OpenSQLite(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	old, err := s.Document(ctx, "k1")
	if err != nil {
		t.Fatal(err)
	}
	if len(old.Sentences) != 2 || len(old.Mentions) != 2 || old.Mentions[1].Code != "PER" || old.Sentences[1] != (doc.Span{Start: 16, End: 26}) {
		t.Errorf("version 1 document = %+v, %+v", old.Sentences, old.Mentions)
	}
	if len(old.Events) != 1 || old.Events[0].SentenceSpan != (doc.Span{Start: 0, End: 15}) {
		t.Errorf("version 1 evidence = %+v", old.Events)
	}
	if as, err := s.Actors(ctx, ActorFilter{}); err != nil || len(as) != 2 || as[0].Code != "CHL" || as[0].Reports != 1 || as[1].FirstDate != "2020-01-10" {
		t.Errorf("actors of version 1 events = %+v, %v; want CHL and PER, a report each", as, err)
	}
	r := put(t, s, result("b", "2020-01-11", "Y", ev{src: "CHL", tgt: "PER", cameo: "043"}))
	if !r.New {
		t.Fatalf("Put after migration = %+v", r)
	}
	if as, _ := s.Actors(ctx, ActorFilter{}); len(as) != 2 || as[0].Reports != 2 || as[0].Country != "CHL" {
		t.Errorf("actors after a new report = %+v; want CHL with 2 reports and its country filled in", as)
	}
	c := counts(t, s)
	nb := result("b", "2020-01-11", "Y", ev{src: "CHL", tgt: "PER", cameo: "043"})
	if c.Documents != 2 || c.Sentences != int64(2+len(nb.Sentences)) || c.Mentions != int64(2+2) || c.Records != 1 {
		t.Errorf("Counts after migration = %+v", c)
	}
	nd, err := s.Document(ctx, r.Key)
	if err != nil || len(nd.Sentences) != len(nb.Sentences) || len(nd.Mentions) != 2 || nd.Events[0].SentenceSpan != nb.Sentences[1].Span {
		t.Errorf("new document = %+v, %v", nd, err)
	}
}

// TestActors: every Put adds its reports to the actors they name; a
// document stored again adds nothing.
func TestActors(t *testing.T) {
	eachEngine(t, func(t *testing.T, s *engine) {
		ctx := context.Background()
		a := result("a", "2020-01-10", "X", ev{src: "USA", tgt: "IRN", cameo: "042"}, ev{src: "IRN", cameo: "190", date: "2020-01-08"})
		put(t, s, a)
		put(t, s, result("b", "2020-01-12", "Y", ev{src: "IRN", tgt: "IRQ", cameo: "042"}))
		put(t, s, a) // again: nothing changes
		got, err := s.Actors(ctx, ActorFilter{})
		if err != nil {
			t.Fatal(err)
		}
		want := []StoredActor{
			{Code: "IRN", Country: "IRN", Name: "IRN", Reports: 3, FirstDate: "2020-01-08", LastDate: "2020-01-12"},
			{Code: "IRQ", Country: "IRQ", Name: "IRQ", Reports: 1, FirstDate: "2020-01-12", LastDate: "2020-01-12"},
			{Code: "USA", Country: "USA", Name: "USA", Reports: 1, FirstDate: "2020-01-10", LastDate: "2020-01-10"},
		}
		if !slices.Equal(got, want) {
			t.Errorf("Actors =\n %+v; want\n %+v", got, want)
		}
		for _, tc := range []struct {
			f    ActorFilter
			want int
		}{{ActorFilter{Prefix: "IR"}, 2}, {ActorFilter{Prefix: "IR", Limit: 1}, 1}, {ActorFilter{Offset: 2}, 1},
			{ActorFilter{Prefix: "%"}, 0}, {ActorFilter{Prefix: "_RN"}, 0}, {ActorFilter{Prefix: "'; DROP TABLE actors; --"}, 0},
			{ActorFilter{Prefix: "\x00"}, 0}} {
			if got, err := s.Actors(ctx, tc.f); err != nil || len(got) != tc.want {
				t.Errorf("Actors(%+v) = %d, %v; want %d", tc.f, len(got), err, tc.want)
			}
		}
		if c := counts(t, s); c.Actors != 3 {
			t.Errorf("Counts.Actors = %d; want 3", c.Actors)
		}
	})
}
