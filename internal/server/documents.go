package server

import (
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"dyad/internal/doc"
	"dyad/internal/ingest"
	"dyad/internal/pipeline"
	"dyad/internal/store"
)

// getDocument serves GET /api/documents/{key}: a stored document with its
// sentences, mentions, events and quotes, spans as byte offsets.
func (s *Server) getDocument(w http.ResponseWriter, r *http.Request) {
	key, err := pathKey(r)
	if err == nil {
		err = newParams(r).err
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d, err := s.store.Document(r.Context(), key)
	if errors.Is(err, store.ErrNotFound) {
		err = &notFound{"document " + key}
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, documentView{
		Key: d.Key,
		Document: documentFields{
			ID: d.Document.ID, Date: d.Document.Date, Source: d.Document.Source,
			URL: d.Document.URL, Title: d.Document.Title, Text: d.Document.Text,
			DateAssumed: d.Document.DateAssumed,
		},
		Sentences: nonNil(d.Sentences),
		Mentions:  nonNil(d.Mentions),
		Events:    nonNil(d.Events),
		Quotes:    nonNil(d.Quotes),
		Added:     d.Added,
	})
}

// documentView is the response of GET /api/documents/{key}.
type documentView struct {
	Key       string              `json:"key"`
	Document  documentFields      `json:"document"`
	Sentences []doc.Span          `json:"sentences"`
	Mentions  []store.MentionSpan `json:"mentions"`
	Events    []store.Evidence    `json:"events"`
	Quotes    []doc.Quote         `json:"quotes"`
	Added     string              `json:"added"`
}

// documentFields is a doc.Document with the API's field names, the same
// as those of a posted document.
type documentFields struct {
	ID     string `json:"id"`
	Date   string `json:"date"`
	Source string `json:"source"`
	URL    string `json:"url"`
	Title  string `json:"title"`
	Text   string `json:"text"` // every span of the response is a byte offset into it
	// DateAssumed is true when Date was neither given nor read from the
	// text but assumed (the day it was read, or a -date default).
	DateAssumed bool `json:"date_assumed"`
}

// postedDocument is the body of POST /api/documents. Text is required;
// Date is YYYY-MM-DD, today (UTC) when empty; ID is the document key when
// empty.
type postedDocument struct {
	ID     string `json:"id"`
	Date   string `json:"date"`
	Title  string `json:"title"`
	URL    string `json:"url"`
	Source string `json:"source"`
	Text   string `json:"text"`
}

// posted is the response of POST /api/documents.
type posted struct {
	Key     string `json:"key"`
	New     bool   `json:"new"`     // false: the same text was stored before; nothing changed
	Events  int    `json:"events"`  // events coded and stored
	Records int    `json:"records"` // event records created by them
	// Warnings name what was repaired in the document (invalid UTF-8);
	// absent when nothing was.
	Warnings []string `json:"warnings,omitempty"`
}

// Field limits of a posted document (the text is bounded by the body cap).
const (
	maxIDBytes    = 200
	maxTitleBytes = 2000
	maxURLBytes   = 4000
)

// postDocument serves POST /api/documents: checks the bearer token, reads
// the JSON body strictly, codes the document and stores it. It answers
// 201 for a new document, 200 for one stored before.
func (s *Server) postDocument(w http.ResponseWriter, r *http.Request) {
	if err := s.authorize(r); err != nil {
		s.fail(w, r, err)
		return
	}
	d, warnings, err := s.readDocument(w, r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var res doc.Result
	var codeErr error
	err = s.withCoder(r.Context(), func(c *pipeline.Coder) {
		// The deadline runs from here, not from the wait for a coder: it
		// bounds the time one request holds a coder.
		ctx, cancel := context.WithTimeout(r.Context(), s.codeTimeout)
		defer cancel()
		res, codeErr = c.CodeContext(ctx, d)
		if errors.Is(codeErr, context.DeadlineExceeded) {
			codeErr = &codeTimeoutError{s.codeTimeout, len(d.Text)}
		}
	})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if codeErr != nil {
		s.fail(w, r, fmt.Errorf("coding document %s: %w", d.ID, codeErr))
		return
	}
	pr, err := s.store.Put(r.Context(), &res)
	if err != nil {
		s.fail(w, r, fmt.Errorf("storing document %s: %w", d.ID, err))
		return
	}
	status := http.StatusOK
	if pr.New {
		status = http.StatusCreated
		s.log.Info("document stored", "doc_key", pr.Key, "doc_id", d.ID, "events", pr.Events, "records", pr.Records)
	}
	w.Header().Set("Location", "/api/documents/"+pr.Key)
	for _, m := range warnings {
		s.log.Warn("document repaired", "doc_key", pr.Key, "doc_id", d.ID, "warning", m)
	}
	writeJSON(w, status, posted{Key: pr.Key, New: pr.New, Events: pr.Events, Records: pr.Records, Warnings: warnings})
}

// authorize checks the request's bearer token against the server's, in
// constant time (both are hashed first, so their lengths leak nothing).
func (s *Server) authorize(r *http.Request) error {
	if !s.posting() {
		return errPostingOff
	}
	h := r.Header.Get("Authorization")
	tok, ok := strings.CutPrefix(h, "Bearer ")
	if !ok || tok == "" {
		return errNoToken
	}
	got, want := sha256.Sum256([]byte(tok)), sha256.Sum256([]byte(s.token))
	if subtle.ConstantTimeCompare(got[:], want[:]) != 1 {
		return errBadToken
	}
	return nil
}

// readDocument reads and checks a posted document: a body of at most
// maxBody bytes, one JSON object with known fields only. Invalid UTF-8 is
// repaired; the warnings say so.
func (s *Server) readDocument(w http.ResponseWriter, r *http.Request) (doc.Document, []string, error) {
	if ct := r.Header.Get("Content-Type"); ct != "" {
		if mt, _, _ := strings.Cut(ct, ";"); strings.TrimSpace(strings.ToLower(mt)) != "application/json" {
			return doc.Document{}, nil, &mediaTypeError{ct}
		}
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.maxBody))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return doc.Document{}, nil, err
		}
		return doc.Document{}, nil, badParam("body", "unreadable: %v", err)
	}
	var warnings []string
	if !utf8.Valid(body) {
		// Repaired, not refused, as every reader does (internal/ingest):
		// each byte of an invalid sequence becomes U+FFFD, and the answer
		// says how many.
		fixed, n := ingest.RepairUTF8(string(body))
		body = []byte(fixed)
		warnings = append(warnings, fmt.Sprintf("body: invalid UTF-8: %d bytes replaced with U+FFFD", n))
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	var p postedDocument
	if err := dec.Decode(&p); err != nil {
		return doc.Document{}, nil, badParam("body", "%s", jsonProblem(err))
	}
	if _, err := dec.Token(); err != io.EOF {
		return doc.Document{}, nil, badParam("body", "one JSON object expected; more follows it")
	}
	d, err := checkDocument(p, time.Now())
	return d, warnings, err
}

