package ingest

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// page is a news page of the kind a site serves: navigation, a script, an
// article of several paragraphs, a footer. The text is written here.
func page(head, article string) string {
	return `<!DOCTYPE html><html><head><meta charset="utf-8">` + head + `
<title>Harbour talks end | The Coastal Herald</title>
<script>var tracker = "do not read me";</script><style>p { color: red }</style>
</head><body>
<nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<div class="share">Share on social media</div>
<main><article>
<h1>Harbour talks end without a deal</h1>
` + article + `
</article></main>
<footer><p>Copyright The Coastal Herald. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>`
}

const articleBody = `<p>Ministers from Norway and Chile met in Oslo on Tuesday to discuss
fishing rights in the southern ocean, the foreign ministry said.</p>
<p>The Chilean delegation rejected a proposal to share the catch &amp; the
quotas equally, according to officials who spoke on condition of anonymity.<br>
Talks will resume next month.</p>
<script>document.write("an advert")</script>
<p>Norway's foreign minister said her government would not give up its
claims, and accused Chile of bad faith in the negotiations over the past year.</p>
<p>Observers in Santiago said both governments faced pressure at home from
fishing communities that depend on the disputed waters for their living.</p>`

func TestHTML(t *testing.T) {
	tests := []struct {
		name, head, ctype string
		date              string
	}{
		{name: "article:published_time", head: `<meta property="article:published_time" content="2024-03-05T23:30:00-05:00">`, date: "2024-03-05"},
		{name: "name=date", head: `<meta name="date" content="2023-11-02">`, date: "2023-11-02"},
		{name: "DC.date.issued", head: `<meta name="DC.date.issued" content="2022/07/14">`, date: "2022-07-14"},
		{name: "itemprop", head: `<meta itemprop="datePublished" content="Tue, 10 Jan 2017 08:00:00 +0000">`, date: "2017-01-10"},
		{name: "bad date ignored", head: `<meta name="date" content="yesterday">`, date: ""},
		{name: "JSON-LD", head: `<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Harbour talks","datePublished":"2021-06-01T10:00:00Z"}</script>`, date: "2021-06-01"},
		{name: "none", date: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := HTML([]byte(page(tt.head, articleBody)), tt.ctype, "https://herald.example/world/talks")
			if err != nil {
				t.Fatalf("HTML() error %v", err)
			}
			if d.Date != tt.date {
				t.Errorf("HTML() date = %q; want %q", d.Date, tt.date)
			}
			if d.URL != "https://herald.example/world/talks" {
				t.Errorf("HTML() URL = %q", d.URL)
			}
			if !strings.Contains(d.Title, "Harbour talks") {
				t.Errorf("HTML() title = %q", d.Title)
			}
			paras := strings.Split(d.Text, "\n\n")
			if len(paras) < 4 {
				t.Errorf("HTML() text has %d paragraphs; want at least 4:\n%s", len(paras), d.Text)
			}
			for _, want := range []string{
				"Ministers from Norway and Chile met in Oslo on Tuesday to discuss fishing rights",
				"share the catch & the quotas",
				"anonymity.\nTalks will resume",
				"Observers in Santiago",
			} {
				if !strings.Contains(d.Text, want) {
					t.Errorf("HTML() text lacks %q:\n%s", want, d.Text)
				}
			}
			for _, junk := range []string{"tracker", "advert", "color", "Sport", "Copyright", "Share on social"} {
				if strings.Contains(d.Text, junk) {
					t.Errorf("HTML() text keeps %q:\n%s", junk, d.Text)
				}
			}
			if strings.Contains(d.Text, "\n\n\n") || strings.HasSuffix(d.Text, "\n") || strings.HasPrefix(d.Text, "\n") {
				t.Errorf("HTML() text has stray line breaks: %q", d.Text)
			}
		})
	}
}

