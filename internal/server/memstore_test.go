package server

import (
	"cmp"
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"time"

	"dyad/internal/doc"
	"dyad/internal/store"
)

// memStore is a small in-memory store.Store for the handler tests: it
// merges events into records by source, target, CAMEO root and date
// window as the engines do, without their indexes. fail, when set, makes
// every method return it.
type memStore struct {
	mu       sync.Mutex
	docs     map[string]*store.StoredDocument
	order    []string
	records  []*store.Record
	evidence map[int64][]store.Evidence
	nextEv   int64
	fail     error
	filters  []store.EventFilter // every filter Events, Series and Network saw
}

var _ store.Store = (*memStore)(nil)

func newMemStore() *memStore {
	return &memStore{docs: map[string]*store.StoredDocument{}, evidence: map[int64][]store.Evidence{}}
}

func (m *memStore) Close() error { return nil }

func (m *memStore) PutBatch(ctx context.Context, rs []*doc.Result) ([]store.PutResult, []error, error) {
	out := make([]store.PutResult, len(rs))
	errs := make([]error, len(rs))
	for i, r := range rs {
		out[i], errs[i] = m.Put(ctx, r)
	}
	return out, errs, nil
}

func (m *memStore) Put(ctx context.Context, res *doc.Result) (store.PutResult, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.fail != nil {
		return store.PutResult{}, m.fail
	}
	key := store.DocKey(res.Document.Text)
	if _, ok := m.docs[key]; ok {
		return store.PutResult{Key: key}, nil
	}
	sd := &store.StoredDocument{Key: key, Document: res.Document, Added: time.Now().UTC().Format(time.RFC3339)}
	for si, s := range res.Sentences {
		sd.Sentences = append(sd.Sentences, s.Span)
		if si < len(res.Mentions) {
			for _, mn := range res.Mentions[si] {
				sd.Mentions = append(sd.Mentions, store.MentionSpan{Sentence: si, Span: mn.Span, Kind: mn.Kind.String(), Code: mn.Code, Country: mn.Country, Sector: mn.Sector, ID: mn.ID})
			}
		}
	}
	sd.Quotes = res.Quotes
	pr := store.PutResult{Key: key, New: true}
	for _, e := range res.Events {
		tgt := ""
		if e.Target != nil {
			tgt = e.Target.Code
		}
		var rec *store.Record
		for _, r := range m.records {
			if r.Source == e.Source.Code && r.Target == tgt && r.Root == store.Root(e.CAMEO) && withinDays(r.LastDate, e.Date, store.DefaultWindow) {
				rec = r
				break
			}
		}
		if rec == nil {
			rec = &store.Record{ID: int64(len(m.records) + 1), Source: e.Source.Code, Target: tgt, Root: store.Root(e.CAMEO),
				CAMEO: e.CAMEO, PLOVER: e.PLOVER, Goldstein: e.Goldstein, QuadClass: e.QuadClass,
				FirstDate: e.Date, LastDate: e.Date, Example: e.Text, SourceURL: res.Document.URL}
			m.records = append(m.records, rec)
			pr.Records++
		}
		rec.FirstDate, rec.LastDate = min(rec.FirstDate, e.Date), max(rec.LastDate, e.Date)
		rec.Mentions++
		switch e.Status {
		case "claimed":
			rec.Claimed++
		case "denied":
			rec.Denied++
		case "negated":
			rec.Negated++
		case "hypothetical":
			rec.Hypothetical++
		default:
			rec.Asserted++
		}
		m.nextEv++
		ev := store.Evidence{ID: m.nextEv, RecordID: rec.ID, DocKey: key, DocID: res.Document.ID, Outlet: res.Document.Source,
			URL: res.Document.URL, Title: res.Document.Title, Event: e, Claimant: store.Claimant(&e), SentenceSpan: doc.Span{Start: -1, End: -1}}
		if e.Sentence >= 0 && e.Sentence < len(res.Sentences) {
			ev.SentenceSpan = res.Sentences[e.Sentence].Span
		}
		m.evidence[rec.ID] = append(m.evidence[rec.ID], ev)
		sd.Events = append(sd.Events, ev)
		arts, outs := map[string]bool{}, map[string]bool{}
		for _, x := range m.evidence[rec.ID] {
			arts[x.DocKey] = true
			outs[cmp.Or(x.Outlet, x.DocKey)] = true
		}
		rec.Articles, rec.Outlets = len(arts), len(outs)
		pr.Events++
	}
	m.docs[key] = sd
	m.order = append(m.order, key)
	return pr, nil
}

