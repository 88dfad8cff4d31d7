package export

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"dyad/internal/doc"
	"dyad/internal/store"
)

// storeWithNegation stores two documents in a fresh SQLite store: one
// says France would not coordinate military action with Syria (negated),
// the other that Germany accused Russia (asserted). The events are built
// by hand, as the coder gives them, so that this package's tests need no
// model.
func storeWithNegation(t *testing.T) store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "dyad.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	for _, x := range []struct {
		id, date, text, src, tgt, cameo, plover, status string
		goldstein                                       float64
		quad                                            int
	}{
		{"neg", "2021-05-04", "France would not be coordinating any military action with Syria.", "FRA", "SYR", "060", "COOPERATE", "negated", 6, 2},
		{"acc", "2021-05-06", "Germany accused Russia of hacking its parliament.", "DEU", "RUS", "112", "ACCUSE", "asserted", -2, 3},
	} {
		res := doc.Result{
			Document:  doc.Document{ID: x.id, Date: x.date, Source: "Wire", Text: x.text},
			Sentences: []doc.Sentence{{Span: doc.Span{Start: 0, End: len(x.text)}}},
			Events: []doc.Event{{ID: x.id + "#e1", DocID: x.id, Date: x.date,
				Source: doc.Actor{Code: x.src, Country: x.src, Text: x.src},
				Target: &doc.Actor{Code: x.tgt, Country: x.tgt, Text: x.tgt},
				CAMEO:  x.cameo, PLOVER: x.plover, Goldstein: x.goldstein, QuadClass: x.quad,
				Negated: x.status == "negated", Status: x.status, Text: x.text}},
		}
		if _, err := s.Put(context.Background(), &res); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

// export runs format over s with f and returns the output and count.
func export(t *testing.T, s store.Store, format string, f store.EventFilter) (string, int) {
	t.Helper()
	var buf bytes.Buffer
	w, err := NewWriter(&buf, format)
	if err != nil {
		t.Fatal(err)
	}
	n, err := Run(context.Background(), s, f, 0, w)
	if err != nil {
		t.Fatal(err)
	}
	return buf.String(), n
}

// TestExportNegated (issue 16, finding 1): an event the text says did
// not happen is not exported as one, in any format.
func TestExportNegated(t *testing.T) {
	s := storeWithNegation(t)
	for _, format := range Formats {
		out, n := export(t, s, format, store.EventFilter{})
		if n != 1 || strings.Contains(out, "SYR") || !strings.Contains(out, "RUS") {
			t.Errorf("%s export = %d records %q; want only DEU>RUS", format, n, out)
		}
	}
}

// TestExportStatus: -status asks for the other reports; the status
// column says what a record holds; GDELT rows stay events only.
func TestExportStatus(t *testing.T) {
	s := storeWithNegation(t)
	all := store.EventFilter{Status: store.Statuses}
	out, n := export(t, s, "csv", all)
	if n != 2 || !strings.Contains(out, ",negated,") || !strings.Contains(out, ",asserted,") {
		t.Errorf("csv of every status = %d records %q; want both, with their status", n, out)
	}
	out, n = export(t, s, "jsonl", store.EventFilter{Status: []string{"negated"}})
	if n != 1 || !strings.Contains(out, `"status":"negated"`) || !strings.Contains(out, `"mentions":0`) || !strings.Contains(out, `"reports":1`) {
		t.Errorf("jsonl of negated = %d records %q; want FRA>SYR, status negated, 0 mentions, 1 report", n, out)
	}
	out, n = export(t, s, "gdelt", all)
	if n != 1 || strings.Contains(out, "SYR") {
		t.Errorf("gdelt of every status = %d rows %q; want the event only", n, out)
	}
}
