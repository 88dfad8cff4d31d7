package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// ErrScheme reports a URL that is not http or https: dyad fetches nothing
// else (no file://, no ftp://), neither as a feed, nor as a link, nor at
// the end of a redirect.
var ErrScheme = errors.New("not an http or https URL")

// ErrHTTP reports a response whose status is not 2xx.
var ErrHTTP = errors.New("HTTP error")

// DefaultUserAgent names dyad to the sites it fetches from.
const DefaultUserAgent = "dyad/0.1 (political event coder; +https://codeberg.org/dyad)"

// Default limits of a Fetcher.
const (
	DefaultConnectTimeout = 10 * time.Second
	DefaultFetchTimeout   = 30 * time.Second
	maxRedirects          = 10
)

// FetchOptions configure a Fetcher. Zero fields take the defaults.
type FetchOptions struct {
	MaxBytes       int64         // largest body read; 0: DefaultMaxBytes
	ConnectTimeout time.Duration // to connect (and the TLS handshake); 0: DefaultConnectTimeout
	Timeout        time.Duration // for a whole request, body included; 0: DefaultFetchTimeout
	UserAgent      string        // "": DefaultUserAgent
	Date           string        // YYYY-MM-DD for articles that give none, in metadata or text; "": today (UTC), assumed
}

// Fetcher fetches feeds and pages over HTTP and HTTPS and remembers the
// article links it has fetched. It is safe for concurrent use.
type Fetcher struct {
	client *http.Client
	max    int64
	ua     string
	date   string

	mu   sync.Mutex
	seen map[string]bool
}

// NewFetcher returns a Fetcher with opt's limits.
func NewFetcher(opt FetchOptions) *Fetcher {
	if opt.MaxBytes <= 0 {
		opt.MaxBytes = DefaultMaxBytes
	}
	if opt.ConnectTimeout <= 0 {
		opt.ConnectTimeout = DefaultConnectTimeout
	}
	if opt.Timeout <= 0 {
		opt.Timeout = DefaultFetchTimeout
	}
	if opt.UserAgent == "" {
		opt.UserAgent = DefaultUserAgent
	}
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.DialContext = (&net.Dialer{Timeout: opt.ConnectTimeout, KeepAlive: 30 * time.Second}).DialContext
	tr.TLSHandshakeTimeout = opt.ConnectTimeout
	tr.ResponseHeaderTimeout = opt.Timeout
	client := &http.Client{
		Transport: tr,
		Timeout:   opt.Timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= maxRedirects {
				return fmt.Errorf("stopped after %d redirects", maxRedirects)
			}
			if err := CheckURL(req.URL.String()); err != nil {
				return fmt.Errorf("redirect to %w", err)
			}
			return nil
		},
	}
	return &Fetcher{client: client, max: opt.MaxBytes, ua: opt.UserAgent, date: opt.Date, seen: map[string]bool{}}
}

// CheckURL returns an error wrapping ErrScheme unless u is an absolute
// http or https URL with a host.
func CheckURL(u string) error {
	p, err := url.Parse(u)
	if err != nil {
		return fmt.Errorf("%w: %s: %v", ErrScheme, quote(u), errors.Unwrap(err))
	}
	if s := strings.ToLower(p.Scheme); s != "http" && s != "https" {
		return fmt.Errorf("%s: %w (dyad fetches only http:// and https://)", quote(u), ErrScheme)
	}
	if p.Host == "" {
		return fmt.Errorf("%s: %w (no host)", quote(u), ErrScheme)
	}
	return nil
}

// Get fetches u and returns its body (at most the size limit), its
// Content-Type and the URL it came from after redirects.
func (f *Fetcher) Get(ctx context.Context, u string) (body []byte, contentType, final string, err error) {
	if err := CheckURL(u); err != nil {
		return nil, "", "", err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, "", "", err
	}
	req.Header.Set("User-Agent", f.ua)
	req.Header.Set("Accept", "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.8")
	resp, err := f.client.Do(req)
	if err != nil {
		return nil, "", "", fetchErr(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, "", "", fmt.Errorf("%w: %s", ErrHTTP, resp.Status)
	}
	if resp.ContentLength > f.max {
		return nil, "", "", &sizeError{"response", resp.ContentLength, f.max}
	}
	body, err = io.ReadAll(io.LimitReader(resp.Body, f.max+1))
	if err != nil {
		return nil, "", "", fetchErr(err)
	}
	if int64(len(body)) > f.max {
		return nil, "", "", &sizeError{"response", -1, f.max}
	}
	return body, resp.Header.Get("Content-Type"), resp.Request.URL.String(), nil
}

// fetchErr drops the method and URL that net/http puts in front of its
// errors (the DocError names the URL) and says "timed out" for timeouts.
func fetchErr(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		if ue.Timeout() {
			return fmt.Errorf("timed out: %w", ue.Err)
		}
		return ue.Err
	}
	return err
}

// markSeen records link and reports whether it was new.
func (f *Fetcher) markSeen(link string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.seen[link] {
		return false
	}
	f.seen[link] = true
	return true
}

// Seen reports whether link was fetched already in this Fetcher's life.
func (f *Fetcher) Seen(link string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.seen[linkKey(link)]
}

// linkKey is the form of a link that markSeen remembers: without its
// #fragment.
func linkKey(link string) string {
	if i := strings.IndexByte(link, '#'); i >= 0 {
		return link[:i]
	}
	return link
}
