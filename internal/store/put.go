package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"dyad/internal/doc"
)

// batchRows is the most rows one INSERT statement carries. Quotes and
// events go in batches of a power of two rows (64, 32, ..., 1), so that
// few statements are prepared per table (sentences and mentions are one
// row a document, see spans): one
// statement per row made Put several times slower, and a statement for
// every batch size spent 17% of BenchmarkPut preparing them.
const batchRows = 64

// batch returns how many of rows the next INSERT carries.
func batch(rows int) int {
	n := batchRows
	for n > rows {
		n >>= 1
	}
	return n
}

// The statements of Put, prepared once on the writer.
const (
	qInsertDocument = `INSERT INTO documents (key, doc_id, date, date_assumed, source, url, title, text, added)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING RETURNING id`
	qFindDocument = `SELECT id, date, date_assumed, source, url, title FROM documents WHERE key = ?`
	qFindRecords  = `SELECT id, first_date, last_date, cameo FROM records
		WHERE source = ? AND target = ? AND root = ? AND last_date >= ? AND first_date <= ?
		ORDER BY id`
	qStretchRecord = `UPDATE records SET first_date = ?, last_date = ? WHERE id = ?`
	// qNewRecord inserts a record under the id RecordID gives, nothing
	// when a record has that id (then the next id is tried).
	qNewRecord = `INSERT INTO records (id, source, target, root, cameo, plover, goldstein, quad_class,
		first_date, last_date, mentions, articles, outlets, reports, asserted, claimed, denied, negated, hypothetical,
		example, source_url, added, updated)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING RETURNING id`
	qRecordCounts = `SELECT COUNT(*),
		COALESCE(SUM(CASE WHEN status IN ('asserted', 'claimed') THEN 1 ELSE 0 END), 0),
		COUNT(DISTINCT CASE WHEN status IN ('asserted', 'claimed') THEN doc END),
		COUNT(DISTINCT CASE WHEN status IN ('asserted', 'claimed') THEN outlet END),
		COALESCE(SUM(CASE WHEN status = 'asserted' THEN 1 ELSE 0 END), 0),
		COALESCE(SUM(CASE WHEN status = 'claimed' THEN 1 ELSE 0 END), 0),
		COALESCE(SUM(CASE WHEN status = 'denied' THEN 1 ELSE 0 END), 0),
		COALESCE(SUM(CASE WHEN status = 'negated' THEN 1 ELSE 0 END), 0),
		COALESCE(SUM(CASE WHEN status = 'hypothetical' THEN 1 ELSE 0 END), 0),
		COALESCE(MIN(date), ''), COALESCE(MAX(date), '')
		FROM events WHERE record = ?`
	qRecordCode = `SELECT e.cameo, e.plover, e.goldstein, e.quad_class FROM events e
		JOIN (SELECT MIN(id) AS first FROM events WHERE record = ?
			GROUP BY cameo ORDER BY SUM(CASE WHEN status IN ('asserted', 'claimed') THEN 1 ELSE 0 END) DESC,
			COUNT(*) DESC, MIN(id) LIMIT 1) m ON e.id = m.first`
	// qRecordExample gives a record's example: the sentence and URL of
	// its first asserted or claimed report, else of its first report.
	qRecordExample = `SELECT e.text, d.url FROM events e JOIN documents d ON d.id = e.doc WHERE e.record = ?
		ORDER BY CASE WHEN e.status IN ('asserted', 'claimed') THEN 0 ELSE 1 END, e.id LIMIT 1`
	qRefreshRecord = `UPDATE records SET cameo = ?, plover = ?, goldstein = ?, quad_class = ?,
		mentions = ?, articles = ?, outlets = ?, reports = ?, asserted = ?, claimed = ?, denied = ?, negated = ?,
		hypothetical = ?, first_date = ?, last_date = ?, example = ?, source_url = ?, updated = ? WHERE id = ?`
)

const qInsertSpans = `INSERT INTO doc_spans (doc, n_sentences, n_mentions, sentences, mentions) VALUES (?, ?, ?, ?, ?)`

// qUpsertActor adds an actor's reports of one document: the first words
// and codes seen stay, the counts add up and the dates widen (” is no
// date).
const qUpsertActor = `INSERT INTO actors (code, country, sector, name, reports, first_date, last_date)
	VALUES (?, ?, ?, ?, ?, ?, ?)
	ON CONFLICT (code) DO UPDATE SET
		country = CASE WHEN actors.country = '' THEN excluded.country ELSE actors.country END,
		sector = CASE WHEN actors.sector = '' THEN excluded.sector ELSE actors.sector END,
		name = CASE WHEN actors.name = '' THEN excluded.name ELSE actors.name END,
		reports = actors.reports + excluded.reports,
		first_date = CASE WHEN actors.first_date = '' OR (excluded.first_date <> '' AND excluded.first_date < actors.first_date)
			THEN excluded.first_date ELSE actors.first_date END,
		last_date = CASE WHEN excluded.last_date > actors.last_date THEN excluded.last_date ELSE actors.last_date END`

