package server

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"dyad/internal/store"
)

const testToken = "s3cret-token-for-tests"

// newTest returns a server over st with the test token and pipeline, and
// a buffer that collects its log.
func newTest(t *testing.T, st store.Store, token string) (*Server, *bytes.Buffer) {
	t.Helper()
	var logBuf bytes.Buffer
	s, err := New(Config{
		Store:        st,
		Pipeline:     testPipeline(t),
		Token:        token,
		Logger:       slog.New(slog.NewTextHandler(&syncWriter{w: &logBuf}, nil)),
		MaxBodyBytes: 64 << 10,
		Coders:       2,
	})
	if err != nil {
		t.Fatal(err)
	}
	return s, &logBuf
}

// syncWriter serializes writes to w.
type syncWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}

// do serves one request and returns the recorder.
func do(s *Server, method, target string, body io.Reader, header ...string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, target, body)
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	s.Handler().ServeHTTP(w, r)
	return w
}

// decode decodes a JSON response into v.
func decode(t *testing.T, w *httptest.ResponseRecorder, v any) {
	t.Helper()
	if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Fatalf("Content-Type = %q; want application/json", ct)
	}
	if err := json.Unmarshal(w.Body.Bytes(), v); err != nil {
		t.Fatalf("decoding %s: %v", w.Body, err)
	}
}

