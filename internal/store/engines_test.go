package store

import (
	"context"
	"path/filepath"
	"testing"

	"dyad/internal/store/storetest"
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

// openTestPostgres opens a database of its own on the server
// DYAD_TEST_POSTGRES names, dropped when the test ends.
func openTestPostgres(t testing.TB, opts Options) *engine {
	t.Helper()
	s, err := OpenPostgres(context.Background(), storetest.PostgresDB(t, "dyad_test_"), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() }) // runs before the drop
	return s.(*engine)
}
