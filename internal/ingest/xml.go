package ingest

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"dyad/internal/doc"
)

// readXML reads PETRARCH XML: <Sentence> elements, at any depth under any
// root, each one document:
//
//	<Sentence date="20080801" id="AFP0808-01" source="AFP" sentence="true">
//	<Text> ... </Text> <Parse> ... </Parse> </Sentence>
//
// The id attribute is the ID ("base:line" when missing), date (YYYYMMDD or
// YYYY-MM-DD) the date, source the source, and the trimmed content of the
// <Text> child the text. Other elements and attributes are ignored.
//
// The file is read token by token. A bad record yields an error named
// "name:record ID" (or "name:line N" without an id) and reading goes on; a
// malformed file yields the records before the damage and then one error
// named "name:line N". Invalid UTF-8 (in a file not declared Latin-1) is
// repaired as it is read, with one warning for each record that held some
// and one naming the file for what lay between records.
func (r *reader) readXML(name, base string, src io.Reader) bool {
	br := bufio.NewReader(src)
	var rr *repairReader
	if xmlUTF8(br) {
		rr = newRepairReader(br)
		src = rr
	} else {
		src = br
	}
	cr := &capReader{r: src, limit: window(r.max), err: &sizeError{"an XML token", -1, r.max}}
	d := xml.NewDecoder(cr)
	d.Strict = true
	d.Entity = xml.HTMLEntity
	d.CharsetReader = charsetReader
	records, content := 0, false
	inRecords := 0 // bytes of invalid UTF-8 repaired inside records
	for tokens := 0; ; tokens++ {
		if tokens%256 == 0 && r.ctx.Err() != nil {
			return r.cancel(r.xmlPos(name, d))
		}
		fixedBefore := 0 // replacements before this token
		if rr != nil {
			fixedBefore = rr.fixesBefore(d.InputOffset())
		}
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return r.fail(r.xmlPos(name, d), xmlErr(err))
		}
		cr.limit = d.InputOffset() + window(r.max)
		if cd, ok := tok.(xml.CharData); ok && len(bytes.TrimLeft(bytes.TrimSpace(cd), bom)) == 0 {
			continue // white space does not make a file non-empty
		}
		content = true
		start, ok := tok.(xml.StartElement)
		if !ok || start.Name.Local != "Sentence" {
			continue
		}
		records++
		line, _ := d.InputPos()
		if r.ctx.Err() != nil {
			return r.cancel(at(name, "line ", line))
		}
		rec, err := r.sentence(d, cr, start)
		if err != nil {
			return r.fail(r.xmlPos(name, d), xmlErr(err))
		}
		fixed := 0
		if rr != nil {
			fixed = rr.fixesBefore(d.InputOffset()) - fixedBefore
			inRecords += fixed
		}
		dd, err := r.record(rec, base, line)
		recName := at(name, "line ", line)
		if rec.id != "" {
			recName = name + ":record " + rec.id
		}
		if err != nil {
			if !r.fail(recName, err) {
				return false
			}
			continue
		}
		if !r.emitRepaired(recName, fixed, dd) {
			return false
		}
	}
	if rr != nil && rr.total > inRecords {
		n := rr.total - inRecords
		w := &Warning{Name: name, Err: fmt.Errorf("%w: %d %s outside <Sentence> records replaced with U+FFFD", ErrInvalidUTF8, n, plural(n, "byte"))}
		if !r.yield(doc.Document{}, w) {
			return false
		}
	}
	switch {
	case !content:
		return r.fail(name, ErrEmpty)
	case records == 0:
		return r.fail(name, fmt.Errorf("%w (no <Sentence> element)", ErrNoDocuments))
	}
	return true
}

// xmlPos names the line the decoder has reached.
func (r *reader) xmlPos(name string, d *xml.Decoder) string {
	line, _ := d.InputPos()
	return at(name, "line ", line)
}

// xmlRecord is one <Sentence> as read.
type xmlRecord struct {
	id, date, source string
	text             strings.Builder
	size             int64 // bytes of <Text> content, kept or not
	hasText          bool
}

// sentence reads the content of a <Sentence> element up to its end tag.
// The text kept is capped at the limit; size counts all of it.
func (r *reader) sentence(d *xml.Decoder, cr *capReader, start xml.StartElement) (*xmlRecord, error) {
	rec := &xmlRecord{}
	for _, a := range start.Attr {
		switch a.Name.Local {
		case "id":
			rec.id = strings.TrimSpace(a.Value)
		case "date":
			rec.date = strings.TrimSpace(a.Value)
		case "source":
			rec.source = strings.TrimSpace(a.Value)
		}
	}
	depth, inText := 0, false
	for {
		tok, err := d.Token()
		if err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return nil, err
		}
		cr.limit = d.InputOffset() + window(r.max)
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth == 1 && t.Name.Local == "Text" {
				inText, rec.hasText = true, true
			}
		case xml.EndElement:
			if depth == 0 {
				return rec, nil // </Sentence>
			}
			if depth--; depth == 0 {
				inText = false
			}
		case xml.CharData:
			if inText {
				rec.size += int64(len(t))
				if rec.size <= r.max {
					rec.text.Write(t)
				}
			}
		}
	}
}

