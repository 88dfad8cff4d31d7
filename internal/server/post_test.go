package server

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"

	"dyad/internal/store"
)

// TestPostRepairsUTF8: invalid UTF-8 in a posted document is repaired
// (U+FFFD), stored and said in the answer, as every reader does; it was
// refused before (issue 16, finding 8).
func TestPostRepairsUTF8(t *testing.T) {
	engines(t, func(t *testing.T, st store.Store) {
		s, _ := newTest(t, st, testToken)
		w := do(s, "POST", "/api/documents", strings.NewReader("{\"date\":\"2026-03-05\",\"text\":\"Iran \xff\xfe rejected the offer.\"}"), "Authorization", "Bearer "+testToken)
		var p posted
		decode(t, w, &p)
		if w.Code != 201 || len(p.Warnings) != 1 || !strings.Contains(p.Warnings[0], "2 bytes replaced with U+FFFD") {
			t.Fatalf("POST invalid UTF-8 = %d %+v; want 201 and a warning of 2 bytes", w.Code, p)
		}
		w = do(s, "GET", "/api/documents/"+p.Key, nil)
		var d struct{ Document documentFields }
		decode(t, w, &d)
		if want := "Iran \uFFFD\uFFFD rejected the offer."; d.Document.Text != want {
			t.Errorf("stored text %q; want %q", d.Document.Text, want)
		}
	})
}

// TestPostRefused checks every bad POST /api/documents: a 4xx with a
// message that says what is wrong, and nothing stored.
func TestPostRefused(t *testing.T) {
	engines(t, func(t *testing.T, st store.Store) {
		fill(t, st, fixtureDocs...)
		s, _ := newTest(t, st, testToken)
		off, _ := newTest(t, st, "")
		auth := []string{"Authorization", "Bearer " + testToken}
		good := `{"id":"a","date":"2026-03-05","text":"Iran rejected the offer."}`
		tests := []struct {
			name   string
			srv    *Server
			body   string
			header []string
			status int
			msg    string
		}{
			{"posting disabled", off, good, auth, 403, "--token-file"},
			{"no token", s, good, nil, 401, "missing bearer token"},
			{"empty token", s, good, []string{"Authorization", "Bearer "}, 401, "missing bearer token"},
			{"basic auth", s, good, []string{"Authorization", "Basic " + testToken}, 401, "missing bearer token"},
			{"wrong token", s, good, []string{"Authorization", "Bearer " + testToken + "x"}, 401, "wrong bearer token"},
			{"token prefix", s, good, []string{"Authorization", "Bearer " + testToken[:5]}, 401, "wrong bearer token"},
			{"oversized", s, `{"text":"` + strings.Repeat("Iran rejected the offer. ", 4000) + `"}`, auth, 413, "larger than 65536 bytes"},
			{"malformed", s, `{"text": "Iran rejected`, auth, 400, "body: malformed JSON"},
			{"not JSON", s, `text=Iran+rejected`, auth, 400, "body: malformed JSON"},
			{"empty body", s, ``, auth, 400, "body: empty"},
			{"array", s, `[` + good + `]`, auth, 400, "body: a JSON object expected"},
			{"two objects", s, good + good, auth, 400, "more follows"},
			{"unknown field", s, `{"text":"Iran rejected the offer.","events":[]}`, auth, 400, `unknown field "events"`},
			{"field case", s, `{"Text":"Iran rejected the offer.","Body":"x"}`, auth, 400, `unknown field "Body"`},
			{"number text", s, `{"text":42}`, auth, 400, `field "text" must be a string`},
			{"no text", s, `{"id":"a","date":"2026-03-05"}`, auth, 400, "text: required"},
			{"blank text", s, `{"text":" \n\t "}`, auth, 400, "text: required"},
			{"NUL", s, `{"text":"Iran\u0000rejected"}`, auth, 400, "text: binary content"},
			{"bad date", s, `{"text":"Iran rejected the offer.","date":"05/03/2026"}`, auth, 400, "date:"},
			{"impossible date", s, `{"text":"Iran rejected the offer.","date":"2026-02-30"}`, auth, 400, "date:"},
			{"SQL date", s, `{"text":"Iran rejected the offer.","date":"2026-01-01'); DROP TABLE documents; --"}`, auth, 400, "date:"},
			{"javascript URL", s, `{"text":"Iran rejected the offer.","url":"javascript:alert(1)"}`, auth, 400, "url:"},
			{"control in title", s, `{"text":"Iran rejected the offer.","title":"a\u0007b"}`, auth, 400, "title: control"},
			{"long id", s, `{"text":"Iran rejected the offer.","id":"` + strings.Repeat("x", 201) + `"}`, auth, 400, "id: longer"},
			{"content type", s, good, append([]string{"Content-Type", "application/x-www-form-urlencoded"}, auth...), 415, "send Content-Type: application/json"},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				before := counts(t, st)
				w := do(tc.srv, "POST", "/api/documents", strings.NewReader(tc.body), tc.header...)
				var e errorBody
				decode(t, w, &e)
				if w.Code != tc.status || !strings.Contains(e.Error, tc.msg) {
					t.Errorf("POST %s = %d %q; want %d with %q", tc.name, w.Code, e.Error, tc.status, tc.msg)
				}
				if w.Code == 401 && w.Header().Get("WWW-Authenticate") == "" {
					t.Error("401 without WWW-Authenticate")
				}
				if after := counts(t, st); after != before {
					t.Errorf("POST %s changed the counts: %+v, then %+v", tc.name, before, after)
				}
			})
		}
		// A method the endpoint does not take.
		if w := do(s, "PUT", "/api/documents", strings.NewReader(good), auth...); w.Code != 405 || w.Header().Get("Allow") != "POST" {
			t.Errorf("PUT /api/documents = %d, Allow %q; want 405, POST", w.Code, w.Header().Get("Allow"))
		}
		if w := do(s, "DELETE", "/api/events/1", nil); w.Code != 405 || w.Header().Get("Allow") != "GET" {
			t.Errorf("DELETE /api/events/1 = %d, Allow %q; want 405, GET", w.Code, w.Header().Get("Allow"))
		}
	})
}

