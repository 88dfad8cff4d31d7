package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"dyad/internal/doc"
)

// Limits of a listing.
const (
	DefaultLimit = 100
	MaxLimit     = 10000
)

func limits(limit, offset int) (int, int) {
	if limit <= 0 {
		limit = DefaultLimit
	}
	return min(limit, MaxLimit), max(offset, 0)
}

// where collects the conditions of a query and their arguments. Every
// value is a bind parameter; the conditions are constants of this file.
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

// prefix adds "col starts with p" unless p is empty.
func (w *where) prefix(col, p string) {
	if p != "" {
		w.add(col+` LIKE ? ESCAPE '\'`, likePrefix(p))
	}
}

func (w *where) String() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

// unmatchable reports whether a filter value can match no stored value:
// one with NUL or invalid UTF-8 (PostgreSQL refuses to compare them and
// SQLite's LIKE stops at NUL, so both engines answer "nothing" instead).
func unmatchable(vs ...string) bool {
	for _, v := range vs {
		if strings.IndexByte(v, 0) >= 0 || !utf8.ValidString(v) {
			return true
		}
	}
	return false
}

func (f *EventFilter) unmatchable() bool {
	return unmatchable(f.From, f.To, f.Actor, f.Source, f.Target, f.PLOVER, f.CAMEO, f.Claimant)
}

// ErrBadStatus is returned for a Status filter value that is not one of
// Statuses.
var ErrBadStatus = errors.New("not a status (asserted, claimed, denied, negated, hypothetical)")

// statusSet returns the statuses f selects (CountedStatuses when none),
// each once, in the order of Statuses.
func (f *EventFilter) statusSet() ([]string, error) {
	if len(f.Status) == 0 {
		return CountedStatuses, nil
	}
	for _, st := range f.Status {
		if !slices.Contains(Statuses, st) {
			return nil, fmt.Errorf("status %q: %w", st, ErrBadStatus)
		}
	}
	var out []string
	for _, st := range Statuses {
		if slices.Contains(f.Status, st) {
			out = append(out, st)
		}
	}
	return out, nil
}

// statusSum is the SQL sum of the status count columns of records r
// that the statuses name (each one of Statuses, so a column name).
func statusSum(statuses []string) string {
	cols := make([]string, len(statuses))
	for i, st := range statuses {
		cols[i] = "r." + st
	}
	return "(" + strings.Join(cols, " + ") + ")"
}

// statusIn adds "col is one of statuses" to w.
func (w *where) statusIn(col string, statuses []string) {
	args := make([]any, len(statuses))
	for i, st := range statuses {
		args[i] = st
	}
	w.add(col+" IN (?"+strings.Repeat(", ?", len(statuses)-1)+")", args...)
}

// recordFilter turns f into conditions on records r: those of f's
// fields, and a report of a status f selects.
func recordFilter(f EventFilter) (*where, error) {
	w := &where{}
	statuses, err := f.statusSet()
	if err != nil {
		return nil, err
	}
	w.add(statusSum(statuses) + " > 0")
	if f.From != "" {
		w.add("r.last_date >= ?", f.From)
	}
	if f.To != "" {
		w.add("r.first_date <> '' AND r.first_date <= ?", f.To)
	}
	if f.Actor != "" {
		p := likePrefix(f.Actor)
		w.add(`(r.source LIKE ? ESCAPE '\' OR r.target LIKE ? ESCAPE '\')`, p, p)
	}
	w.prefix("r.source", f.Source)
	w.prefix("r.target", f.Target)
	if f.PLOVER != "" {
		w.add("r.plover = ?", f.PLOVER)
	}
	w.prefix("r.cameo", f.CAMEO)
	if f.Claimant != "" {
		w.add(`EXISTS (SELECT 1 FROM events c WHERE c.record = r.id AND c.claimant LIKE ? ESCAPE '\')`,
			likePrefix(f.Claimant))
	}
	return w, nil
}

const recordCols = `r.id, r.source, r.target, r.root, r.cameo, r.plover, r.goldstein, r.quad_class,
	r.first_date, r.last_date, r.mentions, r.articles, r.outlets, r.asserted, r.claimed, r.denied,
	r.negated, r.hypothetical, r.example, r.source_url, r.added, r.updated, r.reports`

