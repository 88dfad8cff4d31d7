package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestServeUsage(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty")
	os.WriteFile(empty, []byte("\n"), 0o600)
	tests := []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"serve"}, 2, "needs -db"},
		{[]string{"serve", "-db", filepath.Join(dir, "x.db"), "extra"}, 2, "takes no arguments"},
		{[]string{"serve", "-db", filepath.Join(dir, "x.db"), "-token-file", filepath.Join(dir, "none")}, 1, "token file"},
		{[]string{"serve", "-db", filepath.Join(dir, "x.db"), "-token-file", empty}, 1, "one token"},
		{[]string{"serve", "-db", filepath.Join(dir, "x.db"), "-max-conns", "0"}, 2, "-max-conns 0"},
	}
	for _, tc := range tests {
		code, _, errs := runDyad(t, "", tc.args...)
		if code != tc.code || !strings.Contains(errs, tc.msg) {
			t.Errorf("dyad %q = %d %q; want %d with %q", tc.args, code, errs, tc.code, tc.msg)
		}
	}
}

// TestServe starts dyad serve on a free port, posts a document with the
// token, reads it back, and stops the server by cancelling its context.
func TestServe(t *testing.T) {
	dir := t.TempDir()
	token := filepath.Join(dir, "token")
	if err := os.WriteFile(token, []byte("t0ken\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"serve", "-db", filepath.Join(dir, "dyad.db"), "-create", "-addr", "127.0.0.1:0", "-token-file", token},
			strings.NewReader(""), io.Discard, pw)
		pw.Close()
	}()
	// The log's first line names the URL.
	sc := bufio.NewScanner(pr)
	var base string
	for sc.Scan() {
		if m := regexp.MustCompile(`url=(http://\S+)/`).FindStringSubmatch(sc.Text()); m != nil {
			base = m[1]
			break
		}
	}
	if base == "" {
		t.Fatalf("no URL in the log (exit %d)", <-done)
	}
	go io.Copy(io.Discard, pr)

	client := &http.Client{Timeout: 30 * time.Second}
	req, _ := http.NewRequest("POST", base+"/api/documents",
		strings.NewReader(`{"id":"a","date":"2026-03-02","text":"Iran rejected the United States' offer on Monday."}`))
	req.Header.Set("Authorization", "Bearer t0ken")
	req.Header.Set("Content-Type", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var p struct {
		Key    string `json:"key"`
		New    bool   `json:"new"`
		Events int    `json:"events"`
	}
	json.NewDecoder(resp.Body).Decode(&p)
	resp.Body.Close()
	if resp.StatusCode != 201 || !p.New || p.Events != 1 {
		t.Fatalf("POST = %d %+v; want 201, new, 1 event", resp.StatusCode, p)
	}
	resp, err = client.Get(base + "/api/events?actor=IRN")
	if err != nil {
		t.Fatal(err)
	}
	var ev struct {
		Events []struct{ Source, Target, CAMEO string } `json:"events"`
	}
	json.NewDecoder(resp.Body).Decode(&ev)
	resp.Body.Close()
	if len(ev.Events) != 1 || ev.Events[0].Source != "IRN" || ev.Events[0].Target != "USA" {
		t.Errorf("GET /api/events?actor=IRN = %+v", ev)
	}

	// net/http's own answer to headers too large carries the security
	// headers too (dyad serve listens through server.Listener).
	c, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(c, "GET / HTTP/1.1\r\nHost: x\r\nX-Big: "+strings.Repeat("a", 80<<10)+"\r\n\r\n")
	resp, err = http.ReadResponse(bufio.NewReader(c), nil)
	c.Close()
	if err != nil || resp.StatusCode != 431 || resp.Header.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("headers too large = %v, %v; want 431 with the security headers", resp, err)
	}

	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("dyad serve exit = %d after cancel; want 0", code)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("dyad serve did not stop")
	}
}
