package ingest

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"dyad/internal/doc"
)

// testDate is the default date the tests pass in Options.
const testDate = "2020-02-02"

// write creates dir/name (and its parents) holding content and returns its path.
func write(t testing.TB, dir, name, content string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// collect reads the inputs and renders each result as one line: a document
// as "ID|Date|Source|Title|URL|Text", an error as its message, with dir
// removed from names. It fails the test on an error that breaks the
// package's promises (not a *DocError, or more than one line).
func collect(t testing.TB, dir string, inputs []string, opt Options) []string {
	t.Helper()
	var out []string
	for d, err := range Read(context.Background(), inputs, opt) {
		if err != nil {
			checkErr(t, err)
			out = append(out, strings.ReplaceAll(err.Error(), dir+string(filepath.Separator), ""))
			continue
		}
		out = append(out, render(d))
	}
	return out
}

func render(d doc.Document) string {
	return strings.Join([]string{d.ID, d.Date, d.Source, d.Title, d.URL, d.Text}, "|")
}

// checkErr asserts what every error of Read must be: a *DocError or a
// *Warning with a name, on one line.
func checkErr(t testing.TB, err error) {
	t.Helper()
	var de *DocError
	var w *Warning
	switch {
	case errors.As(err, &w):
		if w.Name == "" {
			t.Errorf("warning %q has no name", err)
		}
	case !errors.As(err, &de):
		t.Fatalf("error %v (%T) is not a *DocError", err, err)
	case de.Name == "":
		t.Errorf("error %q has no name", err)
	}
	if msg := err.Error(); strings.ContainsAny(msg, "\n\r") {
		t.Errorf("error %q is more than one line", msg)
	}
}

func TestReadDirectory(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "b.txt", "bee")
	write(t, dir, "a.TXT", "ay")
	write(t, dir, "sub/c.text", "sea")
	write(t, dir, "sub/d.jsonl", `{"id":"d1","text":"dee"}`+"\n")
	write(t, dir, "sub/e.xml", `<S><Sentence id="e1" date="20080801"><Text>ee</Text></Sentence></S>`)
	write(t, dir, "sub/f.ndjson", `{"id":"f1","text":"eff"}`)
	write(t, dir, "sub/g.json", `[{"id":"g1","text":"gee"}]`)
	write(t, dir, "notes.md", "skipped: unknown extension")
	write(t, dir, "README", "skipped: no extension")
	write(t, dir, "photo.jpg", "\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01")
	write(t, dir, "sub/model.bin", "\x00\x01\x02\x03")
	write(t, dir, ".hidden.txt", "ignored: hidden file")
	write(t, dir, ".git/x.txt", "ignored: hidden directory")
	target := write(t, t.TempDir(), "target.txt", "linked")
	if err := os.Symlink(target, filepath.Join(dir, "link.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "sub"), filepath.Join(dir, "loop.txt")); err != nil {
		t.Fatal(err)
	}
	dirLink := filepath.Join(t.TempDir(), "dirlink")
	if err := os.Symlink(filepath.Join(dir, "sub"), dirLink); err != nil {
		t.Fatal(err)
	}
	got := collect(t, dir, []string{dir, dirLink}, Options{Date: testDate})
	want := []string{
		"skipped: README: not a document file (no extension)",
		"a|2020-02-02||||ay",
		"b|2020-02-02||||bee",
		"link|2020-02-02||||linked",
		"skipped: loop.txt: symbolic link to a directory (not followed)",
		"skipped: notes.md: not a document file (.md)",
		"skipped: photo.jpg: binary file",
		"c|2020-02-02||||sea",
		"d1|2020-02-02||||dee",
		"e1|2008-08-01||||ee",
		"f1|2020-02-02||||eff",
		"g1|2020-02-02||||gee",
		"skipped: sub/model.bin: binary file",
		// the directory again through a link named as input
		"c|2020-02-02||||sea",
		"d1|2020-02-02||||dee",
		"e1|2008-08-01||||ee",
		"f1|2020-02-02||||eff",
		"g1|2020-02-02||||gee",
		"skipped: " + dirLink + "/model.bin: binary file",
	}
	if !slices.Equal(got, want) {
		t.Errorf("Read(dir) =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestReadInputs(t *testing.T) {
	dir := t.TempDir()
	md := write(t, dir, "notes.md", "named explicitly: plain text")
	hidden := write(t, dir, ".env.txt", "named explicitly: read")
	missing := filepath.Join(dir, "missing.txt")
	empty := filepath.Join(dir, "empty")
	write(t, empty, "README", "not a document file")
	got := collect(t, dir, []string{md, missing, hidden, md, empty}, Options{Date: testDate})
	want := []string{
		"notes|2020-02-02||||named explicitly: plain text",
		"missing.txt: stat: no such file or directory",
		".env|2020-02-02||||named explicitly: read",
		"notes|2020-02-02||||named explicitly: plain text",
		"skipped: empty/README: not a document file (no extension)",
		"empty: no documents (no .txt, .text, .jsonl, .ndjson, .json, .xml, .html or .htm file)",
	}
	if !slices.Equal(got, want) {
		t.Errorf("Read =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, err := range Read(context.Background(), []string{missing}, Options{}) {
		if !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("Read(missing) error %v; want fs.ErrNotExist", err)
		}
	}
}

func TestReadUnreadable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root: file permissions do not apply")
	}
	dir := t.TempDir()
	p := write(t, dir, "secret.txt", "x")
	if err := os.Chmod(p, 0); err != nil {
		t.Fatal(err)
	}
	write(t, dir, "z.txt", "after")
	got := collect(t, dir, []string{dir}, Options{Date: testDate})
	want := []string{"secret.txt: open: permission denied", "z|2020-02-02||||after"}
	if !slices.Equal(got, want) {
		t.Errorf("Read = %q; want %q", got, want)
	}
}

func TestReadStdin(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"jsonl", `{"id":"a","text":"x"}` + "\n" + `{"text":"y"}`, []string{"a|2020-02-02||||x", "stdin:2|2020-02-02||||y"}},
		{"jsonl after blank lines", "\n  \n" + `{"text":"x"` + "\n", []string{"stdin:3: malformed JSON: unexpected end of input"}},
		{"jsonl with BOM", bom + `{"id":"a","text":"x"}`, []string{"a|2020-02-02||||x"}},
		{"xml", "\n<S><Sentence id=\"s\" date=\"19990102\"><Text> x </Text></Sentence></S>", []string{"s|1999-01-02||||x"}},
		{"text", "Iran said.\n", []string{"stdin|2020-02-02||||Iran said.\n"}},
		{"text starting with [", "[Reuters] Iran said.", []string{"stdin|2020-02-02||||[Reuters] Iran said."}},
		{"leading space kept in text", "  x", []string{"stdin|2020-02-02||||  x"}},
		{"empty", "", []string{"stdin: empty document"}},
		{"white space", " \n\t", []string{"stdin: empty document"}},
		{"long white space then text", strings.Repeat(" ", 200<<10) + "x", []string{"stdin|2020-02-02||||" + strings.Repeat(" ", 200<<10) + "x"}},
		{"html", "<html><body><p>soup", []string{"stdin|2020-02-02||||soup"}},
		{"html with a doctype", "\n<!DOCTYPE HTML><title>T</title><p>Iran said.", []string{"stdin|2020-02-02||T||Iran said."}},
		{"html without html", "<body><p>soup", []string{"stdin:line 1: malformed XML: unexpected EOF"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := collect(t, "", []string{"-"}, Options{Date: testDate, Stdin: strings.NewReader(tt.in)})
			if !slices.Equal(got, tt.want) {
				t.Errorf("Read(-) = %.200q; want %.200q", got, tt.want)
			}
		})
	}
}

