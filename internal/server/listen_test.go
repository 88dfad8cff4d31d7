package server

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// serveListener serves s on a loopback port through Listener, as dyad
// serve does, and returns the address.
func serveListener(t *testing.T, s *Server, maxConns int) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	hs := &http.Server{Handler: s.Handler(), MaxHeaderBytes: 1 << 10, ReadHeaderTimeout: 5 * time.Second}
	go hs.Serve(Listener(ln, maxConns))
	t.Cleanup(func() { hs.Close() })
	return ln.Addr().String()
}

// raw sends req on a new connection and returns the response's status
// line and headers.
func raw(t *testing.T, addr, req string) (status string, header http.Header) {
	t.Helper()
	c, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(5 * time.Second))
	if _, err := io.WriteString(c, req); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatalf("reading the answer to %.40q: %v", req, err)
	}
	resp.Body.Close()
	return resp.Status, resp.Header
}

// TestSecurityHeadersEverywhere (issue 16, finding 9): the responses
// net/http writes itself (431, 400, 505) and those of the mux (404, 405)
// carry the security headers too.
func TestSecurityHeadersEverywhere(t *testing.T) {
	s, _ := newTest(t, newMemStore(), "")
	addr := serveListener(t, s, 0)
	big := "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + strings.Repeat("a", 8<<10) + "\r\n\r\n"
	for _, tt := range []struct{ name, req, status string }{
		{"header too large", big, "431"},
		{"malformed request line", "NONSENSE\r\n\r\n", "400"},
		{"no Host", "GET / HTTP/1.1\r\n\r\n", "400"},
		{"bad header", "GET / HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n", "400"},
		{"unknown version", "GET / HTTP/9.9\r\nHost: x\r\n\r\n", "505"},
		{"no route", "GET /nope HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", "404"},
		{"static method", "POST /static/app.js HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", "405"},
		{"api method", "DELETE /api/events HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", "405"},
		{"page", "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", "200"},
	} {
		status, h := raw(t, addr, tt.req)
		if !strings.HasPrefix(status, tt.status) {
			t.Errorf("%s: status %q; want %s", tt.name, status, tt.status)
		}
		for _, kv := range securityHeaderList {
			if got := h.Values(kv[0]); len(got) != 1 || got[0] != kv[1] {
				t.Errorf("%s (%s): %s = %q; want %q once", tt.name, status, kv[0], got, kv[1])
			}
		}
	}
}

// TestConnectionCap (issue 16, finding 9): past the cap, a connection
// waits until one closes.
func TestConnectionCap(t *testing.T) {
	s, _ := newTest(t, newMemStore(), "")
	addr := serveListener(t, s, 2)
	var held []net.Conn
	for range 2 {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		// A request each, answered: the server holds the connection open.
		io.WriteString(c, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
		resp, err := http.ReadResponse(bufio.NewReader(c), nil)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		held = append(held, c)
	}
	third, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer third.Close()
	io.WriteString(third, "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
	third.SetReadDeadline(time.Now().Add(300 * time.Millisecond))
	r := bufio.NewReader(third)
	if _, err := r.Peek(1); err == nil {
		t.Fatal("a third connection was served while two were open; want it to wait")
	}
	held[0].Close()
	third.SetReadDeadline(time.Now().Add(5 * time.Second))
	resp, err := http.ReadResponse(r, nil)
	if err != nil {
		t.Fatalf("third connection after one closed: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("third connection = %d; want 200", resp.StatusCode)
	}
}
