package store

import (
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"time"

	"dyad/internal/doc"
)

// Merging a document's events into event records. A report joins an
// existing record (found in the database) or a record this document
// creates (kept in memory until its counts are known, then inserted
// whole): most reports start a record of their own (487 of the 516
// Guardian reports), and counting a new record here instead of in SQL
// saves three statements for each.

// report is one event of the document being stored.
type report struct {
	ev     *doc.Event
	idx    int    // in the document's events
	date   string // eventDate
	target string // target code, "" for none
	root   string
	record int64    // the record joined; 0 while it is a fresh one
	fresh  *pending // the fresh record joined
}

// pending is a record this document creates.
type pending struct {
	source, target, root string
	first, last          string
	reports              []*report
}

// events merges each event into a record, stores it, and brings the
// records it touched up to date. It returns how many records it created.
func (p *putter) events() (int, error) {
	evs := p.res.Events
	if len(evs) == 0 {
		return 0, nil
	}
	d := &p.res.Document
	reports := make([]report, len(evs))
	var fresh []*pending
	var touched []int64
	for i := range evs {
		ev := &evs[i]
		r := &reports[i]
		r.ev, r.idx, r.date, r.root = ev, i, eventDate(ev.Date, d.Date), Root(ev.CAMEO)
		if ev.Target != nil {
			r.target = ev.Target.Code
		}
		if err := p.merge(r, fresh); err != nil {
			return 0, err
		}
		switch {
		case r.record != 0:
			if !slices.Contains(touched, r.record) {
				touched = append(touched, r.record)
			}
		case r.fresh == nil:
			r.fresh = &pending{source: ev.Source.Code, target: r.target, root: r.root, first: r.date, last: r.date}
			fresh = append(fresh, r.fresh)
			fallthrough
		default:
			r.fresh.reports = append(r.fresh.reports, r)
		}
	}
	for _, f := range fresh {
		id, err := p.insertRecord(f)
		if err != nil {
			return 0, err
		}
		for _, r := range f.reports {
			r.record = id
		}
	}

	outlet := d.Source
	if outlet == "" {
		outlet = "doc:" + p.key // a document without an outlet is its own
	}
	vals := make([]any, 0, eventsTable.ncol*len(evs))
	for i := range reports {
		r := &reports[i]
		ev := r.ev
		sa, err := encodeActor(&ev.Source)
		if err != nil {
			return 0, err
		}
		ta, err := encodeActor(ev.Target)
		if err != nil {
			return 0, err
		}
		rb, err := encodeActors(ev.ReportedBy)
		if err != nil {
			return 0, err
		}
		contests, err := encodeStrings(ev.Contests)
		if err != nil {
			return 0, err
		}
		sp := doc.Span{Start: -1, End: -1}
		if ev.Sentence >= 0 && ev.Sentence < len(p.res.Sentences) {
			sp = p.res.Sentences[ev.Sentence].Span
		}
		vals = append(vals, p.doc, r.record, ev.ID, ev.Sentence, r.date, outlet, ev.Source.Code, sa.String, r.target, ta,
			ev.CAMEO, ev.PLOVER, ev.Mode, ev.Goldstein, ev.QuadClass, ev.Verb.Text, ev.Verb.Span.Start, ev.Verb.Span.End,
			b2i(ev.Negated), ev.Modality, ev.Status, rb, Claimant(ev), ev.QuoteID, contests, ev.Location, ev.Text, ev.Pattern,
			sp.Start, sp.End)
	}
	if err := p.insertRows(eventsTable, vals); err != nil {
		return 0, err
	}
	slices.Sort(touched)
	for _, id := range touched {
		if err := p.refresh(id); err != nil {
			return 0, fmt.Errorf("record %d: %w", id, err)
		}
	}
	return len(fresh), nil
}

