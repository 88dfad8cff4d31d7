package kb

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParseBlocks checks the properties ParseBlocks keeps whatever its
// input: no panic; every error a *ParseError whose message is one line
// starting "file:LINE:" with LINE inside the input, at most one error per
// line, in line order; every block with a valid code, its fields with valid
// keys and trimmed non-empty values, line numbers increasing; and the good
// blocks, written out again, parse to themselves without errors.
func FuzzParseBlocks(f *testing.F) {
	f.Add([]byte("IRN Iran\n    name: Iran | Islamic Republic of Iran\n    adj: Iranian # c\n"))
	f.Add([]byte("  x: y\nA/B\n  k: v\nAAA\n  k v\n  K: v\n  k: a||b\n  k:\n"))
	f.Add([]byte("AAA\r\n\tname: a\xffb\r\nBBB\x00\n  k: \u2028\n"))
	f.Add([]byte("AAA\n  k: " + strings.Repeat("x", MaxLine) + "\n  j: v"))
	f.Add([]byte("\uFEFFX.1 \t name # c\n\t \n#\n"))
	if data, err := Data.ReadFile("data/countries.txt"); err == nil {
		f.Add(data[:min(len(data), 3000)])
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		blocks, errs := ParseBlocks(bytes.NewReader(data), "f.txt")
		nlines := bytes.Count(data, []byte("\n")) + 1
		if len(blocks)+len(errs) > nlines {
			t.Errorf("%d blocks and %d errors from %d lines", len(blocks), len(errs), nlines)
		}
		checkParseErrors(t, data, errs, true)
		last := 0
		for _, b := range blocks {
			if b.Code == "" || !validCode(b.Code) || b.File != "f.txt" {
				t.Errorf("block at line %d: code %q, file %q", b.Line, b.Code, b.File)
			}
			if b.Name != strings.TrimSpace(b.Name) || strings.ContainsAny(b.Name, "#\n") || !utf8.ValidString(b.Name) {
				t.Errorf("block %q: name %q", b.Code, b.Name)
			}
			if b.Line <= last {
				t.Errorf("block %q at line %d after line %d", b.Code, b.Line, last)
			}
			last = b.Line
			for _, f := range b.Fields {
				if f.Line <= last || !validKey(f.Key) || len(f.Values) == 0 {
					t.Errorf("block %q: field %+v after line %d", b.Code, f, last)
				}
				last = f.Line
				for _, v := range f.Values {
					if v == "" || v != strings.TrimSpace(v) || strings.ContainsAny(v, "|#\n") || !utf8.ValidString(v) {
						t.Errorf("block %q field %q: value %q", b.Code, f.Key, v)
					}
				}
			}
		}
		out := formatBlocks(blocks)
		for line := range strings.Lines(out) {
			if len(line) > MaxLine+1 {
				return // written out with wider spacing, a line can grow past the cap
			}
		}
		again, errs := ParseBlocks(strings.NewReader(out), "f.txt")
		if len(errs) > 0 || !sameBlocks(blocks, again) {
			t.Errorf("blocks written out and parsed again = %.300v, %v; want %.300v", again, errs, blocks)
		}
	})
}

// formatBlocks writes blocks in the block format.
func formatBlocks(blocks []Block) string {
	var b strings.Builder
	for _, bl := range blocks {
		b.WriteString(bl.Code)
		if bl.Name != "" {
			b.WriteString(" " + bl.Name)
		}
		b.WriteString("\n")
		for _, f := range bl.Fields {
			b.WriteString("    " + f.Key + ": " + strings.Join(f.Values, " | ") + "\n")
		}
	}
	return b.String()
}

// sameBlocks compares blocks ignoring line numbers.
func sameBlocks(a, b []Block) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Code != b[i].Code || a[i].Name != b[i].Name || len(a[i].Fields) != len(b[i].Fields) {
			return false
		}
		for j, f := range a[i].Fields {
			g := b[i].Fields[j]
			if f.Key != g.Key || !reflect.DeepEqual(f.Values, g.Values) {
				return false
			}
		}
	}
	return true
}

func BenchmarkParseBlocks(b *testing.B) {
	data, err := Data.ReadFile("data/countries.txt")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		blocks, errs := ParseBlocks(bytes.NewReader(data), "countries.txt")
		if len(errs) > 0 || len(blocks) == 0 {
			b.Fatalf("ParseBlocks = %d blocks, %v", len(blocks), errs)
		}
	}
}