func TestReadStdinTooLarge(t *testing.T) {
	in := strings.NewReader(strings.Repeat("x", 5000))
	got := collect(t, "", []string{"-"}, Options{MaxBytes: 1000, Stdin: in})
	want := []string{"stdin: document is 5000 bytes, over the limit of 1000 (--max-doc-bytes)"}
	if !slices.Equal(got, want) {
		t.Errorf("Read(-) = %q; want %q", got, want)
	}
}

func TestOptions(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "a.txt", "text")

	got := collect(t, dir, []string{p, p}, Options{Date: "2020-13-01"})
	want := []string{`options: Date: bad date "2020-13-01": want YYYY-MM-DD`}
	if !slices.Equal(got, want) {
		t.Errorf("Read with a bad Options.Date = %q; want %q", got, want)
	}

	got = collect(t, dir, []string{p}, Options{Date: "2020-03-04T05:06:07-08:00"})
	want = []string{"a|2020-03-04||||text"}
	if !slices.Equal(got, want) {
		t.Errorf("Read with a timestamp Options.Date = %q; want %q", got, want)
	}

	before := time.Now().UTC().Format(time.DateOnly)
	got = collect(t, dir, []string{p}, Options{})
	after := time.Now().UTC().Format(time.DateOnly)
	if len(got) != 1 || (got[0] != "a|"+before+"||||text" && got[0] != "a|"+after+"||||text") {
		t.Errorf("Read with no Options.Date = %q; want today's date, %s", got, after)
	}

	big := filepath.Join(dir, "big.txt")
	if err := os.WriteFile(big, []byte(strings.Repeat("x", DefaultMaxBytes+1)), 0o644); err != nil {
		t.Fatal(err)
	}
	got = collect(t, dir, []string{big}, Options{})
	want = []string{fmt.Sprintf("big.txt: document is %d bytes, over the limit of %d (--max-doc-bytes)", DefaultMaxBytes+1, DefaultMaxBytes)}
	if !slices.Equal(got, want) {
		t.Errorf("Read with MaxBytes 0 = %q; want %q", got, want)
	}
}

