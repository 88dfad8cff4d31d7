package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dyad/internal/export"
	"dyad/internal/store"
	"dyad/internal/testenv"
)

// guardian is the news corpus beside the checkout; tests that need it skip
// when it is absent.
var guardian = filepath.Join("..", "..", "..", "shared", "corpus", "guardian-dev.jsonl")

func needGuardian(t testing.TB) {
	t.Helper()
	if _, err := os.Stat(guardian); err != nil {
		testenv.Absent(t, "skipped: %s is absent (the shared corpus beside this checkout)", guardian)
	}
}

// smallCorpus writes a few documents of every kind ingest reads, one bad.
func smallCorpus(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"news.jsonl": `{"id":"a1","date":"2024-03-05","source":"Herald","url":"https://herald.example/a1","text":"Iran rejected an offer from the United States to join the coalition. Saudi Arabia pledged airstrikes against the militants."}
{"id":"a2","date":"2024-03-06","source":"Courier","text":"Iran rejected an offer from the United States to join the coalition, officials said."}
{"id":"bad","date":"tomorrow","text":"x"}
{"id":"a3","date":"2024-03-07","source":"Herald","text":"Police arrested two protesters in Oslo. Norway accused Chile of bad faith."}
`,
		"talks.txt": "Ministers from Norway and Chile met in Oslo on Tuesday to discuss fishing rights.\n\nThe Chilean delegation rejected a proposal to share the catch.\n",
		"page.html": `<html><head><title>Talks</title><meta property="article:published_time" content="2024-03-08T10:00:00Z"></head><body><nav><a href="/">Home</a></nav><article>` +
			`<p>Russia condemned the sanctions imposed by the European Union on Monday.</p><p>China called for talks between the two sides, a spokesman said.</p></article></body></html>`,
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func counts(t testing.TB, db string) store.Counts {
	t.Helper()
	s, err := store.Open(context.Background(), db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c, err := s.Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestIngestTwice(t *testing.T) {
	dir := smallCorpus(t)
	db := filepath.Join(t.TempDir(), "dyad.db")
	code, _, errs := runDyad(t, "", "ingest", "-db", db, dir)
	if code != 1 {
		t.Errorf("ingest exit = %d; want 1 (one bad line)", code)
	}
	lines := strings.Split(strings.TrimSpace(errs), "\n")
	if len(lines) != 3 || !strings.Contains(lines[0], "news.jsonl:3") || !strings.HasPrefix(lines[1], "talks: no date given or found in the text; assumed ") ||
		!strings.Contains(lines[2], "6 documents read, 5 new, 0 already stored, 1 failed") {
		t.Errorf("ingest stderr = %q; want the bad line named, the undated talks.txt named, then the summary", errs)
	}
	first := counts(t, db)
	if first.Documents != 5 || first.Events == 0 || first.Records == 0 || first.Records > first.Events {
		t.Errorf("Counts after ingest = %+v; want 5 documents with events", first)
	}
	code, _, errs = runDyad(t, "", "ingest", "-db", db, "-workers", "1", dir)
	if code != 1 || !strings.Contains(errs, "6 documents read, 0 new, 5 already stored, 1 failed, 0 skipped; 0 events, 0 new records") {
		t.Errorf("second ingest = %d %q; want every document already stored", code, errs)
	}
	if again := counts(t, db); again != first {
		t.Errorf("Counts after a second ingest = %+v; want %+v", again, first)
	}
}

func TestIngestGuardianTwice(t *testing.T) {
	needGuardian(t)
	db := filepath.Join(t.TempDir(), "dyad.db")
	if code, _, errs := runDyad(t, "", "ingest", "-db", db, guardian); code != 0 {
		t.Fatalf("ingest exit %d: %s", code, errs)
	}
	first := counts(t, db)
	code, _, errs := runDyad(t, "", "ingest", "-db", db, guardian)
	if code != 0 || !strings.Contains(errs, fmt.Sprintf("%d documents read, 0 new, %d already stored", first.Documents, first.Documents)) {
		t.Errorf("second ingest = %d %q", code, errs)
	}
	if again := counts(t, db); again != first {
		t.Errorf("Counts after a second ingest = %+v; want %+v", again, first)
	}
}

func TestIngestUsage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "dyad.db")
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"ingest", "x.txt"}, "needs -db"},
		{[]string{"ingest", "-db", db}, "needs an INPUT"},
		{[]string{"ingest", "-db", db, "-feed", "file:///etc/passwd"}, `-feed "file:///etc/passwd": not an http or https URL`},
		{[]string{"ingest", "-db", db, "-feed", "ftp://example.org/feed.xml"}, `-feed "ftp://example.org/feed.xml": not an http or https URL`},
		{[]string{"ingest", "-db", db, "-feed", "feeds.example.org/rss"}, "not an http or https URL"},
		{[]string{"ingest", "-db", db, "-every", "1m", "x.txt"}, "-every polls feeds"},
		{[]string{"ingest", "-db", db, "-max-items", "0", "-feed", "https://example.org/rss"}, "-max-items 0: want a positive number"},
		{[]string{"ingest", "-db", db, "-round-timeout", "-1s", "-feed", "https://example.org/rss"}, "-round-timeout -1s: must not be negative"},
		{[]string{"export", "-db", db, "-format", "xml"}, `unknown -format "xml"`},
		{[]string{"export"}, "needs -db"},
		{[]string{"export", "-db", db, "-from", "March"}, `-from: "March" is not a date`},
		{[]string{"export", "-db", db, "-status", "asserted,rumoured"}, `"rumoured" is not a status`},
		{[]string{"export", "-db", db, "-status", "negated", "-format", "gdelt"}, "GDELT rows are events"},
	} {
		code, _, errs := runDyad(t, "", tt.args...)
		if code != 2 || !strings.Contains(errs, tt.want) {
			t.Errorf("dyad %q = %d %q; want exit 2 and %q", tt.args, code, errs, tt.want)
		}
	}
	if _, err := os.Stat(db); err == nil {
		t.Errorf("a usage error created the store")
	}
}

