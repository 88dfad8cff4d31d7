package ingest

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
)

func TestPublicAddr(t *testing.T) {
	for addr, kind := range map[string]string{
		"93.184.215.14":        "",
		"2606:2800:21f:cb07::": "",
		"8.8.8.8":              "",
		"127.0.0.1":            "loopback",
		"127.8.9.10":           "loopback",
		"::1":                  "loopback",
		"::ffff:127.0.0.1":     "loopback",
		"64:ff9b::7f00:1":      "loopback",
		"10.1.2.3":             "private",
		"172.16.0.1":           "private",
		"172.31.255.255":       "private",
		"192.168.1.1":          "private",
		"fc00::1":              "private",
		"fd12:3456::1":         "private",
		"::ffff:192.168.0.1":   "private",
		"169.254.169.254":      "link-local",
		"fe80::1":              "link-local",
		"fec0::1":              "link-local",
		"0.0.0.0":              "unspecified",
		"0.1.2.3":              "unspecified",
		"::":                   "unspecified",
		"224.0.0.1":            "multicast",
		"239.255.255.250":      "multicast",
		"ff02::1":              "multicast",
		"100.64.0.1":           "shared (CGNAT)",
		"100.127.255.254":      "shared (CGNAT)",
		"100.128.0.1":          "",
		"172.32.0.1":           "",
		"255.255.255.255":      "reserved",
		"240.0.0.1":            "reserved",
		"192.0.0.8":            "reserved",
	} {
		err := publicAddr(netip.MustParseAddr(addr))
		var ae *addrError
		switch {
		case kind == "" && err != nil:
			t.Errorf("publicAddr(%s) = %v; want nil", addr, err)
		case kind == "":
		case !errors.As(err, &ae) || ae.kind != kind || !errors.Is(err, ErrPrivateAddress):
			t.Errorf("publicAddr(%s) = %v; want a %s address, ErrPrivateAddress", addr, err, kind)
		}
	}
}

// privateSite serves a feed whose items link an article of its own, an
// article of a second server (the "private" one) directly and through a
// redirect, pages of other content types, and a plain-text article.
type privateSite struct {
	pub, priv *httptest.Server
	privHits  atomic.Int32
}

func newPrivateSite(t *testing.T) *privateSite {
	s := &privateSite{}
	s.priv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.privHits.Add(1)
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<html><body><article><p>The secret admin page of the private network was read by a feed.</p></article></body></html>")
	}))
	t.Cleanup(s.priv.Close)
	mux := http.NewServeMux()
	mux.HandleFunc("GET /rss.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<rss version="2.0"><channel><title>Herald</title>
<item><title>Own</title><link>/own.html</link></item>
<item><title>Private</title><link>`+s.priv.URL+`/admin</link></item>
<item><title>Redirected</title><link>/to-private</link></item>
<item><title>API</title><link>/api/events</link></item>
<item><title>Image</title><link>/photo</link></item>
<item><title>Plain</title><link>/plain.txt</link></item>
<item><title>Broken</title><link>/broken.html</link></item>
<item><title>No link</title></item>
<item><title>Mail</title><link>mailto:desk@herald.example</link></item>
</channel></rss>`)
	})
	mux.HandleFunc("GET /to-feed", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, s.priv.URL+"/feed", http.StatusFound)
	})
	mux.HandleFunc("GET /own.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/xhtml+xml; charset=utf-8")
		fmt.Fprint(w, `<html xmlns="http://www.w3.org/1999/xhtml"><body><article><p>Norway accused Chile of bad faith in the talks.</p></article></body></html>`)
	})
	mux.HandleFunc("GET /to-private", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, s.priv.URL+"/admin", http.StatusFound)
	})
	mux.HandleFunc("GET /api/events", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"events":[{"id":1,"text":"Iran rejected an offer from the United States."}]}`)
	})
	mux.HandleFunc("GET /photo", func(w http.ResponseWriter, r *http.Request) {
		w.Header()["Content-Type"] = nil // no type: sniffed from the body
		w.Write([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
	})
	mux.HandleFunc("GET /broken.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, "<html><body><article><p>Chile recalled its ambassador \xff\xfe from Lima.</p></article></body></html>")
	})
	mux.HandleFunc("GET /plain.txt", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=iso-8859-1")
		fmt.Fprint(w, "Police arrested two protesters in Bogot\xe1 after the talks.")
	})
	s.pub = httptest.NewServer(mux)
	t.Cleanup(s.pub.Close)
	return s
}

// port returns the port of a test server.
func port(srv *httptest.Server) uint16 {
	u, _ := url.Parse(srv.URL)
	ap, _ := netip.ParseAddrPort(u.Host)
	return ap.Port()
}

