package ingest

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"

	"dyad/internal/doc"
)

// ErrNoArticle reports an HTML page in which no article text was found:
// an empty page, a page of navigation only, or a page that is not HTML.
var ErrNoArticle = errors.New("no article text in the page")

// maxHTMLElements bounds the elements of a page handed to readability,
// whose scoring passes are quadratic in the worst case; a news article has
// a few thousand.
const maxHTMLElements = 100_000

// HTML reads a web page and returns its article as a document: the main
// text found by readability (navigation, boilerplate and scripts removed,
// one paragraph per block, paragraphs separated by a blank line), the
// title, and the publication date of the page's meta tags (YYYY-MM-DD; ""
// when there is none). contentType is the Content-Type header of a fetched
// page ("" for a file): its charset, the page's <meta charset> or a byte
// order mark name the encoding, and text that is not valid UTF-8 without
// one is read as Windows-1252. pageURL ("" for none) becomes the
// document's URL. The ID and Source are left for the caller.
//
// Binary content, a page with no article text (ErrNoArticle) and text the
// checks of plain text refuse are errors; HTML soup is not: it is read as
// browsers read it, invalid UTF-8 in a UTF-8 page included (each bad byte
// becomes U+FFFD).
func HTML(src []byte, contentType, pageURL string) (doc.Document, error) {
	d, _, err := readHTMLPage(src, contentType, pageURL)
	return d, err
}

// readHTMLPage is HTML, and the number of bytes of invalid UTF-8 it replaced.
func readHTMLPage(src []byte, contentType, pageURL string) (doc.Document, int, error) {
	d, err := readPage(src, contentType, pageURL)
	if err != nil {
		return doc.Document{}, 0, err
	}
	fixed := 0
	if _, name, _ := charset.DetermineEncoding(src, contentType); name == "utf-8" {
		fixed = invalidUTF8(src)
	}
	return d, fixed, nil
}

func readPage(src []byte, contentType, pageURL string) (doc.Document, error) {
	if err := checkBinary(src); err != nil {
		return doc.Document{}, err
	}
	enc, _, _ := charset.DetermineEncoding(src, contentType)
	in := io.Reader(bytes.NewReader(src))
	if enc != nil {
		in = enc.NewDecoder().Reader(in)
	}
	root, err := html.Parse(in)
	if err != nil {
		return doc.Document{}, fmt.Errorf("%w HTML: %v", ErrMalformed, err)
	}
	var base *url.URL
	if pageURL != "" {
		if base, err = url.Parse(pageURL); err != nil {
			base = nil
		}
	}
	date := metaDate(root)
	if n := countElements(root, maxHTMLElements+1); n > maxHTMLElements {
		return doc.Document{}, fmt.Errorf("%w: over %d HTML elements", ErrTooLarge, maxHTMLElements)
	}
	p := readability.NewParser()
	art, err := p.ParseAndMutate(root, base)
	if err != nil {
		return doc.Document{}, fmt.Errorf("%w HTML: %v", ErrMalformed, err)
	}
	if date == "" {
		if t, err := art.PublishedTime(); err == nil && t.Year() > 0 && t.Year() < 10000 {
			date = t.Format(time.DateOnly)
		}
	}
	var text string
	if art.Node != nil {
		text = blockText(art.Node)
	}
	if strings.TrimSpace(text) == "" {
		return doc.Document{}, ErrNoArticle
	}
	if err := checkText(text); err != nil {
		return doc.Document{}, err
	}
	return doc.Document{
		Date:  date,
		URL:   pageURL,
		Title: cleanLine(art.Title()),
		Text:  text,
	}, nil
}

