package server

import (
	"net/http"

	"dyad/internal/store"
)

// health is the response of GET /healthz.
type health struct {
	Status  string       `json:"status"`
	Counts  store.Counts `json:"counts"`
	Posting bool         `json:"posting"` // POST /api/documents is enabled
}

// getHealth serves GET /healthz: 200 with the store's totals when the
// store answers, 500 when it does not.
func (s *Server) getHealth(w http.ResponseWriter, r *http.Request) {
	if err := newParams(r).err; err != nil {
		s.fail(w, r, err)
		return
	}
	c, err := s.store.Counts(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, health{Status: "ok", Counts: c, Posting: s.posting()})
}
