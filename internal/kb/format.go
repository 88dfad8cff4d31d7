package kb

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// MaxLine is the longest line, in bytes without its line ending, that
// ParseBlocks accepts. A longer line is reported and skipped.
const MaxLine = 4096

// Field is one field line of a block: "key: value | value".
type Field struct {
	Line   int      // 1-based line number
	Key    string   // lowercase letters, digits, '-' and '_'
	Values []string // trimmed, non-empty, in order
}

// Block is one entry of a dictionary file: a header line at column 0
// ("CODE Display name") and the indented field lines under it.
type Block struct {
	File   string // file name, as given to ParseBlocks
	Line   int    // line number of the header
	Code   string // first word of the header
	Name   string // rest of the header, trimmed; may be empty
	Fields []Field
}

// Get returns the values of all fields named key, in order.
func (b *Block) Get(key string) []string {
	var out []string
	for i := range b.Fields {
		if b.Fields[i].Key == key {
			out = append(out, b.Fields[i].Values...)
		}
	}
	return out
}

// ParseError is an error on one line of a dictionary file.
type ParseError struct {
	File string
	Line int
	Msg  string // one line, no "file:line:" prefix
}

// Error returns "file:line: msg".
func (e *ParseError) Error() string {
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}

// ParseBlocks reads the blocks of a dictionary file in dyad's block format
// (docs/dictionaries.md): header lines at column 0, indented "key: values"
// field lines, '#' comments, blank lines ignored. It returns every good
// block and every error, each a *ParseError naming file and line.
//
// A bad line is reported and skipped, and parsing goes on. A bad header
// (or a field line before any header) is reported once, and the field
// lines under it are skipped with it, so they never attach to the
// previous block. A read error from r ends parsing; it is the last error.
// The field meanings (which keys are allowed, what codes look like) belong
// to each file kind and are checked by its loader, not here.
func ParseBlocks(r io.Reader, file string) ([]Block, []error) {
	p := parser{file: file}
	br := bufio.NewReaderSize(r, MaxLine+2) // room for the line and "\r\n"
	for {
		p.line++
		raw, err := br.ReadSlice('\n')
		if errors.Is(err, bufio.ErrBufferFull) {
			p.errorf("line is over %d bytes", MaxLine)
			p.skipLineOfBlock(raw)
			err = skipLine(br)
			if err != nil && err != io.EOF {
				p.errorf("read: %v", err)
			}
			if err != nil {
				break
			}
			continue
		}
		if len(raw) > 0 {
			p.parseLine(raw)
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			p.errorf("read: %v", err)
			break
		}
	}
	p.flush()
	return p.blocks, p.errs
}

// skipLine reads up to and including the next newline.
func skipLine(br *bufio.Reader) error {
	for {
		_, err := br.ReadSlice('\n')
		if !errors.Is(err, bufio.ErrBufferFull) {
			return err
		}
	}
}

type parser struct {
	file     string
	line     int
	blocks   []Block
	errs     []error
	cur      *Block // block being filled, nil before the first header
	skipping bool   // field lines belong to a bad header: drop them
}

func (p *parser) errorf(format string, args ...any) {
	p.errs = append(p.errs, &ParseError{File: p.file, Line: p.line, Msg: fmt.Sprintf(format, args...)})
}

// flush appends the current block, if any, to p.blocks.
func (p *parser) flush() {
	if p.cur != nil {
		p.blocks = append(p.blocks, *p.cur)
		p.cur = nil
	}
}

// parseLine handles one line, with or without its '\n'. raw points into
// the reader's buffer; what is kept is copied.
func (p *parser) parseLine(raw []byte) {
	raw = bytes.TrimSuffix(raw, []byte("\n"))
	raw = bytes.TrimSuffix(raw, []byte("\r"))
	if p.line == 1 {
		raw = bytes.TrimPrefix(raw, []byte("\uFEFF")) // byte order mark
	}
	if len(raw) > MaxLine {
		p.errorf("line is over %d bytes", MaxLine)
		p.skipLineOfBlock(raw)
		return
	}
	if !utf8.Valid(raw) {
		p.errorf("invalid UTF-8")
		p.skipLineOfBlock(raw)
		return
	}
	if i := bytes.IndexByte(raw, '#'); i >= 0 {
		raw = raw[:i]
	}
	if isBlank(raw) {
		return
	}
	if c := controlChar(raw); c >= 0 {
		p.errorf("control character %U", c)
		p.skipLineOfBlock(raw)
		return
	}
	line := string(raw)
	if line[0] == ' ' || line[0] == '\t' {
		p.parseField(line)
		return
	}
	p.parseHeader(line)
}

// skipLineOfBlock keeps the block state right for a line that could not be
// read: a broken header line skips its block, a broken field line only
// itself.
func (p *parser) skipLineOfBlock(raw []byte) {
	if len(raw) > 0 && raw[0] != ' ' && raw[0] != '\t' {
		p.flush()
		p.skipping = true
	}
}

func (p *parser) parseHeader(line string) {
	p.flush()
	code, name := line, ""
	if i := strings.IndexAny(line, " \t"); i >= 0 {
		code, name = line[:i], strings.TrimSpace(line[i+1:])
	}
	if !validCode(code) {
		p.errorf("bad code %s in header: want letters, digits, '_', '.' or '-'", quote(code))
		p.skipping = true
		return
	}
	p.skipping = false
	p.cur = &Block{File: p.file, Line: p.line, Code: code, Name: name}
}

func (p *parser) parseField(line string) {
	if p.skipping {
		return
	}
	if p.cur == nil {
		p.errorf("field line before any header")
		p.skipping = true
		return
	}
	key, rest, ok := strings.Cut(line, ":")
	if !ok {
		p.errorf("indented line without ':' (a field is \"key: value | value\")")
		return
	}
	key = strings.TrimSpace(key)
	if !validKey(key) {
		p.errorf("bad key %s: want lowercase letters, digits, '-' or '_'", quote(key))
		return
	}
	if strings.TrimSpace(rest) == "" {
		p.errorf("field %q has no value", key)
		return
	}
	values := make([]string, 0, strings.Count(rest, "|")+1)
	for v := range strings.SplitSeq(rest, "|") {
		v = strings.TrimSpace(v)
		if v == "" {
			p.errorf("field %q has an empty value between '|'", key)
			return
		}
		values = append(values, v)
	}
	p.cur.Fields = append(p.cur.Fields, Field{Line: p.line, Key: key, Values: values})
}

// validCode reports whether s is 1+ characters of [A-Za-z0-9_.-].
func validCode(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '.' || c == '-') {
			return false
		}
	}
	return true
}

// validKey reports whether s is 1+ characters of [a-z0-9_-].
func validKey(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// isBlank reports whether b holds only spaces and tabs.
func isBlank(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' {
			return false
		}
	}
	return true
}

// controlChar returns the first control character in b other than tab
// (C0, DEL, C1, U+2028, U+2029), or -1. b is valid UTF-8.
func controlChar(b []byte) rune {
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' || c == 0x7f {
				return rune(c)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r >= 0x80 && r < 0xa0 || r == '\u2028' || r == '\u2029' {
			return r
		}
		i += n
	}
	return -1
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
