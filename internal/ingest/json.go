package ingest

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"

	"dyad/internal/doc"
)

// readJSONArray reads a JSON array of document objects: a .json file whose
// first byte that is not white space is '['. (Any other .json file is read
// as JSON Lines.) Elements are named "name:record N", counting from 1, and
// checked as JSON Lines documents are. A syntax error ends the file, since
// a JSON decoder cannot find the next element after one; the elements
// before it have been yielded.
func (r *reader) readJSONArray(name, base string, br *bufio.Reader) bool {
	if b, _ := br.Peek(3); string(b) == bom {
		br.Discard(3)
	}
	cr := &capReader{r: br, limit: window(r.max), err: &sizeError{"a JSON value", -1, r.max}}
	dec := json.NewDecoder(cr)
	if _, err := dec.Token(); err != nil { // the '[' that sniff saw
		return r.fail(name, jsonErr(err))
	}
	n := 0
	for dec.More() {
		n++
		if r.ctx.Err() != nil {
			return r.cancel(at(name, "record ", n))
		}
		cr.limit = dec.InputOffset() + window(r.max)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return r.fail(at(name, "record ", n), jsonErr(err))
		}
		var d doc.Document
		var fixed int
		var err error
		if int64(len(raw)) > r.max {
			err = &sizeError{"record", int64(len(raw)), r.max}
		} else {
			d, fixed, err = r.decodeJSON(raw, base, n)
		}
		if err != nil {
			if !r.fail(at(name, "record ", n), err) {
				return false
			}
			continue
		}
		if !r.emitRepaired(at(name, "record ", n), fixed, d) {
			return false
		}
	}
	cr.limit = dec.InputOffset() + window(r.max)
	if _, err := dec.Token(); err != nil { // the closing ']'
		return r.fail(at(name, "record ", n+1), jsonErr(err))
	}
	if _, err := dec.Token(); err != io.EOF {
		return r.fail(name, fmt.Errorf("%w JSON: data after the closing ]", ErrMalformed))
	}
	if n == 0 {
		return r.fail(name, fmt.Errorf("%w (an empty JSON array)", ErrNoDocuments))
	}
	return true
}
