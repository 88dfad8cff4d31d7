package ingest

import (
	"fmt"
	"io"
	"strings"

	"dyad/internal/doc"
)

// readText reads src as one plain-text document. size is the file size when
// known (a regular file), or -1: a document known to be over the limit is
// not read at all, and an unknown size is read through a limit, so memory
// stays within the limit whatever the input.
func (r *reader) readText(name, id string, src io.Reader, size int64) bool {
	if !r.alive(name) {
		return false
	}
	if size > r.max {
		return r.fail(name, &sizeError{"document", size, r.max})
	}
	var b strings.Builder
	if size >= 0 {
		b.Grow(int(size))
	}
	n, err := io.Copy(&b, io.LimitReader(src, r.max+1))
	if err != nil {
		return r.fail(name, err)
	}
	if n > r.max {
		b.Reset()
		total, err := r.count(src)
		if err != nil {
			return r.fail(name, &sizeError{"document", -1, r.max})
		}
		return r.fail(name, &sizeError{"document", n + total, r.max})
	}
	text := strings.TrimPrefix(b.String(), bom)
	if err := checkText(text); err != nil {
		return r.fail(name, err)
	}
	text, fixed := repairUTF8(text)
	return r.emitRepaired(name, fixed, doc.Document{ID: id, Text: text})
}

// emitRepaired yields d, after a warning when fixed bytes of invalid UTF-8
// were replaced in document name.
func (r *reader) emitRepaired(name string, fixed int, d doc.Document) bool {
	if fixed > 0 && !r.yield(doc.Document{}, repairWarning(name, fixed)) {
		return false
	}
	return r.emit(d)
}

// count reads src to its end and returns the number of bytes, checking ctx
// between chunks.
func (r *reader) count(src io.Reader) (int64, error) {
	var total int64
	for {
		if err := r.ctx.Err(); err != nil {
			return total, err
		}
		n, err := io.CopyN(io.Discard, src, 1<<20)
		total += n
		if err == io.EOF {
			return total, nil
		}
		if err != nil {
			return total, err
		}
	}
}

// checkText returns ErrEmpty or ErrBinary, or nil for text a later stage
// can read once its invalid UTF-8, if any, is repaired (repairUTF8).
// Binary means a NUL byte, or more than 10% of the bytes control characters
// other than \t \n \r \f.
func checkText(s string) error {
	if strings.TrimSpace(s) == "" {
		return ErrEmpty
	}
	if strings.HasPrefix(s, "\xff\xfe") || strings.HasPrefix(s, "\xfe\xff") {
		return fmt.Errorf("%w (UTF-16 text: convert it to UTF-8)", ErrBinary)
	}
	ctrl := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x20 && c != 0x7f, c == '\t', c == '\n', c == '\r', c == '\f':
		case c == 0:
			return ErrBinary
		default:
			ctrl++
		}
	}
	if ctrl*10 > len(s) {
		return ErrBinary
	}
	return nil
}