type scanner interface{ Scan(dest ...any) error }

// list runs the query of a listing (Events, Quotes, Actors) on the
// readers, after showing it to e.listed (tests: its plan).
func (e *engine) list(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	query = e.d.q(query)
	if e.listed != nil {
		e.listed(query, args)
	}
	return e.r.QueryContext(ctx, query, args...)
}

func scanRecord(s scanner, r *Record) error {
	err := s.Scan(&r.ID, &r.Source, &r.Target, &r.Root, &r.CAMEO, &r.PLOVER, &r.Goldstein, &r.QuadClass,
		&r.FirstDate, &r.LastDate, &r.Mentions, &r.Articles, &r.Outlets, &r.Asserted, &r.Claimed, &r.Denied,
		&r.Negated, &r.Hypothetical, &r.Example, &r.SourceURL, &r.Added, &r.Updated, &r.Reports)
	if err == nil {
		r.Status = r.statuses()
	}
	return err
}

// statuses lists the statuses r has reports of, comma-separated.
func (r *Record) statuses() string {
	var b strings.Builder
	for i, n := range [...]int{r.Asserted, r.Claimed, r.Denied, r.Negated, r.Hypothetical} {
		if n > 0 {
			if b.Len() > 0 {
				b.WriteByte(',')
			}
			b.WriteString(Statuses[i])
		}
	}
	return b.String()
}

