package ingest

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"dyad/internal/doc"
)

// DefaultMaxBytes is the largest document Read accepts when
// Options.MaxBytes is 0: 8 MiB, some hundred times a long news article.
const DefaultMaxBytes = 8 << 20

// Options configure reading.
type Options struct {
	Date     string    // YYYY-MM-DD for documents that give none, in metadata or text; "": today (UTC), assumed
	MaxBytes int       // largest document accepted; 0 (or less) means DefaultMaxBytes
	Stdin    io.Reader // what "-" reads; nil means os.Stdin
}

// Read yields every document of the inputs, in order: inputs in the order
// given, files of a directory in lexical order, records of a file in file
// order. Each input is a file, a directory (walked recursively; files with
// the extensions .txt, .text, .jsonl, .ndjson, .json, .xml, .html and .htm
// are read, hidden files and directories passed over in silence, every
// other file skipped with a *Warning naming it and why: "binary file", "not
// a document file", ...), or "-" for Options.Stdin.
//
// A bad document, line or record yields one *DocError naming it, and reading
// goes on with the next; every input yields at least one document or error
// (a directory without document files yields ErrNoDocuments). A document
// whose invalid UTF-8 was repaired comes after a *Warning saying how many
// bytes were replaced. Every document is dated by SettleDate: its own
// date, else its text's, else Options.Date, else today with DateAssumed
// set.
// Only a cancelled ctx stops early: the last value is then a *DocError
// naming where reading stopped and wrapping ctx.Err(). An invalid
// Options.Date yields a single *DocError named "options" and nothing else.
func Read(ctx context.Context, inputs []string, opt Options) iter.Seq2[doc.Document, error] {
	return func(yield func(doc.Document, error) bool) {
		r := &reader{ctx: ctx, yield: yield, max: int64(opt.MaxBytes), stdin: opt.Stdin}
		if r.max <= 0 {
			r.max = DefaultMaxBytes
		}
		if r.stdin == nil {
			r.stdin = os.Stdin
		}
		if opt.Date != "" {
			date, err := parseDate(opt.Date)
			if err != nil {
				yield(doc.Document{}, &DocError{Name: "options", Err: fmt.Errorf("Date: %w", err)})
				return
			}
			r.date = date
		}
		for _, in := range inputs {
			if !r.input(in) {
				return
			}
		}
	}
}

// reader holds the state of one iteration. Every method that may yield
// returns false once the consumer has stopped or ctx is done; callers then
// return at once, so yield is never called again.
type reader struct {
	ctx   context.Context
	yield func(doc.Document, error) bool
	date  string // Options.Date, valid, or ""
	max   int64
	stdin io.Reader
}

// emit dates d (SettleDate) and yields it.
func (r *reader) emit(d doc.Document) bool {
	SettleDate(&d, r.date, time.Now().UTC())
	return r.yield(d, nil)
}

func (r *reader) fail(name string, err error) bool {
	return r.yield(doc.Document{}, &DocError{Name: name, Err: err})
}

// alive reports whether ctx is still live; when it is not, it yields the
// cancellation error naming where reading stopped.
func (r *reader) alive(name string) bool {
	if r.ctx.Err() == nil {
		return true
	}
	return r.cancel(name)
}

// cancel yields the cancellation error naming where reading stopped and
// returns false.
func (r *reader) cancel(name string) bool {
	r.fail(name, r.ctx.Err())
	return false
}

// at names record n of a file: "name:n" for a line, "name:record n" for
// the element of an array (sep "record ").
func at(name, sep string, n int) string {
	return name + ":" + sep + strconv.Itoa(n)
}

// format is the kind of reader a file needs.
type format int

const (
	formatNone  format = iota // not a document file (directory walks skip it)
	formatText                // .txt, .text, and unknown extensions named explicitly
	formatJSONL               // .jsonl, .ndjson
	formatJSON                // .json: a JSON array of documents, or JSON Lines
	formatXML                 // .xml: PETRARCH <Sentence> records
	formatHTML                // .html, .htm: a web page, its article text
)

func (f format) String() string {
	switch f {
	case formatText:
		return "text"
	case formatJSONL:
		return "jsonl"
	case formatJSON:
		return "json"
	case formatXML:
		return "xml"
	case formatHTML:
		return "html"
	}
	return "none"
}

func formatOf(path string) format {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt", ".text":
		return formatText
	case ".jsonl", ".ndjson":
		return formatJSONL
	case ".json":
		return formatJSON
	case ".xml":
		return formatXML
	case ".html", ".htm":
		return formatHTML
	}
	return formatNone
}

func (r *reader) input(in string) bool {
	if !r.alive(in) {
		return false
	}
	if in == "-" {
		return r.readStdin()
	}
	st, err := os.Stat(in)
	if err != nil {
		return r.fail(in, pathErr(err))
	}
	if st.IsDir() {
		return r.walk(in)
	}
	f := formatOf(in)
	if f == formatNone {
		f = formatText
	}
	return r.file(in, f)
}

