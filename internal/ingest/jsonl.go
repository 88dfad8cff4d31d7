package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"dyad/internal/doc"
)

// lineBufSize is the read buffer of JSON Lines files. A line that fits (the
// guardian-dev corpus peaks at 15 KB) is decoded in place, without a copy.
const lineBufSize = 64 << 10

// jsonDoc is one document as JSON. Unknown fields are ignored; the keys
// match case-insensitively, as encoding/json does.
type jsonDoc struct {
	ID     string `json:"id"`
	Date   string `json:"date"`
	Source string `json:"source"`
	URL    string `json:"url"`
	Title  string `json:"title"`
	Text   string `json:"text"`
}

// readJSONL reads one document per line. A bad line yields an error named
// "name:line" and reading goes on with the next line; blank lines are
// skipped. A line over the limit is skipped without being held in memory.
func (r *reader) readJSONL(name, base string, src io.Reader) bool {
	lr := newLineReader(src, r.max)
	blank := true
	for {
		if r.ctx.Err() != nil {
			return r.cancel(at(name, "", lr.num+1))
		}
		line, long, err := lr.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return r.fail(at(name, "", lr.num), err) // an I/O error: the rest of the file is lost
		}
		if long > 0 {
			blank = false
			if !r.fail(at(name, "", lr.num), &sizeError{"line", long, r.max}) {
				return false
			}
			continue
		}
		if lr.num == 1 {
			line = bytes.TrimPrefix(line, []byte(bom))
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		blank = false
		d, fixed, err := r.decodeJSON(line, base, lr.num)
		if err != nil {
			if !r.fail(at(name, "", lr.num), err) {
				return false
			}
			continue
		}
		if !r.emitRepaired(at(name, "", lr.num), fixed, d) {
			return false
		}
	}
	if blank {
		return r.fail(name, ErrEmpty)
	}
	return true
}

// decodeJSON decodes and checks document n of a file; "base:n" is its ID
// when it has none. Invalid UTF-8 in the line is repaired before decoding
// (encoding/json would replace it without a word); fixed is the number of
// bytes replaced.
func (r *reader) decodeJSON(data []byte, base string, n int) (d doc.Document, fixed int, err error) {
	if !utf8.Valid(data) {
		data, fixed = appendRepaired(nil, string(data), nil)
	}
	var j jsonDoc
	if err := json.Unmarshal(data, &j); err != nil {
		return doc.Document{}, 0, jsonErr(err)
	}
	if err := checkText(j.Text); err != nil {
		return doc.Document{}, 0, err
	}
	d = doc.Document{ID: j.ID, Source: j.Source, URL: j.URL, Title: j.Title, Text: j.Text}
	if d.ID == "" {
		d.ID = at(base, "", n)
	}
	if j.Date != "" {
		date, err := parseDate(j.Date)
		if err != nil {
			return doc.Document{}, 0, err
		}
		d.Date = date
	}
	return d, fixed, nil
}

// jsonErr turns an encoding/json error into an ErrMalformed error that
// speaks of the document, not of Go types.
func jsonErr(err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		if te.Field == "" {
			return fmt.Errorf("%w JSON: a document is an object, not %s", ErrMalformed, article(te.Value))
		}
		return fmt.Errorf("%w JSON: field %s is %s, want a string", ErrMalformed, quote(te.Field), article(te.Value))
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Errorf("%w JSON: unexpected end of input", ErrMalformed)
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		if strings.HasPrefix(se.Error(), "unexpected end") {
			return fmt.Errorf("%w JSON: unexpected end of input", ErrMalformed)
		}
		return fmt.Errorf("%w JSON at byte %d: %s", ErrMalformed, se.Offset, se.Error())
	}
	if errors.Is(err, ErrTooLarge) {
		return err
	}
	return fmt.Errorf("%w JSON: %v", ErrMalformed, err)
}

func article(kind string) string {
	switch kind {
	case "":
		return "a value of another type"
	case "array", "object":
		return "an " + kind
	case "bool":
		return "a boolean"
	}
	return "a " + kind
}

// lineReader splits a stream into lines of at most max bytes, with memory
// bounded by max whatever the line lengths.
type lineReader struct {
	br  *bufio.Reader
	buf []byte
	max int64
	num int // number of the last line returned
}

func newLineReader(src io.Reader, max int64) *lineReader {
	br, ok := src.(*bufio.Reader)
	if !ok || br.Size() < lineBufSize {
		br = bufio.NewReaderSize(src, lineBufSize)
	}
	return &lineReader{br: br, max: max}
}

// next returns the next line without its line ending ("\n" or "\r\n"),
// valid until the following call. For a line over max bytes it returns
// long, the line's length, and no line: it has skipped to the line's end.
// At the end of the input it returns io.EOF.
func (lr *lineReader) next() (line []byte, long int64, err error) {
	lr.buf = lr.buf[:0]
	var size int64    // bytes of the line so far, line ending included
	var last2 [2]byte // the last two bytes read, for the size of the ending
	over := false
	for {
		frag, err := lr.br.ReadSlice('\n')
		if len(frag) == 0 && err == io.EOF && size == 0 {
			return nil, 0, io.EOF
		}
		size += int64(len(frag))
		switch len(frag) {
		case 0:
		case 1:
			last2 = [2]byte{last2[1], frag[0]}
		default:
			last2 = [2]byte{frag[len(frag)-2], frag[len(frag)-1]}
		}
		if !over {
			if size == int64(len(frag)) && err != bufio.ErrBufferFull {
				line = frag // the whole line is in the buffer: no copy
			} else if size <= lr.max+2 {
				lr.grow(len(frag))
				lr.buf = append(lr.buf, frag...)
				line = lr.buf
			} else {
				over = true
				lr.buf, line = lr.buf[:0], nil
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil && err != io.EOF {
			lr.num++
			return nil, 0, err
		}
		lr.num++
		ending := 0
		if last2[1] == '\n' {
			ending = 1
			if last2[0] == '\r' && size >= 2 {
				ending = 2
			}
		}
		if content := size - int64(ending); over || content > lr.max {
			return nil, content, nil
		}
		return line[:len(line)-ending], 0, nil
	}
}

// grow makes room for n more bytes in buf, doubling its capacity (up to the
// longest line kept): append's 1.25x growth for large slices allocated
// 48 MB in all to reach a line of 8 MiB, doubling allocates 16 MB.
func (lr *lineReader) grow(n int) {
	need := len(lr.buf) + n
	if need <= cap(lr.buf) {
		return
	}
	c := max(2*cap(lr.buf), need, lineBufSize)
	c = min(c, int(lr.max)+2)
	c = max(c, need)
	buf := make([]byte, len(lr.buf), c)
	copy(buf, lr.buf)
	lr.buf = buf
}