func withinDays(a, b string, n int) bool {
	ta, err1 := time.Parse(time.DateOnly, a)
	tb, err2 := time.Parse(time.DateOnly, b)
	if err1 != nil || err2 != nil {
		return a == b
	}
	d := ta.Sub(tb)
	return d.Abs() <= time.Duration(n)*24*time.Hour
}

// matches reports whether record r passes f.
func (m *memStore) matches(r *store.Record, f store.EventFilter) bool {
	switch {
	case f.From != "" && r.LastDate < f.From, f.To != "" && r.FirstDate > f.To:
		return false
	case f.Actor != "" && !strings.HasPrefix(r.Source, f.Actor) && !strings.HasPrefix(r.Target, f.Actor):
		return false
	case !strings.HasPrefix(r.Source, f.Source), !strings.HasPrefix(r.Target, f.Target):
		return false
	case f.PLOVER != "" && r.PLOVER != f.PLOVER, !strings.HasPrefix(r.CAMEO, f.CAMEO):
		return false
	}
	if f.Claimant != "" {
		return slices.ContainsFunc(m.evidence[r.ID], func(e store.Evidence) bool { return strings.HasPrefix(e.Claimant, f.Claimant) })
	}
	return true
}

func (m *memStore) Events(ctx context.Context, f store.EventFilter) ([]store.Record, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.filters = append(m.filters, f)
	if m.fail != nil {
		return nil, m.fail
	}
	var out []store.Record
	for i := len(m.records) - 1; i >= 0; i-- {
		if m.matches(m.records[i], f) {
			out = append(out, *m.records[i])
		}
	}
	slices.SortStableFunc(out, func(a, b store.Record) int { return cmp.Compare(b.LastDate, a.LastDate) })
	return pageOf(out, f.Limit, f.Offset), nil
}

func pageOf[T any](s []T, limit, offset int) []T {
	if limit == 0 {
		limit = 100
	}
	if offset >= len(s) {
		return nil
	}
	s = s[offset:]
	return s[:min(limit, len(s))]
}

func (m *memStore) Event(ctx context.Context, id int64) (store.Record, []store.Evidence, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.fail != nil {
		return store.Record{}, nil, m.fail
	}
	if id < 1 || id > int64(len(m.records)) {
		return store.Record{}, nil, store.ErrNotFound
	}
	return *m.records[id-1], slices.Clone(m.evidence[id]), nil
}

func (m *memStore) Document(ctx context.Context, key string) (store.StoredDocument, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.fail != nil {
		return store.StoredDocument{}, m.fail
	}
	d, ok := m.docs[key]
	if !ok {
		return store.StoredDocument{}, store.ErrNotFound
	}
	return *d, nil
}

func (m *memStore) Quotes(ctx context.Context, f store.QuoteFilter) ([]store.StoredQuote, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.fail != nil {
		return nil, m.fail
	}
	var out []store.StoredQuote
	for _, k := range m.order {
		d := m.docs[k]
		if f.DocKey != "" && k != f.DocKey || f.From != "" && d.Document.Date < f.From || f.To != "" && d.Document.Date > f.To {
			continue
		}
		for _, q := range d.Quotes {
			if f.Speaker != "" && (q.Speaker == nil || !strings.HasPrefix(q.Speaker.Code, f.Speaker)) {
				continue
			}
			out = append(out, store.StoredQuote{DocKey: k, Date: d.Document.Date, Quote: q})
		}
	}
	return pageOf(out, f.Limit, f.Offset), nil
}

