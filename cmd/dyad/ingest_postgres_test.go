package main

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"
)

// postgresDB creates a database of its own on the server that
// DYAD_TEST_POSTGRES names (.ci/run starts one), drops it at the end of
// the test, and returns its URL.
func postgresDB(t *testing.T) string {
	t.Helper()
	admin := os.Getenv("DYAD_TEST_POSTGRES")
	if admin == "" {
		t.Skip("skipped: PostgreSQL tests need DYAD_TEST_POSTGRES (see .ci/run)")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	adb, err := sql.Open("pgx", admin) // the driver the store registers
	if err != nil {
		t.Fatal(err)
	}
	var b [6]byte
	rand.Read(b[:])
	name := "dyad_ingest_test_" + hex.EncodeToString(b[:])
	if _, err := adb.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		adb.Close()
		t.Fatalf("create test database: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if _, err := adb.ExecContext(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			t.Errorf("drop test database %s: %v", name, err)
		}
		adb.Close()
	})
	u, err := url.Parse(admin)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}

func TestIngestPostgres(t *testing.T) {
	db := postgresDB(t)
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
