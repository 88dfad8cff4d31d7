package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestCodeDates checks the dates dyad code gives events: the dateline's,
// the -date flag's, or today's with a warning naming the document; and
// that Obama is the US government in a 2014 article whose only date is
// its dateline.
func TestCodeDates(t *testing.T) {
	today := time.Now().UTC().Format(time.DateOnly)
	const body = "Obama condemned Iran.\n"
	const dateline = "WASHINGTON, Sept. 16, 2014 (AP) — "
	warning := "stdin: no date given or found in the text; assumed " + today + " (roles resolve on that day); pass -date\n"
	tests := []struct {
		name, stdin string
		args        []string
		date, obama string
		warn        string
	}{
		{"dateline", dateline + body, nil, "2014-09-16", "USAGOV", ""},
		{"-date", body, []string{"-date", "2014-09-16"}, "2014-09-16", "USAGOV", ""},
		{"dateline beats -date", dateline + body, []string{"-date", "2020-01-01"}, "2014-09-16", "USAGOV", ""},
		{"assumed", body, nil, today, "", warning},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append(append([]string{"code"}, tt.args...), "-")
			code, out, errs := runDyad(t, tt.stdin, args...)
			if code != 0 {
				t.Fatalf("dyad %q: exit %d: %s", args, code, errs)
			}
			if errs != tt.warn {
				t.Errorf("dyad %q stderr = %q; want %q", args, errs, tt.warn)
			}
			var e struct {
				Date        string `json:"date"`
				DateAssumed bool   `json:"date_assumed"`
				Source      struct{ Code string }
			}
			line, _, _ := strings.Cut(out, "\n")
			if err := json.Unmarshal([]byte(line), &e); err != nil {
				t.Fatalf("dyad %q = %q: %v", args, out, err)
			}
			if e.Date != tt.date || e.DateAssumed != (tt.warn != "") {
				t.Errorf("dyad %q: date %s, date_assumed %v; want %s, %v", args, e.Date, e.DateAssumed, tt.date, tt.warn != "")
			}
			if tt.obama != "" && e.Source.Code != tt.obama {
				t.Errorf("dyad %q: Obama is %s; want %s", args, e.Source.Code, tt.obama)
			}
		})
	}
}

// TestDateFlag checks that a bad -date is a usage mistake (exit 2) for
// every command that reads documents.
func TestDateFlag(t *testing.T) {
	for _, cmd := range []string{"code", "quotes", "text"} {
		if code, _, errs := runDyad(t, "x", cmd, "-date", "2019-13-45", "-"); code != 2 {
			t.Errorf("dyad %s -date 2019-13-45: exit %d (%s); want 2", cmd, code, errs)
		}
	}
}

// TestIngestWarnsAssumed checks that ingest names each document whose
// date it assumed.
func TestIngestWarnsAssumed(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	stdin := `{"id":"dated","text":"BEIRUT, 3 March 2015 (Reuters) - Syria condemned Israel."}
{"id":"doc-7","text":"Syria condemned Israel again."}
`
	code, _, errs := runDyad(t, stdin, "ingest", "-db", db, "-")
	if code != 0 {
		t.Fatalf("dyad ingest: exit %d: %s", code, errs)
	}
	today := time.Now().UTC().Format(time.DateOnly)
	want := "doc-7: no date given or found in the text; assumed " + today + " (roles resolve on that day); pass -date\n"
	if !strings.Contains(errs, want) || strings.Contains(errs, "dated:") {
		t.Errorf("dyad ingest stderr =\n%s\nwant the line %q and no line for dated", errs, want)
	}
}
