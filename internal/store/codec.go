package store

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"dyad/internal/doc"
)

// actorJSON is how an actor is kept in a JSON column. doc.Span writes
// itself as [start, end] and has no decoder, so the span is two fields.
type actorJSON struct {
	Code       string `json:"code"`
	Country    string `json:"country,omitempty"`
	Sector     string `json:"sector,omitempty"`
	Text       string `json:"text,omitempty"`
	Start      int    `json:"start"`
	End        int    `json:"end"`
	Identifier string `json:"identifier,omitempty"`
}

func toActorJSON(a *doc.Actor) actorJSON {
	return actorJSON{Code: a.Code, Country: a.Country, Sector: a.Sector, Text: a.Text,
		Start: a.Span.Start, End: a.Span.End, Identifier: a.Identifier}
}

func (a actorJSON) actor() doc.Actor {
	return doc.Actor{Code: a.Code, Country: a.Country, Sector: a.Sector, Text: a.Text,
		Span: doc.Span{Start: a.Start, End: a.End}, Identifier: a.Identifier}
}

// encodeActor returns a as JSON, or NULL for nil.
func encodeActor(a *doc.Actor) (sql.NullString, error) {
	if a == nil {
		return sql.NullString{}, nil
	}
	b, err := json.Marshal(toActorJSON(a))
	if err != nil {
		return sql.NullString{}, err
	}
	return sql.NullString{String: string(b), Valid: true}, nil
}

// decodeActor reverses encodeActor.
func decodeActor(s sql.NullString) (*doc.Actor, error) {
	if !s.Valid {
		return nil, nil
	}
	var a actorJSON
	if err := json.Unmarshal([]byte(s.String), &a); err != nil {
		return nil, fmt.Errorf("store: actor %.40q: %w", s.String, err)
	}
	d := a.actor()
	return &d, nil
}

// encodeActors returns as as a JSON array ("[]" when empty).
func encodeActors(as []doc.Actor) (string, error) {
	if len(as) == 0 {
		return "[]", nil
	}
	js := make([]actorJSON, len(as))
	for i := range as {
		js[i] = toActorJSON(&as[i])
	}
	b, err := json.Marshal(js)
	return string(b), err
}

// decodeActors reverses encodeActors; an empty array gives an empty
// slice, which JSON writes as [] as dyad code does.
func decodeActors(s string) ([]doc.Actor, error) {
	if s == "" || s == "[]" {
		return []doc.Actor{}, nil
	}
	var js []actorJSON
	if err := json.Unmarshal([]byte(s), &js); err != nil {
		return nil, fmt.Errorf("store: actors %.40q: %w", s, err)
	}
	as := make([]doc.Actor, len(js))
	for i, a := range js {
		as[i] = a.actor()
	}
	return as, nil
}

// encodeStrings returns ss as a JSON array ("[]" when empty).
func encodeStrings(ss []string) (string, error) {
	if len(ss) == 0 {
		return "[]", nil
	}
	b, err := json.Marshal(ss)
	return string(b), err
}

// decodeStrings reverses encodeStrings; an empty array gives nil.
func decodeStrings(s string) ([]string, error) {
	if s == "" || s == "[]" {
		return []string{}, nil
	}
	var ss []string
	if err := json.Unmarshal([]byte(s), &ss); err != nil {
		return nil, fmt.Errorf("store: strings %.40q: %w", s, err)
	}
	return ss, nil
}

// b2i stores a bool as 0 or 1 (an integer column on both engines).
func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// day parses a YYYY-MM-DD date; ok is false for "" and for anything else
// that is not one.
func day(s string) (t time.Time, ok bool) {
	if len(s) != len(time.DateOnly) {
		return time.Time{}, false
	}
	t, err := time.Parse(time.DateOnly, s)
	return t, err == nil
}

// decodeSpans reads the JSON arrays of a doc_spans row (see
// putter.spans).
func decodeSpans(sentences, mentions string) ([]doc.Span, []MentionSpan, error) {
	var ss [][2]int
	if err := json.Unmarshal([]byte(sentences), &ss); err != nil {
		return nil, nil, fmt.Errorf("store: sentences %.40q: %w", sentences, err)
	}
	outS := make([]doc.Span, len(ss))
	for i, s := range ss {
		outS[i] = doc.Span{Start: s[0], End: s[1]}
	}
	var ms [][]json.RawMessage
	if err := json.Unmarshal([]byte(mentions), &ms); err != nil {
		return nil, nil, fmt.Errorf("store: mentions %.40q: %w", mentions, err)
	}
	outM := make([]MentionSpan, len(ms))
	for i, m := range ms {
		if len(m) != 8 {
			return nil, nil, fmt.Errorf("store: mention %d has %d fields; want 8", i, len(m))
		}
		x := &outM[i]
		for k, dst := range []any{&x.Sentence, &x.Span.Start, &x.Span.End, &x.Kind, &x.Code, &x.Country, &x.Sector, &x.ID} {
			if err := json.Unmarshal(m[k], dst); err != nil {
				return nil, nil, fmt.Errorf("store: mention %d: %w", i, err)
			}
		}
	}
	return outS, outM, nil
}
