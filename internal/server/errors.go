package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"

	"dyad/internal/store"
)

// paramError is a bad request: a query parameter, path value or body
// field that fails validation. Its message names the culprit.
type paramError struct {
	name string // the parameter or field
	msg  string // what is wrong with it
}

func (e *paramError) Error() string { return e.name + ": " + e.msg }

// badParam returns a validation error for parameter name.
func badParam(name, format string, args ...any) error {
	return &paramError{name: name, msg: fmt.Sprintf(format, args...)}
}

// notFound is a store.ErrNotFound for a thing the message names.
type notFound struct{ what string }

func (e *notFound) Error() string { return e.what + ": not found" }
func (e *notFound) Unwrap() error { return store.ErrNotFound }

// mediaTypeError is a body sent as something other than JSON.
type mediaTypeError struct{ got string }

func (e *mediaTypeError) Error() string {
	return "Content-Type: " + show(e.got) + " is not JSON: send Content-Type: application/json"
}

// codeTimeoutError is a posted document whose coding ran over the
// server's deadline (-code-timeout).
type codeTimeoutError struct {
	limit time.Duration
	bytes int
}

func (e *codeTimeoutError) Error() string {
	return fmt.Sprintf("text: coding %d bytes took longer than the server's limit of %v (-code-timeout); the server is busy: try again later, or send the text in parts", e.bytes, e.limit)
}

// Errors of the token check and of a disabled POST.
var (
	errNoToken    = errors.New("missing bearer token: send Authorization: Bearer TOKEN")
	errBadToken   = errors.New("wrong bearer token")
	errPostingOff = errors.New("posting documents is disabled: start dyad serve with --token-file")
)

// errorStatus maps an error to an HTTP status and a message safe to send:
// validation 400, token 401, disabled posting 403, unknown id 404, body
// too large 413, body not JSON 415, coding over its deadline 503, anything
// else 500 with a generic message.
func errorStatus(err error) (int, string) {
	var pe *paramError
	var mbe *http.MaxBytesError
	var nf *notFound
	var mt *mediaTypeError
	var ct *codeTimeoutError
	switch {
	case errors.As(err, &pe):
		return http.StatusBadRequest, pe.Error()
	case errors.Is(err, store.ErrBadCursor):
		return http.StatusBadRequest, "cursor: " + store.ErrBadCursor.Error() + " (give the next of the previous page)"
	case errors.Is(err, errNoToken), errors.Is(err, errBadToken):
		return http.StatusUnauthorized, err.Error()
	case errors.Is(err, errPostingOff):
		return http.StatusForbidden, err.Error()
	case errors.As(err, &nf):
		return http.StatusNotFound, nf.Error()
	case errors.Is(err, store.ErrNotFound):
		return http.StatusNotFound, "not found"
	case errors.As(err, &mt):
		return http.StatusUnsupportedMediaType, mt.Error()
	case errors.As(err, &mbe):
		return http.StatusRequestEntityTooLarge, fmt.Sprintf("body: larger than %d bytes", mbe.Limit)
	case errors.As(err, &ct):
		return http.StatusServiceUnavailable, ct.Error()
	case errors.Is(err, context.Canceled):
		return 499, "request cancelled" // nginx's "client closed request"; the client is gone
	}
	return http.StatusInternalServerError, "internal error"
}

// errorBody is the shape of every error response.
type errorBody struct {
	Error string `json:"error"`
}

// fail writes err as {"error": "..."} with its status; server errors are
// logged with the request.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	status, msg := errorStatus(err)
	if status >= 500 {
		s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	if status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="dyad"`)
	}
	writeJSON(w, status, errorBody{msg})
}

// writeJSON writes v as the JSON response with status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status = http.StatusInternalServerError
		b = []byte(`{"error":"internal error"}`)
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(b)
	w.Write([]byte{'\n'})
}
