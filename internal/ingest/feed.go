package ingest

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"iter"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html/charset"

	"dyad/internal/doc"
)

// Feed fetches the RSS, Atom or JSON feed at feedURL, then each article it
// links that this Fetcher has not fetched yet, and yields the articles as
// documents (see HTML): ID and URL the link, Source the feed's title (or
// its host), Title the item's title when the page has none, Date the
// item's publication date, else the page's, else the date its text gives,
// else FetchOptions.Date, else today, assumed (SettleDate).
//
// At most FetchOptions.MaxItems new links are fetched, in the feed's
// order, Workers at a time (PerHost to one host); the documents come out
// in the feed's order. The new links over the cap are counted in one
// *Warning naming the feed and left for a later call.
//
// A feed that cannot be fetched or is not a feed (an HTTP error, an empty
// body, an HTML page, XML or JSON that is not RSS, Atom or JSON Feed)
// yields one *DocError named by its URL that wraps ErrFeed; a feed without
// items yields a *Warning, once per Fetcher. An article that fails yields
// one *DocError named by its link, and the others go on. A link dyad does
// not fetch or read is skipped with a *Warning naming it and the feed: an
// item without an http(s) link, a link to an address that is not public
// (ErrPrivateAddress), a page whose content type is not an article's
// (ErrContentType). A link is remembered once tried, whatever the outcome,
// so a later call does not fetch it again; a cancelled ctx stops at once
// and forgets the links in flight and not yet yielded.
func (f *Fetcher) Feed(ctx context.Context, feedURL string) iter.Seq2[doc.Document, error] {
	return func(yield func(doc.Document, error) bool) {
		fail := func(name string, err error) bool {
			return yield(doc.Document{}, &DocError{Name: name, Err: err})
		}
		date, err := f.defaultDate()
		if err != nil {
			fail("options", err)
			return
		}
		body, _, final, err := f.Get(ctx, feedURL)
		if err != nil {
			if ctx.Err() != nil {
				err = ctx.Err()
			} else {
				err = &feedError{err}
			}
			fail(feedURL, err)
			return
		}
		feed, err := parseFeed(body)
		if err != nil {
			fail(feedURL, &feedError{err})
			return
		}
		if len(feed.Items) == 0 && f.markSeen(feedURL+" no items") {
			if !yield(doc.Document{}, &Warning{Name: feedURL, Err: errors.New("the feed has no items")}) {
				return
			}
		}
		source := cleanLine(feed.Title)
		if source == "" {
			if u, err := url.Parse(final); err == nil {
				source = u.Hostname()
			}
		}
		base, _ := url.Parse(final)
		steps, left := f.plan(feedURL, base, feed.Items)
		res := f.fetchAll(ctx, steps)
		defer res.stop()
		for i, st := range steps {
			if st.skip == nil {
				res.wait(ctx, i)
			}
			if ctx.Err() != nil {
				f.forgetFrom(steps, i)
				fail(feedURL, ctx.Err())
				return
			}
			if st.skip != nil {
				if !yield(doc.Document{}, &Warning{Name: st.link, Feed: feedURL, Err: st.skip, Skipped: 1}) {
					f.forgetFrom(steps, i+1)
					return
				}
				continue
			}
			r := res.take(i)
			ok := true
			switch {
			case r.err != nil && refused(r.err):
				ok = yield(doc.Document{}, &Warning{Name: st.link, Feed: feedURL, Err: r.err, Skipped: 1})
			case r.err != nil:
				ok = fail(st.link, r.err)
			default:
				r.d.Source = source
				SettleDate(&r.d, date, time.Now().UTC())
				if r.fixed > 0 {
					ok = yield(doc.Document{}, repairWarning(st.link, r.fixed))
				}
				ok = ok && yield(r.d, nil)
			}
			if !ok {
				f.forgetFrom(steps, i+1)
				return
			}
		}
		if left > 0 {
			yield(doc.Document{}, &Warning{Name: feedURL, Skipped: left, Err: fmt.Errorf(
				"%d more new %s over the cap of %d a feed a round (-max-items): the next round (or run) fetches them", left, plural(left, "item"), f.maxItems)})
		}
	}
}

