package ingest

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Sentinel errors that callers branch on with errors.Is. Read wraps each in
// a *DocError that names the document.
var (
	// ErrEmpty reports a document (or a whole file) with no text but white space.
	ErrEmpty = errors.New("empty document")
	// ErrBinary reports a NUL byte or more than 10% control characters.
	ErrBinary = errors.New("binary content")
	// ErrInvalidUTF8 reports text that was not valid UTF-8. It fails no
	// document: a *Warning wraps it, and the text is repaired.
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	// ErrTooLarge reports a document, line or token over Options.MaxBytes.
	ErrTooLarge = errors.New("over the size limit (--max-doc-bytes)")
	// ErrBadDate reports a date that is not YYYY-MM-DD.
	ErrBadDate = errors.New("bad date")
	// ErrMalformed reports JSON or XML that does not parse, or that has the
	// wrong shape (a number where a string belongs).
	ErrMalformed = errors.New("malformed")
	// ErrNoDocuments reports a well-formed file that holds no documents:
	// an XML file without <Sentence> elements, a JSON array with no element.
	ErrNoDocuments = errors.New("no documents")
)

// DocError is the error of one document, line, record or file. Name says
// which: "dir/file.txt", "file.jsonl:17" (line 17), "file.xml:record ID",
// "file.xml:line 40" (where a malformed file broke), or "stdin".
type DocError struct {
	Name string
	Err  error
}

// Error returns Name and the error on one line: control characters and
// invalid UTF-8 in either are escaped, so a log line stays a line.
func (e *DocError) Error() string {
	msg := "<nil>"
	if e.Err != nil {
		msg = e.Err.Error()
	}
	return oneLine(e.Name) + ": " + oneLine(msg)
}

// Unwrap returns the underlying error, for errors.Is and errors.As.
func (e *DocError) Unwrap() error { return e.Err }

// Warning is what a reader did that a user should know of but that fails
// no document: a document read with its invalid UTF-8 repaired (Skipped
// 0), or files or links left out (Skipped > 0: a directory's binary
// file, a feed's link to a private address). Read and Feed yield it as the
// error of a value with an empty document, before the document it
// concerns. It is not a *DocError: callers tell it from a failure with
// errors.As and count it apart.
type Warning struct {
	Name    string // the document, file, link or feed
	Feed    string // the feed that linked Name, or ""
	Err     error  // what happened
	Skipped int    // files or links left out; 0 for a repair
}

// Error returns one line: "skipped: NAME: why" when something was left
// out, else "warning: NAME: what".
func (w *Warning) Error() string {
	prefix := "warning: "
	if w.Skipped > 0 {
		prefix = "skipped: "
	}
	name := oneLine(w.Name)
	if w.Feed != "" {
		name += " (in feed " + oneLine(w.Feed) + ")"
	}
	msg := "<nil>"
	if w.Err != nil {
		msg = w.Err.Error()
	}
	return prefix + name + ": " + oneLine(msg)
}

// Unwrap returns the underlying error, for errors.Is.
func (w *Warning) Unwrap() error { return w.Err }

// sizeError is a document or line over the limit. Size < 0 means the size is
// unknown (reading stopped at the limit).
type sizeError struct {
	what        string
	size, limit int64
}

func (e *sizeError) Error() string {
	if e.size < 0 {
		return fmt.Sprintf("%s is over the limit of %d bytes (--max-doc-bytes)", e.what, e.limit)
	}
	return fmt.Sprintf("%s is %d bytes, over the limit of %d (--max-doc-bytes)", e.what, e.size, e.limit)
}

func (e *sizeError) Is(target error) bool { return target == ErrTooLarge }

// oneLine escapes control characters (including U+2028 and U+2029, which
// some viewers break lines at) and invalid UTF-8 bytes.
func oneLine(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || (r >= 0x7f && r < 0xa0):
			fmt.Fprintf(&b, `\x%02x`, r)
		case r == '\u2028' || r == '\u2029':
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// quote returns s quoted for an error message, cut to a readable length.
func quote(s string) string {
	const max = 40
	if len(s) > max {
		cut := max
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		return fmt.Sprintf("%q...", s[:cut])
	}
	return fmt.Sprintf("%q", s)
}
