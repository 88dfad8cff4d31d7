package server

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"dyad/internal/doc"
	"dyad/internal/store"
)

// newsBody returns a POST body whose text is about n bytes of news
// sentences, each with its own numbers.
func newsBody(t testing.TB, n int) string {
	t.Helper()
	return newsBodyDated(t, n, "2026-03-05")
}

func newsBodyDated(t testing.TB, n int, date string) string {
	t.Helper()
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		fmt.Fprintf(&b, "Police in Santiago arrested %d protesters outside the U.S. embassy. "+
			"\"We will not accept threats from Iran,\" the Chilean foreign minister said on day %d. "+
			"Iran rejected the offer, according to Reuters.\n\n", i, i)
	}
	body, err := json.Marshal(postedDocument{Date: date, Text: b.String()})
	if err != nil {
		t.Fatal(err)
	}
	return string(body)
}

// TestPostCodeTimeout posts a document that codes for longer than the
// server's deadline: 503 with a message naming -code-timeout, promptly,
// nothing stored, and the one coder free for the next post. Before, a
// post held its coder for as long as the coding took (minutes for a
// large document; issue 16).
func TestPostCodeTimeout(t *testing.T) {
	engines(t, func(t *testing.T, st store.Store) {
		const limit = 100 * time.Millisecond
		s, err := New(Config{
			Store: st, Pipeline: testPipeline(t), Token: testToken,
			Logger:       slog.New(slog.NewTextHandler(io.Discard, nil)),
			MaxBodyBytes: 4 << 20, CodeTimeout: limit, Coders: 1,
		})
		if err != nil {
			t.Fatal(err)
		}
		auth := []string{"Authorization", "Bearer " + testToken}
		// The pool makes its coder on first use: a short post first.
		if w := do(s, "POST", "/api/documents", strings.NewReader(`{"date":"2026-03-05","text":"Iran praised the offer."}`), auth...); w.Code != http.StatusCreated {
			t.Fatalf("first POST = %d %s; want 201", w.Code, w.Body.String())
		}
		before := counts(t, st)
		// Reading, decoding and checking the body take time of their own:
		// the same body with a bad date is refused just before coding.
		t0 := time.Now()
		if w := do(s, "POST", "/api/documents", strings.NewReader(newsBodyDated(t, 3<<20, "bad")), auth...); w.Code != http.StatusBadRequest {
			t.Fatalf("POST with a bad date = %d; want 400", w.Code)
		}
		reading := time.Since(t0)
		t0 = time.Now()
		w := do(s, "POST", "/api/documents", strings.NewReader(newsBody(t, 3<<20)), auth...)
		took := time.Since(t0) - reading
		var e errorBody
		decode(t, w, &e)
		if w.Code != http.StatusServiceUnavailable || !strings.Contains(e.Error, "-code-timeout") {
			t.Errorf("POST of 3 MB with a %v deadline = %d %q; want 503 naming -code-timeout", limit, w.Code, e.Error)
		}
		t.Logf("POST over its deadline: %d after %v of coding and stopping (%v reading)", w.Code, took.Round(time.Millisecond), reading.Round(time.Millisecond))
		slack := time.Second
		if raceEnabled {
			slack = 3 * time.Second // the detector slows reading and coding alike, by several times
		}
		if took > limit+slack {
			t.Errorf("POST over its deadline answered %v after reading its body; want within %v of %v", took.Round(time.Millisecond), slack, limit)
		}
		if after := counts(t, st); after != before {
			t.Errorf("POST over its deadline changed the counts: %+v, then %+v", before, after)
		}
		// The coder is back in the pool: a short document codes.
		done := make(chan int, 1)
		go func() {
			done <- do(s, "POST", "/api/documents", strings.NewReader(`{"date":"2026-03-05","text":"Iran rejected the offer."}`), auth...).Code
		}()
		select {
		case code := <-done:
			if code != http.StatusCreated {
				t.Errorf("POST after the timeout = %d; want 201", code)
			}
		case <-time.After(30 * time.Second):
			t.Fatal("POST after the timeout waited 30 s for a coder: the timed-out request kept it")
		}
	})
}

// TestCodeTimeoutMatchesBody: the default deadline grows with the body
// limit, so the largest body a server accepts can be coded in time.
func TestCodeTimeoutMatchesBody(t *testing.T) {
	for _, tc := range []struct {
		body int64
		want time.Duration
	}{
		{64 << 10, 10 * time.Second},
		{DefaultMaxBodyBytes, 32 * time.Second},
		{32 << 20, 128 * time.Second},
	} {
		if got := CodeTimeoutFor(tc.body); got != tc.want {
			t.Errorf("CodeTimeoutFor(%d) = %v; want %v", tc.body, got, tc.want)
		}
	}
	s, err := New(Config{Store: newMemStore()})
	if err != nil {
		t.Fatal(err)
	}
	if s.codeTimeout != CodeTimeoutFor(DefaultMaxBodyBytes) {
		t.Errorf("default code timeout = %v; want %v", s.codeTimeout, CodeTimeoutFor(DefaultMaxBodyBytes))
	}
}

// codedOnly is a store that keeps nothing of a Put but its counts: the
// largest body's test times the coding, not the test double's storing.
type codedOnly struct {
	*memStore
	events int
}

func (c *codedOnly) Put(ctx context.Context, res *doc.Result) (store.PutResult, error) {
	c.events = len(res.Events)
	return store.PutResult{Key: store.DocKey(res.Document.Text), New: true, Events: len(res.Events)}, nil
}

// TestPostLargestBody posts a body of the largest default size to a
// server with the default deadline: it is coded within the deadline.
func TestPostLargestBody(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("codes 8 MiB (-short and -race skip it: the deadline is for a plain build)")
	}
	st := &codedOnly{memStore: newMemStore()}
	s, err := New(Config{Store: st, Pipeline: testPipeline(t), Token: testToken, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	body := newsBody(t, DefaultMaxBodyBytes*97/100) // JSON escapes take the rest
	if len(body) > DefaultMaxBodyBytes {
		t.Fatalf("body of %d bytes; want at most %d", len(body), DefaultMaxBodyBytes)
	}
	t0 := time.Now()
	w := do(s, "POST", "/api/documents", strings.NewReader(body), "Authorization", "Bearer "+testToken)
	took := time.Since(t0)
	if w.Code != http.StatusCreated || st.events == 0 {
		t.Fatalf("POST of %d bytes = %d %s, %d events; want 201 and events", len(body), w.Code, w.Body.String(), st.events)
	}
	t.Logf("POST of %d bytes: %d events in %v (deadline %v)", len(body), st.events, took.Round(time.Millisecond), s.codeTimeout)
}