func counts(t *testing.T, st store.Store) store.Counts {
	t.Helper()
	c, err := st.Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// Response shapes as a client decodes them (spans as two integers).
type (
	span     [2]int
	phraseJS struct {
		Text string `json:"text"`
		Span span   `json:"span"`
	}
	actorJS struct {
		Code string `json:"code"`
		Span span   `json:"span"`
	}
	eventJS struct {
		DocID    string   `json:"doc_id"`
		Sentence int      `json:"sentence"`
		Date     string   `json:"date"`
		Source   actorJS  `json:"source"`
		Target   *actorJS `json:"target"`
		CAMEO    string   `json:"cameo"`
		PLOVER   string   `json:"plover"`
		Verb     phraseJS `json:"verb"`
		Text     string   `json:"text"`
		Status   string   `json:"status"`
	}
	evidenceJS struct {
		RecordID int64   `json:"record_id"`
		DocKey   string  `json:"doc_key"`
		Outlet   string  `json:"outlet"`
		Event    eventJS `json:"event"`
		Claimant string  `json:"claimant"`
		Sentence *struct {
			Text string `json:"text"`
			Span span   `json:"span"`
		} `json:"sentence"`
	}
	quoteJS struct {
		ID      string   `json:"id"`
		Speaker *actorJS `json:"speaker"`
		Content phraseJS `json:"content"`
	}
	documentJS struct {
		Key      string `json:"key"`
		Document struct {
			ID, Date, Source, URL, Title, Text string
		} `json:"document"`
		Sentences []span `json:"sentences"`
		Mentions  []struct {
			Span span   `json:"span"`
			Code string `json:"code"`
			Kind string `json:"kind"`
		} `json:"mentions"`
		Events []evidenceJS `json:"events"`
		Quotes []quoteJS    `json:"quotes"`
	}
)

func TestGetEndpoints(t *testing.T) {
	engines(t, func(t *testing.T, st store.Store) {
		fill(t, st, fixtureDocs...)
		s, _ := newTest(t, st, testToken)
		zurich := store.DocKey(fixtureDocs[0].Text)

		t.Run("healthz", func(t *testing.T) {
			w := do(s, "GET", "/healthz", nil)
			var h struct {
				Status  string       `json:"status"`
				Counts  store.Counts `json:"counts"`
				Posting bool         `json:"posting"`
			}
			decode(t, w, &h)
			if w.Code != 200 || h.Status != "ok" || h.Counts.Documents != 3 || !h.Posting {
				t.Errorf("GET /healthz = %d %+v; want 200 ok, 3 documents, posting", w.Code, h)
			}
		})

		var all struct {
			Events []store.Record `json:"events"`
			Limit  int            `json:"limit"`
			More   bool           `json:"more"`
		}
		t.Run("events", func(t *testing.T) {
			w := do(s, "GET", "/api/events", nil)
			decode(t, w, &all)
			if w.Code != 200 || len(all.Events) != int(counts(t, st).Records) || all.Limit != defaultLimit || all.More {
				t.Fatalf("GET /api/events = %d, %d records, limit %d, more %v; want 200, %d, %d, false",
					w.Code, len(all.Events), all.Limit, all.More, counts(t, st).Records, defaultLimit)
			}
		})

		filters := []struct {
			query string
			ok    func(r store.Record) bool
		}{
			{"actor=IRN", func(r store.Record) bool {
				return strings.HasPrefix(r.Source, "IRN") || strings.HasPrefix(r.Target, "IRN")
			}},
			{"source=IRN&target=USA", func(r store.Record) bool { return r.Source == "IRN" && r.Target == "USA" }},
			{"plover=REJECT", func(r store.Record) bool { return r.PLOVER == "REJECT" }},
			{"cameo=11", func(r store.Record) bool { return strings.HasPrefix(r.CAMEO, "11") }},
			{"from=2026-03-04&to=2026-03-04", func(r store.Record) bool { return r.LastDate >= "2026-03-04" && r.FirstDate <= "2026-03-04" }},
		}
		for _, f := range filters {
			t.Run("events?"+f.query, func(t *testing.T) {
				var got struct {
					Events []store.Record `json:"events"`
				}
				w := do(s, "GET", "/api/events?"+f.query, nil)
				decode(t, w, &got)
				want := 0
				for _, r := range all.Events {
					if f.ok(r) {
						want++
					}
				}
				if w.Code != 200 || len(got.Events) != want || want == 0 {
					t.Fatalf("GET /api/events?%s = %d, %d records; want 200, %d (>0)", f.query, w.Code, len(got.Events), want)
				}
				for _, r := range got.Events {
					if !f.ok(r) {
						t.Errorf("GET /api/events?%s gave %+v", f.query, r)
					}
				}
			})
		}

		t.Run("events paged", func(t *testing.T) {
			var p1, p2 struct {
				Events []store.Record `json:"events"`
				More   bool           `json:"more"`
				Offset int            `json:"offset"`
			}
			decode(t, do(s, "GET", "/api/events?limit=2", nil), &p1)
			decode(t, do(s, "GET", "/api/events?limit=2&offset=2", nil), &p2)
			if len(p1.Events) != 2 || !p1.More || p2.Offset != 2 || len(p2.Events) == 0 || p1.Events[0].ID == p2.Events[0].ID {
				t.Errorf("pages: %+v then %+v", p1, p2)
			}
		})

		t.Run("event", func(t *testing.T) {
			var ev struct {
				Record   store.Record `json:"record"`
				Evidence []evidenceJS `json:"evidence"`
			}
			// Record ids are hashes of content: take one the list gives.
			var list struct {
				Events []store.Record `json:"events"`
			}
			decode(t, do(s, "GET", "/api/events?limit=1", nil), &list)
			if len(list.Events) != 1 {
				t.Fatalf("GET /api/events?limit=1 = %+v", list)
			}
			id := list.Events[0].ID
			w := do(s, "GET", fmt.Sprintf("/api/events/%d", id), nil)
			decode(t, w, &ev)
			if w.Code != 200 || ev.Record.ID != id || len(ev.Evidence) == 0 {
				t.Fatalf("GET /api/events/%d = %d %+v", id, w.Code, ev)
			}
			for _, e := range ev.Evidence {
				if e.Sentence == nil || e.Sentence.Text != e.Event.Text {
					t.Errorf("evidence sentence = %+v; want the event's text %q", e.Sentence, e.Event.Text)
					continue
				}
				v := e.Event.Verb
				rel := v.Span[0] - e.Sentence.Span[0]
				if got := e.Sentence.Text[rel : rel+v.Span[1]-v.Span[0]]; got != v.Text {
					t.Errorf("verb at %v in the sentence = %q; want %q", v.Span, got, v.Text)
				}
			}
		})

		t.Run("document", func(t *testing.T) {
			var d documentJS
			w := do(s, "GET", "/api/documents/"+zurich, nil)
			decode(t, w, &d)
			if w.Code != 200 || d.Key != zurich || d.Document.Text != fixtureDocs[0].Text || d.Document.Source != "Zürcher Bote" {
				t.Fatalf("GET /api/documents/%s = %d key %q source %q", zurich, w.Code, d.Key, d.Document.Source)
			}
			if len(d.Sentences) == 0 || len(d.Mentions) == 0 || len(d.Events) == 0 || len(d.Quotes) == 0 {
				t.Fatalf("document has %d sentences, %d mentions, %d events, %d quotes; want some of each",
					len(d.Sentences), len(d.Mentions), len(d.Events), len(d.Quotes))
			}
			text := d.Document.Text
			in := func(sp span) bool { return 0 <= sp[0] && sp[0] <= sp[1] && sp[1] <= len(text) }
			for _, m := range d.Mentions {
				if !in(m.Span) {
					t.Errorf("mention span %v outside the text", m.Span)
				}
			}
			for _, e := range d.Events {
				if !in(e.Event.Verb.Span) || text[e.Event.Verb.Span[0]:e.Event.Verb.Span[1]] != e.Event.Verb.Text {
					t.Errorf("verb span %v does not give %q", e.Event.Verb.Span, e.Event.Verb.Text)
				}
			}
			for _, q := range d.Quotes {
				if !in(q.Content.Span) || text[q.Content.Span[0]:q.Content.Span[1]] != q.Content.Text {
					t.Errorf("quote span %v does not give %q", q.Content.Span, q.Content.Text)
				}
			}
		})

		t.Run("quotes", func(t *testing.T) {
			var q struct {
				Quotes []struct {
					DocKey string  `json:"doc_key"`
					Quote  quoteJS `json:"quote"`
				} `json:"quotes"`
			}
			w := do(s, "GET", "/api/quotes?doc="+zurich+"&from=2026-03-01&to=2026-03-31&limit=10", nil)
			decode(t, w, &q)
			if w.Code != 200 || len(q.Quotes) == 0 || q.Quotes[0].DocKey != zurich || !strings.Contains(q.Quotes[0].Quote.Content.Text, "never join") {
				t.Errorf("GET /api/quotes?doc=%s = %d %+v", zurich, w.Code, q)
			}
		})

		t.Run("series", func(t *testing.T) {
			var sr struct {
				Source, Target string
				Days           []store.Day `json:"days"`
			}
			w := do(s, "GET", "/api/series?source=IRN&target=USA", nil)
			decode(t, w, &sr)
			if w.Code != 200 || sr.Source != "IRN" || sr.Target != "USA" || len(sr.Days) != 2 || sr.Days[0].Date != "2026-03-02" || sr.Days[1].Conflict != 2 {
				t.Errorf("GET /api/series?source=IRN&target=USA = %d %+v; want 2 days, 2 conflict reports on the second", w.Code, sr)
			}
		})

		t.Run("network", func(t *testing.T) {
			var n struct {
				Edges []store.Edge `json:"edges"`
			}
			w := do(s, "GET", "/api/network?limit=3", nil)
			decode(t, w, &n)
			if w.Code != 200 || len(n.Edges) != 3 || n.Edges[0].Source != "IRN" || n.Edges[0].Target != "USA" {
				t.Errorf("GET /api/network?limit=3 = %d %+v; want 3 edges, IRN→USA first", w.Code, n)
			}
		})

		t.Run("actors", func(t *testing.T) {
			var a actorList
			w := do(s, "GET", "/api/actors?prefix=IRN&limit=2", nil)
			decode(t, w, &a)
			if w.Code != 200 || len(a.Actors) == 0 || a.Actors[0].Code[:3] != "IRN" || a.Actors[0].Reports < 1 {
				t.Errorf("GET /api/actors?prefix=IRN = %d %+v; want IRN actors, most reported first", w.Code, a)
			}
			for i := 1; i < len(a.Actors); i++ {
				if a.Actors[i].Reports > a.Actors[i-1].Reports {
					t.Errorf("actors not most reported first: %+v", a.Actors)
				}
			}
		})

		t.Run("not found", func(t *testing.T) {
			for _, c := range []struct{ path, msg string }{
				{"/api/events/999", "event record 999: not found"},
				{"/api/documents/" + strings.Repeat("0", 32), "document " + strings.Repeat("0", 32) + ": not found"},
				{"/api/nope", "no endpoint GET /api/nope"},
			} {
				w := do(s, "GET", c.path, nil)
				var e errorBody
				decode(t, w, &e)
				if w.Code != 404 || !strings.HasPrefix(e.Error, c.msg) {
					t.Errorf("GET %s = %d %q; want 404 %q", c.path, w.Code, e.Error, c.msg)
				}
			}
		})

		t.Run("page", func(t *testing.T) {
			for _, c := range []struct{ path, ctype, has string }{
				{"/", "text/html", `src="/static/app.js"`},
				{"/static/app.js", "text/javascript", "hashchange"},
				{"/static/style.css", "text/css", ".hl-verb"},
			} {
				w := do(s, "GET", c.path, nil)
				if w.Code != 200 || !strings.HasPrefix(w.Header().Get("Content-Type"), c.ctype) || !strings.Contains(w.Body.String(), c.has) {
					t.Errorf("GET %s = %d %q; want 200 %s with %q", c.path, w.Code, w.Header().Get("Content-Type"), c.ctype, c.has)
				}
			}
			for _, p := range []string{"/static/", "/static/nope.js", "/nope", "/api/nope", "/api/events/1/more"} {
				if w := do(s, "GET", p, nil); w.Code != 404 {
					t.Errorf("GET %s = %d; want 404", p, w.Code)
				}
			}
		})
	})
}

// TestSecurityHeaders checks the headers on pages, API answers and errors.
func TestSecurityHeaders(t *testing.T) {
	s, _ := newTest(t, newMemStore(), "")
	for _, p := range []string{"/", "/static/app.js", "/api/events", "/api/events?actor=x", "/api/nope", "/healthz"} {
		w := do(s, "GET", p, nil)
		csp := w.Header().Get("Content-Security-Policy")
		if !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") || !strings.Contains(csp, "default-src 'none'") {
			t.Errorf("GET %s: Content-Security-Policy = %q", p, csp)
		}
		if got := w.Header().Get("X-Content-Type-Options"); got != "nosniff" {
			t.Errorf("GET %s: X-Content-Type-Options = %q; want nosniff", p, got)
		}
	}
}

