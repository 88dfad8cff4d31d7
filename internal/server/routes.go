package server

import (
	"net/http"
	"strings"
)

// routes returns the server's handler: every endpoint of the API and the
// web page, behind the security headers.
func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	s.mux = mux

	mux.HandleFunc("GET /healthz", s.getHealth)

	mux.HandleFunc("GET /api/events", s.listEvents)
	mux.HandleFunc("GET /api/events/{id}", s.getEvent)
	mux.HandleFunc("GET /api/documents/{key}", s.getDocument)
	mux.HandleFunc("POST /api/documents", s.postDocument)
	mux.HandleFunc("GET /api/quotes", s.listQuotes)
	mux.HandleFunc("GET /api/series", s.getSeries)
	mux.HandleFunc("GET /api/network", s.getNetwork)
	mux.HandleFunc("GET /api/actors", s.listActors)
	mux.HandleFunc("/api/", s.noEndpoint)

	mux.HandleFunc("GET /{$}", s.index)
	mux.Handle("GET /static/", s.static())

	return securityHeaders(mux)
}

// noEndpoint answers a path under /api/ that names no endpoint with 404,
// and a method an endpoint does not take with 405 and the methods it does.
func (s *Server) noEndpoint(w http.ResponseWriter, r *http.Request) {
	var allow []string
	for _, m := range []string{http.MethodGet, http.MethodPost} {
		r2 := r.Clone(r.Context())
		r2.Method = m
		if _, pattern := s.mux.Handler(r2); pattern != "/api/" && pattern != "" {
			allow = append(allow, m)
		}
	}
	if len(allow) > 0 {
		w.Header().Set("Allow", strings.Join(allow, ", "))
		writeJSON(w, http.StatusMethodNotAllowed, errorBody{r.Method + " " + r.URL.Path + ": method not allowed (allowed: " + strings.Join(allow, ", ") + ")"})
		return
	}
	writeJSON(w, http.StatusNotFound, errorBody{"no endpoint " + r.Method + " " + r.URL.Path + " (docs/api.md lists them)"})
}

// contentSecurityPolicy allows scripts, styles, images and requests from
// the server itself only: no inline script or style, no plug-ins, no
// framing.
const contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// securityHeaderList are the headers every response carries: set by
// securityHeaders on the handler's, added by Listener to those net/http
// writes itself.
var securityHeaderList = [][2]string{
	{"Content-Security-Policy", contentSecurityPolicy},
	{"X-Content-Type-Options", "nosniff"},
	{"X-Frame-Options", "DENY"},
	{"Referrer-Policy", "no-referrer"},
}

// securityHeaders sets the headers every response carries.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		for _, kv := range securityHeaderList {
			h.Set(kv[0], kv[1])
		}
		next.ServeHTTP(w, r)
	})
}
