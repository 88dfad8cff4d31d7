package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dyad/internal/store/storetest"
)

// Options.Existing opens a store that is there and refuses, without
// creating anything, one that is not.
func TestOpenExisting(t *testing.T) {
	ctx := context.Background()
	t.Run("sqlite", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "typo.db")
		if s, err := Open(ctx, path, Options{Existing: true}); !errors.Is(err, ErrNoStore) || !strings.Contains(err.Error(), "typo.db") {
			if s != nil {
				s.Close()
			}
			t.Fatalf("Open(absent, Existing) = %v; want ErrNoStore naming the file", err)
		}
		if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
			t.Fatalf("Open(absent, Existing) left a file behind: %v", err)
		}
		s, err := Open(ctx, path, Options{})
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
		s, err = Open(ctx, path, Options{Existing: true})
		if err != nil {
			t.Fatalf("Open(created, Existing) = %v", err)
		}
		s.Close()
	})
	t.Run("postgres", func(t *testing.T) {
		dsn := storetest.PostgresDB(t, "dyad_test_")
		if s, err := Open(ctx, dsn, Options{Existing: true}); !errors.Is(err, ErrNoStore) {
			if s != nil {
				s.Close()
			}
			t.Fatalf("Open(empty database, Existing) = %v; want ErrNoStore", err)
		}
		s, err := Open(ctx, dsn, Options{})
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
		s, err = Open(ctx, dsn, Options{Existing: true})
		if err != nil {
			t.Fatalf("Open(migrated database, Existing) = %v", err)
		}
		s.Close()
	})
}