var putQueries = []string{qInsertDocument, qFindDocument, qFindRecords, qStretchRecord, qNewRecord, qRecordCounts, qRecordCode, qRecordExample, qRefreshRecord, qInsertSpans, qUpsertActor}

// Put stores res in one transaction; see Store.
func (e *engine) Put(ctx context.Context, res *doc.Result) (PutResult, error) {
	if res == nil {
		return PutResult{}, errors.New("store: Put: nil result")
	}
	d := &res.Document
	key := DocKey(d.Text)
	out := PutResult{Key: key}
	e.mu.Lock()
	defer e.mu.Unlock()
	// The writer has one connection, which the transaction holds: every
	// statement is prepared before it begins.
	if err := e.prepareFor(ctx, res); err != nil {
		return out, fmt.Errorf("store: %s: prepare: %w", d.ID, err)
	}
	tx, err := e.w.BeginTx(ctx, nil)
	if err != nil {
		return out, fmt.Errorf("store: %s: begin: %w", d.ID, err)
	}
	defer tx.Rollback() // a no-op after Commit
	p := putter{e: e, ctx: ctx, tx: tx, res: res, key: key, now: e.stamp()}
	if err := p.put(&out); err != nil {
		return PutResult{Key: key}, fmt.Errorf("store: %s: %w", d.ID, err)
	}
	if !out.New && !out.Updated {
		return out, nil
	}
	if err := tx.Commit(); err != nil {
		return PutResult{Key: key}, fmt.Errorf("store: %s: commit: %w", d.ID, err)
	}
	return out, nil
}

// PutBatch stores several documents in one transaction; see Store.
func (e *engine) PutBatch(ctx context.Context, rs []*doc.Result) ([]PutResult, []error, error) {
	outs := make([]PutResult, len(rs))
	errs := make([]error, len(rs))
	e.mu.Lock()
	defer e.mu.Unlock()
	for i, res := range rs {
		if res == nil {
			errs[i] = errors.New("store: PutBatch: nil result")
			continue
		}
		outs[i].Key = DocKey(res.Document.Text)
		if err := e.prepareFor(ctx, res); err != nil {
			return outs, errs, fmt.Errorf("store: %s: prepare: %w", res.Document.ID, err)
		}
	}
	tx, err := e.w.BeginTx(ctx, nil)
	if err != nil {
		return outs, errs, fmt.Errorf("store: begin: %w", err)
	}
	defer tx.Rollback() // a no-op after Commit
	now := e.stamp()
	fatal := func(err error) ([]PutResult, []error, error) {
		for i := range outs {
			outs[i] = PutResult{Key: outs[i].Key}
		}
		return outs, errs, err
	}
	// Each document in a savepoint: one that fails is rolled back alone
	// and the others are kept.
	for i, res := range rs {
		if res == nil {
			continue
		}
		if _, err := tx.ExecContext(ctx, "SAVEPOINT put_doc"); err != nil {
			return fatal(fmt.Errorf("store: savepoint: %w", err))
		}
		p := putter{e: e, ctx: ctx, tx: tx, res: res, key: outs[i].Key, now: now}
		if err := p.put(&outs[i]); err != nil {
			errs[i] = fmt.Errorf("store: %s: %w", res.Document.ID, err)
			outs[i] = PutResult{Key: outs[i].Key}
			if _, err := tx.ExecContext(ctx, "ROLLBACK TO SAVEPOINT put_doc"); err != nil {
				return fatal(fmt.Errorf("store: rollback to savepoint: %w", err))
			}
		}
		if _, err := tx.ExecContext(ctx, "RELEASE SAVEPOINT put_doc"); err != nil {
			return fatal(fmt.Errorf("store: release savepoint: %w", err))
		}
	}
	if err := tx.Commit(); err != nil {
		return fatal(fmt.Errorf("store: commit: %w", err))
	}
	return outs, errs, nil
}

// putter is one Put's state.
type putter struct {
	e   *engine
	ctx context.Context
	tx  *sql.Tx
	res *doc.Result
	key string
	now string
	doc int64 // documents.id
}

func (p *putter) check(stage string) error {
	if p.e.fail != nil {
		return p.e.fail(stage)
	}
	return nil
}

