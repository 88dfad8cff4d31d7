package server

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"dyad/internal/code"
	"dyad/internal/doc"
	"dyad/internal/store"
)

// synthetic returns n coded documents of ten events each between twenty
// countries over two years: a store of a few thousand event records
// without the cost of coding text. The seed fixes them.
func synthetic(n int) []doc.Result {
	countries := []string{"IRN", "USA", "SAU", "ARE", "GBR", "FRA", "DEU", "RUS", "UKR", "ISR",
		"EGY", "TUR", "CHN", "IND", "PAK", "SYR", "IRQ", "JOR", "QAT", "LBN"}
	cameos := []string{"010", "036", "040", "042", "043", "051", "057", "061", "070", "080", "111", "112",
		"120", "130", "138", "141", "163", "172", "173", "180", "190", "193"}
	outlets := []string{"Wire A", "Wire B", "Daily C", "Weekly D", "Radio E"}
	rng := rand.New(rand.NewPCG(1, 2))
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	out := make([]doc.Result, n)
	for d := range out {
		date := start.AddDate(0, 0, rng.IntN(730)).Format(time.DateOnly)
		var text strings.Builder
		res := doc.Result{Document: doc.Document{ID: fmt.Sprint("synthetic-", d), Date: date,
			Source: outlets[rng.IntN(len(outlets))], Title: fmt.Sprint("Synthetic report ", d)}}
		for i := range 10 {
			src := countries[rng.IntN(len(countries))]
			tgt := countries[rng.IntN(len(countries))]
			for tgt == src {
				tgt = countries[rng.IntN(len(countries))]
			}
			info, _ := code.Lookup(cameos[rng.IntN(len(cameos))])
			at := text.Len()
			sentence := fmt.Sprintf("%s acted on %s in report %d.%d.", src, tgt, d, i)
			text.WriteString(sentence + " ")
			s := doc.Span{Start: at, End: at + len(sentence)}
			srcSpan := doc.Span{Start: at, End: at + 3}
			verb := doc.Span{Start: at + 4, End: at + 9}
			tgtSpan := doc.Span{Start: at + 13, End: at + 16}
			res.Sentences = append(res.Sentences, doc.Sentence{Span: s})
			res.Mentions = append(res.Mentions, []doc.Mention{
				{Span: srcSpan, Kind: doc.CountryName, Code: src, Country: src},
				{Span: tgtSpan, Kind: doc.CountryName, Code: tgt, Country: tgt},
			})
			res.Events = append(res.Events, doc.Event{
				DocID: res.Document.ID, Sentence: i, Date: date,
				Source: doc.Actor{Code: src, Country: src, Text: src, Span: srcSpan},
				Target: &doc.Actor{Code: tgt, Country: tgt, Text: tgt, Span: tgtSpan},
				CAMEO:  info.Code, PLOVER: info.Plover, Mode: info.Mode, Goldstein: info.Goldstein, QuadClass: int(info.Quad),
				Verb: doc.Phrase{Text: "acted", Span: verb}, Modality: "asserted", Status: "asserted", Text: sentence,
			})
		}
		res.Document.Text = text.String()
		out[d] = res
	}
	return out
}

// TestLoad runs 50 clients against GET /api/events on loopback for 10
// seconds (DYAD_TEST_LOAD_SECONDS changes it) over a SQLite store of a
// few thousand event records, and logs requests per second and the 99th
// percentile latency. Any error fails it.
func TestLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("load test skipped in -short mode")
	}
	if raceEnabled {
		t.Skip("load test skipped under the race detector: its figures would measure the instrumentation (TestPostConcurrent and the handler tests cover the races)")
	}
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "load.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	t0 := time.Now()
	for _, res := range synthetic(400) {
		if _, err := st.Put(ctx, &res); err != nil {
			t.Fatal(err)
		}
	}
	c := counts(t, st)
	t.Logf("store: %d documents, %d reports, %d event records, filled in %v", c.Documents, c.Events, c.Records, time.Since(t0).Round(time.Millisecond))
	if c.Records < 2000 {
		t.Fatalf("only %d records; the load test wants a few thousand", c.Records)
	}

	s, _ := newTest(t, st, "")
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	tr := &http.Transport{MaxIdleConnsPerHost: 64}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: 10 * time.Second}

	// A mix of the queries the page makes: pages of the table, filters.
	queries := []string{
		"/api/events", "/api/events?limit=50", "/api/events?limit=50&offset=500",
		"/api/events?actor=IRN", "/api/events?source=USA&target=IRN", "/api/events?plover=ASSAULT",
		"/api/events?cameo=1&from=2024-06-01&to=2024-12-31", "/api/events?actor=RUS&limit=20",
	}
	dur := 10 * time.Second
	if v := os.Getenv("DYAD_TEST_LOAD_SECONDS"); v != "" {
		if d, err := time.ParseDuration(v + "s"); err == nil {
			dur = d
		}
	}
	const clients = 50
	deadline := time.Now().Add(dur)
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		lat      []time.Duration
		perQuery = make([][]time.Duration, len(queries))
		failures atomic.Int64
		firstErr atomic.Value
	)
	for i := range clients {
		wg.Go(func() {
			var mine []time.Duration
			byQuery := make([][]time.Duration, len(queries))
			for n := i; time.Now().Before(deadline); n++ {
				qi := n % len(queries)
				q := queries[qi]
				t0 := time.Now()
				resp, err := client.Get(ts.URL + q)
				if err == nil {
					_, err = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if err == nil && resp.StatusCode != 200 {
						err = fmt.Errorf("GET %s: %s", q, resp.Status)
					}
				}
				if err != nil {
					failures.Add(1)
					firstErr.CompareAndSwap(nil, err)
					continue
				}
				mine = append(mine, time.Since(t0))
				byQuery[qi] = append(byQuery[qi], time.Since(t0))
			}
			mu.Lock()
			lat = append(lat, mine...)
			for qi := range byQuery {
				perQuery[qi] = append(perQuery[qi], byQuery[qi]...)
			}
			mu.Unlock()
		})
	}
	wg.Wait()
	if n := failures.Load(); n > 0 {
		t.Errorf("%d requests failed; the first: %v", n, firstErr.Load())
	}
	if len(lat) == 0 {
		t.Fatal("no request succeeded")
	}
	pct := func(lat []time.Duration, p float64) time.Duration {
		return lat[min(len(lat)-1, int(float64(len(lat))*p))].Round(time.Microsecond)
	}
	for qi, l := range perQuery {
		if len(l) > 0 {
			slices.Sort(l)
			t.Logf("  %-50s %5d requests, p50 %v, p99 %v", queries[qi], len(l), pct(l, 0.5), pct(l, 0.99))
		}
	}
	slices.Sort(lat)
	t.Logf("%d clients, %v: %d requests, %.0f requests/s, p50 %v, p99 %v, max %v, %d errors",
		clients, dur, len(lat), float64(len(lat))/dur.Seconds(), pct(lat, 0.50),
		pct(lat, 0.99), lat[len(lat)-1].Round(time.Microsecond), failures.Load())
}
