package server

import (
	"net/http"

	"dyad/internal/store"
)

// series is the response of GET /api/series.
type series struct {
	Source string      `json:"source"`
	Target string      `json:"target"`
	From   string      `json:"from"`
	To     string      `json:"to"`
	Days   []store.Day `json:"days"`
}

// getSeries serves GET /api/series: a dyad's daily counts of cooperation
// and conflict and its Goldstein sums, of its asserted and claimed
// reports unless status asks for others. Source and target are required.
func (s *Server) getSeries(w http.ResponseWriter, r *http.Request) {
	p := newParams(r, "source", "target", "from", "to", "status")
	var f store.EventFilter
	f.Source = p.actor("source")
	f.Target = p.actor("target")
	f.From, f.To = p.dates()
	f.Status = p.status("status")
	if p.err == nil && f.Source == "" {
		p.fail("source", "required (an actor code, as IRN)")
	}
	if p.err == nil && f.Target == "" {
		p.fail("target", "required (an actor code, as USA)")
	}
	if p.err != nil {
		s.fail(w, r, p.err)
		return
	}
	days, err := s.store.Series(r.Context(), f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, series{Source: f.Source, Target: f.Target, From: f.From, To: f.To, Days: nonNil(days)})
}
