// Package export writes the event records of a store as JSON Lines, CSV
// or the GDELT 2.0 event table (tab-separated, 61 columns, no header), so
// that GDELT users' scripts read dyad's records unchanged.
//
// Takes: a store.Store, a store.EventFilter and a Writer for the format
// (NewWriter). Gives: the records, newest first as the store lists them,
// paged through store.Events (Run).
//
// The GDELT columns dyad fills are documented in docs/operations.md and in
// GDELT: codes, country, known group and types parsed from the CAMEO actor
// code, event codes, quad class, Goldstein, counts, dates and source URL;
// names, ethnic and religion codes, tone and geography are left empty (tone
// 0, geography types 0) because dyad does not know them.
//
// Concurrency: a Writer is used by one goroutine.
package export