func TestHTMLCharset(t *testing.T) {
	body := strings.Repeat("<p>Le ministre fran\xe7ais a rencontr\xe9 son homologue chilien \xe0 Paris pour parler de p\xeache.</p>\n", 6)
	for _, head := range []string{`<meta charset="iso-8859-1">`, ""} {
		d, err := HTML([]byte("<html><head>"+head+"</head><body><article>"+body+"</article></body></html>"), "", "")
		if err != nil {
			t.Fatalf("HTML(%s) error %v", head, err)
		}
		if !strings.Contains(d.Text, "Le ministre français a rencontré") {
			t.Errorf("HTML(%s) text = %q; want Latin-1 read as UTF-8", head, d.Text)
		}
	}
	d, err := HTML([]byte("<p>"+strings.Repeat("caf\xe9 ", 40)+"</p>"), "text/html; charset=utf-8", "")
	if err != nil {
		t.Fatal(err)
	}
	if !utf8.ValidString(d.Text) {
		t.Errorf("HTML() with a wrong charset header gave invalid UTF-8 %q", d.Text)
	}
}

func TestHTMLErrors(t *testing.T) {
	tests := []struct {
		name, content string
		is            error
	}{
		{"empty", "", ErrEmpty},
		{"white space", " \n\t", ErrEmpty},
		{"no body text", "<html><head><title>x</title></head><body></body></html>", ErrNoArticle},
		{"navigation only", `<html><body><nav><a href="/">Home</a> <a href="/a">About</a></nav><script>x()</script></body></html>`, ErrNoArticle},
		{"binary", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", ErrBinary},
		{"control bytes", strings.Repeat("\x01\x02<p>", 20), ErrBinary},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := HTML([]byte(tt.content), "", "")
			if !errors.Is(err, tt.is) {
				t.Errorf("HTML(%q) error %v; want %v", tt.content, err, tt.is)
			}
		})
	}
}

// Soup is read as a browser reads it: unclosed tags, stray end tags.
func TestHTMLSoup(t *testing.T) {
	soup := "<html><body><div><p>Iran refused an offer from the United States to join the coalition<p>Saudi Arabia offered airstrikes</b></i><table><tr><td>cell one<td>cell two</table><p>The talks ended"
	d, err := HTML([]byte(soup), "", "")
	if err != nil {
		t.Fatalf("HTML(soup) error %v", err)
	}
	for _, want := range []string{"Iran refused an offer from the United States to join the coalition\n\nSaudi Arabia offered airstrikes", "cell one cell two", "The talks ended"} {
		if !strings.Contains(d.Text, want) {
			t.Errorf("HTML(soup) text = %q; want it to hold %q", d.Text, want)
		}
	}
}

func TestReadHTMLFiles(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "in/a.html", page(`<meta name="date" content="2019-04-10">`, articleBody))
	write(t, dir, "in/b.htm", page("", articleBody))
	write(t, dir, "in/c.html", "")
	write(t, dir, "in/d.html", "<html><body><nav>Home</nav></body></html>")
	write(t, dir, "in/e.html", "bin\x00ary")
	got := collect(t, dir, []string{dir + "/in"}, Options{Date: testDate})
	var short []string
	for _, g := range got {
		if i := strings.Index(g, "\n\nMinisters"); i >= 0 {
			g = g[:i] // the text, checked by TestHTML
		}
		short = append(short, g)
	}
	want := []string{
		"a|2019-04-10||Harbour talks end | The Coastal Herald||Harbour talks end without a deal",
		"b|2020-02-02||Harbour talks end | The Coastal Herald||Harbour talks end without a deal",
		"in/c.html: empty document",
		"in/d.html: no article text in the page",
		"in/e.html: binary content",
	}
	if !slices.Equal(short, want) {
		t.Errorf("Read(dir) = %q; want %q", short, want)
	}
	// Over the size limit: refused before it is read.
	p := write(t, dir, "big.html", page("", articleBody))
	got = collect(t, dir, []string{p}, Options{Date: testDate, MaxBytes: 100})
	if len(got) != 1 || !strings.Contains(got[0], "over the limit") {
		t.Errorf("Read(big.html) = %q; want one size error", got)
	}
}