// stmt returns the statement for query, prepared by prepareFor, bound
// to the transaction.
func (p *putter) stmt(query string) (*sql.Stmt, error) {
	s, ok := p.e.stmts[query]
	if !ok {
		return nil, fmt.Errorf("statement not prepared: %.60s", query)
	}
	return p.tx.StmtContext(p.ctx, s), nil
}

// exec runs a prepared statement inside the transaction.
func (p *putter) exec(query string, args ...any) (sql.Result, error) {
	s, err := p.stmt(query)
	if err != nil {
		return nil, err
	}
	return s.ExecContext(p.ctx, args...)
}

// query runs a prepared query inside the transaction.
func (p *putter) query(query string, args ...any) (*sql.Rows, error) {
	s, err := p.stmt(query)
	if err != nil {
		return nil, err
	}
	return s.QueryContext(p.ctx, args...)
}

// queryRow runs a prepared one-row query inside the transaction.
func (p *putter) queryRow(query string, args ...any) row {
	s, err := p.stmt(query)
	if err != nil {
		return row{err: err}
	}
	return row{row: s.QueryRowContext(p.ctx, args...)}
}

// row is a *sql.Row or the error of preparing its statement.
type row struct {
	row *sql.Row
	err error
}

func (r row) Scan(dest ...any) error {
	if r.err != nil {
		return r.err
	}
	return r.row.Scan(dest...)
}

func (p *putter) put(out *PutResult) error {
	if p.e.d.lock != "" {
		if _, err := p.tx.ExecContext(p.ctx, p.e.d.lock); err != nil {
			return fmt.Errorf("lock: %w", err)
		}
	}
	d := &p.res.Document
	err := p.queryRow(qInsertDocument,
		p.key, d.ID, d.Date, b2i(d.DateAssumed), d.Source, d.URL, d.Title, d.Text, p.now).Scan(&p.doc)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		// Stored before: nothing to do, unless the metadata changed.
		changed, err := p.restore()
		if err != nil {
			return fmt.Errorf("document stored again: %w", err)
		}
		if !changed {
			return nil
		}
		out.Updated = true
	case err != nil:
		return fmt.Errorf("document: %w", err)
	default:
		out.New = true
	}
	if err := p.check("document"); err != nil {
		return err
	}
	if err := p.spans(); err != nil {
		return fmt.Errorf("sentences and mentions: %w", err)
	}
	if err := p.quotes(); err != nil {
		return fmt.Errorf("quotes: %w", err)
	}
	if err := p.check("quotes"); err != nil {
		return err
	}
	n, err := p.events()
	if err != nil {
		return fmt.Errorf("events: %w", err)
	}
	if err := p.actors(); err != nil {
		return fmt.Errorf("actors: %w", err)
	}
	out.Events = len(p.res.Events)
	out.Records = n
	return p.check("events")
}

// table is a table that Put fills in batches.
type table struct {
	name string
	cols string // comma-separated
	ncol int
}

var (
	quotesTable = table{"quotes", "doc, idx, quote_id, date, speaker, speaker_actor, speaker_text, speaker_start, speaker_stop, " +
		"cue, cue_start, cue_stop, content, content_start, content_stop, direct, via", 17}
	eventsTable = table{"events", "doc, record, event_id, sentence, date, outlet, source, source_actor, target, target_actor, " +
		"cameo, plover, mode, goldstein, quad_class, verb, verb_start, verb_stop, negated, modality, " +
		"status, reported_by, claimant, quote_id, contests, location, text, pattern, sentence_start, sentence_stop", 30}
)

// batchKey names the INSERT of n rows into a table.
type batchKey struct {
	table string
	n     int
}

// batchQuery returns INSERT INTO t (cols) VALUES (?, ...), ... for n
// rows, built once. Callers hold e.mu.
func (e *engine) batchQuery(t table, n int) string {
	k := batchKey{t.name, n}
	if q, ok := e.batches[k]; ok {
		return q
	}
	row := "(" + strings.Repeat("?, ", t.ncol-1) + "?)"
	var b strings.Builder
	b.WriteString("INSERT INTO " + t.name + " (" + t.cols + ") VALUES ")
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(row)
	}
	e.batches[k] = b.String()
	return e.batches[k]
}

// prepareFor prepares every statement that Put needs for res: the fixed
// ones and the batch INSERTs of its sizes. Callers hold e.mu.
func (e *engine) prepareFor(ctx context.Context, res *doc.Result) error {
	for _, q := range putQueries {
		if err := e.prepare(ctx, q); err != nil {
			return err
		}
	}
	for _, tn := range []struct {
		t    table
		rows int
	}{{quotesTable, len(res.Quotes)}, {eventsTable, len(res.Events)}} {
		for rows := tn.rows; rows > 0; {
			n := batch(rows)
			if err := e.prepare(ctx, e.batchQuery(tn.t, n)); err != nil {
				return err
			}
			rows -= n
		}
	}
	return nil
}

