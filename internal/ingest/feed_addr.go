package ingest

import (
	"context"
	"errors"
	"fmt"
	"net/netip"
	"syscall"
)

// ErrPrivateAddress reports a fetch refused because the address it would
// connect to is not a public one: loopback, private (RFC 1918, fc00::/7),
// link-local, unspecified, multicast, shared (CGNAT, 100.64.0.0/10) or
// reserved. A feed must not make dyad fetch from the machine it runs on or
// its network (dyad's own API, a router, a cloud metadata service), so
// such addresses are refused unless FetchOptions.AllowPrivate is set.
var ErrPrivateAddress = errors.New("not a public address")

// addrError is a refused address and what kind it is.
type addrError struct {
	addr netip.Addr
	kind string
}

func (e *addrError) Error() string {
	return fmt.Sprintf("refused: %s is a %s address, not a public one (-allow-private fetches it)", e.addr, e.kind)
}

func (e *addrError) Is(target error) bool { return target == ErrPrivateAddress }

var (
	cgnat     = netip.MustParsePrefix("100.64.0.0/10")
	thisNet   = netip.MustParsePrefix("0.0.0.0/8")
	reserved4 = netip.MustParsePrefix("240.0.0.0/4") // and 255.255.255.255
	ietf4     = netip.MustParsePrefix("192.0.0.0/24")
	siteLocal = netip.MustParsePrefix("fec0::/10")
	nat64     = netip.MustParsePrefix("64:ff9b::/96")
)

// publicAddr returns nil for an address a feed may make dyad connect to,
// else an error wrapping ErrPrivateAddress that says what kind it is. An
// IPv4 address mapped into IPv6 (::ffff:a.b.c.d) or translated by NAT64
// (64:ff9b::a.b.c.d) is judged as the IPv4 address it carries.
func publicAddr(a netip.Addr) error {
	a = a.Unmap()
	if a.Is6() && nat64.Contains(a) {
		b := a.As16()
		a = netip.AddrFrom4([4]byte(b[12:]))
	}
	kind := ""
	switch {
	case !a.IsValid():
		kind = "invalid"
	case a.IsLoopback():
		kind = "loopback"
	case a.IsUnspecified(), thisNet.Contains(a):
		kind = "unspecified"
	case a.IsPrivate():
		kind = "private"
	case a.IsLinkLocalUnicast(), siteLocal.Contains(a):
		kind = "link-local"
	case a.IsMulticast():
		kind = "multicast"
	case cgnat.Contains(a):
		kind = "shared (CGNAT)"
	case reserved4.Contains(a), ietf4.Contains(a):
		kind = "reserved"
	}
	if kind == "" {
		return nil
	}
	return &addrError{a, kind}
}

// dialControl returns the net.Dialer hook that checks each address dyad
// is about to connect to, after DNS and at every redirect, with check: a
// name that resolves (or is rebound) to a private address is refused
// where the connection is made, not where the URL is read.
func dialControl(check func(netip.AddrPort) error) func(ctx context.Context, network, address string, c syscall.RawConn) error {
	return func(ctx context.Context, network, address string, c syscall.RawConn) error {
		ap, err := netip.ParseAddrPort(address)
		if err != nil {
			return fmt.Errorf("refused: address %q: %v", address, err)
		}
		return check(ap)
	}
}
