package store

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"unicode/utf8"
)

// Keyset pagination. A cursor names where the previous page ended, in
// the listing's order: the next page is the rows after it, found through
// the listing's index, so a page costs the same however deep it is (an
// offset makes the database count and skip every row before the page).
// A cursor is opaque to callers: base64url of a JSON array of the sort
// key's values.

// ErrBadCursor is returned for a cursor that no listing gave.
var ErrBadCursor = errors.New("not a cursor of this listing")

// EventCursor returns the cursor after record r in Events' order.
func EventCursor(r *Record) string { return encodeCursor(r.LastDate, r.ID) }

// QuoteCursor returns the cursor after quote q in Quotes' order. Only a
// quote that a store listed has one ("" otherwise).
func QuoteCursor(q *StoredQuote) string {
	if q.doc == 0 {
		return ""
	}
	return encodeCursor(q.Date, q.doc, q.idx)
}

// ActorCursor returns the cursor after actor a in Actors' order.
func ActorCursor(a *StoredActor) string { return encodeCursor(a.Reports, a.Code) }

func encodeCursor(vals ...any) string {
	b, _ := json.Marshal(vals) // strings and integers
	return base64.RawURLEncoding.EncodeToString(b)
}

// decodeCursor reads a cursor into dst, pointers to a string or int64
// each, and checks that it has exactly those values.
func decodeCursor(c string, dst ...any) error {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil || len(c) > 512 || !utf8.Valid(b) {
		return fmt.Errorf("cursor: %w", ErrBadCursor)
	}
	var vals []json.RawMessage
	if err := json.Unmarshal(b, &vals); err != nil || len(vals) != len(dst) {
		return fmt.Errorf("cursor: %w", ErrBadCursor)
	}
	for i, v := range vals {
		var err error
		switch x := dst[i].(type) {
		case *string:
			err = json.Unmarshal(v, x)
		case *int64:
			err = json.Unmarshal(v, x)
		}
		if err != nil {
			return fmt.Errorf("cursor: %w", ErrBadCursor)
		}
	}
	return nil
}
