package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"dyad/internal/server"
	"dyad/internal/store"
	"dyad/internal/text"
)

// cmdServe runs the HTTP API and web page over a store until ctx ends
// (Ctrl-C or SIGTERM, from main), then lets requests in flight finish.
func cmdServe(ctx context.Context, args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := fs.String("db", "", "the store: a SQLite `file` (created when absent) or a postgres:// URL")
	addr := fs.String("addr", "127.0.0.1:8080", "listen `address`")
	tokenFile := fs.String("token-file", "", "`file` holding the bearer token that POST /api/documents requires (without it, posting is disabled)")
	maxBody := fs.Int64("max-body-bytes", server.DefaultMaxBodyBytes, "largest body POST /api/documents accepts")
	maxConns := fs.Int("max-conns", server.DefaultMaxConns, "most connections served at once (more wait for one to close)")
	var dicts stringList
	fs.Var(&dicts, "dict", "add a dictionary `file` or directory for coding posted documents (repeatable)")
	fs.Usage = func() {
		fmt.Fprint(stderr, "usage: dyad serve --db D [--addr A] [--token-file F] [--dict ...]\n\nServes the JSON API and the web page over a store (docs/api.md).\n\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if *db == "" || fs.NArg() > 0 {
		return fmt.Errorf("%w: serve needs --db and takes no arguments", errUsage)
	}
	if *maxConns < 1 {
		return fmt.Errorf("%w: -max-conns %d: want 1 or more", errUsage, *maxConns)
	}
	token := ""
	if *tokenFile != "" {
		b, err := os.ReadFile(*tokenFile)
		if err != nil {
			return fmt.Errorf("token file: %w", err)
		}
		if token = strings.TrimSpace(string(b)); token == "" || strings.ContainsAny(token, " \t\r\n") {
			return fmt.Errorf("token file %s: want one token on one line", *tokenFile)
		}
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))
	cfg, err := loadConfig(inputFlags{maxToks: text.DefaultMaxSentenceTokens}, dicts, stderr)
	if err != nil {
		return err
	}
	st, err := store.Open(ctx, *db, store.Options{})
	if err != nil {
		return err
	}
	defer st.Close()
	srv, err := server.New(server.Config{Store: st, Pipeline: cfg, Token: token, Logger: log, MaxBodyBytes: *maxBody})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	hs := &http.Server{
		Handler:           srv.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      120 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	log.Info("serving", "url", "http://"+ln.Addr().String()+"/", "db", *db, "posting", token != "")
	done := make(chan error, 1)
	// Listener caps the connections and puts the security headers on the
	// errors net/http answers by itself.
	go func() { done <- hs.Serve(server.Listener(ln, *maxConns)) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return err
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