func TestCancel(t *testing.T) {
	dir := t.TempDir()
	jsonl := write(t, dir, "a.jsonl", `{"text":"one"}`+"\n"+`{"text":"two"}`+"\n"+`{"text":"three"}`+"\n")
	xml := write(t, dir, "b.xml", "<S>\n<Sentence><Text>one</Text></Sentence>\n<Sentence><Text>two</Text></Sentence>\n</S>")
	array := write(t, dir, "c.json", `[{"text":"one"},`+"\n"+`{"text":"two"}]`)
	text := write(t, dir, "d.txt", "one")
	tests := []struct {
		inputs []string
		want   []string // cancelled after the first document
	}{
		{[]string{jsonl}, []string{"one", "a.jsonl:2: context canceled"}},
		{[]string{xml}, []string{"one", "b.xml:line 3: context canceled"}},
		{[]string{array}, []string{"one", "c.json:record 2: context canceled"}},
		{[]string{text, text}, []string{"one", "d.txt: context canceled"}},
		{[]string{dir}, []string{"one", "a.jsonl:2: context canceled"}},
	}
	for _, tt := range tests {
		ctx, cancel := context.WithCancel(t.Context())
		var got []string
		for d, err := range Read(ctx, tt.inputs, Options{}) {
			if err != nil {
				checkErr(t, err)
				if !errors.Is(err, context.Canceled) {
					t.Errorf("error %v; want context.Canceled", err)
				}
				got = append(got, strings.ReplaceAll(err.Error(), dir+string(filepath.Separator), ""))
				continue
			}
			got = append(got, d.Text)
			cancel()
		}
		cancel()
		if !slices.Equal(got, tt.want) {
			t.Errorf("Read(%q) cancelled after one document = %q; want %q", tt.inputs, got, tt.want)
		}
	}

	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	got := collect(t, dir, []string{text, jsonl}, Options{})
	var errs []error
	for _, err := range Read(ctx, []string{text, jsonl}, Options{}) {
		errs = append(errs, err)
	}
	if len(errs) != 1 || !errors.Is(errs[0], context.Canceled) {
		t.Errorf("Read(cancelled ctx) = %v; want one context.Canceled error", errs)
	}
	if len(got) != 4 {
		t.Errorf("Read(live ctx) = %q; want 4 documents", got)
	}
}

// TestBreak checks that stopping the range early stops reading: the
// range-over-func machinery panics if yield is called again.
func TestBreak(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.jsonl", `{"text":"one"}`+"\n"+`{"text":"two"}`+"\n")
	write(t, dir, "b.xml", `<S><Sentence><Text>x</Text></Sentence><Sentence><Text>y</Text></Sentence></S>`)
	write(t, dir, "c.json", `[{"text":"x"},{"text":"y"}]`)
	write(t, dir, "d.txt", "")
	write(t, dir, "e.txt", "x")
	for n := range 8 {
		i := 0
		for range Read(context.Background(), []string{dir}, Options{}) {
			if i == n {
				break
			}
			i++
		}
	}
}

func TestDocError(t *testing.T) {
	tests := []struct {
		err  *DocError
		want string
	}{
		{&DocError{"a.txt", ErrEmpty}, "a.txt: empty document"},
		{&DocError{"a\nb.txt", errors.New("two\r\nlines\tand\x00nul")}, `a\nb.txt: two\r\nlines\tand\x00nul`},
		{&DocError{"bad\xffname\u2028.txt", errors.New("c1 \u0085 control")}, `bad\xffname\u2028.txt: c1 \x85 control`},
		{&DocError{"x", nil}, "x: <nil>"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("DocError%q.Error() = %q; want %q", tt.err.Name, got, tt.want)
		}
	}
	if err := error(&DocError{"x", &sizeError{"document", 2, 1}}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("errors.Is(%v, ErrTooLarge) = false", err)
	}
}

