package ingest

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// bigFeed serves a feed of n items, each linking an article that takes
// delay to answer; it records the most requests it served at once.
type bigFeed struct {
	*httptest.Server
	n              int
	delay          time.Duration
	now, most, all atomic.Int32
}

func newBigFeed(t testing.TB, n int, delay time.Duration) *bigFeed {
	b := &bigFeed{n: n, delay: delay}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /rss.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<rss version="2.0"><channel><title>Wire</title>`)
		for i := range b.n {
			fmt.Fprintf(w, "<item><title>Story %d</title><link>/a/%d</link></item>\n", i, i)
		}
		fmt.Fprint(w, `</channel></rss>`)
	})
	mux.HandleFunc("GET /a/{n}", func(w http.ResponseWriter, r *http.Request) {
		b.all.Add(1)
		now := b.now.Add(1)
		defer b.now.Add(-1)
		for {
			m := b.most.Load()
			if now <= m || b.most.CompareAndSwap(m, now) {
				break
			}
		}
		select {
		case <-time.After(b.delay):
		case <-r.Context().Done():
			return
		}
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprintf(w, "<html><body><article><p>Story %s: police arrested two protesters in Oslo after the talks.</p></article></body></html>", r.PathValue("n"))
	})
	b.Server = httptest.NewServer(mux)
	t.Cleanup(b.Close)
	return b
}

// A 10,000-item feed: one call fetches at most MaxItems new articles, a few
// at a time to the host, and names the rest in one line; the next call
// fetches the next ones.
func TestFeedCap(t *testing.T) {
	b := newBigFeed(t, 10_000, 20*time.Millisecond)
	f := NewFetcher(FetchOptions{AllowPrivate: true})
	for round, want := range []string{"9900", "9800"} {
		start := time.Now()
		docs, first := 0, ""
		var warns []string
		for d, err := range f.Feed(context.Background(), b.URL+"/rss.xml") {
			switch {
			case err != nil:
				warns = append(warns, strings.ReplaceAll(err.Error(), b.URL, "SITE"))
			default:
				if docs == 0 {
					first = strings.TrimPrefix(d.ID, b.URL)
				}
				docs++
			}
		}
		el := time.Since(start)
		wantWarn := "skipped: SITE/rss.xml: " + want + " more new items over the cap of 100 a feed a round (-max-items): the next round (or run) fetches them"
		if docs != DefaultMaxItems || len(warns) != 1 || warns[0] != wantWarn {
			t.Errorf("round %d: %d documents, %q; want %d and %q", round+1, docs, warns, DefaultMaxItems, wantWarn)
		}
		if wantFirst := fmt.Sprintf("/a/%d", round*DefaultMaxItems); first != wantFirst {
			t.Errorf("round %d: first document %s; want %s (in feed order)", round+1, first, wantFirst)
		}
		// One at a time, 100 articles take 2 s at least; four at a time,
		// 0.5 s. The time is logged, not checked (the machine is shared):
		// the requests at once, below, are what tells the two apart.
		t.Logf("round %d: %d documents in %v", round+1, docs, el)
	}
	if m := b.most.Load(); m > DefaultPerHost || m < 2 {
		t.Errorf("at most %d requests at once to the host; want 2 to %d", m, DefaultPerHost)
	}
	if n := b.all.Load(); n != 2*DefaultMaxItems {
		t.Errorf("%d articles fetched; want %d", n, 2*DefaultMaxItems)
	}
}

// Cancelling a feed part way stops the fetches in flight and forgets their
// links: a later call fetches them.
func TestFeedCancelInFlight(t *testing.T) {
	b := newBigFeed(t, 50, 50*time.Millisecond)
	f := NewFetcher(FetchOptions{AllowPrivate: true})
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	docs := 0
	var last error
	for _, err := range f.Feed(ctx, b.URL+"/rss.xml") {
		if err == nil {
			docs++
		}
		last = err
	}
	if docs == 0 || docs >= 50 || last == nil || !strings.Contains(last.Error(), "deadline exceeded") {
		t.Fatalf("Feed cut at 200ms: %d documents, last %v; want some, then the deadline", docs, last)
	}
	more := 0
	for _, err := range f.Feed(context.Background(), b.URL+"/rss.xml") {
		if err != nil {
			t.Errorf("Feed again: %v", err)
		}
		more++
	}
	if docs+more != 50 {
		t.Errorf("%d documents, then %d; want 50 in all (none lost, none twice)", docs, more)
	}
}
