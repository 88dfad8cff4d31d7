package server

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"dyad/internal/code"
	"dyad/internal/store"
)

// Limits of the list endpoints.
const (
	defaultLimit = 100
	maxLimit     = 1000
	maxOffset    = 1_000_000
)

// params reads and validates the query parameters of one request. The
// first problem is kept in err; later reads return zero values.
type params struct {
	v   url.Values
	err error
}

// newParams parses r's query and refuses parameters not in allowed, and
// parameters given twice.
func newParams(r *http.Request, allowed ...string) *params {
	v, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return &params{err: badParam("query", "malformed query string")}
	}
	names := make([]string, 0, len(v))
	for name := range v {
		names = append(names, name)
	}
	slices.Sort(names) // the first bad name reported is the same every time
	for _, name := range names {
		if !slices.Contains(allowed, name) {
			return &params{err: badParam(paramName(name), "unknown parameter (known: %s)", strings.Join(allowed, ", "))}
		}
		if len(v[name]) > 1 {
			return &params{err: badParam(name, "given more than once")}
		}
	}
	return &params{v: v}
}

// paramName returns a parameter's name for a message: as it is when it
// is a plain word, quoted otherwise.
func paramName(name string) string {
	if name == "" || len(name) > 30 {
		return show(name)
	}
	for i := 0; i < len(name); i++ {
		if c := name[i]; !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_' || c == '-') {
			return show(name)
		}
	}
	return name
}

// show quotes a value for an error message, cut to 40 bytes.
func show(s string) string {
	if len(s) > 40 {
		i := 40
		for i > 0 && !utf8.RuneStart(s[i]) {
			i--
		}
		s = s[:i] + "..."
	}
	return strconv.Quote(s)
}

// get returns the parameter's value, "" when absent.
func (p *params) get(name string) string {
	if p.err != nil {
		return ""
	}
	return p.v.Get(name)
}

func (p *params) fail(name, format string, args ...any) {
	if p.err == nil {
		p.err = badParam(name, format, args...)
	}
}

// actor reads an actor code (or code prefix): 1 to 15 capital letters or
// digits.
func (p *params) actor(name string) string {
	s := p.get(name)
	if s != "" && !validActor(s) {
		p.fail(name, "%s is not an actor code (1-15 capital letters or digits, as IRN or USAGOV)", show(s))
		return ""
	}
	return s
}

// validActor reports whether s is 1 to 15 of [A-Z0-9].
func validActor(s string) bool {
	if len(s) == 0 || len(s) > 15 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return true
}

// cameo reads a CAMEO code or prefix: 1 to 4 digits.
func (p *params) cameo(name string) string {
	s := p.get(name)
	if s == "" {
		return ""
	}
	ok := len(s) <= 4
	for i := 0; i < len(s) && ok; i++ {
		ok = '0' <= s[i] && s[i] <= '9'
	}
	if !ok {
		p.fail(name, "%s is not a CAMEO code or prefix (1-4 digits, as 12 or 0871)", show(s))
		return ""
	}
	return s
}

// ploverTypes are the values the plover parameter takes.
var ploverTypes = code.PloverTypes()

// plover reads a PLOVER event type.
func (p *params) plover(name string) string {
	s := p.get(name)
	if s != "" && !slices.Contains(ploverTypes, s) {
		p.fail(name, "%s is not a PLOVER type (one of %s)", show(s), strings.Join(ploverTypes, ", "))
		return ""
	}
	return s
}

// date reads a YYYY-MM-DD date.
func (p *params) date(name string) string {
	s := p.get(name)
	if s != "" && !validDate(s) {
		p.fail(name, "%s is not a date (YYYY-MM-DD)", show(s))
		return ""
	}
	return s
}

// validDate reports whether s is a real YYYY-MM-DD date.
func validDate(s string) bool {
	if len(s) != 10 {
		return false
	}
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}

// dates reads from and to, and checks that from is not after to.
func (p *params) dates() (from, to string) {
	from, to = p.date("from"), p.date("to")
	if from != "" && to != "" && from > to {
		p.fail("from", "%s is after to %s", show(from), show(to))
	}
	return from, to
}

// docKey reads a document key: 32 lower-case hex digits.
func (p *params) docKey(name string) string {
	s := p.get(name)
	if s != "" && !validKey(s) {
		p.fail(name, "%s is not a document key (32 hex digits)", show(s))
		return ""
	}
	return s
}