// TestBadQueries checks that every bad parameter gets 400 with a message
// naming it, reaches no store method, and changes nothing.
func TestBadQueries(t *testing.T) {
	engines(t, func(t *testing.T, st store.Store) {
		fill(t, st, fixtureDocs...)
		s, _ := newTest(t, st, testToken)
		before := counts(t, st)
		tests := []struct{ target, param string }{
			{"/api/events?actor=iran", "actor"},
			{"/api/events?actor=" + esc("IRN' OR '1'='1"), "actor"},
			{"/api/events?actor=" + esc("IRN'; DROP TABLE events; --"), "actor"},
			{"/api/events?source=" + esc("\" OR 1=1 --"), "source"},
			{"/api/events?target=" + esc("USA) UNION SELECT * FROM documents --"), "target"},
			{"/api/events?target=ABCDEFGHIJKLMNOP", "target"},
			{"/api/events?claimant=" + esc("%"), "claimant"},
			{"/api/events?claimant=" + esc("IRN_"), "claimant"},
			{"/api/events?plover=FIGHT", "plover"},
			{"/api/events?plover=reject", "plover"},
			{"/api/events?plover=" + esc("REJECT' --"), "plover"},
			{"/api/events?cameo=12a", "cameo"},
			{"/api/events?cameo=12345", "cameo"},
			{"/api/events?cameo=" + esc("1 OR 1=1"), "cameo"},
			{"/api/events?from=2026-13-01", "from"},
			{"/api/events?from=2026-02-30", "from"},
			{"/api/events?to=yesterday", "to"},
			{"/api/events?to=" + esc("2026-01-01' OR 'a'='a"), "to"},
			{"/api/events?from=2026-03-05&to=2026-03-01", "from"},
			{"/api/events?limit=0", "limit"},
			{"/api/events?limit=1001", "limit"},
			{"/api/events?limit=-1", "limit"},
			{"/api/events?limit=abc", "limit"},
			{"/api/events?limit=" + esc("10; DELETE FROM events"), "limit"},
			{"/api/events?offset=-1", "offset"},
			{"/api/events?offset=1e3", "offset"},
			{"/api/events?offset=+5", "offset"},
			{"/api/events?sort=" + esc("id; DROP TABLE events"), "sort"},
			{"/api/events?actor=IRN&actor=USA", "actor"},
			{"/api/events?%zz", "query"},
			{"/api/events/abc", "id"},
			{"/api/events/0", "id"},
			{"/api/events/-1", "id"},
			{"/api/events/" + esc("1 OR 1=1"), "id"},
			{"/api/events/99999999999999999999", "id"},
			{"/api/events/1?x=1", "x"},
			{"/api/documents/xyz", "key"},
			{"/api/documents/" + strings.Repeat("A", 32), "key"},
			{"/api/documents/" + esc("' OR ''='"), "key"},
			{"/api/quotes?doc=" + esc("x' OR 1=1 --"), "doc"},
			{"/api/quotes?speaker=" + esc("IRN%"), "speaker"},
			{"/api/quotes?actor=IRN", "actor"},
			{"/api/quotes?limit=5000", "limit"},
			{"/api/series", "source"},
			{"/api/series?source=IRN", "target"},
			{"/api/series?source=IRN&target=" + esc("USA' --"), "target"},
			{"/api/series?source=IRN&target=USA&from=03/02/2026", "from"},
			{"/api/series?source=IRN&target=USA&limit=5", "limit"},
			{"/api/network?offset=1", "offset"},
			{"/api/network?limit=100000", "limit"},
			{"/api/network?plover=" + esc("1;SELECT"), "plover"},
			{"/healthz?verbose=1", "verbose"},
			{"/api/actors?prefix=" + esc("IRN'; DROP TABLE actors; --"), "prefix"},
			{"/api/actors?prefix=" + esc("%"), "prefix"},
			{"/api/actors?code=IRN", "code"},
			{"/api/actors?limit=0", "limit"},
		}
		for _, tc := range tests {
			t.Run(tc.target, func(t *testing.T) {
				mem, _ := st.(*memStore)
				n := 0
				if mem != nil {
					n = len(mem.filters)
				}
				w := do(s, "GET", tc.target, nil)
				var e errorBody
				decode(t, w, &e)
				if w.Code != 400 || !strings.HasPrefix(e.Error, tc.param) && !strings.HasPrefix(e.Error, fmt.Sprintf("%q", tc.param)) {
					t.Errorf("GET %s = %d %q; want 400 naming %q", tc.target, w.Code, e.Error, tc.param)
				}
				if mem != nil && len(mem.filters) != n {
					t.Errorf("GET %s reached the store with %+v", tc.target, mem.filters[n:])
				}
			})
		}
		if after := counts(t, st); after != before {
			t.Errorf("counts changed: %+v, then %+v", before, after)
		}
	})
}

