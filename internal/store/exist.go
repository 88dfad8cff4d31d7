package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
)

// ErrNoStore is returned by Open with Options.Existing for a store that
// does not exist.
var ErrNoStore = errors.New("no such store")

// checkExists returns ErrNoStore, with the store named, unless the store
// dsn names exists: a SQLite file that is there, or a PostgreSQL database
// that holds dyad's schema_version table.
func checkExists(ctx context.Context, dsn string, pg bool) error {
	if !pg {
		_, err := os.Stat(dsn)
		if errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("%w: %s", ErrNoStore, dsn)
		}
		return nil // other errors are OpenSQLite's to report
	}
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return fmt.Errorf("store: postgres: %w", err)
	}
	defer db.Close()
	var ok bool
	if err := db.QueryRowContext(ctx, `SELECT to_regclass('schema_version') IS NOT NULL`).Scan(&ok); err != nil {
		return fmt.Errorf("store: postgres: %w", err)
	}
	if !ok {
		name := "the database"
		if u, err := url.Parse(dsn); err == nil {
			name = u.Redacted()
		}
		return fmt.Errorf("%w: %s has no dyad tables", ErrNoStore, name)
	}
	return nil
}