// jsonProblem says what is wrong with a body in terms of the document,
// not of Go types.
func jsonProblem(err error) string {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return fmt.Sprintf("malformed JSON at byte %d: %v", se.Offset, se)
	case errors.As(err, &te):
		if te.Field == "" {
			return "a JSON object expected"
		}
		return fmt.Sprintf("field %q must be a string", te.Field)
	case errors.Is(err, io.EOF):
		return "empty; a JSON object expected"
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "malformed JSON: unexpected end"
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		return "unknown field " + strings.TrimPrefix(err.Error(), "json: unknown field ") +
			" (known: id, date, title, url, source, text)"
	}
	return "malformed JSON"
}

// checkDocument validates the fields of a posted document and returns it
// as a doc.Document; now dates a document without a date.
func checkDocument(p postedDocument, now time.Time) (doc.Document, error) {
	if strings.TrimSpace(p.Text) == "" {
		return doc.Document{}, badParam("text", "required, and more than white space")
	}
	if err := checkControl(p.Text); err != nil {
		return doc.Document{}, err
	}
	for _, f := range []struct{ name, v string }{{"id", p.ID}, {"title", p.Title}, {"source", p.Source}, {"url", p.URL}, {"date", p.Date}} {
		if strings.ContainsFunc(f.v, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
			return doc.Document{}, badParam(f.name, "control characters are not allowed")
		}
	}
	switch {
	case len(p.ID) > maxIDBytes:
		return doc.Document{}, badParam("id", "longer than %d bytes", maxIDBytes)
	case len(p.Title) > maxTitleBytes:
		return doc.Document{}, badParam("title", "longer than %d bytes", maxTitleBytes)
	case len(p.Source) > maxTitleBytes:
		return doc.Document{}, badParam("source", "longer than %d bytes", maxTitleBytes)
	case len(p.URL) > maxURLBytes:
		return doc.Document{}, badParam("url", "longer than %d bytes", maxURLBytes)
	}
	if p.URL != "" {
		u, err := url.Parse(p.URL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return doc.Document{}, badParam("url", "%s is not an http or https URL", show(p.URL))
		}
	}
	d := doc.Document{ID: p.ID, Date: p.Date, Source: p.Source, URL: p.URL, Title: p.Title, Text: p.Text}
	if d.Date != "" && !validDate(d.Date) {
		return doc.Document{}, badParam("date", "%s is not a date (YYYY-MM-DD)", show(d.Date))
	}
	// Undated: the dateline's date, else today marked as assumed, by the
	// rule every reader follows (ingest.SettleDate). The store never lets
	// an assumed date replace the date a copy of the text was stored with.
	ingest.SettleDate(&d, "", now)
	if d.ID == "" {
		d.ID = store.DocKey(d.Text)
	}
	return d, nil
}

// checkControl refuses binary text: a NUL byte, or more than 10% control
// characters other than tab, line feed, carriage return and form feed
// (the rule of internal/ingest).
func checkControl(s string) error {
	ctrl := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == 0:
			return badParam("text", "binary content (a NUL byte at %d)", i)
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f', c == 0x7f:
			ctrl++
		}
	}
	if ctrl*10 > len(s) {
		return badParam("text", "binary content (%d control characters)", ctrl)
	}
	return nil
}
