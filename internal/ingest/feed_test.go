package ingest

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// feedSite serves an RSS feed, an Atom feed and their articles, written
// here; hits counts the requests of each path.
type feedSite struct {
	*httptest.Server
	hits map[string]*atomic.Int32
	ua   atomic.Value
}

func newFeedSite(t *testing.T) *feedSite {
	s := &feedSite{hits: map[string]*atomic.Int32{}}
	mux := http.NewServeMux()
	handle := func(path string, h http.HandlerFunc) {
		s.hits[path] = new(atomic.Int32)
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			s.hits[path].Add(1)
			s.ua.Store(r.UserAgent())
			h(w, r)
		})
	}
	article := func(title, date, body string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			head := ""
			if date != "" {
				head = `<meta property="article:published_time" content="` + date + `">`
			}
			fmt.Fprintf(w, `<html><head><title>%s</title>%s</head><body><nav><a href="/">Home</a></nav><article><h1>%s</h1>%s</article></body></html>`, title, head, title, body)
		}
	}
	para := func(s string) string { return "<p>" + s + "</p>" }
	handle("GET /rss.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>The Coastal Herald</title><link>`+s.URL+`/</link>
<item><title>Harbour talks</title><link>/news/talks.html</link><pubDate>Tue, 05 Mar 2024 08:00:00 +0000</pubDate></item>
<item><title>Fishing quotas</title><link>`+s.URL+`/news/quotas.html#top</link></item>
<item><title>Gone</title><link>`+s.URL+`/news/missing.html</link></item>
<item><title>Elsewhere</title><link>ftp://example.org/a.html</link></item>
<item><title>Local file</title><link>file:///etc/passwd</link></item>
</channel></rss>`)
	})
	handle("GET /atom.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/atom+xml")
		fmt.Fprint(w, `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title></title><id>urn:x</id><updated>2024-03-06T00:00:00Z</updated>
<entry><title>Harbour talks again</title><link href="`+s.URL+`/news/talks.html"/><id>urn:1</id><updated>2024-03-06T00:00:00Z</updated></entry>
<entry><title>Border</title><link href="`+s.URL+`/news/border.html"/><id>urn:2</id><published>2024-03-07T09:00:00+01:00</published><updated>2024-03-08T00:00:00Z</updated></entry>
</feed>`)
	})
	handle("GET /news/talks.html", article("Harbour talks end", "", para("Ministers from Norway and Chile met in Oslo on Tuesday to discuss fishing rights in the southern ocean.")+para("The Chilean delegation rejected a proposal to share the catch, officials said.")))
	handle("GET /news/quotas.html", article("Quotas", "2024-02-29T10:00:00Z", para("Norway accused Chile of bad faith in the negotiations over fishing quotas.")))
	handle("GET /news/border.html", article("Border", "", para("Police in the two countries agreed to share information about smugglers crossing the border.")))
	handle("GET /big.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		for range 64 {
			fmt.Fprint(w, "<p>"+strings.Repeat("x", 1023)+"</p>")
		}
	})
	handle("GET /slow.xml", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	})
	handle("GET /to-ftp", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "ftp://example.org/feed.xml", http.StatusFound)
	})
	handle("GET /to-file", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "file:///etc/passwd", http.StatusMovedPermanently)
	})
	handle("GET /to-rss", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/rss.xml", http.StatusFound)
	})
	handle("GET /notfeed", article("Not a feed", "", para("Just a page.")))
	handle("GET /empty.xml", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "\n") })
	handle("GET /cut.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>X</title><item><title>a</ti`)
	})
	handle("GET /object.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"events":[{"id":1}]}`)
	})
	handle("GET /noitems.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<rss version="2.0"><channel><title>Quiet</title></channel></rss>`)
	})
	handle("GET /array.json", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, `[1,2]`) })
	handle("GET /500.xml", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "boom", 500) })
	s.Server = httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

// docs renders what a feed yields, the site's URL replaced by "SITE".
func feedDocs(site *feedSite, f *Fetcher, path string) []string {
	var out []string
	for d, err := range f.Feed(context.Background(), site.URL+path) {
		var line string
		if err != nil {
			line = err.Error()
		} else {
			first, _, _ := strings.Cut(d.Text, "\n")
			line = strings.Join([]string{d.ID, d.Date, d.Source, d.Title, d.URL, first}, "|")
		}
		out = append(out, strings.ReplaceAll(line, site.URL, "SITE"))
	}
	return out
}

