package main

import (
	"context"
	"encoding/json"
	"errors"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dyad/internal/server"
	"dyad/internal/store"
)

// export and serve refuse a store that does not exist, and create
// nothing (TestServe starts one with -create).
func TestNoSuchStore(t *testing.T) {
	dir := t.TempDir()
	typo := filepath.Join(dir, "typo.db")
	for _, args := range [][]string{
		{"export", "-db", typo},
		{"serve", "-db", typo, "-addr", "127.0.0.1:0"},
	} {
		code, out, errs := runDyad(t, "", args...)
		want := "dyad " + args[0] + ": no such store: " + typo + " (dyad ingest creates one"
		if code != 1 || out != "" || !strings.HasPrefix(errs, want) {
			t.Errorf("dyad %q: exit %d, stderr %q; want 1 and %q", args, code, errs, want)
		}
		if _, err := os.Stat(typo); !errors.Is(err, os.ErrNotExist) {
			t.Fatalf("dyad %q created the store: %v", args, err)
		}
	}
	// Once ingest made it, export reads it.
	if code, _, errs := runDyad(t, "Chilean troops attacked Peruvian rebels.", "ingest", "-db", typo, "-date", "2020-01-01", "-"); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, errs)
	}
	if code, _, errs := runDyad(t, "", "export", "-db", typo); code != 0 {
		t.Errorf("export of the store ingest made: exit %d: %s", code, errs)
	}
}

// export's filters are validated by the API's own function: each mistake
// the API answers with 400 exits 2 with the API's message.
func TestExportFilterAsAPI(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "dyad.db")
	st, err := store.Open(ctx, db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	srv, err := server.New(server.Config{Store: st})
	if err != nil {
		t.Fatal(err)
	}
	h := srv.Handler()
	api := func(q url.Values) (int, string) {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest("GET", "/api/events?"+q.Encode(), nil))
		var body struct{ Error string }
		json.Unmarshal(w.Body.Bytes(), &body)
		return w.Code, body.Error
	}
	for _, tc := range [][]string{
		{"from", "2020-02-01", "to", "2020-01-01"},
		{"actor", "irn"},
		{"source", "IRN GOV"},
		{"target", "ABCDEFGHIJKLMNOPQ"},
		{"plover", "reject"},
		{"cameo", "1x"},
		{"cameo", "12345"},
		{"from", "2019-13-45"},
		{"to", "2020-02-30"},
	} {
		q := url.Values{}
		args := []string{"export", "-db", db}
		for i := 0; i < len(tc); i += 2 {
			q.Set(tc[i], tc[i+1])
			args = append(args, "-"+tc[i], tc[i+1])
		}
		status, msg := api(q)
		if status != 400 || msg == "" {
			t.Fatalf("API %s: %d %q; want 400 with a message", q.Encode(), status, msg)
		}
		code, out, errs := runDyad(t, "", args...)
		want := "dyad export: -" + msg + "\n"
		if code != 2 || out != "" || !strings.HasPrefix(errs, want) {
			t.Errorf("dyad %q: exit %d, stderr %q; want 2 and %q", args[3:], code, errs, want)
		}
	}
	st.Close()
	// What the API accepts, export accepts.
	if code, _, errs := runDyad(t, "", "export", "-db", db, "-from", "2020-01-01", "-to", "2020-01-01", "-actor", "IRN", "-cameo", "12", "-plover", "REJECT"); code != 0 {
		t.Errorf("export with valid filters: exit %d: %s", code, errs)
	}
}

// A -date that is no date is a usage mistake (exit 2) in every command
// that takes one, before any document is read.
func TestBadDate(t *testing.T) {
	in := filepath.Join(t.TempDir(), "a.txt")
	os.WriteFile(in, []byte("Chilean troops attacked Peruvian rebels."), 0o644)
	for _, cmd := range []string{"code", "quotes", "text", "ingest"} {
		args := []string{cmd, "-date", "2019-13-45", in}
		if cmd == "ingest" {
			args = []string{cmd, "-db", filepath.Join(t.TempDir(), "x.db"), "-date", "2019-13-45", in}
		}
		code, out, errs := runDyad(t, "", args...)
		if code != 2 || out != "" || !strings.Contains(errs, `-date "2019-13-45": want YYYY-MM-DD`) {
			t.Errorf("dyad %s -date 2019-13-45: exit %d, stdout %q, stderr %q; want 2 and the date named", cmd, code, out, errs)
		}
	}
}

