package ingest

import (
	"fmt"
	"io"
	"slices"
	"unicode/utf8"
)

// Invalid UTF-8 does not reject a document: each byte of an invalid
// sequence becomes U+FFFD, the reader reports how many bytes it replaced
// (a *Warning), and the document's Text is the repaired text, so every
// span a later stage takes refers to the text it stores.

// repairWarning reports n bytes of invalid UTF-8 replaced in document name.
func repairWarning(name string, n int) *Warning {
	return &Warning{Name: name, Err: fmt.Errorf("%w: %d %s replaced with U+FFFD", ErrInvalidUTF8, n, plural(n, "byte"))}
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// RepairUTF8 is repairUTF8, for readers outside this package (the HTTP
// API's posted documents).
func RepairUTF8(s string) (string, int) { return repairUTF8(s) }

// repairUTF8 returns s with each byte of an invalid UTF-8 sequence replaced
// by U+FFFD, and the number of bytes it replaced. Valid text is returned
// as it is, without a copy.
func repairUTF8(s string) (string, int) {
	if utf8.ValidString(s) {
		return s, 0
	}
	out, n := appendRepaired(make([]byte, 0, len(s)+16), s, nil)
	return string(out), n
}

// appendRepaired appends s to dst with each byte of an invalid sequence
// replaced by U+FFFD, and returns the number of bytes replaced. fixed, when
// not nil, is called with the offset in dst of each replacement.
func appendRepaired(dst []byte, s string, fixed func(off int)) ([]byte, int) {
	n := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			if fixed != nil {
				fixed(len(dst))
			}
			dst = append(dst, "\uFFFD"...)
			n++
			i++
			continue
		}
		dst = append(dst, s[i:i+size]...)
		i += size
	}
	return dst, n
}

// invalidUTF8 returns the number of bytes of invalid UTF-8 sequences in b.
func invalidUTF8(b []byte) int {
	if utf8.Valid(b) {
		return 0
	}
	n := 0
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			n++
		}
		i += size
	}
	return n
}

// repairReader passes a stream on with invalid UTF-8 repaired, for the
// decoders (encoding/xml) that refuse it, and counts the replacements
// before an offset of its output (fixesBefore), so a caller can tell which
// record held them. It keeps the offsets of the last fixWindow bytes of
// output only, so its memory is bounded whatever the input: the caller
// asks about offsets no further back than its decoder's read-ahead.
type repairReader struct {
	r      io.Reader
	in     []byte  // input read but not yet passed on (an incomplete sequence at its end)
	ob     []byte  // backing array of out
	out    []byte  // output not yet returned
	off    int64   // output bytes produced so far (returned or in out)
	total  int     // replacements so far
	recent []int64 // output offsets of the replacements in the last fixWindow bytes
	err    error
}

// fixWindow is how far back in the output fixesBefore can look: far more
// than the 4 KiB that encoding/xml reads ahead.
const fixWindow = 64 << 10

func newRepairReader(r io.Reader) *repairReader {
	return &repairReader{r: r, in: make([]byte, 0, 32<<10)}
}

func (rr *repairReader) Read(p []byte) (int, error) {
	for len(rr.out) == 0 {
		if rr.err != nil {
			return 0, rr.err
		}
		n, err := rr.r.Read(rr.in[len(rr.in):cap(rr.in)])
		rr.in = rr.in[:len(rr.in)+n]
		rr.err = err
		rr.convert(err != nil)
	}
	n := copy(p, rr.out)
	rr.out = rr.out[n:]
	return n, nil
}

// convert moves what it can of in to out: all of it at the end of the
// input, else all but an incomplete sequence at its end, which waits for
// the next read.
func (rr *repairReader) convert(end bool) {
	in := rr.in
	keep := 0
	if !end {
		for i := len(in) - 1; i >= 0 && i >= len(in)-utf8.UTFMax; i-- {
			if utf8.RuneStart(in[i]) {
				if !utf8.FullRune(in[i:]) {
					keep = len(in) - i
				}
				break
			}
		}
	}
	in, rest := in[:len(in)-keep], in[len(in)-keep:]
	start := rr.off
	if utf8.Valid(in) {
		rr.ob = append(rr.ob[:0], in...)
	} else {
		var n int
		rr.ob, n = appendRepaired(rr.ob[:0], string(in), func(off int) {
			rr.recent = append(rr.recent, start+int64(off))
		})
		rr.total += n
	}
	rr.out = rr.ob
	rr.off += int64(len(rr.ob))
	rr.in = append(rr.in[:0], rest...)
	// Forget the offsets out of the window.
	i := 0
	for i < len(rr.recent) && rr.recent[i] < rr.off-fixWindow {
		i++
	}
	if i > 0 {
		rr.recent = append(rr.recent[:0], rr.recent[i:]...)
	}
}

// fixesBefore returns the number of replacements at output offsets before
// off, which must be within fixWindow of the output produced.
func (rr *repairReader) fixesBefore(off int64) int {
	i, _ := slices.BinarySearch(rr.recent, off)
	return rr.total - (len(rr.recent) - i)
}
