package server

import (
	"embed"
	"io/fs"
	"net/http"
	"strings"
)

// assets are the web page: index.html, and under static/ its style sheet
// and JavaScript modules (no build step).
//
//go:embed web
var assets embed.FS

// index serves the page's one HTML document; the modules route within it.
func (s *Server) index(w http.ResponseWriter, r *http.Request) {
	b, err := assets.ReadFile("web/index.html")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.Write(b)
}

// static serves the page's assets under /static/.
func (s *Server) static() http.Handler {
	sub, err := fs.Sub(assets, "web/static")
	if err != nil {
		panic(err) // the embedded tree is fixed at build time
	}
	files := http.StripPrefix("/static/", http.FileServerFS(sub))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/") { // no directory listings
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Cache-Control", "no-cache")
		files.ServeHTTP(w, r)
	})
}
