package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"

	"dyad/internal/doc"
)

// ErrNotFound is returned for an unknown event or document id.
var ErrNotFound = errors.New("not found")

// Store is what the engines implement. Every method is safe for
// concurrent use.
type Store interface {
	// Put stores one coded document with its sentences, mentions, events
	// and quotes, and merges its events into event records, in one
	// transaction. A document already stored (same DocKey) with the same
	// metadata (date, DateAssumed, source, URL, title) is left as it is
	// and Put reports New=false; with other metadata its metadata is
	// updated, its reports, quotes and spans are replaced by res's (res is
	// the text coded again with the new metadata) and re-merged into
	// records, and Put reports Updated=true. An assumed date
	// (DateAssumed) is no new metadata: it never replaces a given date,
	// and a copy with one replaces a copy with another only for a new
	// source, URL or title.
	Put(ctx context.Context, res *doc.Result) (PutResult, error)

	// PutBatch stores several documents in one transaction, each exactly
	// as Put would, and is cheaper per document than Put when documents
	// come in a stream (one commit for all). errs[i] is the error of
	// rs[i]: that document is absent and the others are stored. A non-nil
	// err means the transaction failed and none of them is stored.
	PutBatch(ctx context.Context, rs []*doc.Result) (results []PutResult, errs []error, err error)

	// Events lists event records, newest first, that match f: by default
	// only records with an asserted or claimed report (f.Status).
	Events(ctx context.Context, f EventFilter) ([]Record, error)
	// Event returns one event record and every report of it.
	Event(ctx context.Context, id int64) (Record, []Evidence, error)
	// Document returns a stored document with its events, quotes and
	// mentions, every span a byte offset into its Text.
	Document(ctx context.Context, key string) (StoredDocument, error)
	// Quotes lists quotes that match f.
	Quotes(ctx context.Context, f QuoteFilter) ([]StoredQuote, error)
	// Series gives daily report counts and Goldstein sums for the events
	// whose source and target codes start with the given prefixes
	// (an empty prefix matches every actor). f applies to each report
	// (its codes, claimant, status and date), oldest day first; undated
	// reports are left out, Limit, Offset and After ignored.
	Series(ctx context.Context, f EventFilter) ([]Day, error)
	// Network gives the actor graph: one edge per (source, target) pair
	// of event records matching f, heaviest first (mentions of the
	// statuses f selects), at most f.Limit.
	Network(ctx context.Context, f EventFilter) ([]Edge, error)
	// Actors lists the actors the stored events name as source or
	// target, most reported first, whose codes start with f.Prefix. Only
	// asserted and claimed reports count unless f.Status names others: an
	// actor only negated, denied or hypothetical reports name is not
	// listed by default.
	Actors(ctx context.Context, f ActorFilter) ([]StoredActor, error)
	// Counts returns the totals of the store.
	Counts(ctx context.Context) (Counts, error)

	Close() error
}

// PutResult says what Put did.
type PutResult struct {
	Key     string // the document's DocKey
	New     bool   // false when the document was already stored
	Updated bool   // stored before with other metadata: updated and its reports replaced
	Events  int    // events stored (0 when neither New nor Updated)
	Records int    // event records created (the rest merged into existing ones)
}

// Counts are the totals of a store.
type Counts struct {
	Documents int64 `json:"documents"`
	Sentences int64 `json:"sentences"`
	Mentions  int64 `json:"mentions"`
	Events    int64 `json:"events"`  // reports: one per coded event in a document
	Records   int64 `json:"records"` // event records the reports merged into
	Quotes    int64 `json:"quotes"`
	Actors    int64 `json:"actors"` // distinct actor codes that asserted or claimed events name
}

// ActorFilter selects actors. Zero fields select everything.
type ActorFilter struct {
	Prefix string // of the actor code: "IRN" gives IRN, IRNGOV, IRNMIL
	// Status: count the reports of these statuses (Statuses); empty
	// means CountedStatuses, kept up to date in a table of their own; any
	// other set is counted from the reports at each call.
	Status []string
	Limit  int    // 0: DefaultLimit; at most MaxLimit
	Offset int    // deprecated: After costs the same on every page
	After  string // a cursor (ActorCursor of the last actor of the previous page)
}

