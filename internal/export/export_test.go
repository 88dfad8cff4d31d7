package export

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"dyad/internal/store"
)

// fakeStore lists records as a store does: newest first, with Limit,
// Offset and After; it records the filters it was asked for.
type fakeStore struct {
	store.Store
	recs    []store.Record
	filters []store.EventFilter
}

func (s *fakeStore) Events(_ context.Context, f store.EventFilter) ([]store.Record, error) {
	s.filters = append(s.filters, f)
	lo := min(f.Offset, len(s.recs))
	if f.After != "" {
		for i := range s.recs {
			if store.EventCursor(&s.recs[i]) == f.After {
				lo = i + 1
			}
		}
	}
	hi := min(lo+f.Limit, len(s.recs))
	return s.recs[lo:hi], nil
}

func records(n int) []store.Record {
	out := make([]store.Record, n)
	for i := range out {
		out[i] = store.Record{
			ID: int64(n - i), Source: "IRNGOV", Target: "USA", Root: "12", CAMEO: "125", PLOVER: "REJECT",
			Goldstein: -5, QuadClass: 3, FirstDate: "2014-09-15", LastDate: "2014-09-16",
			Mentions: 3, Articles: 2, Outlets: 2, Reports: 4, Status: "asserted,claimed,negated", Asserted: 1, Claimed: 2, Negated: 1,
			Example:   fmt.Sprintf("Iran rejected, \"the offer\"\tof the\nUS %d.", i),
			SourceURL: "https://herald.example/a", Added: "2026-11-29T05:30:00Z", Updated: "2026-11-29T05:31:00Z",
		}
	}
	return out
}

func TestRunPages(t *testing.T) {
	for _, tt := range []struct{ n, limit, want, calls int }{
		{0, 0, 0, 1}, {5, 0, 5, 1}, {page, 0, page, 2}, {2*page + 3, 0, 2*page + 3, 3},
		{2*page + 3, 10, 10, 1}, {2*page + 3, page + 1, page + 1, 2}, {5, 100, 5, 1},
	} {
		s := &fakeStore{recs: records(tt.n)}
		var buf bytes.Buffer
		w, _ := NewWriter(&buf, "jsonl")
		f := store.EventFilter{Actor: "IRN", PLOVER: "REJECT", CAMEO: "12", From: "2014-01-01", To: "2014-12-31"}
		n, err := Run(context.Background(), s, f, tt.limit, w)
		if err != nil || n != tt.want {
			t.Errorf("Run(%d records, limit %d) = %d, %v; want %d", tt.n, tt.limit, n, err, tt.want)
		}
		if got := strings.Count(buf.String(), "\n"); got != tt.want {
			t.Errorf("Run(%d records, limit %d) wrote %d lines; want %d", tt.n, tt.limit, got, tt.want)
		}
		if len(s.filters) != tt.calls {
			t.Errorf("Run(%d records, limit %d) called Events %d times; want %d", tt.n, tt.limit, len(s.filters), tt.calls)
		}
		for _, g := range s.filters {
			if g.Actor != f.Actor || g.PLOVER != f.PLOVER || g.CAMEO != f.CAMEO || g.From != f.From || g.To != f.To {
				t.Errorf("Events filter = %+v; want the filter passed through %+v", g, f)
			}
		}
	}
}

