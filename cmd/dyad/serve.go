package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"dyad/internal/server"
	"dyad/internal/text"
)

// cmdServe runs the HTTP API and web page over a store until ctx ends
// (Ctrl-C or SIGTERM, from main), then lets requests in flight finish.
func cmdServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("serve", stdout)
	db := fs.String("db", "", "the store: a SQLite `file` or a postgres:// URL")
	create := fs.Bool("create", false, "create the store when it does not exist (to fill it by POST /api/documents)")
	addr := fs.String("addr", "127.0.0.1:8080", "listen `address`")
	tokenFile := fs.String("token-file", "", "`file` holding the bearer token that POST /api/documents requires (without it, posting is disabled)")
	maxBody := fs.Int64("max-body-bytes", server.DefaultMaxBodyBytes, "largest body POST /api/documents accepts")
	codeTimeout := fs.Duration("code-timeout", 0, "longest coding of one posted document; over it, 503 (0: 4s per MiB of -max-body-bytes, at least 10s)")
	maxConns := fs.Int("max-conns", server.DefaultMaxConns, "most connections served at once (more wait for one to close)")
	var dicts stringList
	fs.Var(&dicts, "dict", "add a dictionary `file` or directory for coding posted documents (repeatable)")
	if err := fs.parse(args); err != nil {
		return err
	}
	if *db == "" || fs.NArg() > 0 {
		return fmt.Errorf("%w: serve needs -db and takes no arguments", errUsage)
	}
	if _, _, err := net.SplitHostPort(*addr); err != nil {
		return fmt.Errorf("%w: -addr %q: want HOST:PORT (127.0.0.1:8080)", errUsage, *addr)
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
	st, err := openStore(ctx, *db, *create, "dyad ingest creates one, or serve -create an empty one")
	if err != nil {
		return err
	}
	defer st.Close()
	if *maxBody <= 0 {
		*maxBody = server.DefaultMaxBodyBytes
	}
	if *codeTimeout <= 0 {
		*codeTimeout = server.CodeTimeoutFor(*maxBody)
	}
	srv, err := server.New(server.Config{Store: st, Pipeline: cfg, Token: token, Logger: log, MaxBodyBytes: *maxBody, CodeTimeout: *codeTimeout})
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
		WriteTimeout:      max(120*time.Second, *codeTimeout+60*time.Second), // the answer to a post comes after its coding
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