// record checks a record that starts on line and makes it a document; its
// ID is "base:line" when it has no id.
func (r *reader) record(rec *xmlRecord, base string, line int) (doc.Document, error) {
	if rec.size > r.max {
		return doc.Document{}, &sizeError{"document", rec.size, r.max}
	}
	text := strings.TrimSpace(rec.text.String())
	if err := checkText(text); err != nil {
		if !rec.hasText && err == ErrEmpty {
			return doc.Document{}, fmt.Errorf("%w (no <Text> element)", ErrEmpty)
		}
		return doc.Document{}, err
	}
	d := doc.Document{ID: rec.id, Source: rec.source, Text: text}
	if d.ID == "" {
		d.ID = at(base, "", line)
	}
	if rec.date != "" {
		s := rec.date
		if len(s) == 8 && isDigits(s) {
			s = s[:4] + "-" + s[4:6] + "-" + s[6:]
		}
		if _, err := parseDate(s); err != nil {
			return doc.Document{}, fmt.Errorf("%w %s: want YYYYMMDD or YYYY-MM-DD", ErrBadDate, quote(rec.date))
		}
		d.Date = s[:10]
	}
	return d, nil
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// xmlErr turns an encoding/xml error into an ErrMalformed error without the
// line (the DocError name has it).
func xmlErr(err error) error {
	var se *xml.SyntaxError
	switch {
	case errors.As(err, &se):
		return fmt.Errorf("%w XML: %s", ErrMalformed, se.Msg)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return fmt.Errorf("%w XML: unexpected EOF", ErrMalformed)
	case errors.Is(err, ErrTooLarge):
		return err
	}
	var ce *charsetError
	if errors.As(err, &ce) {
		return ce
	}
	return fmt.Errorf("%w XML: %v", ErrMalformed, err)
}

// charsetError is an encoding declared in <?xml encoding="..."?> that the
// reader cannot convert.
type charsetError struct{ label string }

func (e *charsetError) Error() string {
	return fmt.Sprintf("unsupported encoding %s (convert the file to UTF-8)", quote(e.label))
}

// xmlUTF8 reports whether the XML at the start of br is UTF-8 to the
// decoder: it declares no encoding, or UTF-8, or US-ASCII (which
// charsetReader reads as UTF-8). A file declared Latin-1 is converted, not
// repaired.
func xmlUTF8(br *bufio.Reader) bool {
	head, _ := br.Peek(512)
	head = skipBOM(head)
	if !bytes.HasPrefix(head, []byte("<?xml")) {
		return true
	}
	decl, _, ok := bytes.Cut(head, []byte("?>"))
	if !ok {
		return true
	}
	_, after, ok := bytes.Cut(decl, []byte("encoding"))
	if !ok {
		return true
	}
	after = bytes.TrimLeft(after, " \t\r\n=")
	if len(after) == 0 || (after[0] != '"' && after[0] != '\'') {
		return true
	}
	label, _, _ := bytes.Cut(after[1:], after[:1])
	switch strings.ToLower(string(bytes.TrimSpace(label))) {
	case "utf-8", "utf8", "us-ascii", "ascii":
		return true
	}
	return false
}

// charsetReader lets the decoder read files declared US-ASCII or
// ISO-8859-1 (Latin-1), the two that map onto Unicode byte for byte.
func charsetReader(label string, in io.Reader) (io.Reader, error) {
	switch strings.ToLower(label) {
	case "us-ascii", "ascii", "utf8":
		return in, nil
	case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1":
		return &latin1Reader{r: bufio.NewReader(in)}, nil
	}
	return nil, &charsetError{label}
}

// latin1Reader converts ISO-8859-1 bytes to UTF-8.
type latin1Reader struct {
	r   *bufio.Reader
	buf []byte
}

func (l *latin1Reader) Read(p []byte) (int, error) {
	if len(p) < utf8.UTFMax {
		return 0, io.ErrShortBuffer
	}
	n := len(p) / 2 // each byte takes at most two in UTF-8
	if cap(l.buf) < n {
		l.buf = make([]byte, n)
	}
	m, err := l.r.Read(l.buf[:n])
	out := p[:0]
	for _, b := range l.buf[:m] {
		out = utf8.AppendRune(out, rune(b))
	}
	return len(out), err
}
