package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// testEngine opens a fresh, empty store of one engine for one test.
type testEngine struct {
	name string
	open func(t testing.TB, opts Options) *engine
}

var testEngines = []testEngine{
	{"sqlite", openTestSQLite},
	{"postgres", openTestPostgres},
}

// eachEngine runs f as a subtest on a fresh store of every engine.
func eachEngine(t *testing.T, f func(t *testing.T, s *engine)) {
	t.Helper()
	for _, te := range testEngines {
		t.Run(te.name, func(t *testing.T) {
			f(t, te.open(t, Options{}))
		})
	}
}

func openTestSQLite(t testing.TB, opts Options) *engine {
	t.Helper()
	s, err := OpenSQLite(context.Background(), filepath.Join(t.TempDir(), "dyad.db"), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s.(*engine)
}

// openTestPostgres creates a database of its own on the server
// DYAD_TEST_POSTGRES names, and drops it when the test ends.
func openTestPostgres(t testing.TB, opts Options) *engine {
	t.Helper()
	admin := os.Getenv("DYAD_TEST_POSTGRES")
	if admin == "" {
		t.Skip("store: PostgreSQL tests need DYAD_TEST_POSTGRES (see .ci/run)")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	adb, err := sql.Open("pgx", admin)
	if err != nil {
		t.Fatal(err)
	}
	var b [6]byte
	rand.Read(b[:])
	name := "dyad_test_" + hex.EncodeToString(b[:])
	// The name is ours (hex), not input: CREATE DATABASE takes no parameters.
	if _, err := adb.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		adb.Close()
		t.Fatalf("store: create test database: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if _, err := adb.ExecContext(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			t.Errorf("store: drop test database %s: %v", name, err)
		}
		adb.Close()
	})
	u, err := url.Parse(admin)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	s, err := OpenPostgres(ctx, u.String(), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() }) // runs before the drop
	return s.(*engine)
}