func (m *memStore) Series(ctx context.Context, f store.EventFilter) ([]store.Day, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.filters = append(m.filters, f)
	if m.fail != nil {
		return nil, m.fail
	}
	days := map[string]*store.Day{}
	for _, evs := range m.evidence {
		for _, e := range evs {
			tgt := ""
			if e.Event.Target != nil {
				tgt = e.Event.Target.Code
			}
			if !strings.HasPrefix(e.Event.Source.Code, f.Source) || !strings.HasPrefix(tgt, f.Target) ||
				f.From != "" && e.Event.Date < f.From || f.To != "" && e.Event.Date > f.To {
				continue
			}
			d := days[e.Event.Date]
			if d == nil {
				d = &store.Day{Date: e.Event.Date}
				days[e.Event.Date] = d
			}
			d.Events++
			if e.Event.QuadClass <= 2 {
				d.Cooperation++
			} else {
				d.Conflict++
			}
			d.Goldstein += e.Event.Goldstein
		}
	}
	var out []store.Day
	for _, d := range days {
		out = append(out, *d)
	}
	slices.SortFunc(out, func(a, b store.Day) int { return cmp.Compare(a.Date, b.Date) })
	return out, nil
}

func (m *memStore) Network(ctx context.Context, f store.EventFilter) ([]store.Edge, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.filters = append(m.filters, f)
	if m.fail != nil {
		return nil, m.fail
	}
	edges := map[[2]string]*store.Edge{}
	for _, r := range m.records {
		if r.Target == "" || !m.matches(r, f) {
			continue
		}
		k := [2]string{r.Source, r.Target}
		e := edges[k]
		if e == nil {
			e = &store.Edge{Source: r.Source, Target: r.Target}
			edges[k] = e
		}
		e.Goldstein = (e.Goldstein*float64(e.Records) + r.Goldstein) / float64(e.Records+1)
		e.Records++
		e.Mentions += r.Mentions
	}
	var out []store.Edge
	for _, e := range edges {
		out = append(out, *e)
	}
	slices.SortFunc(out, func(a, b store.Edge) int {
		return cmp.Or(cmp.Compare(b.Records, a.Records), cmp.Compare(a.Source, b.Source), cmp.Compare(a.Target, b.Target))
	})
	return pageOf(out, f.Limit, 0), nil
}

func (m *memStore) Actors(ctx context.Context, f store.ActorFilter) ([]store.StoredActor, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.fail != nil {
		return nil, m.fail
	}
	by := map[string]*store.StoredActor{}
	add := func(a *doc.Actor, date string) {
		if a == nil || !strings.HasPrefix(a.Code, f.Prefix) {
			return
		}
		x := by[a.Code]
		if x == nil {
			x = &store.StoredActor{Code: a.Code, Country: a.Country, Sector: a.Sector, Name: a.Text, FirstDate: date}
			by[a.Code] = x
		}
		x.Reports++
		x.FirstDate, x.LastDate = min(x.FirstDate, date), max(x.LastDate, date)
	}
	for _, evs := range m.evidence {
		for _, e := range evs {
			add(&e.Event.Source, e.Event.Date)
			add(e.Event.Target, e.Event.Date)
		}
	}
	out := []store.StoredActor{}
	for _, a := range by {
		out = append(out, *a)
	}
	slices.SortFunc(out, func(a, b store.StoredActor) int { return cmp.Or(b.Reports-a.Reports, strings.Compare(a.Code, b.Code)) })
	limit := f.Limit
	if limit <= 0 {
		limit = store.DefaultLimit
	}
	out = out[min(f.Offset, len(out)):]
	return out[:min(limit, len(out))], nil
}

func (m *memStore) Counts(ctx context.Context) (store.Counts, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.fail != nil {
		return store.Counts{}, m.fail
	}
	var c store.Counts
	for _, d := range m.docs {
		c.Documents++
		c.Sentences += int64(len(d.Sentences))
		c.Mentions += int64(len(d.Mentions))
		c.Events += int64(len(d.Events))
		c.Quotes += int64(len(d.Quotes))
	}
	c.Records = int64(len(m.records))
	return c, nil
}

var errBoom = errors.New("disk on fire: /var/lib/dyad/secret.db")