// merge finds the record r joins: the nearest in date of the stored
// records and the fresh ones with r's source, target and root whose
// dates, widened by the window, hold r's date; on a tie the oldest. It
// stretches that record's dates to r's. When there is none, r.record and
// r.fresh stay unset. (Record ids are hashes, so "oldest" among stored
// records is the smallest id: arbitrary, but the same in every store
// built from the same input.)
func (p *putter) merge(r *report, fresh []*pending) error {
	if !identifiable(r.ev) {
		return nil // its own record
	}
	lo, hi := "", ""
	if t, ok := day(r.date); ok {
		lo = t.AddDate(0, 0, -p.e.window).Format(time.DateOnly)
		hi = t.AddDate(0, 0, p.e.window).Format(time.DateOnly)
	}
	// Dated records never reach back to '' and undated ones never reach
	// forward to a date, so neither kind joins the other.
	rows, err := p.query(qFindRecords, r.ev.Source.Code, r.target, r.root, lo, hi)
	if err != nil {
		return err
	}
	best, bestDist := int64(0), -1
	var first, last string
	for rows.Next() {
		var id int64
		var f, l, cameo string
		if err := rows.Scan(&id, &f, &l, &cameo); err != nil {
			rows.Close()
			return err
		}
		if r.target == "" && cameo != r.ev.CAMEO {
			continue // a one-sided event joins only the same act
		}
		if dist := distance(r.date, f, l); bestDist < 0 || dist < bestDist {
			best, bestDist, first, last = id, dist, f, l
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	var near *pending
	for _, f := range fresh {
		if f.source != r.ev.Source.Code || f.target != r.target || f.root != r.root || f.last < lo || f.first > hi ||
			r.target == "" && f.reports[0].ev.CAMEO != r.ev.CAMEO {
			continue
		}
		if dist := distance(r.date, f.first, f.last); bestDist < 0 || dist < bestDist {
			near, bestDist = f, dist
		}
	}
	switch {
	case near != nil:
		near.first, near.last = min(near.first, r.date), max(near.last, r.date)
		r.fresh = near
	case bestDist >= 0:
		f, l := min(first, r.date), max(last, r.date)
		if f != first || l != last {
			if _, err := p.exec(qStretchRecord, f, l, best); err != nil {
				return err
			}
		}
		r.record = best
	}
	return nil
}

// identifiable reports whether an event names its actors well enough
// for two reports of it to be known as one: "civilians fled" (CVL, no
// target) in two articles are seldom the same flight, "GOV met REB" says
// nothing of who met whom. An event merges when its source is a
// particular actor and it has no target, or when at least one side is.
// An event with no target merges only with reports of the same CAMEO
// code, not just the same root: "the US backed the rebels" and "the US
// backed the deal" are both 05 with no target coded.
func identifiable(ev *doc.Event) bool {
	src := particular(&ev.Source)
	if ev.Target == nil {
		return src
	}
	return src || particular(ev.Target)
}

// particular reports whether an actor is more than a bare sector: it has
// a country, an identifier, or a code of its own (IMGISL, NGOAMN).
func particular(a *doc.Actor) bool {
	return a.Country != "" || a.Identifier != "" || len(a.Code) > 3
}

// insertRecord stores a fresh record, its counts those of its reports,
// all from this document, under the first free id of RecordID, and
// returns the id.
func (p *putter) insertRecord(f *pending) (int64, error) {
	var n [5]int // by status
	for _, r := range f.reports {
		if i := slices.Index(Statuses, r.ev.Status); i >= 0 {
			n[i]++
		}
	}
	mentions := n[0] + n[1]
	docs := min(mentions, 1) // articles and outlets: this document's, when it counts
	first := f.reports[0]
	example := first // the first asserted or claimed report, if any
	for _, r := range f.reports {
		if counted(r.ev.Status) {
			example = r
			break
		}
	}
	code := majority(f.reports)
	for try := 0; ; try++ {
		id := RecordID(p.key, first.idx, f.source, f.target, f.root, try)
		err := p.queryRow(qNewRecord, id, f.source, f.target, f.root, code.CAMEO, code.PLOVER, code.Goldstein, code.QuadClass,
			f.first, f.last, mentions, docs, docs, len(f.reports), n[0], n[1], n[2], n[3], n[4],
			example.ev.Text, p.res.Document.URL, p.now, p.now).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) && try < maxIDTries {
			continue // the id is taken: the next
		}
		return id, err
	}
}

// maxIDTries bounds the search for a free record id; with 2^53 ids and
// fewer than 2^32 records, a second try is already rare.
const maxIDTries = 64

// RecordID is the id a record gets from its first report: the event at
// index event of the document whose DocKey is docKey, with the record's
// source, target and CAMEO root; try counts the ids already taken. It is
// the first 53 bits of a SHA-256, so that two stores built from the same
// input give the same record the same id, whatever crashed or was rolled
// back between, and it stays exact as a JavaScript number and fits
// GDELT's GLOBALEVENTID. It is never 0.
func RecordID(docKey string, event int, source, target, root string, try int) int64 {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%d\x00%s\x00%s\x00%s\x00%d", docKey, event, source, target, root, try)
	var sum [sha256.Size]byte
	id := int64(binary.BigEndian.Uint64(h.Sum(sum[:0])) >> 11)
	if id == 0 {
		id = 1
	}
	return id
}

// Statuses are the statuses of reports, in the order of the record's
// columns.
var Statuses = []string{"asserted", "claimed", "denied", "negated", "hypothetical"}

// CountedStatuses are the statuses a record counts by default: the
// others are evidence, not events.
var CountedStatuses = []string{"asserted", "claimed"}

// counted reports whether a report of this status counts as an event.
func counted(status string) bool { return status == "asserted" || status == "claimed" }

// majority returns the first report of the CAMEO code most asserted and
// claimed reports gave, then most reports; on a tie, of the code reported
// first (as qRecordCode does in SQL). What the record is, is what is
// said to have happened: three reports that "X did not threaten Y" do
// not make a record of threats out of one that X accused Y.
func majority(rs []*report) *doc.Event {
	best, bestC, bestN := 0, 0, 0
	for i, r := range rs {
		if slices.ContainsFunc(rs[:i], func(x *report) bool { return x.ev.CAMEO == r.ev.CAMEO }) {
			continue // counted at its first report
		}
		c, n := 0, 0
		for _, x := range rs[i:] {
			if x.ev.CAMEO == r.ev.CAMEO {
				n++
				if counted(x.ev.Status) {
					c++
				}
			}
		}
		if c > bestC || c == bestC && n > bestN {
			best, bestC, bestN = i, c, n
		}
	}
	return rs[best].ev
}

// eventDate is the date a report is stored and merged under: the
// event's, else the document's, else "" (a date that is not YYYY-MM-DD
// counts as none).
func eventDate(event, document string) string {
	if _, ok := day(event); ok {
		return event
	}
	if _, ok := day(document); ok {
		return document
	}
	return ""
}

// distance is how many days date lies outside [first, last]: 0 inside
// (and for undated reports, which only meet undated records).
func distance(date, first, last string) int {
	t, ok1 := day(date)
	f, ok2 := day(first)
	l, ok3 := day(last)
	if !ok1 || !ok2 || !ok3 {
		return 0
	}
	switch {
	case t.Before(f):
		return int(f.Sub(t).Hours() / 24)
	case t.After(l):
		return int(t.Sub(l).Hours() / 24)
	}
	return 0
}

// refresh recomputes a stored record's counts, dates, majority code and
// example from its reports.
func (p *putter) refresh(id int64) error {
	var reports, mentions, articles, outlets, asserted, claimed, denied, negated, hypothetical int
	var first, last string
	err := p.queryRow(qRecordCounts, id).Scan(&reports, &mentions, &articles, &outlets,
		&asserted, &claimed, &denied, &negated, &hypothetical, &first, &last)
	if err != nil {
		return err
	}
	var cameo, plover string
	var goldstein float64
	var quad int
	if err := p.queryRow(qRecordCode, id).Scan(&cameo, &plover, &goldstein, &quad); err != nil {
		return err
	}
	var example, url string
	if err := p.queryRow(qRecordExample, id).Scan(&example, &url); err != nil {
		return err
	}
	_, err = p.exec(qRefreshRecord, cameo, plover, goldstein, quad, mentions, articles, outlets, reports,
		asserted, claimed, denied, negated, hypothetical, first, last, example, url, p.now, id)
	return err
}
