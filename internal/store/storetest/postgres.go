// Package storetest gives tests a PostgreSQL database of their own on
// the server that DYAD_TEST_POSTGRES names (.ci/run starts one).
package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver

	"dyad/internal/testenv"
)

// SkipMessage is why a PostgreSQL test skips when no server is named.
const SkipMessage = "PostgreSQL tests need DYAD_TEST_POSTGRES (see .ci/run)"

// PostgresDB creates an empty database named prefix plus random hex on
// the DYAD_TEST_POSTGRES server, drops it when the test ends (after the
// test's own cleanups, which close what uses it), and returns its URL.
// It skips the test when DYAD_TEST_POSTGRES is unset (fails it under
// DYAD_REQUIRE_ALL=1: testenv.Absent).
func PostgresDB(tb testing.TB, prefix string) string {
	tb.Helper()
	admin := os.Getenv("DYAD_TEST_POSTGRES")
	if admin == "" {
		testenv.Absent(tb, "%s", SkipMessage)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	adb, err := sql.Open("pgx", admin)
	if err != nil {
		tb.Fatal(err)
	}
	var b [6]byte
	rand.Read(b[:])
	name := prefix + hex.EncodeToString(b[:])
	// The name is ours (a prefix and hex), not input: CREATE DATABASE
	// takes no parameters.
	if _, err := adb.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		adb.Close()
		tb.Fatalf("create test database: %v", err)
	}
	tb.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if _, err := adb.ExecContext(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			tb.Errorf("drop test database %s: %v", name, err)
		}
		adb.Close()
	})
	u, err := url.Parse(admin)
	if err != nil {
		tb.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}