// StoredActor is an actor code the stored events name, what it stands
// for, and how often. A code stands for a role (IRNGOV is every Iranian
// official), so it carries no person's identifier; evidence does.
type StoredActor struct {
	Code      string `json:"code"`
	Country   string `json:"country"`
	Sector    string `json:"sector"`
	Name      string `json:"name"`    // the words of the first report that named it
	Reports   int    `json:"reports"` // asserted and claimed events (or those of ActorFilter.Status) that name it as source or target
	FirstDate string `json:"first_date"`
	LastDate  string `json:"last_date"`
}

// EventFilter selects event records. Zero fields select everything.
// Codes match as prefixes: Actor "IRN" matches IRN, IRNGOV, IRNMIL.
type EventFilter struct {
	From, To string // dates, YYYY-MM-DD inclusive: records whose [first, last] dates meet [From, To]
	Actor    string // either side
	Source   string
	Target   string
	PLOVER   string // exact PLOVER type: "REJECT"
	CAMEO    string // prefix: "12" matches 120..129x
	Claimant string // prefix of any report's claimant code (who says it: reported_by's first, innermost, actor)
	// Status selects records with at least one report of these statuses
	// (Statuses), and Series and Network count only such reports; empty
	// means CountedStatuses, asserted and claimed.
	Status []string
	Limit  int    // 0: the engine's default (100); at most 10,000
	Offset int    // deprecated: After costs the same on every page
	After  string // a cursor (EventCursor of the last record of the previous page)
}

// QuoteFilter selects quotes. Zero fields select everything.
type QuoteFilter struct {
	DocKey  string
	Speaker string // prefix of the speaker's actor code
	From    string
	To      string
	Limit   int
	Offset  int    // deprecated: After costs the same on every page
	After   string // a cursor (QuoteCursor of the last quote of the previous page)
}

// Record is one real-world event as reported by one or more documents:
// same source and target codes, same CAMEO root, dates within the merge
// window. Disagreement stays visible: reports that negate, deny or
// contest the event are kept in it and counted apart.
//
// A record counts its asserted and claimed reports: Mentions, Articles
// and Outlets are theirs. Negated, denied and hypothetical reports are
// evidence (Event lists them, the status counts count them, Reports
// counts every report) but not events: a record with none but them is
// left out of listings, series, network and exports unless a Status
// filter asks for them.
//
// ID is derived from the record's first report (RecordID), so that two
// stores built from the same input give their records the same ids,
// whatever crashed or was rolled back on the way.
type Record struct {
	ID        int64   `json:"id"`
	Source    string  `json:"source"` // actor code
	Target    string  `json:"target"` // "" when the event has no target
	Root      string  `json:"root"`   // CAMEO root, two digits
	CAMEO     string  `json:"cameo"`  // the code most asserted and claimed reports gave, then most reports (ties: the first)
	PLOVER    string  `json:"plover"`
	Goldstein float64 `json:"goldstein"` // of CAMEO
	QuadClass int     `json:"quad_class"`
	FirstDate string  `json:"first_date"`
	LastDate  string  `json:"last_date"`
	// Mentions counts the asserted and claimed reports; Articles their
	// distinct documents; Outlets their distinct Document.Source values
	// (a document without one counts as its own outlet). Reports counts
	// every report, whatever its status.
	Mentions int `json:"mentions"`
	Articles int `json:"articles"`
	Outlets  int `json:"outlets"`
	Reports  int `json:"reports"`
	// Status lists the statuses of the record's reports, in the order
	// of Statuses, comma-separated: "asserted,negated".
	Status string `json:"status"`
	// Reports by status: asserted, claimed, denied, negated, hypothetical.
	Asserted     int `json:"asserted"`
	Claimed      int `json:"claimed"`
	Denied       int `json:"denied"`
	Negated      int `json:"negated"`
	Hypothetical int `json:"hypothetical"`
	// Example is the sentence of the first asserted or claimed report
	// (of the first report when there is none): an event is shown by a
	// sentence that says it happened.
	Example string `json:"example"`
	// SourceURL is that report's document URL (GDELT's SOURCEURL).
	SourceURL string `json:"source_url"`
	Added     string `json:"added"` // when the record was created, RFC 3339 UTC
	Updated   string `json:"updated"`
}

// Evidence is one report of an event record: a coded event in a document.
type Evidence struct {
	ID       int64     `json:"id"`
	RecordID int64     `json:"record_id"`
	DocKey   string    `json:"doc_key"`
	DocID    string    `json:"doc_id"` // the caller's id for the document
	Outlet   string    `json:"outlet"` // Document.Source
	URL      string    `json:"url"`
	Title    string    `json:"title"`
	Event    doc.Event `json:"event"` // as coded, spans into the document text
	// SentenceSpan is where Event.Text, the sentence, lies in the
	// document ([-1, -1] when the store lacks it), so the verb's span can
	// be shown in the sentence without reading the document.
	SentenceSpan doc.Span `json:"sentence_span"`
	// Claimant is who claims the event: the innermost reporter (the
	// speaker; the rest of reported_by only passed the claim on), or ""
	// when the writer asserts it.
	Claimant string `json:"claimant"`
}