// step is one item of a feed: a link to fetch, or one skipped and why.
type step struct {
	link string
	it   *gofeed.Item
	skip error
}

// plan decides, without fetching anything, what to do with each item of
// a feed: skip it (no http(s) link: reported once, then remembered) or
// fetch its link, for at most maxItems links this Fetcher has not tried.
// left is the number of new links over that cap, left for a later call
// (they are not marked seen).
func (f *Fetcher) plan(feedURL string, base *url.URL, items []*gofeed.Item) (steps []step, left int) {
	fetches := 0
	for i, it := range items {
		link, err := itemLink(base, it)
		if err != nil {
			key := linkKey(link)
			if link == "" {
				link = fmt.Sprintf("item %d", i+1)
				if t := cleanLine(it.Title); t != "" {
					link += " " + quote(t)
				}
				key = feedURL + " " + link
			}
			if f.markSeen(key) {
				steps = append(steps, step{link: link, it: it, skip: err})
			}
			continue
		}
		if fetches >= f.maxItems {
			if !f.Seen(link) {
				left++
			}
			continue
		}
		if f.markSeen(linkKey(link)) {
			steps = append(steps, step{link: link, it: it})
			fetches++
		}
	}
	return steps, left
}

// forgetFrom forgets the links of steps[i:] that were to be fetched, so a
// later call tries them again.
func (f *Fetcher) forgetFrom(steps []step, i int) {
	for _, st := range steps[i:] {
		if st.skip == nil {
			f.forget(linkKey(st.link))
		}
	}
}

// fetched is the outcome of one step's fetch.
type fetched struct {
	d     doc.Document
	fixed int
	err   error
	done  chan struct{} // closed when d, fixed and err are set
}

