package store

import (
	"context"
	"database/sql"
	"fmt"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver
)

// OpenPostgres opens the PostgreSQL store at url
// (postgres://user@host:port/db?sslmode=...), creating its tables when
// absent. It goes through database/sql (pgx's stdlib driver, which
// caches prepared statements per connection) so that it shares every
// query and the merge with the SQLite engine. Writes go through one
// connection and take an advisory lock, so writers of several processes
// take turns; reads through a pool.
func OpenPostgres(ctx context.Context, url string, opts Options) (Store, error) {
	w, err := sql.Open("pgx", url)
	if err != nil {
		return nil, fmt.Errorf("store: postgres: %w", err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	if err := w.PingContext(ctx); err != nil {
		w.Close()
		return nil, fmt.Errorf("store: postgres: %w", err)
	}
	r, err := sql.Open("pgx", url)
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("store: postgres: %w", err)
	}
	r.SetMaxOpenConns(8)
	r.SetMaxIdleConns(8)
	e, err := newEngine(ctx, postgresDialect, w, r, opts)
	if err != nil {
		w.Close()
		r.Close()
		return nil, fmt.Errorf("store: postgres: %w", err)
	}
	return e, nil
}
