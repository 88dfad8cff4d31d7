package ingest

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

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
	return r.emit(doc.Document{ID: id, Text: text})
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

// checkText returns ErrEmpty, ErrBinary or ErrInvalidUTF8 (wrapped with the
// offset of the first bad byte), or nil for text a later stage can read.
// Binary means a NUL byte, or more than 10% of the bytes control characters
// other than \t \n \r \f.
func checkText(s string) error {
	if strings.TrimSpace(s) == "" {
		return ErrEmpty
	}
	if strings.HasPrefix(s, "\xff\xfe") || strings.HasPrefix(s, "\xfe\xff") {
		return fmt.Errorf("%w (UTF-16 text: convert it to UTF-8)", ErrBinary)
	}
	ctrl, ascii := 0, true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x80:
			ascii = false
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
	if !ascii && !utf8.ValidString(s) {
		return fmt.Errorf("%w at byte %d", ErrInvalidUTF8, badUTF8(s))
	}
	return nil
}

// badUTF8 returns the offset of the first invalid UTF-8 sequence in s, or -1.
func badUTF8(s string) int {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}
