package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

//go:embed migrations/*.sql
var migrations embed.FS

// engine is the Store both engines share: database/sql with a dialect.
type engine struct {
	d      dialect
	w      *sql.DB // the writer: one connection
	r      *sql.DB // readers: a pool
	window int

	// mu serializes Put (the writer has one connection anyway) and
	// guards the prepared statements below.
	mu      sync.Mutex
	stmts   map[string]*sql.Stmt // by query text, prepared on w
	batches map[batchKey]string  // batch INSERTs, by table and rows

	// now gives timestamps; fail, when set (tests), is called at named
	// points of Put and aborts it with the error it returns.
	now  func() time.Time
	fail func(stage string) error
	// listed, when set (tests), sees the query and arguments of every
	// listing.
	listed func(query string, args []any)
}

var _ Store = (*engine)(nil)

// newEngine migrates the schema and returns the store over w and r.
func newEngine(ctx context.Context, d dialect, w, r *sql.DB, opts Options) (*engine, error) {
	if opts.Window <= 0 {
		opts.Window = DefaultWindow
	}
	e := &engine{d: d, w: w, r: r, window: opts.Window, stmts: map[string]*sql.Stmt{}, batches: map[batchKey]string{}, now: time.Now}
	if err := e.migrate(ctx); err != nil {
		return nil, err
	}
	return e, nil
}

// migration is one embedded schema step.
type migration struct {
	version int
	name    string
	sql     string
}

// loadMigrations returns the embedded migrations in version order; a
// file is named NNN_what.sql.
func loadMigrations() ([]migration, error) {
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, name := range names {
		base := strings.TrimPrefix(name, "migrations/")
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("store: migration %s: name is not NNN_what.sql", base)
		}
		b, err := migrations.ReadFile(name)
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: base, sql: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i := 1; i < len(ms); i++ {
		if ms[i].version == ms[i-1].version {
			return nil, fmt.Errorf("store: migrations %s and %s share a version", ms[i-1].name, ms[i].name)
		}
	}
	return ms, nil
}

// migrate applies the migrations the database lacks, in order, in one
// write transaction.
func (e *engine) migrate(ctx context.Context) error {
	ms, err := loadMigrations()
	if err != nil {
		return err
	}
	tx, err := e.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: migrate: %w", err)
	}
	defer tx.Rollback()
	if e.d.lock != "" {
		if _, err := tx.ExecContext(ctx, e.d.lock); err != nil {
			return fmt.Errorf("store: migrate: lock: %w", err)
		}
	}
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (
		version INTEGER PRIMARY KEY,
		name    TEXT NOT NULL,
		applied TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("store: migrate: %w", err)
	}
	var have int
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_version`).Scan(&have); err != nil {
		return fmt.Errorf("store: migrate: %w", err)
	}
	if last := ms[len(ms)-1].version; have > last {
		return fmt.Errorf("store: database schema version %d is newer than this dyad's %d", have, last)
	}
	for _, m := range ms {
		if m.version <= have {
			continue
		}
		if _, err := tx.ExecContext(ctx, e.d.ddl(m.sql)); err != nil {
			return fmt.Errorf("store: migration %s: %w", m.name, err)
		}
		if _, err := tx.ExecContext(ctx, e.d.q(`INSERT INTO schema_version (version, name, applied) VALUES (?, ?, ?)`),
			m.version, m.name, e.stamp()); err != nil {
			return fmt.Errorf("store: migration %s: %w", m.name, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: migrate: %w", err)
	}
	return nil
}

// stamp is the current time as stored: RFC 3339, UTC, seconds.
func (e *engine) stamp() string {
	return e.now().UTC().Format(time.RFC3339)
}

// prepare prepares query (written with ? placeholders) on the writer,
// once. Callers hold e.mu and no transaction: the writer's one
// connection must be free.
func (e *engine) prepare(ctx context.Context, query string) error {
	if _, ok := e.stmts[query]; ok {
		return nil
	}
	s, err := e.w.PrepareContext(ctx, e.d.q(query))
	if err != nil {
		return err
	}
	e.stmts[query] = s
	return nil
}

// Close closes the statements and both pools.
func (e *engine) Close() error {
	e.mu.Lock()
	defer e.mu.Unlock()
	for q, s := range e.stmts {
		s.Close()
		delete(e.stmts, q)
	}
	errW := e.w.Close()
	errR := e.r.Close()
	if errW != nil {
		return errW
	}
	return errR
}
