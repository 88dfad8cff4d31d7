package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"runtime"
	"strings"

	_ "modernc.org/sqlite" // the "sqlite" database/sql driver, pure Go
)

// sqlitePragmas are set on every connection: WAL lets readers run beside
// the writer; synchronous=NORMAL syncs at checkpoints, not every commit
// (a crash may lose the last commits, never corrupt the file); LIKE is
// case-sensitive, as in PostgreSQL.
const sqlitePragmas = "_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)" +
	"&_pragma=foreign_keys(1)&_pragma=case_sensitive_like(1)"

// OpenSQLite opens (creating it with its schema when absent) the SQLite
// store in the file at path. Writes go through one connection whose
// transactions begin IMMEDIATE; reads through a small pool of read-only
// connections.
func OpenSQLite(ctx context.Context, path string, opts Options) (Store, error) {
	if path == "" {
		return nil, errors.New("store: sqlite: no file name")
	}
	if strings.ContainsAny(path, "?#") || strings.HasPrefix(path, "file:") || path == ":memory:" {
		return nil, fmt.Errorf("store: sqlite: %q: want a plain file name", path)
	}
	w, err := sql.Open("sqlite", path+"?"+sqlitePragmas+"&_txlock=immediate")
	if err != nil {
		return nil, fmt.Errorf("store: sqlite: %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	if err := w.PingContext(ctx); err != nil {
		w.Close()
		return nil, fmt.Errorf("store: sqlite: %s: %w", path, err)
	}
	r, err := sql.Open("sqlite", path+"?"+sqlitePragmas+"&_pragma=query_only(1)")
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("store: sqlite: %s: %w", path, err)
	}
	n := max(4, runtime.GOMAXPROCS(0))
	r.SetMaxOpenConns(n)
	r.SetMaxIdleConns(n)
	e, err := newEngine(ctx, sqliteDialect, w, r, opts)
	if err != nil {
		w.Close()
		r.Close()
		return nil, fmt.Errorf("store: sqlite: %s: %w", path, err)
	}
	return e, nil
}