// validKey reports whether s looks like a store.DocKey.
func validKey(s string) bool {
	if len(s) != 32 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// integer reads a decimal integer in [lo, hi], def when absent.
func (p *params) integer(name string, def, lo, hi int) int {
	s := p.get(name)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi || s[0] == '+' {
		p.fail(name, "%s is not a whole number from %d to %d", show(s), lo, hi)
		return def
	}
	return n
}

// pageParams are the parameters of a page of a list: cursor is the next
// page (the previous page's next); offset is deprecated (its cost grows
// with it) and cannot go with a cursor.
var pageParams = []string{"limit", "cursor", "offset"}

// paging reads limit, cursor and offset.
func (p *params) paging() (limit int, cursor string, offset int) {
	limit, cursor, offset = p.integer("limit", defaultLimit, 1, maxLimit), p.get("cursor"), p.integer("offset", 0, 0, maxOffset)
	switch {
	case len(cursor) > 512:
		p.fail("cursor", "%s is not a cursor (give the next of the previous page)", show(cursor))
	case cursor != "" && p.get("offset") != "":
		p.fail("offset", "cannot go with cursor (a cursor says where the page starts)")
	}
	return limit, cursor, offset
}

// eventParams are the parameters that select event records.
var eventParams = []string{"actor", "source", "target", "plover", "cameo", "from", "to", "claimant", "status"}

// status reads the status parameter: statuses, comma-separated, or all;
// nil (the store's default, asserted and claimed) when absent.
func (p *params) status(name string) []string {
	s := p.get(name)
	switch s {
	case "":
		return nil
	case "all":
		return store.Statuses
	}
	sts := strings.Split(s, ",")
	for _, st := range sts {
		if !slices.Contains(store.Statuses, st) {
			p.fail(name, "%s is not a status (%s, comma-separated, or all)", show(st), strings.Join(store.Statuses, ", "))
			return nil
		}
	}
	return sts
}

// eventFilter reads the event filters (not the paging).
func (p *params) eventFilter() store.EventFilter {
	f := store.EventFilter{
		Actor:    p.get("actor"),
		Source:   p.get("source"),
		Target:   p.get("target"),
		PLOVER:   p.get("plover"),
		CAMEO:    p.get("cameo"),
		From:     p.get("from"),
		To:       p.get("to"),
		Claimant: p.get("claimant"),
	}
	if err := CheckEventFilter(f); err != nil {
		p.err = err
		return store.EventFilter{}
	}
	f.Status = p.status("status")
	return f
}

// CheckEventFilter validates the filters of f (not the paging) as the API
// does its query parameters, so that every reader of event records (the
// API, dyad export) refuses the same mistakes with the same message. The
// error names the parameter, as "actor: \"irn\" is not an actor code ...".
func CheckEventFilter(f store.EventFilter) error {
	p := &params{v: url.Values{}}
	for name, v := range map[string]string{
		"actor": f.Actor, "source": f.Source, "target": f.Target, "plover": f.PLOVER,
		"cameo": f.CAMEO, "from": f.From, "to": f.To, "claimant": f.Claimant,
	} {
		if v != "" {
			p.v.Set(name, v)
		}
	}
	p.actor("actor")
	p.actor("source")
	p.actor("target")
	p.plover("plover")
	p.cameo("cameo")
	p.dates()
	p.actor("claimant")
	if p.err == nil {
		for _, st := range f.Status {
			if !slices.Contains(store.Statuses, st) {
				p.fail("status", "%s is not a status (%s, comma-separated, or all)", show(st), strings.Join(store.Statuses, ", "))
				break
			}
		}
	}
	return p.err
}

// pathID reads the {id} path value: an event record id, 1 or more.
func pathID(r *http.Request) (int64, error) {
	s := r.PathValue("id")
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id < 1 || s[0] == '+' {
		return 0, badParam("id", "%s is not an event record id (a whole number from 1)", show(s))
	}
	return id, nil
}

// pathKey reads the {key} path value: a document key.
func pathKey(r *http.Request) (string, error) {
	s := r.PathValue("key")
	if !validKey(s) {
		return "", badParam("key", "%s is not a document key (32 hex digits)", show(s))
	}
	return s, nil
}