// feedServer serves an RSS feed of two articles and the articles.
func feedServer(t *testing.T) *httptest.Server {
	mux := http.NewServeMux()
	var srv *httptest.Server
	mux.HandleFunc("GET /rss", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Herald</title>
<item><title>One</title><link>%[1]s/one</link><pubDate>Tue, 05 Mar 2024 08:00:00 +0000</pubDate></item>
<item><title>Two</title><link>%[1]s/two</link><pubDate>Wed, 06 Mar 2024 08:00:00 +0000</pubDate></item>
<item><title>Gone</title><link>%[1]s/gone</link></item>
</channel></rss>`, srv.URL)
	})
	page := func(text string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprintf(w, "<html><body><nav>Home</nav><article><p>%s</p></article></body></html>", text)
		}
	}
	mux.HandleFunc("GET /api/events", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"events":[{"text":"Iran rejected an offer from the United States."}]}`)
	})
	mux.HandleFunc("GET /one", page("Iran rejected an offer from the United States to join the coalition against the militants."))
	mux.HandleFunc("GET /two", page("Police arrested two protesters in Oslo after the talks with Chile ended."))
	srv = httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestIngestFeed(t *testing.T) {
	srv := feedServer(t)
	db := filepath.Join(t.TempDir(), "dyad.db")
	code, _, errs := runDyad(t, "", "ingest", "-db", db, "-allow-private", "-feed", srv.URL+"/rss")
	if code != 1 || !strings.Contains(errs, srv.URL+"/gone: HTTP error: 404") || !strings.Contains(errs, "3 documents read, 2 new") {
		t.Errorf("ingest -feed = %d %q; want the missing article named, two stored", code, errs)
	}
	if c := counts(t, db); c.Documents != 2 {
		t.Errorf("Counts = %+v; want 2 documents", c)
	}
	s, err := store.Open(context.Background(), db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	recs, err := s.Events(context.Background(), store.EventFilter{Actor: "IRN"})
	s.Close()
	if err != nil || len(recs) == 0 || recs[0].SourceURL != srv.URL+"/one" || recs[0].FirstDate != "2024-03-05" {
		t.Errorf("Events(IRN) = %+v, %v; want the feed article's URL and date", recs, err)
	}

	// Polling: rounds until interrupted (here: once round 2 is reported);
	// the articles are stored once.
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var out strings.Builder
	errb := &cancelAt{at: "round 2:", cancel: cancel}
	code = run(ctx, []string{"ingest", "-db", db, "-allow-private", "-feed", srv.URL + "/rss", "-every", "100ms"}, strings.NewReader(""), &out, errb)
	if ctx.Err() == context.DeadlineExceeded {
		t.Fatalf("ingest -every: no round 2 within a minute: %s", errb.String())
	}
	if code != 1 || !strings.Contains(errb.String(), "round 2: 0 new documents") || !strings.Contains(errb.String(), "0 new, 2 already stored, 1 failed") {
		t.Errorf("ingest -every = %d %q; want rounds, nothing new, the missing article once", code, errb.String())
	}
	if n := strings.Count(errb.String(), "/gone:"); n != 1 {
		t.Errorf("the missing article was reported %d times; want once (links are remembered)", n)
	}
}

// cancelAt is a writer that cancels a context once the text written to it
// holds at.
type cancelAt struct {
	strings.Builder
	at     string
	cancel context.CancelFunc
}

func (w *cancelAt) Write(p []byte) (int, error) {
	n, err := w.Builder.Write(p)
	if strings.Contains(w.String(), w.at) {
		w.cancel()
	}
	return n, err
}

func TestExport(t *testing.T) {
	dir := smallCorpus(t)
	db := filepath.Join(t.TempDir(), "dyad.db")
	runDyad(t, "", "ingest", "-db", db, dir)
	total := counts(t, db).Records

	code, out, errs := runDyad(t, "", "export", "-db", db, "-format", "gdelt")
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if code != 0 || int64(len(lines)) != total {
		t.Fatalf("export gdelt = %d, %d lines (%s); want %d records", code, len(lines), errs, total)
	}
	for i, l := range lines {
		if n := len(strings.Split(l, "\t")); n != 61 {
			t.Errorf("gdelt line %d has %d columns; want 61: %q", i, n, l)
		}
	}

	_, out, _ = runDyad(t, "", "export", "-db", db, "-format", "csv")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || int64(len(rows)) != total+1 || strings.Join(rows[0], ",") != strings.Join(export.CSVHeader, ",") {
		t.Errorf("export csv: %d rows, %v; want a header and %d rows", len(rows), err, total)
	}

	jsonl := func(args ...string) []store.Record {
		t.Helper()
		code, out, errs := runDyad(t, "", append([]string{"export", "-db", db}, args...)...)
		if code != 0 {
			t.Fatalf("export %q exit %d: %s", args, code, errs)
		}
		var recs []store.Record
		for l := range strings.SplitSeq(strings.TrimSuffix(out, "\n"), "\n") {
			if l == "" {
				continue
			}
			var r store.Record
			if err := json.Unmarshal([]byte(l), &r); err != nil {
				t.Fatalf("export %q: line %q is not JSON: %v", args, l, err)
			}
			recs = append(recs, r)
		}
		return recs
	}
	if all := jsonl(); int64(len(all)) != total {
		t.Errorf("export jsonl: %d records; want %d", len(all), total)
	}
	if got := jsonl("-limit", "2"); len(got) != 2 {
		t.Errorf("export -limit 2: %d records", len(got))
	}
	irn := jsonl("-actor", "IRN")
	if len(irn) == 0 {
		t.Errorf("export -actor IRN: no record")
	}
	for _, r := range irn {
		if !strings.HasPrefix(r.Source, "IRN") && !strings.HasPrefix(r.Target, "IRN") {
			t.Errorf("export -actor IRN gave %s -> %s", r.Source, r.Target)
		}
	}
	for _, r := range jsonl("-plover", "REJECT", "-cameo", "1") {
		if r.PLOVER != "REJECT" || !strings.HasPrefix(r.CAMEO, "1") {
			t.Errorf("export -plover REJECT -cameo 1 gave %s %s", r.PLOVER, r.CAMEO)
		}
	}
	dated := jsonl("-from", "2024-03-06", "-to", "2024-03-07")
	if len(dated) == 0 {
		t.Errorf("export -from 2024-03-06 -to 2024-03-07: no record")
	}
	for _, r := range dated {
		if r.LastDate < "2024-03-06" || r.FirstDate > "2024-03-07" {
			t.Errorf("export -from -to gave %s..%s", r.FirstDate, r.LastDate)
		}
	}
	if got := jsonl("-actor", "ZZZ"); len(got) != 0 {
		t.Errorf("export -actor ZZZ: %d records; want none", len(got))
	}
}

func TestCountDocuments(t *testing.T) {
	dir := smallCorpus(t)
	if n := countDocuments([]string{dir}); n != 6 {
		t.Errorf("countDocuments(dir) = %d; want 6 (4 lines, a text, a page)", n)
	}
	os.WriteFile(filepath.Join(dir, "x.xml"), []byte("<S/>"), 0o644)
	if n := countDocuments([]string{dir}); n != -1 {
		t.Errorf("countDocuments(dir with .xml) = %d; want -1 (unknown)", n)
	}
	if n := countDocuments([]string{"-"}); n != -1 {
		t.Errorf("countDocuments(stdin) = %d; want -1", n)
	}
	p := filepath.Join(dir, "blank.jsonl")
	os.WriteFile(p, []byte("{}\n\n  \n{}\n{}"), 0o644)
	if n := countDocuments([]string{p}); n != 3 {
		t.Errorf("countDocuments(blank lines) = %d; want 3", n)
	}
}

// Invalid UTF-8 repairs a document instead of rejecting it: one warning
// line naming it and the bytes replaced, the document stored with U+FFFD
// in its text, exit 0.
func TestIngestInvalidUTF8(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{
		"latin1.txt":  "Norway accused Chile of bad faith in the caf\xe9 talks.",
		"news.jsonl":  "{\"id\":\"j1\",\"date\":\"2024-03-05\",\"text\":\"Iran rejected an offer from the United States \xff\xfe to join the coalition.\"}\n",
		"records.xml": "<S><Sentence id=\"x1\" date=\"20240306\"><Text>Police arrested two protesters in Bogot\xe1.</Text></Sentence></S>",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(t.TempDir(), "dyad.db")
	code, _, errs := runDyad(t, "", "ingest", "-db", db, "-date", "2024-03-01", dir)
	for _, want := range []string{
		"warning: " + filepath.Join(dir, "latin1.txt") + ": invalid UTF-8: 1 byte replaced with U+FFFD",
		"warning: " + filepath.Join(dir, "news.jsonl") + ":1: invalid UTF-8: 2 bytes replaced with U+FFFD",
		"warning: " + filepath.Join(dir, "records.xml") + ":record x1: invalid UTF-8: 1 byte replaced with U+FFFD",
		"3 documents read, 3 new, 0 already stored, 0 failed, 0 skipped",
	} {
		if !strings.Contains(errs, want) {
			t.Errorf("ingest stderr lacks %q:\n%s", want, errs)
		}
	}
	if code != 0 {
		t.Errorf("ingest exit = %d; want 0 (a repaired document is no failure)", code)
	}
	s, err := store.Open(context.Background(), db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if c, err := s.Counts(context.Background()); err != nil || c.Documents != 3 {
		t.Errorf("Counts = %+v, %v; want 3 documents", c, err)
	}
}

// A directory's binary and other skipped files are named, one line each,
// and counted in the summary; they fail nothing.
func TestIngestSkippedFiles(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{
		"talks.txt":     "Ministers from Norway and Chile met in Oslo on Tuesday to discuss fishing rights.",
		"photo.jpg":     "\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01",
		"sub/model.bin": "\x00\x01\x02\x03\x04",
		"notes.md":      "# notes",
	} {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(t.TempDir(), "dyad.db")
	code, _, errs := runDyad(t, "", "ingest", "-db", db, "-date", "2024-03-01", dir)
	for _, want := range []string{
		"skipped: " + filepath.Join(dir, "photo.jpg") + ": binary file\n",
		"skipped: " + filepath.Join(dir, "sub", "model.bin") + ": binary file\n",
		"skipped: " + filepath.Join(dir, "notes.md") + ": not a document file (.md)\n",
		"1 documents read, 1 new, 0 already stored, 0 failed, 3 skipped;",
	} {
		if !strings.Contains(errs, want) {
			t.Errorf("ingest stderr lacks %q:\n%s", want, errs)
		}
	}
	if code != 0 {
		t.Errorf("ingest exit = %d; want 0", code)
	}
}

// A feed on a loopback address is refused without -allow-private: an error
// naming the feed, exit 1, nothing stored. With it, a link to a page that
// is not an article (JSON, as dyad's own API serves) is skipped and named.
func TestIngestFeedPrivate(t *testing.T) {
	srv := feedServer(t)
	db := filepath.Join(t.TempDir(), "dyad.db")
	code, _, errs := runDyad(t, "", "ingest", "-db", db, "-feed", srv.URL+"/rss")
	if code != 1 || !strings.Contains(errs, srv.URL+"/rss: refused: 127.0.0.1 is a loopback address") {
		t.Errorf("ingest -feed (loopback) = %d %q; want exit 1, the feed refused", code, errs)
	}
	if c := counts(t, db); c.Documents != 0 {
		t.Errorf("Counts = %+v; want nothing stored", c)
	}
	api := srv.URL + "/api/events"
	mux := http.NewServeMux()
	mux.HandleFunc("GET /rss", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<rss version="2.0"><channel><title>T</title><item><title>API</title><link>%s</link></item><item><title>One</title><link>%s/one</link></item></channel></rss>`, api, srv.URL)
	})
	feeds := httptest.NewServer(mux)
	defer feeds.Close()
	code, _, errs = runDyad(t, "", "ingest", "-db", db, "-allow-private", "-feed", feeds.URL+"/rss")
	want := "skipped: " + api + " (in feed " + feeds.URL + "/rss): content type \"application/json\": not an article's content type"
	if code != 0 || !strings.Contains(errs, want) || !strings.Contains(errs, "1 documents read, 1 new, 0 already stored, 0 failed, 1 skipped") {
		t.Errorf("ingest -allow-private -feed = %d %q; want exit 0, %q, one stored, one skipped", code, errs, want)
	}
}

// A malformed feed (an HTTP error, an empty body, an HTML page, broken
// XML, JSON that is not a JSON Feed) is an error naming the feed, counted
// in the summary, exit 1; the good feed beside them is read.
func TestIngestFeedMalformed(t *testing.T) {
	good := feedServer(t)
	mux := http.NewServeMux()
	for path, body := range map[string]string{
		"/empty":  "",
		"/page":   "<html><body><p>Welcome to the Herald.</p></body></html>",
		"/cut":    `<?xml version="1.0"?><rss version="2.0"><channel><title>X</title><item><title>a</ti`,
		"/object": `{"events":[{"id":1,"text":"Iran rejected an offer."}]}`,
	} {
		mux.HandleFunc("GET "+path, func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, body) })
	}
	mux.HandleFunc("GET /down", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "down", http.StatusServiceUnavailable) })
	bad := httptest.NewServer(mux)
	defer bad.Close()
	db := filepath.Join(t.TempDir(), "dyad.db")
	args := []string{"ingest", "-db", db, "-allow-private", "-feed", good.URL + "/rss"}
	for _, p := range []string{"/empty", "/page", "/cut", "/object", "/down"} {
		args = append(args, "-feed", bad.URL+p)
	}
	code, _, errs := runDyad(t, "", args...)
	for _, want := range []string{
		bad.URL + "/empty: malformed feed: empty body\n",
		bad.URL + "/page: malformed feed: an HTML page, not RSS, Atom or JSON Feed\n",
		bad.URL + "/cut: malformed feed: XML syntax error on line 1: unexpected EOF\n",
		bad.URL + "/object: malformed feed: JSON, but not a JSON Feed",
		bad.URL + "/down: HTTP error: 503 Service Unavailable\n",
		"3 documents read, 2 new, 0 already stored, 1 failed, 0 skipped, 5 feeds failed;",
	} {
		if !strings.Contains(errs, want) {
			t.Errorf("ingest stderr lacks %q:\n%s", want, errs)
		}
	}
	if code != 1 {
		t.Errorf("ingest exit = %d; want 1", code)
	}
	// A malformed feed alone fails the run.
	code, _, errs = runDyad(t, "", "ingest", "-db", db, "-allow-private", "-feed", bad.URL+"/object")
	if code != 1 || !strings.Contains(errs, "0 documents read, 0 new, 0 already stored, 0 failed, 0 skipped, 1 feed failed;") {
		t.Errorf("ingest -feed (JSON, not a feed) = %d %q; want exit 1, the feed counted", code, errs)
	}
}

// bigFeedServer serves a feed of n items whose articles each take delay.
func bigFeedServer(t *testing.T, n int, delay time.Duration) *httptest.Server {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /rss", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<rss version="2.0"><channel><title>Wire</title>`)
		for i := range n {
			fmt.Fprintf(w, "<item><title>Story %d</title><link>/a/%d</link><pubDate>Tue, 05 Mar 2024 08:00:00 +0000</pubDate></item>\n", i, i)
		}
		fmt.Fprint(w, `</channel></rss>`)
	})
	mux.HandleFunc("GET /a/{n}", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(delay):
		case <-r.Context().Done():
			return
		}
		fmt.Fprintf(w, "<html><body><article><p>Police arrested %s protesters in Oslo after the talks with Chile ended.</p></article></body></html>", r.PathValue("n"))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// A 10,000-item feed finishes a round within its caps: -max-items new
// articles (the rest named in one line), or -round-timeout, whichever comes
// first. One article at a time, as before, the round took 10,000 x 30 ms.
func TestIngestFeedCaps(t *testing.T) {
	srv := bigFeedServer(t, 10_000, 30*time.Millisecond)
	db := filepath.Join(t.TempDir(), "dyad.db")
	start := time.Now()
	code, _, errs := runDyad(t, "", "ingest", "-db", db, "-allow-private", "-feed", srv.URL+"/rss")
	el := time.Since(start)
	want := "skipped: " + srv.URL + "/rss: 9900 more new items over the cap of 100 a feed a round (-max-items): the next round (or run) fetches them"
	if code != 0 || !strings.Contains(errs, want) || !strings.Contains(errs, "100 documents read, 100 new, 0 already stored, 0 failed, 9900 skipped, 0 feeds failed;") {
		t.Errorf("ingest -feed (10,000 items) = %d %q; want exit 0, 100 stored, the rest named", code, errs)
	}
	if el > 30*time.Second {
		t.Errorf("ingest -feed (10,000 items) took %v; want well under 30 s", el)
	}
	t.Logf("default caps: %v", el)

	// No item cap to speak of: the round stops at -round-timeout.
	start = time.Now()
	code, _, errs = runDyad(t, "", "ingest", "-db", db, "-allow-private", "-max-items", "100000", "-round-timeout", "2s", "-feed", srv.URL+"/rss")
	el = time.Since(start)
	want = "warning: " + srv.URL + "/rss: round 1 stopped after 2s (-round-timeout): the rest of the feed waits for the next round (or run)"
	if code != 0 || !strings.Contains(errs, want) {
		t.Errorf("ingest -round-timeout 2s = %d %q; want exit 0 and %q", code, errs, want)
	}
	if el > 20*time.Second {
		t.Errorf("ingest -round-timeout 2s took %v; want the round cut at 2 s", el)
	}
	t.Logf("-round-timeout 2s: %v", el)
}

// TestIngestNewMetadata (issue 16, finding 2): ingesting a stored text
// again with its date and source updates the document, replaces its
// events, and the summary counts it as updated, not "already stored".
func TestIngestNewMetadata(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(t.TempDir(), "dyad.db")
	text := `"text":"Iran rejected an offer from the United States to join the coalition."`
	first := filepath.Join(dir, "first.jsonl")
	later := filepath.Join(dir, "later.jsonl")
	if err := os.WriteFile(first, []byte(`{"id":"a","date":"2026-12-07",`+text+"}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(later, []byte(`{"id":"a","date":"2014-09-16","source":"Guardian",`+text+"}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := runDyad(t, "", "ingest", "-db", db, first); code != 0 || !strings.Contains(errs, "1 new, 0 already stored") {
		t.Fatalf("first ingest = %d %q", code, errs)
	}
	before := counts(t, db)
	code, _, errs := runDyad(t, "", "ingest", "-db", db, later)
	if code != 0 || !strings.Contains(errs, "0 new, 1 updated (new metadata), 0 already stored") {
		t.Errorf("ingest with a date = %d %q; want the document counted as updated", code, errs)
	}
	if after := counts(t, db); after != before {
		t.Errorf("Counts after the update = %+v; want %+v (replaced, not added)", after, before)
	}
	s, err := store.Open(context.Background(), db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	recs, err := s.Events(context.Background(), store.EventFilter{})
	if err != nil || len(recs) == 0 || recs[0].FirstDate != "2014-09-16" {
		t.Errorf("records after the update = %+v, %v; want them on 2014-09-16", recs, err)
	}
	if code, _, errs := runDyad(t, "", "ingest", "-db", db, later); code != 0 || !strings.Contains(errs, "0 new, 1 already stored") {
		t.Errorf("ingest again = %d %q; want already stored", code, errs)
	}
}

// TestExportStatus (issue 16, finding 1): what the text says did not
// happen is exported only when -status asks for it.
func TestExportStatus(t *testing.T) {
	db := filepath.Join(t.TempDir(), "dyad.db")
	in := "France would not be coordinating any military action with Syria, the minister said on Tuesday.\n\n" +
		"Germany accused Russia of hacking its parliament.\n"
	if code, _, errs := runDyad(t, in, "ingest", "-db", db, "-date", "2021-05-04", "-"); code != 0 {
		t.Fatalf("ingest = %d %s", code, errs)
	}
	for _, tt := range []struct {
		args       []string
		want, miss string
	}{
		{nil, "DEU", "FRA"},
		{[]string{"-format", "gdelt"}, "DEU", "FRA"},
		{[]string{"-format", "csv", "-status", "negated"}, ",negated,", "DEU"},
		{[]string{"-status", "all"}, `"FRA"`, "\x00"},
	} {
		code, out, errs := runDyad(t, "", append([]string{"export", "-db", db}, tt.args...)...)
		if code != 0 || !strings.Contains(out, tt.want) || strings.Contains(out, tt.miss) {
			t.Errorf("export %q = %d %q %s; want %q and no %q", tt.args, code, out, errs, tt.want, tt.miss)
		}
	}
}
