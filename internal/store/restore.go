package store

import (
	"fmt"
	"slices"

	"dyad/internal/doc"
)

// Storing a document again. A document's identity is its text (DocKey),
// but its metadata may come later or better: a date read from a second
// copy, a source or URL a feed gives. Put then updates the metadata and
// replaces what was coded under the old metadata (dates move offices and
// events) by the caller's new result.

// Statements of a re-ingest, rare enough to go unprepared.
const (
	qUpdateDocument = `UPDATE documents SET doc_id = ?, date = ?, date_assumed = ?, source = ?, url = ?, title = ? WHERE id = ?`
	qDocRecords     = `SELECT DISTINCT record FROM events WHERE doc = ? ORDER BY record`
	qDocActors      = `SELECT source FROM events WHERE doc = ? UNION SELECT target FROM events WHERE doc = ? AND target <> ''`
	qRecordLeft     = `SELECT COUNT(*) FROM events WHERE record = ?`
	qDeleteRecord   = `DELETE FROM records WHERE id = ?`
	// qRecountActor sets an actor's counts and dates from the stored
	// asserted and claimed reports (as migration 004 does for all).
	qRecountActor = `UPDATE actors SET
	reports = (SELECT COUNT(*) FROM events e WHERE e.source = ? AND e.status IN ('asserted', 'claimed'))
		+ (SELECT COUNT(*) FROM events e WHERE e.target = ? AND e.status IN ('asserted', 'claimed')),
	first_date = COALESCE((SELECT MIN(e.date) FROM events e WHERE (e.source = ? OR e.target = ?)
		AND e.date <> '' AND e.status IN ('asserted', 'claimed')), ''),
	last_date = COALESCE((SELECT MAX(e.date) FROM events e WHERE (e.source = ? OR e.target = ?)
		AND e.date <> '' AND e.status IN ('asserted', 'claimed')), '')
	WHERE code = ?`
	qDropActor = `DELETE FROM actors WHERE code = ? AND reports = 0`
)

// docParts are the tables that hold what was coded in a document, by
// its row id (sentences and mentions: stored before schema version 2).
var docParts = []string{"events", "quotes", "doc_spans", "sentences", "mentions"}

// restore handles a document whose key is stored already. When it brings
// no new metadata (newMetadata) it reports false and changes nothing;
// otherwise it updates the metadata,
// removes the document's reports, quotes and spans (and the records and
// actor counts they made), sets p.doc and reports true, so that put
// stores the new result as for a new document.
func (p *putter) restore() (bool, error) {
	d := &p.res.Document
	var date, source, url, title string
	var assumed int
	if err := p.queryRow(qFindDocument, p.key).Scan(&p.doc, &date, &assumed, &source, &url, &title); err != nil {
		return false, err
	}
	if !newMetadata(d, date, assumed != 0, source, url, title) {
		return false, nil
	}
	exec := func(q string, args ...any) error {
		_, err := p.tx.ExecContext(p.ctx, p.e.d.q(q), args...)
		return err
	}
	if err := exec(qUpdateDocument, d.ID, d.Date, b2i(d.DateAssumed), d.Source, d.URL, d.Title, p.doc); err != nil {
		return false, err
	}
	records, err := column[int64](p, qDocRecords, p.doc)
	if err != nil {
		return false, fmt.Errorf("records: %w", err)
	}
	codes, err := column[string](p, qDocActors, p.doc, p.doc)
	if err != nil {
		return false, fmt.Errorf("actors: %w", err)
	}
	for _, t := range docParts {
		// t is one of docParts: no input reaches the statement.
		if err := exec(`DELETE FROM `+t+` WHERE doc = ?`, p.doc); err != nil {
			return false, fmt.Errorf("%s: %w", t, err)
		}
	}
	for _, id := range records {
		var left int
		if err := p.tx.QueryRowContext(p.ctx, p.e.d.q(qRecordLeft), id).Scan(&left); err != nil {
			return false, fmt.Errorf("record %d: %w", id, err)
		}
		if left == 0 {
			err = exec(qDeleteRecord, id)
		} else {
			err = p.refresh(id)
		}
		if err != nil {
			return false, fmt.Errorf("record %d: %w", id, err)
		}
	}
	slices.Sort(codes) // one order for every writer
	for _, c := range codes {
		if err := exec(qRecountActor, c, c, c, c, c, c, c); err != nil {
			return false, fmt.Errorf("actor %s: %w", c, err)
		}
		if err := exec(qDropActor, c); err != nil {
			return false, fmt.Errorf("actor %s: %w", c, err)
		}
	}
	return true, nil
}

// newMetadata reports whether d brings metadata that the stored copy
// (date, assumed, source, url, title) lacks. An assumed date is no news:
// a copy whose date was assumed never replaces a stored copy's given
// date (nor anything else of it: its reports were coded under the
// assumed date), and against another assumed date only its source, URL
// and title count, so that a feed polled day after day does not re-code
// its undated articles every day.
func newMetadata(d *doc.Document, date string, assumed bool, source, url, title string) bool {
	switch {
	case d.DateAssumed && !assumed:
		return false
	case d.DateAssumed:
		return source != d.Source || url != d.URL || title != d.Title
	}
	return date != d.Date || assumed || source != d.Source || url != d.URL || title != d.Title
}

// column runs a query of one column in the transaction and returns its
// values.
func column[T any](p *putter, q string, args ...any) ([]T, error) {
	rows, err := p.tx.QueryContext(p.ctx, p.e.d.q(q), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		var v T
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
