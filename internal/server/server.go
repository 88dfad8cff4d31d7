package server

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"runtime"
	"time"

	"dyad/internal/pipeline"
	"dyad/internal/store"
)

// DefaultMaxBodyBytes caps the body of POST /api/documents.
const DefaultMaxBodyBytes = 8 << 20

// CodeTimeoutFor returns the coding deadline that matches a body limit:
// 4 s per MiB, at least 10 s (32 s for the default 8 MiB). Coding runs
// at about 2 MiB of text a second on one core (TestCodeScalesLinearly
// in internal/pipeline: 10 MB in 4.5 s of CPU), so a body of the
// largest size meets the deadline with a margin of two for a loaded
// machine, even with every coder of the pool sharing two cores.
func CodeTimeoutFor(maxBody int64) time.Duration {
	return max(10*time.Second, time.Duration(maxBody)*4*time.Second/(1<<20))
}

// Config is what a Server needs. Store is required; the rest has defaults.
type Config struct {
	Store store.Store
	// Pipeline codes documents posted to /api/documents. A zero Pipeline
	// (no Model) disables posting, as an empty Token does.
	Pipeline pipeline.Config
	// Token is the bearer token that POST /api/documents requires; empty
	// disables posting.
	Token string
	// Logger receives request errors; nil means slog.Default().
	Logger *slog.Logger
	// MaxBodyBytes caps a posted body; 0 means DefaultMaxBodyBytes.
	MaxBodyBytes int64
	// CodeTimeout bounds the coding of one posted document, from the
	// moment a coder takes it; 0 means CodeTimeoutFor(MaxBodyBytes). A
	// document that runs over gets 503 and its coder goes back to the
	// pool at once.
	CodeTimeout time.Duration
	// Coders is how many documents are coded at once; 0 means
	// GOMAXPROCS, at most 4.
	Coders int
}

// Server serves the API and the web page over one store.
type Server struct {
	store   store.Store
	cfg     pipeline.Config
	token   string
	log     *slog.Logger
	maxBody int64
	// codeTimeout bounds the coding of one posted document.
	codeTimeout time.Duration
	// coders is a pool of pipeline.Coders, made on first use: a nil
	// slot is a coder not made yet. Taking a slot is the semaphore that
	// bounds coding, so a Coder is never used by two requests at once.
	coders  chan *pipeline.Coder
	mux     *http.ServeMux
	handler http.Handler
}

// New returns a Server for cfg.
func New(cfg Config) (*Server, error) {
	if cfg.Store == nil {
		return nil, errors.New("server: no store")
	}
	s := &Server{
		store:   cfg.Store,
		cfg:     cfg.Pipeline,
		token:   cfg.Token,
		log:     cfg.Logger,
		maxBody: cfg.MaxBodyBytes,
	}
	if s.log == nil {
		s.log = slog.Default()
	}
	if s.maxBody <= 0 {
		s.maxBody = DefaultMaxBodyBytes
	}
	s.codeTimeout = cfg.CodeTimeout
	if s.codeTimeout <= 0 {
		s.codeTimeout = CodeTimeoutFor(s.maxBody)
	}
	n := cfg.Coders
	if n <= 0 {
		n = min(runtime.GOMAXPROCS(0), 4)
	}
	s.coders = make(chan *pipeline.Coder, n)
	for range n {
		s.coders <- nil
	}
	s.handler = s.routes()
	return s, nil
}

// Handler returns the server's HTTP handler.
func (s *Server) Handler() http.Handler { return s.handler }

// posting reports whether POST /api/documents is enabled.
func (s *Server) posting() bool { return s.token != "" && s.cfg.Model != nil && s.cfg.KB != nil }

// withCoder runs f with a coder from the pool, waiting for one to be free
// until ctx ends.
func (s *Server) withCoder(ctx context.Context, f func(*pipeline.Coder)) error {
	var c *pipeline.Coder
	select {
	case c = <-s.coders:
	case <-ctx.Done():
		return ctx.Err()
	}
	defer func() { s.coders <- c }()
	if c == nil {
		c = pipeline.NewCoder(s.cfg)
	}
	f(c)
	return nil
}
