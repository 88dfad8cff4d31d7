package kb

import (
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"
)

func TestParseBlocks(t *testing.T) {
	const in = "\uFEFF# countries\n" +
		"IRN Iran\n" +
		"    name: Iran | Islamic Republic of Iran | the Islamic Republic\n" +
		"\tadj: Iranian   # trailing comment\n" +
		"\n" +
		"    # an indented comment\n" +
		"    name:  Persia \n" +
		"USA\tUnited States  \r\n" +
		"  seat-mil: Pentagon\r\n" +
		"X.1_a-b\n" +
		"   \t \n" +
		"    k_2: v"
	blocks, errs := ParseBlocks(strings.NewReader(in), "c.txt")
	for _, err := range errs {
		t.Errorf("unexpected error: %v", err)
	}
	want := []Block{
		{File: "c.txt", Line: 2, Code: "IRN", Name: "Iran", Fields: []Field{
			{Line: 3, Key: "name", Values: []string{"Iran", "Islamic Republic of Iran", "the Islamic Republic"}},
			{Line: 4, Key: "adj", Values: []string{"Iranian"}},
			{Line: 7, Key: "name", Values: []string{"Persia"}},
		}},
		{File: "c.txt", Line: 8, Code: "USA", Name: "United States", Fields: []Field{
			{Line: 9, Key: "seat-mil", Values: []string{"Pentagon"}},
		}},
		{File: "c.txt", Line: 10, Code: "X.1_a-b", Fields: []Field{
			{Line: 12, Key: "k_2", Values: []string{"v"}},
		}},
	}
	if !reflect.DeepEqual(blocks, want) {
		t.Errorf("ParseBlocks = %+v; want %+v", blocks, want)
	}
	if got := blocks[0].Get("name"); !reflect.DeepEqual(got, []string{"Iran", "Islamic Republic of Iran", "the Islamic Republic", "Persia"}) {
		t.Errorf("Get(name) = %q", got)
	}
	if got := blocks[0].Get("capital"); got != nil {
		t.Errorf("Get(capital) = %q; want nil", got)
	}
}

func TestParseBlocksEmpty(t *testing.T) {
	for _, in := range []string{"", "\n\n", "# only a comment\n  # and another\n", "\t\n   "} {
		blocks, errs := ParseBlocks(strings.NewReader(in), "e.txt")
		if len(blocks) != 0 || len(errs) != 0 {
			t.Errorf("ParseBlocks(%q) = %v, %v; want nothing", in, blocks, errs)
		}
	}
}