// dict lookup of a phrase no entry matches says so and exits 1.
func TestDictLookupNoMatch(t *testing.T) {
	code, out, errs := runDyad(t, "", "dict", "lookup", "-date", "2020-01-01", "xyzzy plugh")
	if code != 1 || out != "" || errs != "dyad dict lookup: no dictionary entry matches \"xyzzy plugh\"\n" {
		t.Errorf("dict lookup of nothing: exit %d, stdout %q, stderr %q; want 1 and a message", code, out, errs)
	}
}

// A negative count, size or duration is a usage mistake (exit 2) in every
// command, as a malformed -addr is.
func TestNegativeFlags(t *testing.T) {
	in := filepath.Join(t.TempDir(), "a.txt")
	os.WriteFile(in, []byte("Chilean troops attacked Peruvian rebels."), 0o644)
	db := filepath.Join(t.TempDir(), "x.db")
	for _, tc := range []struct{ args, want string }{
		{"code -workers -3 " + in, "-workers -3: must not be negative"},
		{"code -max-doc-bytes -1 " + in, "-max-doc-bytes -1: must not be negative"},
		{"text -max-sentence-tokens -1 " + in, "-max-sentence-tokens -1: must not be negative"},
		{"ingest -db " + db + " -fetch-timeout -5s " + in, "-fetch-timeout -5s: must not be negative"},
		{"export -db " + db + " -limit -1", "-limit -1: must not be negative"},
		{"serve -db " + db + " -create -max-body-bytes -5", "-max-body-bytes -5: must not be negative"},
		{"serve -db " + db + " -create -addr nonsense", `-addr "nonsense": want HOST:PORT`},
		{"tagger eval -confusions -2 x.conllu", "-confusions -2: must not be negative"},
	} {
		code, out, errs := runDyad(t, "", strings.Fields(tc.args)...)
		if code != 2 || out != "" || !strings.Contains(errs, tc.want) {
			t.Errorf("dyad %s: exit %d, stderr %q; want 2 and %q", tc.args, code, errs, tc.want)
		}
	}
	if _, err := os.Stat(db); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a usage mistake created the store: %v", err)
	}
}

// A document whose invalid UTF-8 was repaired is coded, with its warning:
// the command does not fail (issue 16, finding 8).
func TestRepairedIsNoFailure(t *testing.T) {
	in := filepath.Join(t.TempDir(), "a.txt")
	os.WriteFile(in, []byte("Chilean troops attacked \xff\xfe Peruvian rebels."), 0o644)
	for _, cmd := range []string{"code", "quotes", "text"} {
		code, out, errs := runDyad(t, "", cmd, "-date", "2019-03-01", in)
		if code != 0 || !strings.Contains(errs, "2 bytes replaced") || (cmd != "quotes" && out == "") {
			t.Errorf("dyad %s on invalid UTF-8: exit %d, stdout %q, stderr %q; want 0, output and the warning", cmd, code, out, errs)
		}
	}
}

// code -explain shows each event's sentence with source, verb and target
// marked, the pattern, and the dependency arcs the event read.
func TestCodeExplainArcs(t *testing.T) {
	in := filepath.Join(t.TempDir(), "a.txt")
	os.WriteFile(in, []byte("Chilean troops attacked Peruvian rebels near the border."), 0o644)
	code, out, errs := runDyad(t, "", "code", "-date", "2019-03-01", "-explain", in)
	for _, want := range []string{"[Chilean troops]source:CHLMIL [attacked]verb [Peruvian rebels]target:PERREB", "# pattern ", "# arcs ", "attacked -nsubj-> troops", "attacked -obj-> rebels"} {
		if !strings.Contains(out, want) {
			t.Errorf("code -explain: exit %d, stderr %q; output lacks %q:\n%s", code, errs, want, out)
		}
	}
}

// -shallow codes without the dependency parser: dyad text shows no arcs,
// and dyad code still codes (by word order alone).
func TestShallowFlag(t *testing.T) {
	in := filepath.Join(t.TempDir(), "a.txt")
	os.WriteFile(in, []byte("Chilean troops attacked Peruvian rebels near the border."), 0o644)
	_, parsed, _ := runDyad(t, "", "text", "-date", "2019-03-01", in)
	_, shallow, _ := runDyad(t, "", "text", "-date", "2019-03-01", "-shallow", in)
	if !strings.Contains(parsed, ":nsubj") || strings.Contains(shallow, ":nsubj") {
		t.Errorf("text with and without -shallow:\n%s\n%s", parsed, shallow)
	}
	code, out, errs := runDyad(t, "", "code", "-date", "2019-03-01", "-shallow", "-explain", in)
	if code != 0 || !strings.Contains(out, `"CHLMIL"`) || strings.Contains(out, "# arcs") {
		t.Errorf("code -shallow: exit %d, stderr %q, output:\n%s", code, errs, out)
	}
}