// checkBinary refuses what cannot be a web page: NUL bytes, or more than
// 10% control characters other than white space (the check of checkText,
// before the encoding is known).
func checkBinary(b []byte) error {
	if len(bytes.TrimSpace(b)) == 0 {
		return ErrEmpty
	}
	ctrl := 0
	for _, c := range b {
		switch {
		case c >= 0x20 && c != 0x7f, c == '\t', c == '\n', c == '\r', c == '\f':
		case c == 0:
			// UTF-16 pages (with a byte order mark) hold NULs; everything
			// else with one is binary.
			if bytes.HasPrefix(b, []byte("\xff\xfe")) || bytes.HasPrefix(b, []byte("\xfe\xff")) {
				continue
			}
			return ErrBinary
		default:
			ctrl++
		}
	}
	if ctrl*10 > len(b) {
		return ErrBinary
	}
	return nil
}

func countElements(n *html.Node, limit int) int {
	count := 0
	for d := range n.Descendants() {
		if d.Type == html.ElementNode {
			count++
			if count >= limit {
				break
			}
		}
	}
	return count
}

// dateMeta are the meta tags that carry a page's publication date, best
// first: <meta property=...> or <meta name=...> or <meta itemprop=...>.
var dateMeta = []string{
	"article:published_time", "og:published_time", "published_time",
	"datepublished", "date", "pubdate", "publishdate", "publish-date",
	"dc.date.issued", "dc.date", "dcterms.date", "dcterms.issued",
	"dcterms.created", "sailthru.date", "parsely-pub-date", "citation_date",
	"citation_publication_date",
}

// metaDate returns the publication date of a page's meta tags (or of its
// first <time datetime> in an <article>), YYYY-MM-DD, or "".
func metaDate(root *html.Node) string {
	found := map[string]string{}
	var timeTag string
	for n := range root.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		switch n.DataAtom {
		case atom.Meta:
			var key, content string
			for _, a := range n.Attr {
				switch a.Key {
				case "property", "name", "itemprop":
					if key == "" {
						key = strings.ToLower(strings.TrimSpace(a.Val))
					}
				case "content":
					content = a.Val
				}
			}
			if key != "" && content != "" {
				if _, ok := found[key]; !ok {
					found[key] = content
				}
			}
		case atom.Time:
			if timeTag == "" {
				for _, a := range n.Attr {
					if a.Key == "datetime" {
						timeTag = a.Val
					}
				}
			}
		}
	}
	for _, k := range dateMeta {
		if d := normDate(found[k]); d != "" {
			return d
		}
	}
	return normDate(timeTag)
}

// dateLayouts are the date forms found in meta tags besides ISO 8601.
var dateLayouts = []string{
	time.RFC1123Z, time.RFC1123, time.RFC850, time.ANSIC,
	"2006/01/02", "20060102", "January 2, 2006", "2 January 2006",
	"Jan 2, 2006", "2 Jan 2006", "Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
}

// normDate returns s as YYYY-MM-DD, the date as written (no time-zone
// shift), or "" when s is not a date dyad recognises.
func normDate(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 10 && s[4] == '-' && s[7] == '-' {
		if _, err := time.Parse(time.DateOnly, s[:10]); err == nil {
			return s[:10]
		}
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.Format(time.DateOnly)
		}
	}
	return ""
}

// blockText renders the text of an article node: white space collapsed,
// one paragraph per block element (paragraphs, headings, list items, table
// rows, quotes), paragraphs separated by a blank line, <br> a line break.
func blockText(n *html.Node) string {
	var w textWriter
	w.node(n)
	return w.String()
}

// textWriter builds block text. A pending break is written only before the
// next word, so no paragraph is empty and the text has no trailing break.
type textWriter struct {
	b     strings.Builder
	space bool // a space is due before the next word
	brk   int  // line breaks due before the next word: 0, 1 or 2
}

func (w *textWriter) String() string { return w.b.String() }

func (w *textWriter) breakLine(n int) { w.brk = max(w.brk, n) }

func (w *textWriter) word(s string) {
	if w.b.Len() > 0 {
		switch {
		case w.brk > 0:
			w.b.WriteString("\n\n"[:w.brk])
		case w.space:
			w.b.WriteByte(' ')
		}
	}
	w.brk, w.space = 0, false
	w.b.WriteString(s)
}

