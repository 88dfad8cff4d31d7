package server

import (
	"net/http"

	"dyad/internal/store"
)

// network is the response of GET /api/network.
type network struct {
	Edges []store.Edge `json:"edges"`
	Limit int          `json:"limit"`
}

// getNetwork serves GET /api/network: the actor graph of the event
// records that match the filters, heaviest edges first.
func (s *Server) getNetwork(w http.ResponseWriter, r *http.Request) {
	p := newParams(r, append(eventParams, "limit")...)
	f := p.eventFilter()
	f.Limit = p.integer("limit", defaultLimit, 1, maxLimit)
	if p.err != nil {
		s.fail(w, r, p.err)
		return
	}
	edges, err := s.store.Network(r.Context(), f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, network{Edges: nonNil(edges), Limit: f.Limit})
}