// TestMixedBatch reads a directory of good and bad files: every good
// document comes out, every bad one gives exactly one error naming it, and
// memory stays bounded even with a 50 MB file and a 50 MB line.
func TestMixedBatch(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a-good.txt", "Iran refused an offer from the United States.\n")
	write(t, dir, "b-empty.txt", "")
	write(t, dir, "c-binary.txt", "\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00>\x00")
	write(t, dir, "d-latin1.txt", "Caf\xe9 talks resumed.")
	write(t, dir, "e-cut.jsonl", `{"id":"e1","text":"One."}`+"\n"+`{"id":"e2","text":"Two."}`+"\n"+`{"id":"e3","te`)
	write(t, dir, "f-cut.xml", "<Sentences>\n<Sentence id=\"f1\" date=\"20080801\"><Text>One.</Text></Sentence>\n<Sentence id=\"f2\" date=\"2008")
	want := []string{
		"a-good|2020-02-02||||Iran refused an offer from the United States.\n",
		"b-empty.txt: empty document",
		"c-binary.txt: binary content",
		"warning: d-latin1.txt: invalid UTF-8: 1 byte replaced with U+FFFD",
		"d-latin1|2020-02-02||||Caf\uFFFD talks resumed.",
		"e1|2020-02-02||||One.",
		"e2|2020-02-02||||Two.",
		"e-cut.jsonl:3: malformed JSON: unexpected end of input",
		"f1|2008-08-01||||One.",
		"f-cut.xml:line 3: malformed XML: unexpected EOF",
	}
	const huge = 50 << 20
	if !testing.Short() {
		f, err := os.Create(filepath.Join(dir, "g-huge.txt"))
		if err != nil {
			t.Fatal(err)
		}
		chunk := []byte(strings.Repeat("Iran said. ", 1<<10)[:1<<10*8])
		for n := 0; n < huge; n += len(chunk) {
			f.Write(chunk)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
		f, err = os.Create(filepath.Join(dir, "h-huge.jsonl"))
		if err != nil {
			t.Fatal(err)
		}
		f.WriteString(`{"id":"h1","text":"Before."}` + "\n" + `{"id":"h2","text":"`)
		for n := 0; n < huge; n += len(chunk) {
			f.Write(chunk)
		}
		f.WriteString(`"}` + "\n" + `{"id":"h3","text":"After."}` + "\n")
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
		want = append(want,
			fmt.Sprintf("g-huge.txt: document is %d bytes, over the limit of %d (--max-doc-bytes)", huge, DefaultMaxBytes),
			"h1|2020-02-02||||Before.",
			fmt.Sprintf("h-huge.jsonl:2: line is %d bytes, over the limit of %d (--max-doc-bytes)", huge+len(`{"id":"h2","text":""}`), DefaultMaxBytes),
			"h3|2020-02-02||||After.",
		)
	}

	runtime.GC()
	var before, ms runtime.MemStats
	runtime.ReadMemStats(&before)
	var peak uint64
	var got []string
	for d, err := range Read(context.Background(), []string{dir}, Options{Date: testDate}) {
		runtime.ReadMemStats(&ms)
		peak = max(peak, ms.HeapInuse)
		if err != nil {
			checkErr(t, err)
			got = append(got, strings.ReplaceAll(err.Error(), dir+string(filepath.Separator), ""))
			continue
		}
		got = append(got, render(d))
	}
	if !slices.Equal(got, want) {
		t.Errorf("Read(mixed batch) =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	const limit = 100 << 20
	if peak > limit/2 {
		t.Errorf("peak HeapInuse %d MB; want well under %d MB", peak>>20, limit>>20)
	}
	if alloc := ms.TotalAlloc - before.TotalAlloc; alloc > 32<<20 {
		t.Errorf("allocated %d MB reading the batch; want less than 32 MB (the huge inputs must not be read whole)", alloc>>20)
	}
	t.Logf("peak HeapInuse %.1f MB, allocated %.1f MB", float64(peak)/(1<<20), float64(ms.TotalAlloc-before.TotalAlloc)/(1<<20))
}