// insertRows inserts the rows in vals (t.ncol values each) into t, in
// batches.
func (p *putter) insertRows(t table, vals []any) error {
	for rows := len(vals) / t.ncol; rows > 0; {
		n := batch(rows)
		if _, err := p.exec(p.e.batchQuery(t, n), vals[:n*t.ncol]...); err != nil {
			return err
		}
		vals, rows = vals[n*t.ncol:], rows-n
	}
	return nil
}

// actors adds the document's asserted and claimed reports to the
// actors they name.
func (p *putter) actors() error {
	type seen struct {
		a           *doc.Actor
		reports     int
		first, last string
	}
	by := map[string]*seen{}
	var codes []string
	add := func(a *doc.Actor, date string) {
		if a == nil || a.Code == "" {
			return
		}
		x := by[a.Code]
		if x == nil {
			x = &seen{a: a, first: date, last: date}
			by[a.Code] = x
			codes = append(codes, a.Code)
		}
		x.reports++
		if x.first == "" || date != "" && date < x.first {
			x.first = date
		}
		x.last = max(x.last, date)
	}
	d := p.res.Document.Date
	for i := range p.res.Events {
		ev := &p.res.Events[i]
		if !counted(ev.Status) {
			continue // evidence, not an event
		}
		date := eventDate(ev.Date, d)
		add(&ev.Source, date)
		add(ev.Target, date)
	}
	slices.Sort(codes) // one order for every writer
	for _, c := range codes {
		x := by[c]
		if _, err := p.exec(qUpsertActor, c, x.a.Country, x.a.Sector, x.a.Text, x.reports, x.first, x.last); err != nil {
			return err
		}
	}
	return nil
}

// spans stores the document's sentence and mention spans, one row of
// JSON arrays (they are read only whole, with the document).
func (p *putter) spans() error {
	var b strings.Builder
	b.WriteByte('[')
	for i, s := range p.res.Sentences {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('[')
		b.WriteString(strconv.Itoa(s.Span.Start))
		b.WriteByte(',')
		b.WriteString(strconv.Itoa(s.Span.End))
		b.WriteByte(']')
	}
	b.WriteByte(']')
	sentences := b.String()
	b.Reset()
	b.WriteByte('[')
	n := 0
	for si, ms := range p.res.Mentions {
		for mi := range ms {
			m := &ms[mi]
			if n > 0 {
				b.WriteByte(',')
			}
			n++
			b.WriteByte('[')
			for _, v := range [3]int{si, m.Span.Start, m.Span.End} {
				b.WriteString(strconv.Itoa(v))
				b.WriteByte(',')
			}
			for k, v := range [5]string{m.Kind.String(), m.Code, m.Country, m.Sector, m.ID} {
				if k > 0 {
					b.WriteByte(',')
				}
				writeJSONString(&b, v)
			}
			b.WriteByte(']')
		}
	}
	b.WriteByte(']')
	_, err := p.exec(qInsertSpans, p.doc, len(p.res.Sentences), n, sentences, b.String())
	return err
}

// writeJSONString writes s as a JSON string: as it is between quotes
// when it is plain printable ASCII (dictionary codes), through
// encoding/json otherwise.
func writeJSONString(b *strings.Builder, s string) {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			j, _ := json.Marshal(s)
			b.Write(j)
			return
		}
	}
	b.WriteByte('"')
	b.WriteString(s)
	b.WriteByte('"')
}

func (p *putter) quotes() error {
	qs := p.res.Quotes
	vals := make([]any, 0, 17*len(qs))
	for i := range qs {
		q := &qs[i]
		speaker := ""
		if q.Speaker != nil {
			speaker = q.Speaker.Code
		}
		sa, err := encodeActor(q.Speaker)
		if err != nil {
			return err
		}
		via, err := encodeActors(q.Via)
		if err != nil {
			return err
		}
		vals = append(vals, p.doc, i, q.ID, p.res.Document.Date, speaker, sa,
			q.SpeakerText.Text, q.SpeakerText.Span.Start, q.SpeakerText.Span.End,
			q.Cue.Text, q.Cue.Span.Start, q.Cue.Span.End,
			q.Content.Text, q.Content.Span.Start, q.Content.Span.End,
			b2i(q.Direct), via)
	}
	return p.insertRows(quotesTable, vals)
}