func TestFeed(t *testing.T) {
	site := newFeedSite(t)
	f := NewFetcher(FetchOptions{Date: testDate, AllowPrivate: true})
	got := feedDocs(site, f, "/rss.xml")
	want := []string{
		"SITE/news/talks.html|2024-03-05|The Coastal Herald|Harbour talks end|SITE/news/talks.html|Ministers from Norway and Chile met in Oslo on Tuesday to discuss fishing rights in the southern ocean.",
		"SITE/news/quotas.html#top|2024-02-29|The Coastal Herald|Quotas|SITE/news/quotas.html#top|Norway accused Chile of bad faith in the negotiations over fishing quotas.",
		"SITE/news/missing.html: HTTP error: 404 Not Found",
		"skipped: ftp://example.org/a.html (in feed SITE/rss.xml): not an http or https URL (dyad fetches only http:// and https://)",
		"skipped: file:///etc/passwd (in feed SITE/rss.xml): not an http or https URL (dyad fetches only http:// and https://)",
	}
	if !slices.Equal(got, want) {
		t.Errorf("Feed(rss) =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if ua, _ := site.ua.Load().(string); !strings.HasPrefix(ua, "dyad/") {
		t.Errorf("User-Agent = %q; want dyad/...", ua)
	}
	// The Atom feed links talks.html again: it is not fetched twice.
	got = feedDocs(site, f, "/atom.xml")
	host := strings.TrimPrefix(site.URL, "http://")
	host, _, _ = strings.Cut(host, ":")
	want = []string{
		"SITE/news/border.html|2024-03-07|" + host + "|Border|SITE/news/border.html|Police in the two countries agreed to share information about smugglers crossing the border.",
	}
	if !slices.Equal(got, want) {
		t.Errorf("Feed(atom) =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if n := site.hits["GET /news/talks.html"].Load(); n != 1 {
		t.Errorf("talks.html fetched %d times; want 1", n)
	}
	// A second round fetches the feed again, and no article.
	if got := feedDocs(site, f, "/rss.xml"); len(got) != 0 {
		t.Errorf("Feed(rss) again = %q; want nothing new", got)
	}
	if !f.Seen(site.URL + "/news/quotas.html") {
		t.Errorf("Seen(quotas.html) = false after fetching it")
	}
	// A redirect to the feed is followed.
	if got := feedDocs(site, NewFetcher(FetchOptions{AllowPrivate: true}), "/to-rss"); len(got) != 5 {
		t.Errorf("Feed(redirect to rss) = %q; want 5 values", got)
	}
}

func TestFeedErrors(t *testing.T) {
	site := newFeedSite(t)
	tests := []struct {
		name, url string
		opt       FetchOptions
		want      string
		is        error
	}{
		{name: "file scheme", url: "file:///etc/passwd", want: `file:///etc/passwd: "file:///etc/passwd": not an http or https URL (dyad fetches only http:// and https://)`, is: ErrScheme},
		{name: "ftp scheme", url: "ftp://example.org/feed.xml", want: `ftp://example.org/feed.xml: "ftp://example.org/feed.xml": not an http or https URL (dyad fetches only http:// and https://)`, is: ErrScheme},
		{name: "no scheme", url: "example.org/feed.xml", is: ErrScheme},
		{name: "redirect to ftp", url: site.URL + "/to-ftp", want: `SITE/to-ftp: redirect to "ftp://example.org/feed.xml": not an http or https URL (dyad fetches only http:// and https://)`, is: ErrScheme},
		{name: "redirect to file", url: site.URL + "/to-file", is: ErrScheme},
		{name: "oversize", url: site.URL + "/big.html", opt: FetchOptions{MaxBytes: 32 << 10}, want: "SITE/big.html: response is over the limit of 32768 bytes (--max-doc-bytes)", is: ErrTooLarge},
		{name: "timeout", url: site.URL + "/slow.xml", opt: FetchOptions{Timeout: 200 * time.Millisecond}},
		{name: "not a feed", url: site.URL + "/notfeed", want: "SITE/notfeed: malformed feed: an HTML page, not RSS, Atom or JSON Feed", is: ErrMalformed},
		{name: "404", url: site.URL + "/nothing.xml", want: "SITE/nothing.xml: HTTP error: 404 Not Found", is: ErrHTTP},
		{name: "500", url: site.URL + "/500.xml", want: "SITE/500.xml: HTTP error: 500 Internal Server Error", is: ErrHTTP},
		{name: "empty body", url: site.URL + "/empty.xml", want: "SITE/empty.xml: malformed feed: empty body", is: ErrMalformed},
		{name: "cut XML", url: site.URL + "/cut.xml", want: "SITE/cut.xml: malformed feed: XML syntax error on line 1: unexpected EOF", is: ErrMalformed},
		{name: "JSON object", url: site.URL + "/object.json", want: `SITE/object.json: malformed feed: JSON, but not a JSON Feed (no "version": "https://jsonfeed.org/version/1.1")`, is: ErrMalformed},
		{name: "JSON array", url: site.URL + "/array.json", is: ErrMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			var errs []error
			tt.opt.AllowPrivate = true // the site is on loopback
			for d, err := range NewFetcher(tt.opt).Feed(context.Background(), tt.url) {
				if err == nil {
					t.Fatalf("Feed(%s) yielded document %q; want an error", tt.url, d.ID)
				}
				checkErr(t, err)
				errs = append(errs, err)
			}
			if len(errs) != 1 {
				t.Fatalf("Feed(%s) = %v; want one error", tt.url, errs)
			}
			msg := strings.ReplaceAll(errs[0].Error(), site.URL, "SITE")
			if tt.want != "" && msg != tt.want {
				t.Errorf("Feed(%s) error %q; want %q", tt.url, msg, tt.want)
			}
			if tt.is != nil && !errors.Is(errs[0], tt.is) {
				t.Errorf("Feed(%s) error %v; want errors.Is %v", tt.url, errs[0], tt.is)
			}
			if !errors.Is(errs[0], ErrFeed) {
				t.Errorf("Feed(%s) error %v; want errors.Is ErrFeed (the feed itself failed)", tt.url, errs[0])
			}
			if tt.name == "timeout" {
				if !strings.Contains(msg, "timed out") {
					t.Errorf("Feed(slow) error %q; want timed out", msg)
				}
				if el := time.Since(start); el > 3*time.Second {
					t.Errorf("Feed(slow) took %v; want the 200ms timeout", el)
				}
			}
		})
	}
}

func TestFeedCancel(t *testing.T) {
	site := newFeedSite(t)
	f := NewFetcher(FetchOptions{AllowPrivate: true})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	n := 0
	var last error
	for _, err := range f.Feed(ctx, site.URL+"/rss.xml") {
		n++
		last = err
		cancel() // after the first article
	}
	if n != 2 || !errors.Is(last, context.Canceled) {
		t.Errorf("Feed cancelled after one article: %d values, last %v; want 2, context.Canceled", n, last)
	}
	if f.Seen(site.URL + "/news/quotas.html") {
		t.Errorf("a link cut off by cancellation is remembered")
	}
}

func TestCheckURL(t *testing.T) {
	for u, ok := range map[string]bool{
		"http://example.org/feed":  true,
		"HTTPS://example.org/feed": true,
		"https://example.org":      true,
		"file:///etc/passwd":       false,
		"ftp://example.org/f":      false,
		"javascript:alert(1)":      false,
		"/relative/feed.xml":       false,
		"http:///no-host":          false,
		"gopher://example.org/":    false,
		"http://exa mple.org/":     false,
		"data:text/html,<p>x</p>":  false,
	} {
		err := CheckURL(u)
		if (err == nil) != ok {
			t.Errorf("CheckURL(%q) = %v; want ok %v", u, err, ok)
		}
		if err != nil && !errors.Is(err, ErrScheme) {
			t.Errorf("CheckURL(%q) = %v; want ErrScheme", u, err)
		}
	}
}

// A feed without items is a warning, once per Fetcher.
func TestFeedNoItems(t *testing.T) {
	site := newFeedSite(t)
	f := NewFetcher(FetchOptions{AllowPrivate: true})
	got := feedDocs(site, f, "/noitems.xml")
	if want := []string{"warning: SITE/noitems.xml: the feed has no items"}; !slices.Equal(got, want) {
		t.Errorf("Feed(no items) = %q; want %q", got, want)
	}
	if got := feedDocs(site, f, "/noitems.xml"); len(got) != 0 {
		t.Errorf("Feed(no items) again = %q; want nothing", got)
	}
}