func TestNormDate(t *testing.T) {
	for in, want := range map[string]string{
		"2024-03-05":                    "2024-03-05",
		"2024-03-05T23:30:00-05:00":     "2024-03-05",
		" 2024-03-05 10:00 ":            "2024-03-05",
		"2024/03/05":                    "2024-03-05",
		"20240305":                      "2024-03-05",
		"March 5, 2024":                 "2024-03-05",
		"5 March 2024":                  "2024-03-05",
		"Tue, 05 Mar 2024 10:00:00 GMT": "2024-03-05",
		"2024-13-05":                    "",
		"soon":                          "",
		"":                              "",
	} {
		if got := normDate(in); got != want {
			t.Errorf("normDate(%q) = %q; want %q", in, got, want)
		}
	}
}

func FuzzHTML(f *testing.F) {
	for _, s := range []string{
		page(`<meta property="article:published_time" content="2024-03-05T23:30:00Z">`, articleBody),
		"<p>Iran refused.<p>Saudi Arabia offered</b><table><td>x",
		"<html><head><meta charset=\"windows-1252\"></head><body><p>caf\xe9 \x93quoted\x94</p></body></html>",
		"\xff\xfe<\x00p\x00>\x00x\x00",
		"<svg><script>alert(1)</script></svg><math><mi>x</mi></math><p>text</p>",
		"<!-- <p>comment</p> --><template><p>t</p></template><pre>  a\n  b</pre>",
		"<meta name=date content=2099-99-99><time datetime=\"2010-01-01\">",
		"",
		"\x00",
	} {
		f.Add([]byte(s), uint16(0))
		f.Add([]byte(s), uint16(64))
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte, max uint16) {
		// A page that hangs the parser is a failure too: the watchdog's
		// panic makes the fuzzer keep the input.
		watchdog := time.AfterFunc(10*time.Second, func() { panic(fmt.Sprintf("HTML(%q) ran for over 10 s", data)) })
		defer watchdog.Stop()
		d, err := HTML(data, "", "http://x.example/a")
		if err == nil {
			if !utf8.ValidString(d.Text) || !utf8.ValidString(d.Title) {
				t.Errorf("HTML(%q) gave invalid UTF-8: %q %q", data, d.Title, d.Text)
			}
			if strings.TrimSpace(d.Text) == "" {
				t.Errorf("HTML(%q) gave empty text", data)
			}
			if d.Date != "" && normDate(d.Date) != d.Date {
				t.Errorf("HTML(%q) date %q is not YYYY-MM-DD", data, d.Date)
			}
		}
		fuzzRead(t, dir, "f.html", data, max, false)
	})
}

// An HTML file declared UTF-8 with invalid bytes is read, repaired, with a
// warning naming it; one without a declaration is read as Windows-1252.
func TestReadHTMLInvalidUTF8(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.html", "<html><head><meta charset=\"utf-8\"></head><body><article><p>Peru and Bolivia signed a pact in La Paz \xe9 on Monday.</p></article></body></html>")
	write(t, dir, "b.html", "<html><body><article><p>Peru and Bolivia signed a pact in Bogot\xe1 on Monday.</p></article></body></html>")
	got := collect(t, dir, []string{dir}, Options{Date: testDate})
	want := []string{
		"warning: a.html: invalid UTF-8: 1 byte replaced with U+FFFD",
		"a|2020-02-02||||Peru and Bolivia signed a pact in La Paz \uFFFD on Monday.",
		"b|2020-02-02||||Peru and Bolivia signed a pact in Bogotá on Monday.",
	}
	if !slices.Equal(got, want) {
		t.Errorf("Read(html) =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
