package export

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"dyad/internal/store"
)

// Formats are the names NewWriter knows, the default first.
var Formats = []string{"jsonl", "csv", "gdelt"}

// Writer writes event records in one format. Flush writes what is
// buffered; call it once at the end.
type Writer interface {
	Write(r *store.Record) error
	Flush() error
}

// Counted reports whether a record has an asserted or claimed report:
// whether it is an event and not only evidence (negated, denied or
// hypothetical reports).
func Counted(r *store.Record) bool { return r.Asserted+r.Claimed > 0 }

// leaver is a Writer that leaves some records out (the gdelt format:
// records that are no event); Run does not count them.
type leaver interface {
	leaves(r *store.Record) bool
}

// NewWriter returns a Writer of format ("jsonl", "csv" or "gdelt") to w.
func NewWriter(w io.Writer, format string) (Writer, error) {
	switch format {
	case "jsonl":
		return &jsonlWriter{w: bufio.NewWriter(w)}, nil
	case "csv":
		return &csvWriter{w: csv.NewWriter(w)}, nil
	case "gdelt":
		return &gdeltWriter{w: bufio.NewWriter(w)}, nil
	}
	return nil, fmt.Errorf("export: unknown format %q (jsonl, csv or gdelt)", format)
}

// page is how many records Run asks the store for at once.
const page = 1000

// Run writes the records that f selects (by default those with an
// asserted or claimed report: f.Status), at most limit of them (0: all),
// paging through s.Events by cursor from f.Offset, and flushes w. It
// returns the number of records written.
func Run(ctx context.Context, s store.Store, f store.EventFilter, limit int, w Writer) (int, error) {
	n := 0
	lv, _ := w.(leaver)
	for {
		f.Limit = page
		if limit > 0 {
			f.Limit = min(page, limit-n)
		}
		recs, err := s.Events(ctx, f)
		if err != nil {
			w.Flush()
			return n, err
		}
		for i := range recs {
			if lv != nil && lv.leaves(&recs[i]) {
				continue
			}
			if err := w.Write(&recs[i]); err != nil {
				return n, err
			}
			n++
		}
		if len(recs) < f.Limit || (limit > 0 && n >= limit) {
			break
		}
		f.Offset, f.After = 0, store.EventCursor(&recs[len(recs)-1])
	}
	return n, w.Flush()
}

type jsonlWriter struct{ w *bufio.Writer }

func (j *jsonlWriter) Write(r *store.Record) error {
	b, err := json.Marshal(r)
	if err != nil {
		return err
	}
	j.w.Write(b)
	return j.w.WriteByte('\n')
}

func (j *jsonlWriter) Flush() error { return j.w.Flush() }

// CSVHeader is the header row of the csv format: the JSON field names of
// store.Record, in its order.
var CSVHeader = []string{
	"id", "source", "target", "root", "cameo", "plover", "goldstein", "quad_class",
	"first_date", "last_date", "mentions", "articles", "outlets", "reports", "status",
	"asserted", "claimed", "denied", "negated", "hypothetical",
	"example", "source_url", "added", "updated",
}

type csvWriter struct {
	w      *csv.Writer
	header bool
	row    []string
}

func (c *csvWriter) Write(r *store.Record) error {
	if !c.header {
		c.header = true
		if err := c.w.Write(CSVHeader); err != nil {
			return err
		}
	}
	itoa := strconv.Itoa
	c.row = append(c.row[:0],
		strconv.FormatInt(r.ID, 10), r.Source, r.Target, r.Root, r.CAMEO, r.PLOVER,
		strconv.FormatFloat(r.Goldstein, 'f', -1, 64), itoa(r.QuadClass),
		r.FirstDate, r.LastDate, itoa(r.Mentions), itoa(r.Articles), itoa(r.Outlets), itoa(r.Reports), r.Status,
		itoa(r.Asserted), itoa(r.Claimed), itoa(r.Denied), itoa(r.Negated), itoa(r.Hypothetical),
		r.Example, r.SourceURL, r.Added, r.Updated)
	return c.w.Write(c.row)
}

// Flush writes the header even when there was no record, so an empty
// export is still a CSV file with its columns.
func (c *csvWriter) Flush() error {
	if !c.header {
		c.header = true
		if err := c.w.Write(CSVHeader); err != nil {
			return err
		}
	}
	c.w.Flush()
	return c.w.Error()
}