// esc escapes a query value.
func esc(s string) string {
	return strings.NewReplacer("%", "%25", " ", "%20", "'", "%27", "\"", "%22", ";", "%3B", "=", "%3D", "&", "%26", "#", "%23", "+", "%2B", "/", "%2F").Replace(s)
}

// TestStoreErrors checks that a failing store gives 500 with a generic
// message, and that the cause is logged, not sent.
func TestStoreErrors(t *testing.T) {
	st := newMemStore()
	fill(t, st, fixtureDocs[:1]...)
	s, logBuf := newTest(t, st, testToken)
	st.fail = errBoom
	for _, p := range []string{"/api/events", "/api/events/1", "/api/documents/" + store.DocKey(fixtureDocs[0].Text),
		"/api/quotes", "/api/series?source=IRN&target=USA", "/api/network", "/api/actors", "/healthz"} {
		w := do(s, "GET", p, nil)
		var e errorBody
		decode(t, w, &e)
		if w.Code != 500 || e.Error != "internal error" {
			t.Errorf("GET %s with a failing store = %d %q; want 500 \"internal error\"", p, w.Code, e.Error)
		}
	}
	w := do(s, "POST", "/api/documents", strings.NewReader(`{"text":"Iran rejected the offer."}`), "Authorization", "Bearer "+testToken)
	if w.Code != 500 || strings.Contains(w.Body.String(), "secret") {
		t.Errorf("POST with a failing store = %d %s; want 500 without the cause", w.Code, w.Body)
	}
	if !strings.Contains(logBuf.String(), "disk on fire") {
		t.Errorf("log does not name the cause:\n%s", logBuf)
	}
}

func TestErrorStatus(t *testing.T) {
	tests := []struct {
		err  error
		want int
	}{
		{badParam("actor", "bad"), 400},
		{fmt.Errorf("wrapped: %w", badParam("x", "bad")), 400},
		{errNoToken, 401},
		{errBadToken, 401},
		{errPostingOff, 403},
		{store.ErrNotFound, 404},
		{fmt.Errorf("event 7: %w", store.ErrNotFound), 404},
		{&http.MaxBytesError{Limit: 10}, 413},
		{&notFound{"event record 7"}, 404},
		{&mediaTypeError{"text/plain"}, 415},
		{errBoom, 500},
	}
	for _, tc := range tests {
		if got, msg := errorStatus(tc.err); got != tc.want || msg == "" || got == 500 && strings.Contains(msg, "secret") {
			t.Errorf("errorStatus(%v) = %d, %q; want %d", tc.err, got, msg, tc.want)
		}
	}
}