// TestPostStores posts a document, reads it back, and posts it again.
func TestPostStores(t *testing.T) {
	engines(t, func(t *testing.T, st store.Store) {
		s, _ := newTest(t, st, testToken)
		text := "Kraków — Iran rejected the United States' offer on Monday. Saudi Arabia praised Egypt."
		body := fmt.Sprintf(`{"id":"krakow-1","date":"2026-03-06","title":"Offer","url":"https://example.org/k","source":"Gazeta","text":%q}`, text)
		auth := []string{"Authorization", "Bearer " + testToken, "Content-Type", "application/json; charset=utf-8"}

		w := do(s, "POST", "/api/documents", strings.NewReader(body), auth...)
		var p posted
		decode(t, w, &p)
		if w.Code != http.StatusCreated || !p.New || p.Key != store.DocKey(text) || p.Events < 2 || p.Records < 2 {
			t.Fatalf("POST = %d %+v; want 201, new, key %s, 2 events", w.Code, p, store.DocKey(text))
		}
		if loc := w.Header().Get("Location"); loc != "/api/documents/"+p.Key {
			t.Errorf("Location = %q", loc)
		}
		var d documentJS
		decode(t, do(s, "GET", "/api/documents/"+p.Key, nil), &d)
		if d.Document.ID != "krakow-1" || d.Document.Date != "2026-03-06" || d.Document.Source != "Gazeta" || len(d.Events) != p.Events {
			t.Errorf("stored document = %+v", d.Document)
		}

		before := counts(t, st)
		w = do(s, "POST", "/api/documents", strings.NewReader(body), auth...)
		var again posted
		decode(t, w, &again)
		if w.Code != http.StatusOK || again.New || again.Key != p.Key || again.Events != 0 {
			t.Errorf("POST again = %d %+v; want 200, not new, same key", w.Code, again)
		}
		if after := counts(t, st); after != before {
			t.Errorf("posting again changed the counts: %+v, then %+v", before, after)
		}

		// No id: the key names it; no date: today.
		w = do(s, "POST", "/api/documents", strings.NewReader(`{"text":"Russia threatened Ukraine with sanctions."}`), auth...)
		decode(t, w, &p)
		decode(t, do(s, "GET", "/api/documents/"+p.Key, nil), &d)
		if w.Code != 201 || d.Document.ID != p.Key || !validDate(d.Document.Date) {
			t.Errorf("POST without id and date = %d, stored id %q date %q", w.Code, d.Document.ID, d.Document.Date)
		}
	})
}

// TestPostConcurrent posts documents at once: the coder pool must keep
// each coder to one request (run with -race).
func TestPostConcurrent(t *testing.T) {
	engines(t, func(t *testing.T, st store.Store) {
		s, _ := newTest(t, st, testToken)
		const n = 8
		var wg sync.WaitGroup
		codes := make([]int, n)
		for i := range n {
			wg.Go(func() {
				b, _ := json.Marshal(postedDocument{ID: fmt.Sprint("c", i), Date: "2026-03-07",
					Text: fmt.Sprintf("Iran rejected the offer number %d. Russia threatened Ukraine with sanctions.", i)})
				codes[i] = do(s, "POST", "/api/documents", strings.NewReader(string(b)), "Authorization", "Bearer "+testToken).Code
			})
		}
		wg.Wait()
		for i, c := range codes {
			if c != 201 {
				t.Errorf("post %d = %d; want 201", i, c)
			}
		}
		if c := counts(t, st); c.Documents != n {
			t.Errorf("%d documents stored; want %d", c.Documents, n)
		}
	})
}

// An undated posted document takes the date of its dateline, by the rule
// of every reader (ingest.SettleDate), not today's.
func TestPostDateline(t *testing.T) {
	engines(t, func(t *testing.T, st store.Store) {
		s, _ := newTest(t, st, testToken)
		w := do(s, "POST", "/api/documents", strings.NewReader(`{"text":"OSLO, March 3, 2015 (Reuters) - Norway and Chile met in Oslo."}`), "Authorization", "Bearer "+testToken)
		var p posted
		decode(t, w, &p)
		w = do(s, "GET", "/api/documents/"+p.Key, nil)
		var d struct{ Document documentFields }
		decode(t, w, &d)
		if d.Document.Date != "2015-03-03" || d.Document.DateAssumed {
			t.Errorf("posted with a dateline: date %q assumed %v; want 2015-03-03, not assumed", d.Document.Date, d.Document.DateAssumed)
		}
	})
}
