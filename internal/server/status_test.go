package server

import (
	"context"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"dyad/internal/doc"
	"dyad/internal/store"
)

// negatedDoc says an event did not happen; the coder gives ESP>MAR
// SUPPORT, status negated.
var negatedDoc = doc.Document{ID: "neg", Date: "2021-05-04", Source: "Wire",
	Text: "Spain did not sign the agreement with Morocco, the minister said on Tuesday."}

// sqliteStore opens a fresh SQLite store for one test.
func sqliteStore(t *testing.T) store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "dyad.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// TestStatusParam (issue 16, finding 1): the API lists, charts and draws
// what the text says did not happen only when status asks for it.
func TestStatusParam(t *testing.T) {
	st := sqliteStore(t)
	fill(t, st, append(fixtureDocs, negatedDoc)...)
	s, _ := newTest(t, st, "")
	get := func(target string, v any) int {
		t.Helper()
		w := do(s, "GET", target, nil)
		decode(t, w, v)
		return w.Code
	}
	var events eventList
	if code := get("/api/events?actor=ESP", &events); code != 200 || len(events.Events) != 0 {
		t.Errorf("GET /api/events?actor=ESP = %d %+v; want no record (Spain did not sign)", code, events.Events)
	}
	if code := get("/api/events?actor=ESP&status=negated", &events); code != 200 || len(events.Events) != 1 ||
		events.Events[0].Status != "negated" || events.Events[0].Mentions != 0 || events.Events[0].Negated != 1 {
		t.Errorf("GET /api/events?actor=ESP&status=negated = %d %+v; want the negated record", code, events.Events)
	}
	var sr series
	if code := get("/api/series?source=ESP&target=MAR", &sr); code != 200 || len(sr.Days) != 0 {
		t.Errorf("GET /api/series ESP>MAR = %d %+v; want no day", code, sr.Days)
	}
	if code := get("/api/series?source=ESP&target=MAR&status=all", &sr); code != 200 || len(sr.Days) != 1 || sr.Days[0].Cooperation != 1 || sr.Days[0].Date != "2021-05-04" {
		t.Errorf("GET /api/series ESP>MAR status=all = %d %+v; want the day", code, sr.Days)
	}
	var nw network
	if code := get("/api/network?actor=ESP", &nw); code != 200 || len(nw.Edges) != 0 {
		t.Errorf("GET /api/network?actor=ESP = %d %+v; want no edge", code, nw.Edges)
	}
	if code := get("/api/network?actor=ESP&status=negated,denied", &nw); code != 200 || len(nw.Edges) != 1 {
		t.Errorf("GET /api/network?actor=ESP&status=negated,denied = %d %+v; want the edge", code, nw.Edges)
	}
	var as actorList
	if code := get("/api/actors?prefix=ESP", &as); code != 200 || len(as.Actors) != 0 {
		t.Errorf("GET /api/actors?prefix=ESP = %d %+v; want none", code, as.Actors)
	}
	if code := get("/api/actors?prefix=ESP&status=negated", &as); code != 200 || len(as.Actors) != 1 || as.Actors[0].Reports != 1 {
		t.Errorf("GET /api/actors?prefix=ESP&status=negated = %d %+v; want ESP, 1 report", code, as.Actors)
	}
	var e errorBody
	if code := get("/api/events?status=rumoured", &e); code != 400 || !strings.HasPrefix(e.Error, "status:") {
		t.Errorf("GET /api/events?status=rumoured = %d %q; want 400 naming status", code, e.Error)
	}
}