// TestParseBlocksErrors checks every kind of error: its file:line, its
// message, and which blocks survive it.
func TestParseBlocksErrors(t *testing.T) {
	long := strings.Repeat("x", MaxLine+1)
	tests := []struct {
		name    string
		in      string
		errs    []string // each error must start with one of these, in order
		codes   []string // codes of the blocks returned
		nfields []int    // number of fields of each block
	}{
		{"field before header", "  name: a\n  adj: b\nAAA A\n  name: c\n",
			[]string{"f.txt:1: field line before any header"}, []string{"AAA"}, []int{1}},
		{"no colon", "AAA\n  name a\n  adj: b\n",
			[]string{"f.txt:2: indented line without ':'"}, []string{"AAA"}, []int{1}},
		{"bad key upper", "AAA\n  Name: a\n  adj: b\n",
			[]string{`f.txt:2: bad key "Name"`}, []string{"AAA"}, []int{1}},
		{"bad key space", "AAA\n  seat mil: a\n",
			[]string{`f.txt:2: bad key "seat mil"`}, []string{"AAA"}, []int{0}},
		{"bad key empty", "AAA\n  : a\n",
			[]string{`f.txt:2: bad key ""`}, []string{"AAA"}, []int{0}},
		{"empty value between bars", "AAA\n  name: a || b\n  adj: c\n",
			[]string{`f.txt:2: field "name" has an empty value`}, []string{"AAA"}, []int{1}},
		{"empty last value", "AAA\n  name: a | \n",
			[]string{`f.txt:2: field "name" has an empty value`}, []string{"AAA"}, []int{0}},
		{"no value", "AAA\n  name:   # nothing\n",
			[]string{`f.txt:2: field "name" has no value`}, []string{"AAA"}, []int{0}},
		{"bad code skips its block", "AAA\n  name: a\nB/B Bad\n  name: b\n  adj: c\nCCC\n  name: d\n",
			[]string{`f.txt:3: bad code "B/B" in header`}, []string{"AAA", "CCC"}, []int{1, 1}},
		{"bad code with bad field lines", "B@B\n  nocolon\n  Bad: x\nCCC\n",
			[]string{`f.txt:1: bad code "B@B"`}, []string{"CCC"}, []int{0}},
		{"invalid UTF-8 field", "AAA\n  name: a\xffb\n  adj: c\n",
			[]string{"f.txt:2: invalid UTF-8"}, []string{"AAA"}, []int{1}},
		{"invalid UTF-8 header", "A\xffA\n  name: a\nBBB\n",
			[]string{"f.txt:1: invalid UTF-8"}, []string{"BBB"}, []int{0}},
		{"invalid UTF-8 in comment", "AAA # caf\xe9\n",
			[]string{"f.txt:1: invalid UTF-8"}, nil, nil},
		{"long field line", "AAA\n  name: " + long + "\n  adj: b\n",
			[]string{"f.txt:2: line is over 4096 bytes"}, []string{"AAA"}, []int{1}},
		{"long header line", "AAA\n  name: a\nBBB " + long + "\n  name: b\nCCC\n",
			[]string{"f.txt:3: line is over 4096 bytes"}, []string{"AAA", "CCC"}, []int{1, 0}},
		{"long last line", "AAA\n  name: " + long,
			[]string{"f.txt:2: line is over 4096 bytes"}, []string{"AAA"}, []int{0}},
		{"huge line", "AAA\n  name: " + strings.Repeat("y", 1<<20) + "\n  adj: b\n",
			[]string{"f.txt:2: line is over 4096 bytes"}, []string{"AAA"}, []int{1}},
		{"control character", "AAA\n  name: a\x00b\n  adj: c\n",
			[]string{"f.txt:2: control character U+0000"}, []string{"AAA"}, []int{1}},
		{"carriage return inside", "AAA\n  name: a\rb\n",
			[]string{"f.txt:2: control character U+000D"}, []string{"AAA"}, []int{0}},
		{"several errors go on", "  x: y\nAAA\n  name: a\n  b\n  adj: ||\nB!B\n  name: z\nCCC\n  name: c\n",
			[]string{"f.txt:1: field line before", "f.txt:4: indented line", "f.txt:5: field \"adj\"", "f.txt:6: bad code"},
			[]string{"AAA", "CCC"}, []int{1, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			blocks, errs := ParseBlocks(strings.NewReader(tt.in), "f.txt")
			if len(errs) != len(tt.errs) {
				t.Fatalf("ParseBlocks errors = %v; want %d errors %q", errs, len(tt.errs), tt.errs)
			}
			for i, err := range errs {
				var pe *ParseError
				if !errors.As(err, &pe) {
					t.Errorf("error %v is %T; want *ParseError", err, err)
				}
				if msg := err.Error(); !strings.HasPrefix(msg, tt.errs[i]) || strings.Contains(msg, "\n") || len(msg) > 200 {
					t.Errorf("error %d = %q; want a short line starting %q", i, msg, tt.errs[i])
				}
			}
			var codes []string
			var nfields []int
			for _, b := range blocks {
				codes = append(codes, b.Code)
				nfields = append(nfields, len(b.Fields))
			}
			if !reflect.DeepEqual(codes, tt.codes) || !reflect.DeepEqual(nfields, tt.nfields) {
				t.Errorf("ParseBlocks blocks %q with %v fields; want %q with %v", codes, nfields, tt.codes, tt.nfields)
			}
		})
	}
}

// TestParseBlocksLineCap checks the boundary: a line of exactly MaxLine
// bytes (with either line ending) is accepted, one byte more is not.
func TestParseBlocksLineCap(t *testing.T) {
	field := func(n int) string { // a field line of n bytes
		return "  k: " + strings.Repeat("v", n-len("  k: "))
	}
	for _, tt := range []struct {
		name string
		in   string
		errs int
	}{
		{"max LF", "AAA\n" + field(MaxLine) + "\n", 0},
		{"max CRLF", "AAA\r\n" + field(MaxLine) + "\r\n", 0},
		{"max EOF", "AAA\n" + field(MaxLine), 0},
		{"max+1 LF", "AAA\n" + field(MaxLine+1) + "\n", 1},
		{"max+1 CRLF", "AAA\r\n" + field(MaxLine+1) + "\r\n", 1},
		{"max+1 EOF", "AAA\n" + field(MaxLine+1), 1},
		{"max+2 LF", "AAA\n" + field(MaxLine+2) + "\n", 1},
	} {
		_, errs := ParseBlocks(strings.NewReader(tt.in), "f.txt")
		if len(errs) != tt.errs {
			t.Errorf("%s: ParseBlocks errors = %v; want %d", tt.name, errs, tt.errs)
		}
	}
}

type failReader struct{ r io.Reader }

var errDisk = errors.New("disk on fire")

func (f failReader) Read(p []byte) (int, error) {
	n, err := f.r.Read(p)
	if err == io.EOF {
		return n, errDisk
	}
	return n, err
}

func TestParseBlocksReadError(t *testing.T) {
	blocks, errs := ParseBlocks(failReader{strings.NewReader("AAA\n  name: a\n")}, "f.txt")
	if len(blocks) != 1 || len(blocks[0].Fields) != 1 {
		t.Errorf("ParseBlocks blocks = %+v; want AAA with its field", blocks)
	}
	if len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), "f.txt:3: read: disk on fire") {
		t.Errorf("ParseBlocks errors = %v; want one read error at line 3", errs)
	}
}