// fetches runs the fetches of a feed's steps in order, at most
// FetchOptions.Workers at a time (and FetchOptions.PerHost to one host, in
// Get), and no further ahead of the caller than that: a slot is freed
// when the caller takes its result.
type fetches struct {
	res    []fetched
	slots  chan struct{}
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

func (f *Fetcher) fetchAll(ctx context.Context, steps []step) *fetches {
	ctx, cancel := context.WithCancel(ctx)
	fs := &fetches{res: make([]fetched, len(steps)), slots: make(chan struct{}, f.workers), cancel: cancel}
	for i := range fs.res {
		fs.res[i].done = make(chan struct{})
	}
	fs.wg.Add(1)
	go func() {
		defer fs.wg.Done()
		for i, st := range steps {
			if st.skip != nil {
				continue
			}
			select {
			case fs.slots <- struct{}{}:
			case <-ctx.Done():
				return
			}
			fs.wg.Add(1)
			go func() {
				defer fs.wg.Done()
				r := &fs.res[i]
				r.d, r.fixed, r.err = f.article(ctx, st.link, st.it)
				close(r.done)
			}()
		}
	}()
	return fs
}

// wait waits for the fetch of step i, or for ctx to be done.
func (fs *fetches) wait(ctx context.Context, i int) {
	select {
	case <-fs.res[i].done:
	case <-ctx.Done():
	}
}

// take returns the result of step i, whose fetch is done, and frees its slot.
func (fs *fetches) take(i int) fetched {
	r := fs.res[i]
	fs.res[i] = fetched{}
	<-fs.slots
	return r
}

// stop cancels the fetches still running and waits for them.
func (fs *fetches) stop() {
	fs.cancel()
	fs.wg.Wait()
}

// refused reports whether err is a link dyad does not fetch or read, by
// policy, rather than one that failed.
func refused(err error) bool {
	return errors.Is(err, ErrPrivateAddress) || errors.Is(err, ErrContentType) || errors.Is(err, ErrScheme)
}

// article fetches one linked page, HTML or plain text, as a document;
// fixed is the number of bytes of invalid UTF-8 replaced.
func (f *Fetcher) article(ctx context.Context, link string, it *gofeed.Item) (d doc.Document, fixed int, err error) {
	body, ctype, _, err := f.get(ctx, link, articleType)
	if err != nil {
		return doc.Document{}, 0, err
	}
	if ctype == "" {
		ctype = http.DetectContentType(body)
	}
	if mt, params, _ := mime.ParseMediaType(ctype); mt == "text/plain" {
		d, fixed, err = plainText(body, params["charset"])
		d.URL = link
	} else {
		d, fixed, err = readHTMLPage(body, ctype, link)
	}
	if err != nil {
		return doc.Document{}, 0, err
	}
	d.ID, d.URL = link, link
	if d.Title == "" {
		d.Title = cleanLine(it.Title)
	}
	switch {
	case it.PublishedParsed != nil:
		d.Date = it.PublishedParsed.Format(time.DateOnly)
	case it.UpdatedParsed != nil && d.Date == "":
		d.Date = it.UpdatedParsed.Format(time.DateOnly)
	}
	return d, fixed, nil
}

func (f *Fetcher) forget(link string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	delete(f.seen, link)
}

// defaultDate returns FetchOptions.Date checked, or "".
func (f *Fetcher) defaultDate() (string, error) {
	if f.date == "" {
		return "", nil
	}
	d, err := parseDate(f.date)
	if err != nil {
		return "", fmt.Errorf("Date: %w", err)
	}
	return d, nil
}

// errNoLink is an item that links nothing.
var errNoLink = errors.New("no link")

// itemLink returns the item's first http or https link, resolved against
// the feed's URL; else its first link and why it is not fetched (an error
// wrapping ErrScheme), or "" and errNoLink.
func itemLink(base *url.URL, it *gofeed.Item) (string, error) {
	links := append([]string{it.Link}, it.Links...)
	first, firstErr := "", error(errNoLink)
	for _, l := range links {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if base != nil {
			if u, err := base.Parse(l); err == nil {
				l = u.String()
			}
		}
		err := checkURL(l)
		if err == nil {
			return l, nil
		}
		if first == "" {
			first, firstErr = l, err
		}
	}
	return first, firstErr
}

// plainText reads a text/plain article in the named charset ("" or UTF-8:
// invalid UTF-8 is repaired).
func plainText(body []byte, label string) (doc.Document, int, error) {
	if enc, name := charset.Lookup(label); enc != nil && name != "utf-8" {
		b, err := enc.NewDecoder().Bytes(body)
		if err != nil {
			return doc.Document{}, 0, fmt.Errorf("%w text: %v", ErrMalformed, err)
		}
		body = b
	}
	text := strings.TrimPrefix(string(body), bom)
	if err := checkText(text); err != nil {
		return doc.Document{}, 0, err
	}
	text, fixed := repairUTF8(text)
	return doc.Document{Text: text}, fixed, nil
}

// ErrFeed marks the error of a feed itself (not of an article it links):
// it could not be fetched, or is not a feed.
var ErrFeed = errors.New("feed failed")

// feedError is the error of a feed itself; its message is the error's.
type feedError struct{ err error }

func (e *feedError) Error() string        { return e.err.Error() }
func (e *feedError) Unwrap() error        { return e.err }
func (e *feedError) Is(target error) bool { return target == ErrFeed }

// parseFeed parses an RSS, Atom or JSON feed, or says what body is
// instead (an error wrapping ErrMalformed).
func parseFeed(body []byte) (*gofeed.Feed, error) {
	trimmed := bytes.TrimSpace(skipBOM(body))
	if len(trimmed) == 0 {
		return nil, fmt.Errorf("%w feed: empty body", ErrMalformed)
	}
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	switch {
	case errors.Is(err, gofeed.ErrFeedTypeNotDetected):
		what := "not RSS, Atom or JSON Feed"
		if sniffHTML(bufio.NewReader(bytes.NewReader(trimmed))) {
			what = "an HTML page, " + what
		}
		return nil, fmt.Errorf("%w feed: %s", ErrMalformed, what)
	case err != nil:
		return nil, fmt.Errorf("%w feed: %v", ErrMalformed, err)
	case feed.FeedType == "json" && !strings.Contains(feed.FeedVersion, "jsonfeed.org/version/"):
		return nil, fmt.Errorf("%w feed: JSON, but not a JSON Feed (no \"version\": \"https://jsonfeed.org/version/1.1\")", ErrMalformed)
	}
	return feed, nil
}