func TestFormats(t *testing.T) {
	recs := records(3)
	recs[1].Target = ""
	recs[2].Source = "IGOUNO"
	write := func(format string) string {
		var buf bytes.Buffer
		w, err := NewWriter(&buf, format)
		if err != nil {
			t.Fatal(err)
		}
		n, err := Run(context.Background(), &fakeStore{recs: recs}, store.EventFilter{}, 0, w)
		if err != nil || n != 3 {
			t.Fatalf("Run(%s) = %d, %v", format, n, err)
		}
		return buf.String()
	}
	t.Run("jsonl", func(t *testing.T) {
		lines := strings.Split(strings.TrimSuffix(write("jsonl"), "\n"), "\n")
		if len(lines) != 3 {
			t.Fatalf("jsonl: %d lines; want 3", len(lines))
		}
		for i, l := range lines {
			var r store.Record
			if err := json.Unmarshal([]byte(l), &r); err != nil {
				t.Fatalf("jsonl line %d: %v", i, err)
			}
			if r != recs[i] {
				t.Errorf("jsonl line %d = %+v; want %+v", i, r, recs[i])
			}
		}
	})
	t.Run("csv", func(t *testing.T) {
		rows, err := csv.NewReader(strings.NewReader(write("csv"))).ReadAll()
		if err != nil {
			t.Fatalf("csv does not parse back: %v", err)
		}
		if len(rows) != 4 || strings.Join(rows[0], ",") != strings.Join(CSVHeader, ",") {
			t.Fatalf("csv = %q; want the header and 3 rows", rows)
		}
		for i, row := range rows[1:] {
			if len(row) != len(CSVHeader) {
				t.Errorf("csv row %d has %d fields; want %d", i, len(row), len(CSVHeader))
			}
			if row[slices.Index(CSVHeader, "example")] != recs[i].Example || row[2] != recs[i].Target || row[0] != fmt.Sprint(recs[i].ID) ||
				row[slices.Index(CSVHeader, "status")] != "asserted,claimed,negated" || row[slices.Index(CSVHeader, "reports")] != "4" {
				t.Errorf("csv row %d = %q; want the record's fields", i, row)
			}
		}
		var buf bytes.Buffer
		w, _ := NewWriter(&buf, "csv")
		Run(context.Background(), &fakeStore{}, store.EventFilter{}, 0, w)
		if got := strings.TrimSpace(buf.String()); got != strings.Join(CSVHeader, ",") {
			t.Errorf("csv of no record = %q; want the header", got)
		}
	})
	t.Run("gdelt", func(t *testing.T) {
		if len(GDELTColumns) != 61 {
			t.Fatalf("GDELTColumns has %d columns; want 61", len(GDELTColumns))
		}
		out := write("gdelt")
		lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		if len(lines) != 3 {
			t.Fatalf("gdelt: %d lines; want 3 (no header)", len(lines))
		}
		col := map[string]int{}
		for i, c := range GDELTColumns {
			col[c] = i
		}
		for i, l := range lines {
			f := strings.Split(l, "\t")
			if len(f) != 61 {
				t.Fatalf("gdelt line %d has %d columns; want 61: %q", i, len(f), l)
			}
			want := map[string]string{
				"GLOBALEVENTID": fmt.Sprint(recs[i].ID), "SQLDATE": "20140915", "MonthYear": "201409",
				"Year": "2014", "FractionDate": "2014.7808", "Actor1Code": recs[i].Source,
				"Actor2Code": recs[i].Target, "EventCode": "125", "EventBaseCode": "125", "EventRootCode": "12",
				"QuadClass": "3", "GoldsteinScale": "-5.0", "NumMentions": "3", "NumSources": "2",
				"NumArticles": "2", "AvgTone": "0", "DATEADDED": "20261129053000",
				"SOURCEURL": "https://herald.example/a", "ActionGeo_Type": "0", "Actor1Name": "",
			}
			switch i {
			case 0:
				want["Actor1CountryCode"], want["Actor1Type1Code"], want["Actor2CountryCode"] = "IRN", "GOV", "USA"
			case 1:
				want["Actor2CountryCode"], want["Actor2Type1Code"] = "", ""
			case 2:
				want["Actor1CountryCode"], want["Actor1KnownGroupCode"], want["Actor1Type1Code"] = "", "UNO", "IGO"
			}
			for c, v := range want {
				if f[col[c]] != v {
					t.Errorf("gdelt line %d %s = %q; want %q", i, c, f[col[c]], v)
				}
			}
		}
	})
	if _, err := NewWriter(&bytes.Buffer{}, "xlsx"); err == nil {
		t.Errorf("NewWriter(xlsx) = nil error; want unknown format")
	}
}

func TestParseActor(t *testing.T) {
	for code, want := range map[string]Actor{
		"IRN":       {Country: "IRN"},
		"IRNGOV":    {Country: "IRN", Types: [3]string{"GOV"}},
		"USAMILREB": {Country: "USA", Types: [3]string{"MIL", "REB"}},
		"IGOUNO":    {KnownGroup: "UNO", Types: [3]string{"IGO"}},
		"IMGISL":    {KnownGroup: "ISL", Types: [3]string{"IMG"}},
		"SYRREBFSA": {Country: "SYR", KnownGroup: "FSA", Types: [3]string{"REB"}},
		"MIL":       {Types: [3]string{"MIL"}},
		"":          {},
		"IR":        {},
	} {
		if got := ParseActor(code); got != want {
			t.Errorf("ParseActor(%q) = %+v; want %+v", code, got, want)
		}
	}
}
