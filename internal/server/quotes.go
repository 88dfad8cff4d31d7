package server

import (
	"net/http"

	"dyad/internal/store"
)

// quoteList is the response of GET /api/quotes.
type quoteList struct {
	Quotes []store.StoredQuote `json:"quotes"`
	Limit  int                 `json:"limit"`
	Offset int                 `json:"offset"`
	More   bool                `json:"more"`
	Next   string              `json:"next"` // the next page's cursor, "" when none follows
}

// listQuotes serves GET /api/quotes: quotes by speaker, document and date.
func (s *Server) listQuotes(w http.ResponseWriter, r *http.Request) {
	p := newParams(r, append([]string{"speaker", "doc", "from", "to"}, pageParams...)...)
	var f store.QuoteFilter
	f.Speaker = p.actor("speaker")
	f.DocKey = p.docKey("doc")
	f.From, f.To = p.dates()
	f.Limit, f.After, f.Offset = p.paging()
	if p.err != nil {
		s.fail(w, r, p.err)
		return
	}
	limit := f.Limit
	f.Limit++
	qs, err := s.store.Quotes(r.Context(), f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	qs, more := onePage(qs, limit)
	next := ""
	if more {
		next = store.QuoteCursor(&qs[len(qs)-1])
	}
	writeJSON(w, http.StatusOK, quoteList{Quotes: qs, Limit: limit, Offset: f.Offset, More: more, Next: next})
}