// walk reads the document files under root in lexical order. It does not
// follow symbolic links to directories (no cycles), but reads symbolic links
// to regular files.
func (r *reader) walk(root string) bool {
	ok, files := true, 0
	start := root
	if st, err := os.Lstat(root); err == nil && st.Mode()&fs.ModeSymlink != 0 {
		start += string(filepath.Separator) // a link named as input is followed
	}
	filepath.WalkDir(start, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if ok = r.fail(path, pathErr(err)); !ok {
				return filepath.SkipAll
			}
			return nil
		}
		if path != start && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if why := skipReason(path, d); why != "" {
			if ok = r.yield(doc.Document{}, &Warning{Name: path, Err: errors.New(why), Skipped: 1}); !ok {
				return filepath.SkipAll
			}
			return nil
		}
		f := formatOf(path)
		files++
		if ok = r.file(path, f); !ok {
			return filepath.SkipAll
		}
		return nil
	})
	if ok && files == 0 {
		return r.fail(root, fmt.Errorf("%w (no .txt, .text, .jsonl, .ndjson, .json, .xml, .html or .htm file)", ErrNoDocuments))
	}
	return ok
}

// skipReason says why a walk leaves the file at path out, or "" when it
// reads it: a regular file (or a link to one) with a document extension.
func skipReason(path string, d fs.DirEntry) string {
	mode := d.Type()
	if mode&fs.ModeSymlink != 0 {
		st, err := os.Stat(path)
		switch {
		case err != nil:
			return "broken symbolic link"
		case st.IsDir():
			return "symbolic link to a directory (not followed)"
		}
		mode = st.Mode().Type()
	}
	if !mode.IsRegular() {
		return "not a regular file"
	}
	if formatOf(path) != formatNone {
		return ""
	}
	if isBinaryFile(path) {
		return "binary file"
	}
	ext := filepath.Ext(path)
	if ext == "" {
		ext = "no extension"
	}
	return "not a document file (" + ext + ")"
}

// isBinaryFile reports whether the first 512 bytes of the file at path are
// binary as checkText sees it: a NUL byte or over 10% control characters.
func isBinaryFile(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	var buf [512]byte
	n, _ := io.ReadFull(f, buf[:])
	return n > 0 && errors.Is(checkText(string(buf[:n])), ErrBinary)
}

func (r *reader) file(path string, f format) bool {
	fh, err := os.Open(path)
	if err != nil {
		return r.fail(path, pathErr(err))
	}
	defer fh.Close()
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	if base == "" {
		base = filepath.Base(path)
	}
	switch f {
	case formatJSONL:
		return r.readJSONL(path, base, fh)
	case formatJSON:
		br := bufio.NewReaderSize(fh, lineBufSize)
		if sniff(br) == '[' {
			return r.readJSONArray(path, base, br)
		}
		return r.readJSONL(path, base, br)
	case formatXML:
		return r.readXML(path, base, fh)
	}
	size := int64(-1)
	if st, err := fh.Stat(); err == nil && st.Mode().IsRegular() {
		size = st.Size()
	}
	if f == formatHTML {
		return r.readHTML(path, base, fh, size)
	}
	return r.readText(path, base, fh, size)
}

// readStdin reads "-": JSON Lines when the first byte that is not white
// space is '{', an HTML page when the input starts with <html or
// <!DOCTYPE html, PETRARCH XML when it starts with another '<', plain text
// (ID "stdin") otherwise.
func (r *reader) readStdin() bool {
	const name = "stdin"
	br := bufio.NewReaderSize(r.stdin, lineBufSize)
	switch sniff(br) {
	case '{':
		return r.readJSONL(name, name, br)
	case '<':
		if sniffHTML(br) {
			return r.readHTML(name, name, br, -1)
		}
		return r.readXML(name, name, br)
	}
	return r.readText(name, name, br, -1)
}

// sniff returns the first byte of br's buffered window that is not white
// space or a UTF-8 byte order mark, or 0 when there is none. It consumes
// nothing.
func sniff(br *bufio.Reader) byte {
	for n := 64; ; n *= 2 {
		if n > br.Size() {
			n = br.Size()
		}
		buf, err := br.Peek(n)
		buf = skipBOM(buf)
		for _, c := range buf {
			switch c {
			case ' ', '\t', '\n', '\r', '\f', '\v':
				continue
			}
			return c
		}
		if err != nil || n == br.Size() {
			return 0
		}
	}
}

const bom = "\xef\xbb\xbf"

func skipBOM(b []byte) []byte {
	if len(b) >= 3 && string(b[:3]) == bom {
		return b[3:]
	}
	return b
}

// pathErr drops the path from an *fs.PathError: the DocError names it.
func pathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}

// parseDate checks a YYYY-MM-DD date and returns it. An RFC 3339 timestamp
// is accepted too and cut to its date as written (no time-zone shift).
func parseDate(s string) (string, error) {
	if _, err := time.Parse(time.DateOnly, s); err == nil {
		return s, nil
	}
	if len(s) > 10 && s[10] == 'T' {
		if _, err := time.Parse(time.RFC3339Nano, s); err == nil {
			return s[:10], nil
		}
	}
	return "", fmt.Errorf("%w %s: want YYYY-MM-DD", ErrBadDate, quote(s))
}
