package ingest

import (
	"strings"
	"testing"
)

func TestReadXML(t *testing.T) {
	rec := func(attrs, text string) string {
		return "<Sentence " + attrs + ">\n<Text>\n" + text + "\n</Text>\n<Parse>(ROOT (S (NP (NNP X))))</Parse>\n</Sentence>\n"
	}
	tests := []struct {
		name, content string
		max           int
		want          []string
	}{
		{
			name: "PETRARCH records",
			content: "<!-- a comment -->\n<Sentences>\n" +
				rec(`date = "20080804" id ="AFP-1" source = "AFP" sentence = "True"`, "Arnor restores ties \nwith Gondor.") +
				rec(`date="19950101" id="DEMO-01" category="DEMO" sentence="false"`, "Second record.") +
				"</Sentences>\n",
			want: []string{
				"AFP-1|2008-08-04|AFP|||Arnor restores ties \nwith Gondor.",
				"DEMO-01|1995-01-01||||Second record.",
			},
		},
		{
			name: "validation file: other elements ignored",
			content: `<?xml version="1.0" encoding="UTF-8"?>` + "\n<Validation>\n<Environment><Verbfile>v.txt</Verbfile><Text>not a record</Text></Environment>\n<Sentences>\n" +
				`<Sentence date="19950101" id="V-1"><EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding><!-- note --><Text>Arnor meets Gondor.</Text><Parse>(S)</Parse></Sentence>` +
				"\n</Sentences>\n</Validation>\n",
			want: []string{"V-1|1995-01-01||||Arnor meets Gondor."},
		},
		{
			name:    "entities and CDATA",
			content: `<S><Sentence id="e"><Text>AT&amp;T &lt;b&gt; caf&#233;&nbsp;x <![CDATA[a < b & c]]></Text></Sentence></S>`,
			want:    []string{"e|2020-02-02||||AT&T <b> café\u00a0x a < b & c"},
		},
		{
			name:    "no id, no date, ISO date",
			content: "<S>\n<Sentence><Text>a</Text></Sentence>\n<Sentence date=\"2001-02-03\" id=\"b\"><Text>b</Text></Sentence></S>",
			want:    []string{"f:2|2020-02-02||||a", "b|2001-02-03||||b"},
		},
		{
			name: "bad records do not stop the others",
			content: "<S>\n" +
				rec(`id="empty"`, "  ") +
				`<Sentence id="notext"><Parse>(S)</Parse></Sentence>` + "\n" +
				rec(`id="baddate" date="2008"`, "x") +
				rec(`id="feb30" date="20080230"`, "x") +
				`<Sentence date="x"><Text>no id</Text></Sentence>` + "\n" +
				rec(`id="ok"`, "fine") +
				"</S>",
			want: []string{
				"f.xml:record empty: empty document",
				"f.xml:record notext: empty document (no <Text> element)",
				`f.xml:record baddate: bad date "2008": want YYYYMMDD or YYYY-MM-DD`,
				`f.xml:record feb30: bad date "20080230": want YYYYMMDD or YYYY-MM-DD`,
				`f.xml:line 21: bad date "x": want YYYYMMDD or YYYY-MM-DD`,
				"ok|2020-02-02||||fine",
			},
		},
		{
			name:    "text over the limit",
			content: "<S>\n" + rec(`id="big"`, strings.Repeat("x", 200)) + rec(`id="small"`, "y") + "</S>",
			max:     100,
			want:    []string{"f.xml:record big: document is 202 bytes, over the limit of 100 (--max-doc-bytes)", "small|2020-02-02||||y"},
		},
		{
			name:    "token over the limit stops the file",
			content: "<S>\n" + rec(`id="a"`, "y") + "<Sentence id=\"b\"><Parse>" + strings.Repeat("(NP x) ", 20<<10) + "</Parse></Sentence>\n" + rec(`id="c"`, "z") + "</S>",
			max:     100,
			want:    []string{"a|2020-02-02||||y", "f.xml:line 8: an XML token is over the limit of 100 bytes (--max-doc-bytes)"},
		},
		{
			name:    "truncated in a record",
			content: "<Sentences>\n" + rec(`id="a" date="20080801"`, "One.") + "<Sentence id=\"b\">\n<Text>\nTwo, cut",
			want:    []string{"a|2008-08-01||||One.", "f.xml:line 10: malformed XML: unexpected EOF"},
		},
		{
			name:    "truncated in a tag",
			content: "<Sentences>\n" + rec(`id="a"`, "One.") + "<Sent",
			want:    []string{"a|2020-02-02||||One.", "f.xml:line 8: malformed XML: unexpected EOF"},
		},
		{
			name:    "truncated between records",
			content: "<Sentences>\n" + rec(`id="a"`, "One."),
			want:    []string{"a|2020-02-02||||One.", "f.xml:line 8: malformed XML: unexpected EOF"},
		},
		{
			name:    "mismatched tags",
			content: "<S>\n" + rec(`id="a"`, "One.") + "<Sentence id=\"b\"><Text>x</Txet></Sentence>\n" + rec(`id="c"`, "Three.") + "</S>",
			want:    []string{"a|2020-02-02||||One.", "f.xml:line 8: malformed XML: element <Text> closed by </Txet>"},
		},
		{
			name:    "bare ampersand",
			content: "<S>\n<Sentence id=\"a\"><Text>AT&T</Text></Sentence></S>",
			want:    []string{"f.xml:line 2: malformed XML: invalid character entity &T (no semicolon)"},
		},
		{
			name:    "control character",
			content: "<S><Sentence id=\"a\"><Text>x\x01y</Text></Sentence></S>",
			want:    []string{"f.xml:line 1: malformed XML: illegal character code U+0001"},
		},
		{
			name:    "invalid UTF-8",
			content: "<S><Sentence id=\"a\"><Text>caf\xe9</Text></Sentence>\xff\xff<Sentence id=\"b\" source=\"\xe8\"><Text>ok</Text></Sentence>\n<Sentence id=\"c\"><Text>cr\xe8me \xe2\x82</Text></Sentence></S>",
			want: []string{
				"warning: f.xml:record a: invalid UTF-8: 1 byte replaced with U+FFFD", "a|2020-02-02||||caf\uFFFD",
				"warning: f.xml:record b: invalid UTF-8: 1 byte replaced with U+FFFD", "b|2020-02-02|\uFFFD|||ok",
				"warning: f.xml:record c: invalid UTF-8: 3 bytes replaced with U+FFFD", "c|2020-02-02||||cr\uFFFDme \uFFFD\uFFFD",
				"warning: f.xml: invalid UTF-8: 2 bytes outside <Sentence> records replaced with U+FFFD",
			},
		},
		{
			name:    "Latin-1 declared",
			content: "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><S><Sentence id=\"a\"><Text>caf\xe9 \xa9</Text></Sentence></S>",
			want:    []string{"a|2020-02-02||||café ©"},
		},
		{
			name:    "other encoding declared",
			content: "<?xml version=\"1.0\" encoding=\"Shift_JIS\"?><S></S>",
			want:    []string{`f.xml:line 1: unsupported encoding "Shift_JIS" (convert the file to UTF-8)`},
		},
		{name: "no records", content: "<html><body><p>Hello</p></body></html>", want: []string{"f.xml: no documents (no <Sentence> element)"}},
		{name: "comment only", content: "<!-- nothing -->", want: []string{"f.xml: no documents (no <Sentence> element)"}},
		{name: "empty file", content: "", want: []string{"f.xml: empty document"}},
		{name: "white space", content: " \n" + bom, want: []string{"f.xml: empty document"}},
		{name: "plain text", content: "Just text.", want: []string{"f.xml: no documents (no <Sentence> element)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			p := write(t, dir, "f.xml", tt.content)
			got := collect(t, dir, []string{p}, Options{Date: testDate, MaxBytes: tt.max})
			if !match(got, tt.want) {
				t.Errorf("Read(%.100q) =\n%s\nwant\n%s", tt.content, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}