// Events lists event records; see Store.
func (e *engine) Events(ctx context.Context, f EventFilter) ([]Record, error) {
	if f.unmatchable() {
		return []Record{}, nil
	}
	w, err := recordFilter(f)
	if err != nil {
		return nil, fmt.Errorf("store: events: %w", err)
	}
	if f.After != "" {
		var date string
		var id int64
		if err := decodeCursor(f.After, &date, &id); err != nil {
			return nil, fmt.Errorf("store: events: %w", err)
		}
		if unmatchable(date) {
			return []Record{}, nil
		}
		// A row value, which PostgreSQL's planner reads as one range of
		// records_recent (the OR form it scanned and sorted).
		w.add("(r.last_date, r.id) < (?, ?)", date, id)
	}
	limit, offset := limits(f.Limit, f.Offset)
	rows, err := e.list(ctx, `SELECT `+recordCols+` FROM records r`+w.String()+
		` ORDER BY r.last_date DESC, r.id DESC LIMIT ? OFFSET ?`, append(w.args, limit, offset)...)
	if err != nil {
		return nil, fmt.Errorf("store: events: %w", err)
	}
	defer rows.Close()
	out := []Record{}
	for rows.Next() {
		var r Record
		if err := scanRecord(rows, &r); err != nil {
			return nil, fmt.Errorf("store: events: %w", err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: events: %w", err)
	}
	return out, nil
}

// Event returns a record and its reports, oldest first; see Store.
func (e *engine) Event(ctx context.Context, id int64) (Record, []Evidence, error) {
	var r Record
	err := scanRecord(e.r.QueryRowContext(ctx, e.d.q(`SELECT `+recordCols+` FROM records r WHERE r.id = ?`), id), &r)
	if errors.Is(err, sql.ErrNoRows) {
		return Record{}, nil, fmt.Errorf("store: event %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return Record{}, nil, fmt.Errorf("store: event %d: %w", id, err)
	}
	ev, err := e.evidence(ctx, "e.record = ?", id)
	if err != nil {
		return Record{}, nil, fmt.Errorf("store: event %d: %w", id, err)
	}
	return r, ev, nil
}

// evidence returns the reports that cond (on events e) selects, in
// the order they were stored.
func (e *engine) evidence(ctx context.Context, cond string, arg any) ([]Evidence, error) {
	rows, err := e.r.QueryContext(ctx, e.d.q(`SELECT e.id, e.record, d.key, d.doc_id, d.source, d.url, d.title,
		e.event_id, e.sentence, e.date, e.source_actor, e.target_actor, e.cameo, e.plover, e.mode, e.goldstein, e.quad_class,
		e.verb, e.verb_start, e.verb_stop, e.negated, e.modality, e.status, e.reported_by, e.claimant,
		e.quote_id, e.contests, e.location, e.text, e.pattern,
		CASE WHEN e.sentence_start >= 0 THEN e.sentence_start ELSE COALESCE(s.start, -1) END,
		CASE WHEN e.sentence_start >= 0 THEN e.sentence_stop ELSE COALESCE(s.stop, -1) END, d.date_assumed
		FROM events e JOIN documents d ON d.id = e.doc
		LEFT JOIN sentences s ON e.sentence_start < 0 AND s.doc = e.doc AND s.idx = e.sentence
		WHERE `+cond+` ORDER BY e.id`), arg)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Evidence{}
	for rows.Next() {
		var v Evidence
		var sa string
		var ta sql.NullString
		var rb, contests string
		var negated, assumed int
		ev := &v.Event
		if err := rows.Scan(&v.ID, &v.RecordID, &v.DocKey, &v.DocID, &v.Outlet, &v.URL, &v.Title,
			&ev.ID, &ev.Sentence, &ev.Date, &sa, &ta, &ev.CAMEO, &ev.PLOVER, &ev.Mode, &ev.Goldstein, &ev.QuadClass,
			&ev.Verb.Text, &ev.Verb.Span.Start, &ev.Verb.Span.End, &negated, &ev.Modality, &ev.Status, &rb,
			&v.Claimant, &ev.QuoteID, &contests, &ev.Location, &ev.Text, &ev.Pattern,
			&v.SentenceSpan.Start, &v.SentenceSpan.End, &assumed); err != nil {
			return nil, err
		}
		ev.DocID = v.DocID
		// An event's date is assumed when its document's is (the coder
		// sets Event.DateAssumed so).
		ev.DateAssumed = assumed != 0
		ev.Negated = negated != 0
		src, err := decodeActor(sql.NullString{String: sa, Valid: true})
		if err != nil {
			return nil, err
		}
		ev.Source = *src
		if ev.Target, err = decodeActor(ta); err != nil {
			return nil, err
		}
		if ev.ReportedBy, err = decodeActors(rb); err != nil {
			return nil, err
		}
		if ev.Contests, err = decodeStrings(contests); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// Document returns a stored document and what was found in it; see Store.
func (e *engine) Document(ctx context.Context, key string) (StoredDocument, error) {
	if unmatchable(key) {
		return StoredDocument{}, fmt.Errorf("store: document %q: %w", key, ErrNotFound)
	}
	var sd StoredDocument
	var id int64
	d := &sd.Document
	var assumed int
	err := e.r.QueryRowContext(ctx, e.d.q(`SELECT id, key, doc_id, date, date_assumed, source, url, title, text, added
		FROM documents WHERE key = ?`), key).Scan(&id, &sd.Key, &d.ID, &d.Date, &assumed, &d.Source, &d.URL, &d.Title, &d.Text, &sd.Added)
	d.DateAssumed = assumed != 0
	if errors.Is(err, sql.ErrNoRows) {
		return StoredDocument{}, fmt.Errorf("store: document %q: %w", key, ErrNotFound)
	}
	if err != nil {
		return StoredDocument{}, fmt.Errorf("store: document %s: %w", key, err)
	}
	if err := e.documentParts(ctx, id, &sd); err != nil {
		return StoredDocument{}, fmt.Errorf("store: document %s: %w", key, err)
	}
	return sd, nil
}

func (e *engine) documentParts(ctx context.Context, id int64, sd *StoredDocument) error {
	var sentences, mentions string
	err := e.r.QueryRowContext(ctx, e.d.q(`SELECT sentences, mentions FROM doc_spans WHERE doc = ?`), id).Scan(&sentences, &mentions)
	switch {
	case err == nil:
		if sd.Sentences, sd.Mentions, err = decodeSpans(sentences, mentions); err != nil {
			return err
		}
	case errors.Is(err, sql.ErrNoRows):
		// Stored before schema version 2: a row each.
		if err := e.spanRows(ctx, id, sd); err != nil {
			return err
		}
	default:
		return err
	}
	if sd.Events, err = e.evidence(ctx, "e.doc = ?", id); err != nil {
		return err
	}
	return e.documentQuotes(ctx, id, sd)
}

// spanRows reads the sentences and mentions of a document stored before
// schema version 2, a row each.
func (e *engine) spanRows(ctx context.Context, id int64, sd *StoredDocument) error {
	rows, err := e.r.QueryContext(ctx, e.d.q(`SELECT start, stop FROM sentences WHERE doc = ? ORDER BY idx`), id)
	if err != nil {
		return err
	}
	sd.Sentences = []doc.Span{}
	for rows.Next() {
		var s doc.Span
		if err := rows.Scan(&s.Start, &s.End); err != nil {
			rows.Close()
			return err
		}
		sd.Sentences = append(sd.Sentences, s)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}

	rows, err = e.r.QueryContext(ctx, e.d.q(`SELECT sentence, start, stop, kind, code, country, sector, ident
		FROM mentions WHERE doc = ? ORDER BY idx`), id)
	if err != nil {
		return err
	}
	sd.Mentions = []MentionSpan{}
	for rows.Next() {
		var m MentionSpan
		if err := rows.Scan(&m.Sentence, &m.Span.Start, &m.Span.End, &m.Kind, &m.Code, &m.Country, &m.Sector, &m.ID); err != nil {
			rows.Close()
			return err
		}
		sd.Mentions = append(sd.Mentions, m)
	}
	rows.Close()
	return rows.Err()
}

// documentQuotes reads the quotes of a document.
func (e *engine) documentQuotes(ctx context.Context, id int64, sd *StoredDocument) error {
	qs, err := e.quotes(ctx, &where{conds: []string{"q.doc = ?"}, args: []any{id}}, "q.idx", MaxLimit, 0)
	if err != nil {
		return err
	}
	sd.Quotes = make([]doc.Quote, len(qs))
	for i := range qs {
		sd.Quotes[i] = qs[i].Quote
	}
	return nil
}

// Quotes lists quotes, newest document first, in text order within a
// document; see Store.
func (e *engine) Quotes(ctx context.Context, f QuoteFilter) ([]StoredQuote, error) {
	if unmatchable(f.DocKey, f.Speaker, f.From, f.To) {
		return []StoredQuote{}, nil
	}
	w := &where{}
	if f.DocKey != "" {
		w.add("d.key = ?", f.DocKey)
	}
	w.prefix("q.speaker", f.Speaker)
	if f.From != "" {
		w.add("q.date >= ?", f.From)
	}
	if f.To != "" {
		w.add("q.date <> '' AND q.date <= ?", f.To)
	}
	if f.After != "" {
		var date string
		var doc, idx int64
		if err := decodeCursor(f.After, &date, &doc, &idx); err != nil {
			return nil, fmt.Errorf("store: quotes: %w", err)
		}
		if unmatchable(date) {
			return []StoredQuote{}, nil
		}
		// The first condition is a range of quotes_list; the second picks
		// within its first date (one OR of it all made a sort of the rows).
		w.add("q.date <= ? AND (q.date < ? OR q.doc < ? OR q.doc = ? AND q.idx > ?)", date, date, doc, doc, idx)
	}
	limit, offset := limits(f.Limit, f.Offset)
	qs, err := e.quotes(ctx, w, "q.date DESC, q.doc DESC, q.idx", limit, offset)
	if err != nil {
		return nil, fmt.Errorf("store: quotes: %w", err)
	}
	return qs, nil
}

func (e *engine) quotes(ctx context.Context, w *where, order string, limit, offset int) ([]StoredQuote, error) {
	rows, err := e.list(ctx, `SELECT d.key, d.doc_id, q.date, q.quote_id, q.speaker_actor,
		q.speaker_text, q.speaker_start, q.speaker_stop, q.cue, q.cue_start, q.cue_stop,
		q.content, q.content_start, q.content_stop, q.direct, q.via, q.doc, q.idx
		FROM quotes q JOIN documents d ON d.id = q.doc`+w.String()+` ORDER BY `+order+` LIMIT ? OFFSET ?`,
		append(w.args, limit, offset)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []StoredQuote{}
	for rows.Next() {
		var sq StoredQuote
		q := &sq.Quote
		var sa sql.NullString
		var direct int
		var via string
		if err := rows.Scan(&sq.DocKey, &q.DocID, &sq.Date, &q.ID, &sa,
			&q.SpeakerText.Text, &q.SpeakerText.Span.Start, &q.SpeakerText.Span.End,
			&q.Cue.Text, &q.Cue.Span.Start, &q.Cue.Span.End,
			&q.Content.Text, &q.Content.Span.Start, &q.Content.Span.End, &direct, &via, &sq.doc, &sq.idx); err != nil {
			return nil, err
		}
		q.Direct = direct != 0
		if q.Speaker, err = decodeActor(sa); err != nil {
			return nil, err
		}
		if q.Via, err = decodeActors(via); err != nil {
			return nil, err
		}
		out = append(out, sq)
	}
	return out, rows.Err()
}

// Series gives the daily counts of the reports that f selects, oldest
// day first. The filter applies to each report (its codes, claimant and
// date); undated reports are left out, and Limit and Offset are ignored.
func (e *engine) Series(ctx context.Context, f EventFilter) ([]Day, error) {
	if f.unmatchable() {
		return []Day{}, nil
	}
	statuses, err := f.statusSet()
	if err != nil {
		return nil, fmt.Errorf("store: series: %w", err)
	}
	w := &where{}
	w.add("e.date <> ''")
	w.statusIn("e.status", statuses)
	if f.From != "" {
		w.add("e.date >= ?", f.From)
	}
	if f.To != "" {
		w.add("e.date <= ?", f.To)
	}
	if f.Actor != "" {
		p := likePrefix(f.Actor)
		w.add(`(e.source LIKE ? ESCAPE '\' OR e.target LIKE ? ESCAPE '\')`, p, p)
	}
	w.prefix("e.source", f.Source)
	w.prefix("e.target", f.Target)
	if f.PLOVER != "" {
		w.add("e.plover = ?", f.PLOVER)
	}
	w.prefix("e.cameo", f.CAMEO)
	w.prefix("e.claimant", f.Claimant)
	rows, err := e.r.QueryContext(ctx, e.d.q(`SELECT e.date, COUNT(*),
		COALESCE(SUM(CASE WHEN e.quad_class IN (1, 2) THEN 1 ELSE 0 END), 0),
		COALESCE(SUM(CASE WHEN e.quad_class IN (3, 4) THEN 1 ELSE 0 END), 0),
		COALESCE(SUM(e.goldstein), 0)
		FROM events e`+w.String()+` GROUP BY e.date ORDER BY e.date`), w.args...)
	if err != nil {
		return nil, fmt.Errorf("store: series: %w", err)
	}
	defer rows.Close()
	out := []Day{}
	for rows.Next() {
		var d Day
		if err := rows.Scan(&d.Date, &d.Events, &d.Cooperation, &d.Conflict, &d.Goldstein); err != nil {
			return nil, fmt.Errorf("store: series: %w", err)
		}
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: series: %w", err)
	}
	return out, nil
}

// Network gives the (source, target) edges of the records f selects,
// most mentioned first; records without a target make no edge. See Store.
func (e *engine) Network(ctx context.Context, f EventFilter) ([]Edge, error) {
	if f.unmatchable() {
		return []Edge{}, nil
	}
	w, err := recordFilter(f)
	if err != nil {
		return nil, fmt.Errorf("store: network: %w", err)
	}
	statuses, _ := f.statusSet()
	mentions := "SUM" + statusSum(statuses) // statusSum is column names only
	w.add("r.target <> ''")
	limit, offset := limits(f.Limit, f.Offset)
	rows, err := e.r.QueryContext(ctx, e.d.q(`SELECT r.source, r.target, COUNT(*), `+mentions+`, AVG(r.goldstein)
		FROM records r`+w.String()+` GROUP BY r.source, r.target
		ORDER BY `+mentions+` DESC, COUNT(*) DESC, r.source, r.target LIMIT ? OFFSET ?`),
		append(w.args, limit, offset)...)
	if err != nil {
		return nil, fmt.Errorf("store: network: %w", err)
	}
	defer rows.Close()
	out := []Edge{}
	for rows.Next() {
		var g Edge
		if err := rows.Scan(&g.Source, &g.Target, &g.Records, &g.Mentions, &g.Goldstein); err != nil {
			return nil, fmt.Errorf("store: network: %w", err)
		}
		out = append(out, g)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: network: %w", err)
	}
	return out, nil
}

// Actors lists actors; see Store.
func (e *engine) Actors(ctx context.Context, f ActorFilter) ([]StoredActor, error) {
	if unmatchable(f.Prefix) {
		return []StoredActor{}, nil
	}
	// The actors table counts asserted and claimed reports; other
	// statuses are counted from the reports, only when asked for.
	from := "actors"
	w := &where{}
	ef := EventFilter{Status: f.Status}
	statuses, err := ef.statusSet()
	if err != nil {
		return nil, fmt.Errorf("store: actors: %w", err)
	}
	if !slices.Equal(statuses, CountedStatuses) {
		in := "?" + strings.Repeat(", ?", len(statuses)-1)
		for range 2 {
			for _, st := range statuses {
				w.args = append(w.args, st)
			}
		}
		from = `(SELECT n.code, COALESCE(a.country, '') AS country, COALESCE(a.sector, '') AS sector,
			COALESCE(a.name, '') AS name, n.reports, n.first_date, n.last_date
			FROM (SELECT code, COUNT(*) AS reports, COALESCE(MIN(CASE WHEN date <> '' THEN date END), '') AS first_date,
				MAX(date) AS last_date
				FROM (SELECT source AS code, date FROM events WHERE status IN (` + in + `)
					UNION ALL SELECT target, date FROM events WHERE target <> '' AND status IN (` + in + `)) named
				GROUP BY code) n
			LEFT JOIN actors a ON a.code = n.code) x`
	}
	w.prefix("code", f.Prefix)
	if f.After != "" {
		var reports int64
		var code string
		if err := decodeCursor(f.After, &reports, &code); err != nil {
			return nil, fmt.Errorf("store: actors: %w", err)
		}
		if unmatchable(code) {
			return []StoredActor{}, nil
		}
		// A range of actors_list, then a pick within its first count
		// (one OR of it all made SQLite sort the rows).
		w.add("reports <= ? AND (reports < ? OR code > ?)", reports, reports, code)
	}
	limit, offset := limits(f.Limit, f.Offset)
	rows, err := e.list(ctx, `SELECT code, country, sector, name, reports, first_date, last_date
		FROM `+from+w.String()+` ORDER BY reports DESC, code LIMIT ? OFFSET ?`, append(w.args, limit, offset)...)
	if err != nil {
		return nil, fmt.Errorf("store: actors: %w", err)
	}
	defer rows.Close()
	out := []StoredActor{}
	for rows.Next() {
		var a StoredActor
		if err := rows.Scan(&a.Code, &a.Country, &a.Sector, &a.Name, &a.Reports, &a.FirstDate, &a.LastDate); err != nil {
			return nil, fmt.Errorf("store: actors: %w", err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: actors: %w", err)
	}
	return out, nil
}

// Counts returns the totals; see Store.
func (e *engine) Counts(ctx context.Context) (Counts, error) {
	var c Counts
	err := e.r.QueryRowContext(ctx, `SELECT
		(SELECT COUNT(*) FROM documents),
		(SELECT COUNT(*) FROM sentences) + (SELECT COALESCE(SUM(n_sentences), 0) FROM doc_spans),
		(SELECT COUNT(*) FROM mentions) + (SELECT COALESCE(SUM(n_mentions), 0) FROM doc_spans),
		(SELECT COUNT(*) FROM events), (SELECT COUNT(*) FROM records), (SELECT COUNT(*) FROM quotes),
		(SELECT COUNT(*) FROM actors)`).
		Scan(&c.Documents, &c.Sentences, &c.Mentions, &c.Events, &c.Records, &c.Quotes, &c.Actors)
	if err != nil {
		return Counts{}, fmt.Errorf("store: counts: %w", err)
	}
	return c, nil
}
