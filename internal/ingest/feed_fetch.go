package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/netip"
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

// ErrContentType reports a linked page whose Content-Type is not an
// article's: dyad reads text/html, application/xhtml+xml and text/plain.
var ErrContentType = errors.New("not an article's content type")

// DefaultUserAgent names dyad to the sites it fetches from.
const DefaultUserAgent = "dyad/0.1 (political event coder; +https://codeberg.org/dyad)"

// Default limits of a Fetcher.
const (
	DefaultConnectTimeout = 10 * time.Second
	DefaultFetchTimeout   = 30 * time.Second
	DefaultMaxItems       = 100 // new articles fetched from one feed in one call of Feed
	DefaultWorkers        = 8   // articles of one feed fetched at once
	DefaultPerHost        = 4   // requests to one host at once
	maxRedirects          = 10
)

// FetchOptions configure a Fetcher. Zero fields take the defaults.
type FetchOptions struct {
	MaxBytes       int64         // largest body read; 0: DefaultMaxBytes
	ConnectTimeout time.Duration // to connect (and the TLS handshake); 0: DefaultConnectTimeout
	Timeout        time.Duration // for a whole request, body included; 0: DefaultFetchTimeout
	UserAgent      string        // "": DefaultUserAgent
	Date           string        // YYYY-MM-DD for articles that give none, in metadata or text; "": today (UTC), assumed

	// AllowPrivate lets feeds and articles be fetched from addresses that
	// are not public (see ErrPrivateAddress): loopback, private networks,
	// link-local, ... Without it, every address connected to is checked
	// when the connection is made (after DNS, at every redirect), and the
	// proxy of the environment (HTTP_PROXY) is not used, since dyad would
	// then connect to the proxy, not to the address it checks.
	AllowPrivate bool

	MaxItems int // new articles fetched from one feed in one call of Feed; 0: DefaultMaxItems
	Workers  int // articles of one feed fetched at once; 0: DefaultWorkers
	PerHost  int // requests to one host at once; 0: DefaultPerHost
}

// Fetcher fetches feeds and pages over HTTP and HTTPS and remembers the
// article links it has fetched. It is safe for concurrent use.
type Fetcher struct {
	client   *http.Client
	max      int64
	ua       string
	date     string
	maxItems int
	workers  int
	perHost  int

	mu    sync.Mutex
	seen  map[string]bool
	hosts map[string]chan struct{} // a semaphore of perHost slots per host
}

// NewFetcher returns a Fetcher with opt's limits.
func NewFetcher(opt FetchOptions) *Fetcher {
	check := func(ap netip.AddrPort) error { return publicAddr(ap.Addr()) }
	if opt.AllowPrivate {
		check = nil
	}
	return newFetcher(opt, check)
}

// newFetcher returns a Fetcher that checks each address it connects to
// with check (nil: none).
func newFetcher(opt FetchOptions, check func(netip.AddrPort) error) *Fetcher {
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
	if opt.MaxItems <= 0 {
		opt.MaxItems = DefaultMaxItems
	}
	if opt.Workers <= 0 {
		opt.Workers = DefaultWorkers
	}
	if opt.PerHost <= 0 {
		opt.PerHost = DefaultPerHost
	}
	tr := http.DefaultTransport.(*http.Transport).Clone()
	dialer := &net.Dialer{Timeout: opt.ConnectTimeout, KeepAlive: 30 * time.Second}
	if check != nil {
		dialer.ControlContext = dialControl(check)
		tr.Proxy = nil
	}
	tr.DialContext = dialer.DialContext
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
	return &Fetcher{
		client: client, max: opt.MaxBytes, ua: opt.UserAgent, date: opt.Date,
		maxItems: opt.MaxItems, workers: opt.Workers, perHost: opt.PerHost,
		seen: map[string]bool{}, hosts: map[string]chan struct{}{},
	}
}

// CheckURL returns an error wrapping ErrScheme unless u is an absolute
// http or https URL with a host.
func CheckURL(u string) error {
	if err := checkURL(u); err != nil {
		return fmt.Errorf("%s: %w", quote(u), err)
	}
	return nil
}