// render returns what Feed yields, the servers' URLs replaced by PUB and
// PRIV.
func (s *privateSite) feed(f *Fetcher, path string) []string {
	var out []string
	for d, err := range f.Feed(context.Background(), s.pub.URL+path) {
		line := ""
		if err != nil {
			line = err.Error()
		} else {
			line = d.ID + "|" + d.Text
		}
		line = strings.ReplaceAll(line, s.pub.URL, "PUB")
		out = append(out, strings.ReplaceAll(line, s.priv.URL, "PRIV"))
	}
	return out
}

// Links to addresses that are not public are refused at the connection,
// so a redirect cannot reach them either; content types that are not an
// article's are refused; each refused link is one line naming it and the
// feed. The public server is told apart from the private one by its port
// (both are on loopback in a test).
func TestFeedRefusedLinks(t *testing.T) {
	s := newPrivateSite(t)
	pub := port(s.pub)
	f := newFetcher(FetchOptions{Date: testDate}, func(ap netip.AddrPort) error {
		if ap.Port() == pub {
			return nil
		}
		return publicAddr(ap.Addr())
	})
	got := s.feed(f, "/rss.xml")
	const why = "refused: 127.0.0.1 is a loopback address, not a public one (-allow-private fetches it)"
	want := []string{
		"PUB/own.html|Norway accused Chile of bad faith in the talks.",
		"skipped: PRIV/admin (in feed PUB/rss.xml): " + why,
		`skipped: PUB/to-private (in feed PUB/rss.xml): redirect to "PRIV/admin": ` + why,
		`skipped: PUB/api/events (in feed PUB/rss.xml): content type "application/json": not an article's content type (dyad reads text/html, application/xhtml+xml and text/plain)`,
		`skipped: PUB/photo (in feed PUB/rss.xml): content type "image/png": not an article's content type (dyad reads text/html, application/xhtml+xml and text/plain)`,
		"PUB/plain.txt|Police arrested two protesters in Bogotá after the talks.",
		"warning: PUB/broken.html: invalid UTF-8: 2 bytes replaced with U+FFFD",
		"PUB/broken.html|Chile recalled its ambassador \uFFFD\uFFFD from Lima.",
		`skipped: item 8 "No link" (in feed PUB/rss.xml): no link`,
		"skipped: mailto:desk@herald.example (in feed PUB/rss.xml): not an http or https URL (dyad fetches only http:// and https://)",
	}
	if !slices.Equal(got, want) {
		t.Errorf("Feed =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if n := s.privHits.Load(); n != 0 {
		t.Errorf("the private server was hit %d times; want 0", n)
	}
	// A second round reports nothing again.
	if got := s.feed(f, "/rss.xml"); len(got) != 0 {
		t.Errorf("Feed again = %q; want nothing", got)
	}
	// A feed redirected to a private address is an error naming the feed.
	got = s.feed(f, "/to-feed")
	if want := `PUB/to-feed: redirect to "PRIV/feed": ` + why; !slices.Equal(got, []string{want}) {
		t.Errorf("Feed(redirect to private) = %q; want %q", got, want)
	}
	if n := s.privHits.Load(); n != 0 {
		t.Errorf("the private server was hit %d times; want 0", n)
	}
}

// By default every loopback address is refused, by IP or by a name that
// resolves to one; AllowPrivate fetches them.
func TestFeedPrivateDefault(t *testing.T) {
	s := newPrivateSite(t)
	localhost := strings.Replace(s.pub.URL, "127.0.0.1", "localhost", 1)
	for _, u := range []string{s.pub.URL + "/rss.xml", localhost + "/rss.xml"} {
		var errs []error
		n := 0
		for _, err := range NewFetcher(FetchOptions{}).Feed(context.Background(), u) {
			n++
			if err != nil {
				errs = append(errs, err)
			}
		}
		if n != 1 || len(errs) != 1 || !errors.Is(errs[0], ErrPrivateAddress) {
			t.Errorf("Feed(%s) = %d values, errors %v; want one error, ErrPrivateAddress", u, n, errs)
			continue
		}
		var de *DocError
		if !errors.As(errs[0], &de) || de.Name != u || !strings.Contains(errs[0].Error(), "is a loopback address") {
			t.Errorf("Feed(%s) error %v; want a *DocError naming the feed, a loopback address", u, errs[0])
		}
	}
	docs := 0
	for d, err := range NewFetcher(FetchOptions{AllowPrivate: true}).Feed(context.Background(), s.pub.URL+"/rss.xml") {
		if err == nil && d.ID != "" {
			docs++
		}
	}
	if docs != 5 { // own.html, the private page twice (directly, redirected), plain.txt, broken.html
		t.Errorf("Feed with AllowPrivate: %d documents; want 5", docs)
	}
}
