package server

import (
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzEventsQuery sends any query string to GET /api/events: the answer
// is 200 or 400 with a JSON body, never 500, and a filter that reaches the
// store holds only valid values.
func FuzzEventsQuery(f *testing.F) {
	for _, q := range []string{"", "actor=IRN", "actor=IRN'%20OR%201=1", "limit=0", "cameo=12&from=2026-01-01&to=2025-01-01",
		"plover=REJECT&offset=5", "%zz", "actor=IRN&actor=USA", "x=1", "claimant=%00", "from=2026-02-29"} {
		f.Add(q)
	}
	st := newMemStore()
	s, err := New(Config{Store: st})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q string) {
		n := len(st.filters)
		r := httptest.NewRequest("GET", "/api/events", nil)
		r.URL.RawQuery = q
		w := httptest.NewRecorder()
		s.Handler().ServeHTTP(w, r)
		if w.Code != 200 && w.Code != 400 {
			t.Fatalf("GET /api/events?%s = %d %s", q, w.Code, w.Body)
		}
		if !json.Valid(w.Body.Bytes()) {
			t.Fatalf("GET /api/events?%s: body is not JSON: %q", q, w.Body)
		}
		for _, f := range st.filters[n:] {
			for _, code := range []string{f.Actor, f.Source, f.Target, f.Claimant} {
				if code != "" && !validActor(code) {
					t.Fatalf("GET /api/events?%s: the store got actor code %q", q, code)
				}
			}
			if f.From != "" && !validDate(f.From) || f.To != "" && !validDate(f.To) || f.Limit < 1 || f.Limit > maxLimit+1 || f.Offset < 0 {
				t.Fatalf("GET /api/events?%s: the store got %+v", q, f)
			}
		}
	})
}

// FuzzPostDocument posts any body: the answer is 201, 200 or a 4xx with
// a JSON message, never 500, and a 4xx stores nothing.
func FuzzPostDocument(f *testing.F) {
	for _, b := range []string{`{"text":"Iran rejected the offer."}`, `{"text":""}`, `{"text":"a","date":"2026-13-01"}`,
		`{"text":"x","y":1}`, `[]`, `{"text":"a"}{}`, "{\"text\":\"\xff\"}", `{"text":"Iran\u0000"}`, `null`, `{"url":"javascript:x","text":"a"}`} {
		f.Add(b)
	}
	st := newMemStore()
	s, err := New(Config{Store: st, Pipeline: testPipeline(f), Token: testToken, MaxBodyBytes: 4 << 10, Coders: 1})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, body string) {
		before := len(st.docs)
		r := httptest.NewRequest("POST", "/api/documents", strings.NewReader(body))
		r.Header.Set("Authorization", "Bearer "+testToken)
		w := httptest.NewRecorder()
		s.Handler().ServeHTTP(w, r)
		switch {
		case w.Code == 201 || w.Code == 200:
			var p posted
			if err := json.Unmarshal(w.Body.Bytes(), &p); err != nil || !validKey(p.Key) {
				t.Fatalf("POST %q = %d %s", body, w.Code, w.Body)
			}
		case w.Code >= 400 && w.Code < 500:
			var e errorBody
			if err := json.Unmarshal(w.Body.Bytes(), &e); err != nil || e.Error == "" || !utf8.ValidString(e.Error) {
				t.Fatalf("POST %q = %d %s", body, w.Code, w.Body)
			}
			if len(st.docs) != before {
				t.Fatalf("POST %q = %d but stored a document", body, w.Code)
			}
		default:
			t.Fatalf("POST %q = %d %s", body, w.Code, w.Body)
		}
	})
}
