package ingest

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestReadText(t *testing.T) {
	ctrl := func(n int) string { return strings.Repeat("\x01", n) }
	tests := []struct {
		name, file, content string
		max                 int
		warn                string // the warning before the document, if any
		want                string // the document or the error message
		is                  error  // the sentinel of an error or warning
	}{
		{name: "plain", file: "a.txt", content: "Iran refused.\n", want: "a|2020-02-02||||Iran refused.\n"},
		{name: ".text", file: "b.text", content: "x", want: "b|2020-02-02||||x"},
		{name: "unknown extension", file: "c.md", content: "# x", want: "c|2020-02-02||||# x"},
		{name: "two extensions", file: "d.tar.txt", content: "x", want: "d.tar|2020-02-02||||x"},
		{name: "CRLF kept", file: "e.txt", content: "a\r\nb", want: "e|2020-02-02||||a\r\nb"},
		{name: "BOM dropped", file: "f.txt", content: bom + "x", want: "f|2020-02-02||||x"},
		{name: "tabs and form feeds", file: "g.txt", content: "a\tb\fc", want: "g|2020-02-02||||a\tb\fc"},
		{name: "UTF-8", file: "h.txt", content: "Café ☕ 北京", want: "h|2020-02-02||||Café ☕ 北京"},
		{name: "at the limit", file: "i.txt", content: "0123456789", max: 10, want: "i|2020-02-02||||0123456789"},
		{name: "10% control", file: "j.txt", content: ctrl(1) + strings.Repeat("x", 9), want: "j|2020-02-02||||" + ctrl(1) + strings.Repeat("x", 9)},

		{name: "empty", file: "k.txt", content: "", want: "k.txt: empty document", is: ErrEmpty},
		{name: "white space", file: "k.txt", content: " \n\t\r\n", want: "k.txt: empty document", is: ErrEmpty},
		{name: "BOM only", file: "k.txt", content: bom + "\n", want: "k.txt: empty document", is: ErrEmpty},
		{name: "NUL", file: "l.txt", content: "text\x00more text", want: "l.txt: binary content", is: ErrBinary},
		{name: "11% control", file: "l.txt", content: ctrl(11) + strings.Repeat("x", 89), want: "l.txt: binary content", is: ErrBinary},
		{name: "UTF-16", file: "l.txt", content: "\xff\xfeI\x00r\x00", want: "l.txt: binary content (UTF-16 text: convert it to UTF-8)", is: ErrBinary},
		{name: "Latin-1", file: "m.txt", content: "Caf\xe9 cr\xe8me", warn: "warning: m.txt: invalid UTF-8: 2 bytes replaced with U+FFFD", want: "m|2020-02-02||||Caf\uFFFD cr\uFFFDme", is: ErrInvalidUTF8},
		{name: "truncated rune", file: "m.txt", content: "ok \xe2\x98", warn: "warning: m.txt: invalid UTF-8: 2 bytes replaced with U+FFFD", want: "m|2020-02-02||||ok \uFFFD\uFFFD", is: ErrInvalidUTF8},
		{name: "surrogate", file: "m.txt", content: "ab\xed\xa0\x80", warn: "warning: m.txt: invalid UTF-8: 3 bytes replaced with U+FFFD", want: "m|2020-02-02||||ab\uFFFD\uFFFD\uFFFD", is: ErrInvalidUTF8},
		{name: "invalid over the limit", file: "m.txt", content: "012345678\xff", max: 10, warn: "warning: m.txt: invalid UTF-8: 1 byte replaced with U+FFFD", want: "m|2020-02-02||||012345678\uFFFD", is: ErrInvalidUTF8},
		{name: "over the limit", file: "n.txt", content: "0123456789a", max: 10, want: "n.txt: document is 11 bytes, over the limit of 10 (--max-doc-bytes)", is: ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			p := write(t, dir, tt.file, tt.content)
			got := collect(t, dir, []string{p}, Options{Date: testDate, MaxBytes: tt.max})
			want := []string{tt.want}
			if tt.warn != "" {
				want = []string{tt.warn, tt.want}
			}
			if !slices.Equal(got, want) {
				t.Errorf("Read(%q) = %q; want %q", tt.content, got, want)
			}
			if tt.is != nil {
				for _, err := range Read(t.Context(), []string{p}, Options{MaxBytes: tt.max}) {
					if err == nil && tt.warn != "" {
						continue // the repaired document
					}
					if !errors.Is(err, tt.is) {
						t.Errorf("Read(%q) error %v; want errors.Is %v", tt.content, err, tt.is)
					}
				}
			}
		})
	}
}

func TestCheckText(t *testing.T) {
	tests := []struct {
		in   string
		want error
	}{
		{"x", nil},
		{"\u00a0x\u3000", nil},
		{"\u00a0\u3000", ErrEmpty}, // Unicode white space only
		{"\x00", ErrBinary},
		{"\x1b[31mred\x1b[0m", ErrBinary}, // 2 escapes in 12 bytes
		{"\x7f", ErrBinary},
		{"\xc0\x80", nil}, // an overlong NUL: invalid UTF-8, repaired, not refused
		{"\xf4\x90\x80\x80", nil},
		{"\x00\xff", ErrBinary},
	}
	for _, tt := range tests {
		if got := checkText(tt.in); !errors.Is(got, tt.want) {
			t.Errorf("checkText(%q) = %v; want %v", tt.in, got, tt.want)
		}
	}
}
