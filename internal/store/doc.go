// Package store keeps coded documents and their results, and merges the
// events that several documents report into event records. One interface,
// two engines: SQLite (embedded, pure Go, one file) and PostgreSQL.
//
// A document's identity is the hash of its normalised text (DocKey), so
// storing it again with the same metadata changes nothing; storing it
// with other metadata (date, DateAssumed, source, URL, title) updates the
// metadata and replaces its reports by the new result, re-merged. Every
// Put is one transaction, and a
// PutBatch one transaction with a savepoint per document: a crash or an
// error leaves each document either fully stored or absent.
//
// # Event records
//
// Each coded event of a document is kept as a report (Evidence) and joins
// an event record (Record): the record with the same source code, target
// code ("" without a target) and CAMEO root whose date range, widened by
// Options.Window days on each side, holds the report's date; the nearest
// such record when there are several (the smallest id on a tie). The record's
// dates then stretch to cover the report, so a record follows a story for
// as long as reports keep coming within the window. A report without a
// date (neither the event's nor the document's) only joins undated
// records. Reports that negate, deny or only hypothesise the event join
// like the others and are counted by status; nothing is merged away.
// But only asserted and claimed reports are events: a record's mentions,
// articles and outlets count them, and listings, series, network, actors
// and exports leave out records and reports of other statuses unless a
// Status filter asks for them.
//
// A record's id is derived from its first report (RecordID: a 53-bit
// hash of the document key, the event's index, source, target and root),
// so stores built from the same input number their records alike, on
// both engines, whatever crashed or rolled back between; a taken id
// gives way to the next hash, deterministically. Records stored before
// schema version 4 keep their sequence numbers.
// Only reports that name an actor merge (not two bare sectors, nor a bare
// sector alone), and a report without a target joins only reports of its
// own CAMEO code.
// A record's counts and majority CAMEO code are recomputed from its
// reports whenever one joins.
//
// # Engines
//
// Both engines are one implementation over database/sql with a small
// dialect (placeholders, the auto-increment key, the writer lock): the
// schema (migrations/*.sql, applied in order at open and recorded in
// schema_version), the merge and every query are shared, so the engines
// behave alike by construction and one test suite runs against both.
//
// # Concurrency
//
// A Store is safe for concurrent use. Writes go through one connection,
// so Put calls from many goroutines run one after another; PostgreSQL
// also takes a transaction-scoped advisory lock, so several processes
// may share one database, and SQLite's write transactions begin
// IMMEDIATE for the same reason. Reads use a pool of connections and run
// beside the writer (SQLite in WAL mode).
//
// # Paging
//
// Events, Quotes and Actors page by cursor (After; EventCursor,
// QuoteCursor, ActorCursor of a page's last row): the next page starts
// where the index left off, so its cost does not grow with its depth.
// Offset still works but makes the database skip every row before it.
package store
