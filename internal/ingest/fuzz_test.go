package ingest

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// fuzzRead writes data to dir/name and reads it (and stdin, when stdin is
// true), checking the properties every reader must keep whatever its input:
// no panic, every error a one-line *DocError or *Warning, every document
// non-empty valid UTF-8 (invalid input repaired, not refused) within the
// limit (each U+FFFD may stand for one byte read), with a valid date; a
// repair warning is followed by its document; and no more values than the
// input could hold.
func fuzzRead(t *testing.T, dir, name string, data []byte, max uint16, stdin bool) {
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	inputs := []string{path}
	if stdin {
		inputs = append(inputs, "-")
	}
	opt := Options{Date: testDate, MaxBytes: int(max), Stdin: bytes.NewReader(data)}
	limit := opt.MaxBytes
	if limit == 0 {
		limit = DefaultMaxBytes
	}
	n := 0
	repaired := false // the last value was a repair warning
	for d, err := range Read(context.Background(), inputs, opt) {
		n++
		var w *Warning
		if repaired && err != nil {
			t.Errorf("repair warning followed by %v; want its document", err)
		}
		repaired = errors.As(err, &w) && w.Skipped == 0 && !strings.Contains(w.Err.Error(), "outside")
		if err != nil {
			checkErr(t, err)
			continue
		}
		switch {
		case strings.TrimSpace(d.Text) == "":
			t.Errorf("document %q has empty text", d.ID)
		case !utf8.ValidString(d.Text):
			t.Errorf("document %q: text %q is not valid UTF-8", d.ID, d.Text)
		case strings.IndexByte(d.Text, 0) >= 0:
			t.Errorf("document %q: text %q has a NUL byte", d.ID, d.Text)
		case len(d.Text)-2*strings.Count(d.Text, "\uFFFD") > limit:
			t.Errorf("document %q: text is %d bytes, over the limit %d", d.ID, len(d.Text), limit)
		case d.ID == "":
			t.Errorf("document with text %q has no ID", d.Text)
		}
		if _, err := time.Parse(time.DateOnly, d.Date); err != nil {
			t.Errorf("document %q: date %q: %v", d.ID, d.Date, err)
		}
	}
	if repaired {
		t.Errorf("repair warning without its document")
	}
	if max := len(inputs) * 2 * (len(data) + 2); n > max {
		t.Errorf("%d values from %d bytes; want at most %d", n, len(data), max)
	}
}

func FuzzJSONL(f *testing.F) {
	for _, s := range []string{
		`{"id":"a","date":"2019-04-10","source":"S","url":"u","title":"T","text":"Iran refused."}` + "\n" + `{"text":"two"}`,
		`{"id":7,"text":"x"}` + "\r\n" + `{"text":"\u0000"}` + "\n\n" + `{"text":"cut`,
		`{"text":"x","date":"2019-04-10T08:00:00+02:00"}`,
		"{\"text\":\"caf\xe9\"}",
		bom + `[{"text":"a"},{"id":1},42,{"text":"b"}]`,
		`[{"text":"a"}`,
		"",
		"\n\n",
	} {
		f.Add([]byte(s), uint16(0))
		f.Add([]byte(s), uint16(16))
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte, max uint16) {
		fuzzRead(t, dir, "f.jsonl", data, max, false)
		fuzzRead(t, dir, "f.json", data, max, false)
	})
}

func FuzzXML(f *testing.F) {
	for _, s := range []string{
		"<!-- c -->\n<Sentences>\n<Sentence date = \"20080804\" id =\"A-1\" source = \"AFP\" sentence = \"True\">\n<Text>\nArnor restores ties.\n</Text>\n<Parse>(ROOT (S))</Parse>\n</Sentence>\n</Sentences>\n",
		`<?xml version="1.0"?><Validation><Environment><Text>x</Text></Environment><Sentences><Sentence id="b" date="1995-01-01"><EventCoding sourcecode="ARN"/><Text>a &amp; b &nbsp; <![CDATA[<c>]]></Text></Sentence></Sentences></Validation>`,
		`<S><Sentence><Text>  </Text></Sentence><Sentence date="2008"><Text>x</Text></Sentence><Sentence id="c"><Text>cut`,
		"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><S><Sentence><Text>caf\xe9</Text></Sentence></S>",
		`<S><Sentence><Text>x</Txet></Sentence></S>`,
		"<html><body>soup",
		"",
	} {
		f.Add([]byte(s), uint16(0))
		f.Add([]byte(s), uint16(8))
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte, max uint16) {
		fuzzRead(t, dir, "f.xml", data, max, false)
	})
}

// FuzzText reads the bytes as a .txt file and as standard input, which is
// sniffed and may go to any reader.
func FuzzText(f *testing.F) {
	for _, s := range []string{
		"Iran has refused an offer from the United States.\n",
		"  {\"text\":\"x\"}\n",
		"\n<S><Sentence><Text>x</Text></Sentence></S>",
		bom + "text",
		"\xff\xfeI\x00",
		"bin\x00ary",
		"\x01\x02\x03abc",
		"caf\xe9",
		"",
	} {
		f.Add([]byte(s), uint16(0))
		f.Add([]byte(s), uint16(4))
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte, max uint16) {
		fuzzRead(t, dir, "f.txt", data, max, true)
	})
}

// FuzzRepairReader checks that the streaming repair of XML input gives the
// text and count that repairUTF8 gives, however the input is cut into
// reads, and that fixesBefore counts the replacements before each offset.
func FuzzRepairReader(f *testing.F) {
	for _, s := range []string{"caf\xe9", "ok \xe2\x98", "\xe2\x82\xac euro", "ab\xed\xa0\x80", "", "plain", "\xff\xfe\xfd"} {
		f.Add([]byte(s), uint8(1))
		f.Add([]byte(s), uint8(2))
	}
	f.Fuzz(func(t *testing.T, data []byte, chunk uint8) {
		want, fixed := repairUTF8(string(data))
		rr := newRepairReader(&chunkReader{data: data, n: int(chunk%7) + 1})
		got, err := io.ReadAll(rr)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != want || rr.total != fixed {
			t.Fatalf("repairReader(%q) = %q, %d fixes; want %q, %d", data, got, rr.total, want, fixed)
		}
		if !utf8.Valid(got) {
			t.Errorf("repairReader(%q) = %q: not valid UTF-8", data, got)
		}
		var pos []int // output offsets of the replacements
		appendRepaired(nil, string(data), func(off int) { pos = append(pos, off) })
		if len(got) <= fixWindow {
			for off := range len(got) + 1 {
				want := 0
				for want < len(pos) && pos[want] < off {
					want++
				}
				if n := rr.fixesBefore(int64(off)); n != want {
					t.Fatalf("repairReader(%q).fixesBefore(%d) = %d; want %d", data, off, n, want)
				}
			}
		}
	})
}

// chunkReader returns data n bytes at a time.
type chunkReader struct {
	data []byte
	n    int
}

func (c *chunkReader) Read(p []byte) (int, error) {
	if len(c.data) == 0 {
		return 0, io.EOF
	}
	n := copy(p[:min(len(p), c.n)], c.data)
	c.data = c.data[n:]
	return n, nil
}
