package main

import (
	"strings"
	"testing"

	"dyad/internal/store/storetest"
)

func TestIngestPostgres(t *testing.T) {
	db := storetest.PostgresDB(t, "dyad_ingest_test_")
	dir := smallCorpus(t)
	if code, _, errs := runDyad(t, "", "ingest", "-db", db, dir); code != 1 || !strings.Contains(errs, "5 new") {
		t.Fatalf("ingest into PostgreSQL = %d %q; want 5 new, one bad line", code, errs)
	}
	first := counts(t, db)
	if code, _, errs := runDyad(t, "", "ingest", "-db", db, dir); code != 1 || !strings.Contains(errs, "0 new, 5 already stored") {
		t.Errorf("second ingest = %d %q", code, errs)
	}
	if again := counts(t, db); again != first || first.Documents != 5 {
		t.Errorf("Counts = %+v then %+v; want 5 documents, unchanged", first, again)
	}
	code, out, errs := runDyad(t, "", "export", "-db", db, "-format", "gdelt")
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if code != 0 || int64(len(lines)) != first.Records {
		t.Fatalf("export gdelt = %d, %d lines (%s); want %d", code, len(lines), errs, first.Records)
	}
	for _, l := range lines {
		if n := strings.Count(l, "\t") + 1; n != 61 {
			t.Errorf("gdelt line has %d columns: %q", n, l)
		}
	}
}
