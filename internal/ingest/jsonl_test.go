package ingest

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestReadJSONL(t *testing.T) {
	long := strings.Repeat("word ", 40<<10) // 200 KB: more than the read buffer
	tests := []struct {
		name, file, content string
		max                 int
		want                []string
	}{
		{
			name: "all fields",
			content: `{"id":"g-1","date":"2019-04-10","source":"The Guardian","url":"https://x.test/1","title":"Talks","text":"Baghdad and Washington talk.","lang":"en","n":3}` + "\n" +
				`{"id":"g-2","text":"No date: the default."}` + "\n",
			want: []string{
				"g-1|2019-04-10|The Guardian|Talks|https://x.test/1|Baghdad and Washington talk.",
				"g-2|2020-02-02||||No date: the default.",
			},
		},
		{
			name:    "missing id, blank lines, CRLF, no final newline",
			content: "\n" + `{"text":"a"}` + "\r\n  \r\n" + `{"id":"","text":"b"}` + "\r\n" + `{"id":"c","text":"c"}`,
			want:    []string{"f:2|2020-02-02||||a", "f:4|2020-02-02||||b", "c|2020-02-02||||c"},
		},
		{
			name:    "BOM and escapes",
			content: bom + `{"id":"a","text":"line\nnext \u00e9 \"q\" \ud83d\ude00"}`,
			want:    []string{"a|2020-02-02||||line\nnext é \"q\" 😀"},
		},
		{
			name:    "timestamp date",
			content: `{"id":"a","date":"2019-04-10T08:30:00Z","text":"x"}`,
			want:    []string{"a|2019-04-10||||x"},
		},
		{
			name:    "null fields",
			content: `{"id":null,"title":null,"text":"x"}`,
			want:    []string{"f:1|2020-02-02||||x"},
		},
		{
			name: "bad lines do not stop the others",
			content: strings.Join([]string{
				`{"id":"ok1","text":"fine"}`,
				`{"id":"cut","text":"trunc`,
				`{"id":7,"text":"x"}`,
				`{"id":"a","text":["x"]}`,
				`["not","an","object"]`,
				`"just a string"`,
				`{"id":"d","date":"2019-02-30","text":"x"}`,
				`{"id":"d2","date":"10/04/2019","text":"x"}`,
				`{"id":"e","text":"  \n "}`,
				`{"id":"e2"}`,
				`{"id":"b","text":"nul \u0000 inside"}`,
				"{\"id\":\"u\",\"text\":\"caf\xe9\"}",
				`{"id":"x" "text":"y"}`,
				`{"id":"ok2","text":"still read"}`,
			}, "\n"),
			want: []string{
				"ok1|2020-02-02||||fine",
				"f.jsonl:2: malformed JSON: unexpected end of input",
				`f.jsonl:3: malformed JSON: field "id" is a number, want a string`,
				`f.jsonl:4: malformed JSON: field "text" is an array, want a string`,
				"f.jsonl:5: malformed JSON: a document is an object, not an array",
				"f.jsonl:6: malformed JSON: a document is an object, not a string",
				`f.jsonl:7: bad date "2019-02-30": want YYYY-MM-DD`,
				`f.jsonl:8: bad date "10/04/2019": want YYYY-MM-DD`,
				"f.jsonl:9: empty document",
				"f.jsonl:10: empty document",
				"f.jsonl:11: binary content",
				"warning: f.jsonl:12: invalid UTF-8: 1 byte replaced with U+FFFD",
				"u|2020-02-02||||caf\uFFFD",
				"f.jsonl:13: malformed JSON at byte ...",
				"ok2|2020-02-02||||still read",
			},
		},
		{
			name:    "line over the limit is skipped",
			content: `{"text":"a"}` + "\n" + `{"text":"` + strings.Repeat("x", 1000) + `"}` + "\n" + `{"text":"b"}`,
			max:     100,
			want: []string{
				"f:1|2020-02-02||||a",
				"f.jsonl:2: line is 1011 bytes, over the limit of 100 (--max-doc-bytes)",
				"f:3|2020-02-02||||b",
			},
		},
		{
			name:    "line at the limit with CRLF",
			content: `{"text":"` + strings.Repeat("x", 88) + `"}` + "\r\n" + `{"text":"` + strings.Repeat("x", 90) + `"}` + "\r\n",
			max:     100,
			want: []string{
				"f:1|2020-02-02||||" + strings.Repeat("x", 88),
				"f.jsonl:2: line is 101 bytes, over the limit of 100 (--max-doc-bytes)",
			},
		},
		{
			name:    "last line over the limit",
			content: `{"text":"a"}` + "\n" + strings.Repeat("x", 300<<10),
			max:     100 << 10,
			want:    []string{"f:1|2020-02-02||||a", fmt.Sprintf("f.jsonl:2: line is %d bytes, over the limit of %d (--max-doc-bytes)", 300<<10, 100<<10)},
		},
		{
			name:    "lines longer than the read buffer",
			content: `{"text":"` + long + `"}` + "\n" + `{"text":"b"}` + "\n" + `{"text":"` + long + `"}`,
			want:    []string{"f:1|2020-02-02||||" + long, "f:2|2020-02-02||||b", "f:3|2020-02-02||||" + long},
		},
		{name: "empty file", content: "", want: []string{"f.jsonl: empty document"}},
		{name: "blank lines only", content: "\n\n  \r\n", want: []string{"f.jsonl: empty document"}},
		{name: ".ndjson", file: "f.ndjson", content: `{"text":"a"}`, want: []string{"f:1|2020-02-02||||a"}},
		{name: ".json holding lines", file: "f.json", content: "\n" + `{"text":"a"}` + "\n" + `{"text":`, want: []string{"f:2|2020-02-02||||a", "f.json:3: malformed JSON: unexpected end of input"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			file := tt.file
			if file == "" {
				file = "f.jsonl"
			}
			p := write(t, dir, file, tt.content)
			got := collect(t, dir, []string{p}, Options{Date: testDate, MaxBytes: tt.max})
			if !match(got, tt.want) {
				t.Errorf("Read(%.100q) =\n%.2000s\nwant\n%.2000s", tt.content, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestReadJSONArray(t *testing.T) {
	tests := []struct {
		name, content string
		max           int
		want          []string
	}{
		{
			name:    "pretty-printed",
			content: "  [\n  {\n    \"id\": \"a\",\n    \"text\": \"one\"\n  },\n  {\"text\": \"two\", \"date\": \"2001-02-03\"}\n]\n",
			want:    []string{"a|2020-02-02||||one", "f:2|2001-02-03||||two"},
		},
		{
			name:    "BOM",
			content: bom + `[{"id":"a","text":"one"}]`,
			want:    []string{"a|2020-02-02||||one"},
		},
		{
			name:    "bad elements do not stop the others",
			content: `[{"id":1,"text":"x"}, 42, {"text":""}, {"text":"ok"}, {"date":"x","text":"y"}, {"text":"caf` + "\xe9" + `"}]`,
			want: []string{
				`f.json:record 1: malformed JSON: field "id" is a number, want a string`,
				"f.json:record 2: malformed JSON: a document is an object, not a number",
				"f.json:record 3: empty document",
				"f:4|2020-02-02||||ok",
				`f.json:record 5: bad date "x": want YYYY-MM-DD`,
				"warning: f.json:record 6: invalid UTF-8: 1 byte replaced with U+FFFD",
				"f:6|2020-02-02||||caf\uFFFD",
			},
		},
		{
			name:    "element over the limit",
			content: `[{"text":"` + strings.Repeat("x", 200) + `"}, {"text":"b"}]`,
			max:     100,
			want:    []string{"f.json:record 1: record is 211 bytes, over the limit of 100 (--max-doc-bytes)", "f:2|2020-02-02||||b"},
		},
		{
			name:    "truncated",
			content: `[{"text":"a"}, {"text":"b"`,
			want:    []string{"f:1|2020-02-02||||a", "f.json:record 2: malformed JSON: unexpected end of input"},
		},
		{
			name:    "truncated after an element",
			content: `[{"text":"a"},`,
			want:    []string{"f:1|2020-02-02||||a", "f.json:record 2: malformed JSON: unexpected end of input"},
		},
		{
			name:    "syntax error",
			content: `[{"text":"a"} {"text":"b"}]`,
			want:    []string{"f:1|2020-02-02||||a", "f.json:record 2: malformed JSON at byte 14: ..."},
		},
		{name: "empty array", content: "[ ]", want: []string{"f.json: no documents (an empty JSON array)"}},
		{name: "data after", content: `[{"text":"a"}] {}`, want: []string{"f:1|2020-02-02||||a", "f.json: malformed JSON: data after the closing ]"}},
		{name: "empty file", content: "", want: []string{"f.json: empty document"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			p := write(t, dir, "f.json", tt.content)
			got := collect(t, dir, []string{p}, Options{Date: testDate, MaxBytes: tt.max})
			if !match(got, tt.want) {
				t.Errorf("Read(%.100q) =\n%s\nwant\n%s", tt.content, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestJSONLErrorKinds checks the sentinel of each kind of bad line.
func TestJSONLErrorKinds(t *testing.T) {
	tests := []struct {
		line string
		want error
	}{
		{`{"text":`, ErrMalformed},
		{`{"text":1}`, ErrMalformed},
		{`{"text":""}`, ErrEmpty},
		{`{"text":"\u0000"}`, ErrBinary},
		{`{"text":"x","date":"2019"}`, ErrBadDate},
		{`{"text":"` + strings.Repeat("x", 100) + `"}`, ErrTooLarge},
	}
	for _, tt := range tests {
		p := write(t, t.TempDir(), "f.jsonl", tt.line)
		n := 0
		for _, err := range Read(t.Context(), []string{p}, Options{MaxBytes: 50}) {
			n++
			if !errors.Is(err, tt.want) {
				t.Errorf("Read(%q) error %v; want errors.Is %v", tt.line, err, tt.want)
			}
		}
		if n != 1 {
			t.Errorf("Read(%q) gave %d values; want 1", tt.line, n)
		}
	}
}

func TestLineReader(t *testing.T) {
	in := "a\n\nbb\r\n" + strings.Repeat("c", 100) + "\n" + strings.Repeat("d", 10) + "\r" + "\ne"
	lr := newLineReader(strings.NewReader(in), 10)
	var got []string
	for {
		line, long, err := lr.next()
		if err != nil {
			break
		}
		got = append(got, fmt.Sprintf("%d:%s:%d", lr.num, line, long))
	}
	want := []string{"1:a:0", "2::0", "3:bb:0", "4::100", "5:dddddddddd:0", "6:e:0"}
	if !slices.Equal(got, want) {
		t.Errorf("lines = %q; want %q", got, want)
	}
}

// match is slices.Equal, except that a wanted line ending in "..." matches
// any line it prefixes: the wording of encoding/json's syntax errors is not
// dyad's to fix.
func match(got, want []string) bool {
	return slices.EqualFunc(got, want, func(g, w string) bool {
		if p, ok := strings.CutSuffix(w, "..."); ok {
			return strings.HasPrefix(g, p)
		}
		return g == w
	})
}