// TestCursorPaging (issue 16, finding 9): every list endpoint pages by
// cursor: following next gives every item once, as one big page does.
func TestCursorPaging(t *testing.T) {
	st := sqliteStore(t)
	fill(t, st, append(fixtureDocs, doc.Document{ID: "quotes", Date: "2026-03-02", Title: "Quotes",
		Text: "“We will talk to them,” the Iranian president said. “There is nothing to discuss,” the American envoy said. " +
			"“We shall see,” the Turkish minister said."})...)
	s, _ := newTest(t, st, "")
	type page struct {
		Events []store.Record `json:"events"`
		Quotes []struct {
			Quote struct {
				ID string `json:"id"`
			} `json:"quote"`
		} `json:"quotes"`
		Actors []store.StoredActor `json:"actors"`
		More   bool                `json:"more"`
		Next   string              `json:"next"`
	}
	ids := func(p page) []string {
		var out []string
		for _, r := range p.Events {
			out = append(out, r.Source+">"+r.Target+":"+r.CAMEO)
		}
		for _, q := range p.Quotes {
			out = append(out, q.Quote.ID)
		}
		for _, a := range p.Actors {
			out = append(out, a.Code)
		}
		return out
	}
	for _, path := range []string{"/api/events", "/api/quotes", "/api/actors"} {
		var all page
		decode(t, do(s, "GET", path+"?limit=1000", nil), &all)
		want := ids(all)
		if len(want) < 2 || all.More || all.Next != "" {
			t.Fatalf("GET %s = %+v; want at least 2 items, no more", path, all)
		}
		var got []string
		for target, n := path+"?limit=1", 0; ; n++ {
			var p page
			w := do(s, "GET", target, nil)
			decode(t, w, &p)
			if w.Code != 200 || n > len(want) {
				t.Fatalf("GET %s = %d %s", target, w.Code, w.Body)
			}
			got = append(got, ids(p)...)
			if !p.More {
				if p.Next != "" {
					t.Errorf("GET %s: next %q on the last page", target, p.Next)
				}
				break
			}
			target = path + "?limit=1&cursor=" + url.QueryEscape(p.Next)
		}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%s by cursor = %q; want %q", path, got, want)
		}
		var e errorBody
		w := do(s, "GET", path+"?cursor=bm9uc2Vuc2U", nil)
		decode(t, w, &e)
		if w.Code != 400 || !strings.HasPrefix(e.Error, "cursor:") {
			t.Errorf("GET %s with a bad cursor = %d %q; want 400 naming cursor", path, w.Code, e.Error)
		}
		w = do(s, "GET", path+"?cursor="+url.QueryEscape(all.Next+"x")+"&offset=1", nil)
		if w.Code != 400 {
			t.Errorf("GET %s with cursor and offset = %d; want 400", path, w.Code)
		}
	}
}

// TestDocumentDateAssumed: the document API says when a date was
// assumed.
func TestDocumentDateAssumed(t *testing.T) {
	st := sqliteStore(t)
	d := fixtureDocs[2]
	d.DateAssumed = true
	fill(t, st, d)
	s, _ := newTest(t, st, "")
	var v struct {
		Document map[string]any `json:"document"`
	}
	decode(t, do(s, "GET", "/api/documents/"+store.DocKey(d.Text), nil), &v)
	if v.Document["date_assumed"] != true {
		t.Errorf("document = %+v; want date_assumed true", v.Document)
	}
}

// TestPostWithoutDate: a document posted without a date gets today's,
// marked as assumed, and posting again without a date a text stored
// with its date does not replace that date (the store updates a
// document only for new metadata; an assumed date is none).
func TestPostWithoutDate(t *testing.T) {
	st := sqliteStore(t)
	s, _ := newTest(t, st, testToken)
	auth := []string{"Authorization", "Bearer " + testToken, "Content-Type", "application/json"}
	text := "Iran rejected the United States' offer on Monday."
	w := do(s, "POST", "/api/documents", strings.NewReader(`{"date":"2014-09-16","text":"`+text+`"}`), auth...)
	if w.Code != 201 {
		t.Fatalf("POST with a date = %d %s", w.Code, w.Body)
	}
	w = do(s, "POST", "/api/documents", strings.NewReader(`{"text":"`+text+`"}`), auth...)
	if w.Code != 200 {
		t.Errorf("POST again without a date = %d %s; want 200", w.Code, w.Body)
	}
	var v struct {
		Document documentFields `json:"document"`
	}
	decode(t, do(s, "GET", "/api/documents/"+store.DocKey(text), nil), &v)
	if v.Document.Date != "2014-09-16" || v.Document.DateAssumed {
		t.Errorf("document after a post without a date = %+v; want 2014-09-16 kept", v.Document)
	}
	other := "Russia threatened Ukraine with sanctions."
	do(s, "POST", "/api/documents", strings.NewReader(`{"text":"`+other+`"}`), auth...)
	decode(t, do(s, "GET", "/api/documents/"+store.DocKey(other), nil), &v)
	if !v.Document.DateAssumed || !validDate(v.Document.Date) {
		t.Errorf("document posted without a date = %+v; want today, assumed", v.Document)
	}
}