// text writes a text node's words, white space (NBSP included) collapsed.
func (w *textWriter) text(s string) {
	s = strings.ToValidUTF8(s, "\uFFFD")
	start := -1
	for i, r := range s {
		if isHTMLSpace(r) {
			if start >= 0 {
				w.word(s[start:i])
				start = -1
			}
			w.space = true
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		w.word(s[start:])
	}
}

func isHTMLSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\f', '\v', '\u00a0', '\u2028', '\u2029', '\u200b', '\ufeff':
		return true
	}
	return r < 0x20 || r == 0x7f
}

func (w *textWriter) node(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return
	case html.ElementNode:
		if skipElement(n) {
			return
		}
	case html.DocumentNode:
	default:
		return
	}
	block := 0
	if n.Type == html.ElementNode {
		switch n.DataAtom {
		case atom.Br:
			w.breakLine(1)
			return
		case atom.Td, atom.Th:
			w.space = true
		case atom.Hr:
			w.breakLine(2)
			return
		default:
			if isBlock(n.DataAtom) {
				block = 2
			}
		}
	}
	w.breakLine(block)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.node(c)
	}
	w.breakLine(block)
}

// skipElement reports elements whose text is not article text.
func skipElement(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Math,
		atom.Iframe, atom.Object, atom.Embed, atom.Head, atom.Button, atom.Select,
		atom.Textarea, atom.Input, atom.Nav, atom.Audio, atom.Video, atom.Canvas:
		return true
	}
	for _, a := range n.Attr {
		if a.Key == "hidden" || (a.Key == "aria-hidden" && a.Val == "true") {
			return true
		}
	}
	return false
}

func isBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Li, atom.Dt, atom.Dd, atom.Ul, atom.Ol, atom.Dl, atom.Blockquote,
		atom.Pre, atom.Table, atom.Tr, atom.Caption, atom.Figure, atom.Figcaption,
		atom.Section, atom.Article, atom.Header, atom.Footer, atom.Main, atom.Aside,
		atom.Address, atom.Details, atom.Summary, atom.Form, atom.Fieldset, atom.Body:
		return true
	}
	return false
}

// cleanLine folds a title to one line of valid UTF-8.
func cleanLine(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	return strings.Join(strings.FieldsFunc(s, isHTMLSpace), " ")
}

// sniffHTML reports whether br, whose first byte that is not white space
// is '<', starts an HTML page: <!DOCTYPE html or <html, in any case.
func sniffHTML(br *bufio.Reader) bool {
	buf, _ := br.Peek(min(br.Size(), 4096))
	buf = bytes.TrimLeft(skipBOM(buf), " \t\r\n\f\v")
	for _, p := range []string{"<!doctype html", "<html"} {
		if len(buf) >= len(p) && strings.EqualFold(string(buf[:len(p)]), p) {
			return true
		}
	}
	return false
}

// readHTML reads an HTML file as one document (see HTML); ID is the file
// name without extension, Date the page's or the default.
func (r *reader) readHTML(name, id string, src io.Reader, size int64) bool {
	if !r.alive(name) {
		return false
	}
	if size > r.max {
		return r.fail(name, &sizeError{"document", size, r.max})
	}
	b, err := io.ReadAll(io.LimitReader(src, r.max+1))
	if err != nil {
		return r.fail(name, err)
	}
	if int64(len(b)) > r.max {
		return r.fail(name, &sizeError{"document", -1, r.max})
	}
	d, fixed, err := readHTMLPage(b, "", "")
	if err != nil {
		return r.fail(name, err)
	}
	if int64(len(d.Text)) > r.max { // decoding Windows-1252 may grow the text
		return r.fail(name, &sizeError{"text", int64(len(d.Text)), r.max})
	}
	d.ID = id
	return r.emitRepaired(name, fixed, d)
}