// checkURL is CheckURL without the URL in the message.
func checkURL(u string) error {
	p, err := url.Parse(u)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrScheme, errors.Unwrap(err))
	}
	if s := strings.ToLower(p.Scheme); s != "http" && s != "https" {
		return fmt.Errorf("%w (dyad fetches only http:// and https://)", ErrScheme)
	}
	if p.Host == "" {
		return fmt.Errorf("%w (no host)", ErrScheme)
	}
	return nil
}

// Get fetches u and returns its body (at most the size limit), its
// Content-Type and the URL it came from after redirects.
func (f *Fetcher) Get(ctx context.Context, u string) (body []byte, contentType, final string, err error) {
	return f.get(ctx, u, nil)
}

// get is Get, with accept (when not nil) judging the Content-Type before
// the body is read, or, when the response has none, the type sniffed from
// the body (http.DetectContentType).
func (f *Fetcher) get(ctx context.Context, u string, accept func(contentType string) error) (body []byte, contentType, final string, err error) {
	if err := CheckURL(u); err != nil {
		return nil, "", "", err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, "", "", err
	}
	release, err := f.hostSlot(ctx, req.URL.Host)
	if err != nil {
		return nil, "", "", err
	}
	defer release()
	req.Header.Set("User-Agent", f.ua)
	req.Header.Set("Accept", "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.8")
	resp, err := f.client.Do(req)
	if err != nil {
		return nil, "", "", fetchErr(u, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, "", "", fmt.Errorf("%w: %s", ErrHTTP, resp.Status)
	}
	contentType = resp.Header.Get("Content-Type")
	if accept != nil && contentType != "" {
		if err := accept(contentType); err != nil {
			return nil, "", "", err
		}
	}
	if resp.ContentLength > f.max {
		return nil, "", "", &sizeError{"response", resp.ContentLength, f.max}
	}
	body, err = io.ReadAll(io.LimitReader(resp.Body, f.max+1))
	if err != nil {
		return nil, "", "", fetchErr(u, err)
	}
	if int64(len(body)) > f.max {
		return nil, "", "", &sizeError{"response", -1, f.max}
	}
	if accept != nil && contentType == "" {
		if err := accept(http.DetectContentType(body)); err != nil {
			return nil, "", "", err
		}
	}
	return body, contentType, resp.Request.URL.String(), nil
}

// articleType accepts the content types of an article: text/html,
// application/xhtml+xml and text/plain.
func articleType(contentType string) error {
	mt, _, err := mime.ParseMediaType(contentType)
	switch {
	case err != nil:
	case mt == "text/html", mt == "application/xhtml+xml", mt == "text/plain":
		return nil
	}
	return fmt.Errorf("content type %s: %w (dyad reads text/html, application/xhtml+xml and text/plain)", quote(contentType), ErrContentType)
}

// fetchErr drops the method and URL that net/http puts in front of its
// errors (the DocError names the URL), says "timed out" for timeouts,
// gives a refused address without the dial's wrapping, and names the
// target of a redirect that failed.
func fetchErr(u string, err error) error {
	var ue *url.Error
	if !errors.As(err, &ue) {
		return err
	}
	inner := ue.Err
	var ae *addrError
	switch {
	case errors.As(inner, &ae):
		inner = ae
	case ue.Timeout():
		inner = fmt.Errorf("timed out: %w", ue.Err)
	}
	if ue.URL != u && !strings.HasPrefix(inner.Error(), "redirect to ") {
		return fmt.Errorf("redirect to %s: %w", quote(ue.URL), inner)
	}
	return inner
}

// hostSlot waits for one of the perHost slots of host and returns the
// function that frees it, or ctx's error.
func (f *Fetcher) hostSlot(ctx context.Context, host string) (func(), error) {
	host = strings.ToLower(host)
	f.mu.Lock()
	sem := f.hosts[host]
	if sem == nil {
		sem = make(chan struct{}, f.perHost)
		f.hosts[host] = sem
	}
	f.mu.Unlock()
	select {
	case sem <- struct{}{}:
		return func() { <-sem }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
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
