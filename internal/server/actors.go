package server

import (
	"net/http"

	"dyad/internal/store"
)

// actorList is the response of GET /api/actors.
type actorList struct {
	Actors []store.StoredActor `json:"actors"`
	Limit  int                 `json:"limit"`
	Offset int                 `json:"offset"`
	More   bool                `json:"more"`
	Next   string              `json:"next"` // the next page's cursor, "" when none follows
}

// listActors serves GET /api/actors: the actors the stored asserted and
// claimed events (or those of other statuses) name, most reported first,
// by code prefix.
func (s *Server) listActors(w http.ResponseWriter, r *http.Request) {
	p := newParams(r, append([]string{"prefix", "status"}, pageParams...)...)
	var f store.ActorFilter
	f.Prefix = p.actor("prefix")
	f.Status = p.status("status")
	f.Limit, f.After, f.Offset = p.paging()
	if p.err != nil {
		s.fail(w, r, p.err)
		return
	}
	limit := f.Limit
	f.Limit++ // one more tells whether another page follows
	as, err := s.store.Actors(r.Context(), f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	as, more := onePage(as, limit)
	next := ""
	if more {
		next = store.ActorCursor(&as[len(as)-1])
	}
	writeJSON(w, http.StatusOK, actorList{Actors: as, Limit: limit, Offset: f.Offset, More: more, Next: next})
}
