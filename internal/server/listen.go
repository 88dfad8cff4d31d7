package server

import (
	"bytes"
	"net"

	"golang.org/x/net/netutil"
)

// DefaultMaxConns is how many connections Listener serves at once when
// not told: enough for a team's browsers and scripts, few enough that a
// flood of idle connections cannot exhaust the process's file
// descriptors (1024 by default on Linux) or its memory.
const DefaultMaxConns = 256

// Listener wraps ln for an http.Server that serves s.Handler():
//
//   - at most maxConns connections at once (0 or less: DefaultMaxConns);
//     further clients wait in the kernel's backlog until one closes;
//   - the security headers on the responses net/http writes itself,
//     without a handler (431 for headers too large, 400 for a malformed
//     request, 505 for an unknown HTTP version), as on every other.
func Listener(ln net.Listener, maxConns int) net.Listener {
	if maxConns <= 0 {
		maxConns = DefaultMaxConns
	}
	return &headerListener{netutil.LimitListener(ln, maxConns)}
}

type headerListener struct{ net.Listener }

func (l *headerListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return &headerConn{Conn: c}, nil
}

// headerConn adds the security headers to a response net/http writes on
// the connection itself. Those are written whole, in one Write, status
// line to blank line, and lack the headers every handler's response has
// (securityHeaders); a handler's responses, which carry them, pass as
// they are, and bodies never hold a bare header block (JSON escapes line
// breaks; the static assets are the server's own).
type headerConn struct{ net.Conn }

// rawHeaders are the security headers in wire format.
var rawHeaders = func() []byte {
	var b bytes.Buffer
	for _, h := range securityHeaderList {
		b.WriteString(h[0] + ": " + h[1] + "\r\n")
	}
	return b.Bytes()
}()

func (c *headerConn) Write(p []byte) (int, error) {
	if q, ok := withHeaders(p); ok {
		if _, err := c.Conn.Write(q); err != nil {
			return 0, err
		}
		return len(p), nil
	}
	return c.Conn.Write(p)
}

// withHeaders returns p with the security headers after its status line
// when p is a whole error response without them.
func withHeaders(p []byte) ([]byte, bool) {
	// "HTTP/1.1 431 ...\r\n": a 4xx or 5xx status.
	if len(p) < 13 || !bytes.HasPrefix(p, []byte("HTTP/1.")) || p[8] != ' ' || (p[9] != '4' && p[9] != '5') {
		return nil, false
	}
	end := bytes.Index(p, []byte("\r\n\r\n"))
	line := bytes.Index(p, []byte("\r\n"))
	if end < 0 || bytes.Contains(p[:end], []byte("\r\nX-Content-Type-Options:")) {
		return nil, false
	}
	q := make([]byte, 0, len(p)+len(rawHeaders))
	q = append(q, p[:line+2]...)
	q = append(q, rawHeaders...)
	return append(q, p[line+2:]...), true
}