// StoredDocument is a document with everything dyad found in it.
type StoredDocument struct {
	Key       string        `json:"key"`
	Document  doc.Document  `json:"document"`
	Sentences []doc.Span    `json:"sentences"`
	Mentions  []MentionSpan `json:"mentions"`
	Events    []Evidence    `json:"events"`
	Quotes    []doc.Quote   `json:"quotes"`
	Added     string        `json:"added"`
}

// MentionSpan is a dictionary mention of a stored document.
type MentionSpan struct {
	Sentence int      `json:"sentence"`
	Span     doc.Span `json:"span"`
	Kind     string   `json:"kind"`
	Code     string   `json:"code"`
	Country  string   `json:"country"`
	Sector   string   `json:"sector"`
	ID       string   `json:"id,omitempty"`
}

// StoredQuote is a quote with the document it came from.
type StoredQuote struct {
	DocKey string    `json:"doc_key"`
	Date   string    `json:"date"`
	Quote  doc.Quote `json:"quote"`

	// where the quote is in the listing order (QuoteCursor): the
	// document's row and the quote's index in it.
	doc, idx int64
}

// Day is one day of a dyad's time series.
type Day struct {
	Date        string  `json:"date"`
	Events      int     `json:"events"`      // reports that day
	Cooperation int     `json:"cooperation"` // reports with quad class 1 or 2
	Conflict    int     `json:"conflict"`    // quad class 3 or 4
	Goldstein   float64 `json:"goldstein"`   // sum over the reports
}

// Edge is one (source, target) pair of the actor network.
type Edge struct {
	Source    string  `json:"source"`
	Target    string  `json:"target"`
	Records   int     `json:"records"`
	Mentions  int     `json:"mentions"`
	Goldstein float64 `json:"goldstein"` // mean over the records
}

// DocKey is a document's identity: the SHA-256 of its text with runs of
// white space made one space and the ends trimmed, first 16 bytes in hex.
// The same article fetched twice, with other line breaks, has one key.
func DocKey(text string) string {
	h := sha256.New()
	var b [utf8.UTFMax]byte
	space := false
	started := false
	for _, r := range text {
		if unicode.IsSpace(r) {
			space = started
			continue
		}
		if space {
			h.Write([]byte{' '})
			space = false
		}
		started = true
		n := utf8.EncodeRune(b[:], r)
		h.Write(b[:n])
	}
	sum := h.Sum(nil)
	return hex.EncodeToString(sum[:16])
}

// Claimant returns who claims e: the innermost reporter, the one who
// says it ("Khamenei said ..., IRNA reported, according to Reuters":
// Khamenei), or "" when the writer asserts it.
func Claimant(e *doc.Event) string {
	if len(e.ReportedBy) == 0 {
		return ""
	}
	return e.ReportedBy[0].Code
}

// Root returns the CAMEO root (the first two digits) of a code.
func Root(cameo string) string {
	if len(cameo) < 2 {
		return cameo
	}
	return cameo[:2]
}

// Options tune a store.
type Options struct {
	// Window is how many days apart two reports of the same source,
	// target and CAMEO root may be and still be one event record;
	// 0 means the default, 2.
	Window int
	// Existing refuses to create a store: Open fails with ErrNoStore
	// when the SQLite file is absent, or the PostgreSQL database has no
	// dyad schema (commands that only read a store).
	Existing bool
}

// DefaultWindow is the merge window in days.
const DefaultWindow = 2

// Open opens the store a --db value names: a postgres:// or
// postgresql:// URL opens PostgreSQL, anything else is a SQLite file
// (created with its schema when absent).
func Open(ctx context.Context, dsn string, opts Options) (Store, error) {
	if opts.Window <= 0 {
		opts.Window = DefaultWindow
	}
	pg := strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
	if opts.Existing {
		if err := checkExists(ctx, dsn, pg); err != nil {
			return nil, err
		}
	}
	if pg {
		return OpenPostgres(ctx, dsn, opts)
	}
	return OpenSQLite(ctx, dsn, opts)
}
