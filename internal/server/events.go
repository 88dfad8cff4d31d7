package server

import (
	"errors"
	"fmt"
	"net/http"

	"dyad/internal/doc"
	"dyad/internal/store"
)

// eventList is the response of GET /api/events.
type eventList struct {
	Events []store.Record `json:"events"`
	Limit  int            `json:"limit"`
	Offset int            `json:"offset"`
	More   bool           `json:"more"` // another page follows
	Next   string         `json:"next"` // its cursor, "" when none follows
}

// listEvents serves GET /api/events: event records matching the filters,
// newest first, a page at a time.
func (s *Server) listEvents(w http.ResponseWriter, r *http.Request) {
	p := newParams(r, append(eventParams, pageParams...)...)
	f := p.eventFilter()
	f.Limit, f.After, f.Offset = p.paging()
	if p.err != nil {
		s.fail(w, r, p.err)
		return
	}
	limit := f.Limit
	f.Limit++ // one more tells whether another page follows
	recs, err := s.store.Events(r.Context(), f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	recs, more := onePage(recs, limit)
	next := ""
	if more {
		next = store.EventCursor(&recs[len(recs)-1])
	}
	writeJSON(w, http.StatusOK, eventList{Events: recs, Limit: limit, Offset: f.Offset, More: more, Next: next})
}

// eventView is the response of GET /api/events/{id}.
type eventView struct {
	Record   store.Record   `json:"record"`
	Evidence []evidenceView `json:"evidence"`
}

// evidenceView is one report of a record with the sentence it came from,
// so that the page can highlight the verb (Event.Verb.Span is a byte
// offset into the document; Sentence.Span says where the sentence is).
type evidenceView struct {
	store.Evidence
	Sentence *sentenceView `json:"sentence,omitempty"`
}

// sentenceView is a sentence of a document: its text and byte span.
type sentenceView struct {
	Text string   `json:"text"`
	Span doc.Span `json:"span"`
}

// getEvent serves GET /api/events/{id}: one record and its evidence.
func (s *Server) getEvent(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err == nil {
		err = newParams(r).err
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	rec, ev, err := s.store.Event(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		err = &notFound{fmt.Sprintf("event record %d", id)}
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	out := make([]evidenceView, len(ev))
	for i, e := range ev {
		out[i].Evidence = e
		if sp := e.SentenceSpan; sp.Start >= 0 && sp.End-sp.Start == len(e.Event.Text) {
			out[i].Sentence = &sentenceView{Text: e.Event.Text, Span: sp}
		}
	}
	writeJSON(w, http.StatusOK, eventView{Record: rec, Evidence: out})
}

// onePage trims a list the store gave with one row more than limit (the
// handlers ask for limit+1) and tells whether another page follows; the
// list is never nil, so that JSON says [] and not null.
func onePage[T any](items []T, limit int) ([]T, bool) {
	if len(items) > limit {
		return items[:limit], true
	}
	return nonNil(items), false
}

// nonNil returns s, or an empty slice for nil, so that JSON says [] and
// not null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
