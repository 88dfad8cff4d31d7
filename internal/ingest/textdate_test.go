package ingest

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"dyad/internal/doc"
)

func TestTextDate(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		// Datelines.
		{"AP dateline", "WASHINGTON, Sept. 16, 2014 (AP) — The president said airstrikes would go on.", "2014-09-16"},
		{"Reuters day first", "BEIRUT, 3 March 2015 (Reuters) - Fighting went on near the border.", "2015-03-03"},
		{"Reuters no year", "BEIRUT, Sept 16 (Reuters) - Fighting went on near the border.", ""},
		{"place and country", "KIEV, Ukraine, Sept. 16, 2014 — Parliament voted on the pact.", "2014-09-16"},
		{"place of words", "Rio de Janeiro, 4 July 2016 - The games drew near.", "2016-07-04"},
		{"dash dateline", "Tehran, March 3rd, 2015 -- The ministry denied the report.", "2015-03-03"},
		{"en dash, no agency", "LONDON, 16 Sep 2014 – Ministers met on Tuesday.", "2014-09-16"},
		{"Sep without period", "PARIS, Sep 16, 2014 (AFP) - Talks opened.", "2014-09-16"},
		{"Sept without period", "PARIS, Sept 16, 2014 (AFP) - Talks opened.", "2014-09-16"},
		{"agency then colon", "CAIRO, 1 February 2011 (AP): Crowds filled the square.", "2011-02-01"},
		{"dateline after a title", "Iran rejects offer\n\nWASHINGTON, Sept. 16, 2014 (AP) — The offer stood.", "2014-09-16"},
		{"no date in dateline", "LONDON (Reuters) - Britain said on 11 September 2001 it stood with America.", ""},

		// Date lines.
		{"published label", "Iran rejects offer\nPublished: 16 September 2014\n\nThe offer stood.", "2014-09-16"},
		{"time and zone", "September 16, 2014 12:03 ET\nThe offer stood.", "2014-09-16"},
		{"weekday, day first, BST", "Tue 16 Sep 2014 12.03 BST\nThe offer stood.", "2014-09-16"},
		{"last modified", "Last modified on Tue 16 Sep 2014 12.03 BST\nThe offer stood.", "2014-09-16"},
		{"ISO date", "2014-09-16\nThe offer stood.", "2014-09-16"},
		{"ISO timestamp", "Posted 2014-09-16T12:03:00Z\nThe offer stood.", "2014-09-16"},
		{"ISO slashes", "2014/09/16\nThe offer stood.", "2014-09-16"},
		{"numeric day first", "16/09/2014\nThe offer stood.", "2014-09-16"},
		{"numeric month first", "09/16/2014\nThe offer stood.", "2014-09-16"},
		{"numeric dotted", "Date: 16.09.2014\nThe offer stood.", "2014-09-16"},
		{"numeric equal", "07/07/2005\nBombs went off in London.", "2005-07-07"},
		{"numeric ambiguous", "04/05/2014\nThe offer stood.", ""},
		{"ordinal", "Published on 16th September 2014\nThe offer stood.", "2014-09-16"},
		{"of", "Posted on the web: 3rd of March, 2015\nText.", ""},
		{"day of month", "Filed: 3rd of March 2015\nText.", "2015-03-03"},
		{"weekday full", "Tuesday, September 16, 2014\nThe offer stood.", "2014-09-16"},
		{"time with am/pm", "September 16, 2014 at 9:30 a.m. EDT\nText.", "2014-09-16"},
		{"updated with time first", "Updated 1:47 PM ET, Tue September 16, 2014\nText.", "2014-09-16"},
		{"header fields", "World news | 16 September 2014 | Ian Black\nText.", "2014-09-16"},
		{"lower case month", "published 16 sept. 2014\nText.", "2014-09-16"},
		{"date then dash", "16 September 2014 — Iran refused the offer.", "2014-09-16"},
		{"published beats updated", "Updated: 17 September 2014\nPublished: 16 September 2014\nText.", "2014-09-16"},
		{"updated alone", "Updated: 17 September 2014\nText.", "2014-09-17"},
		{"CRLF lines", "Title\r\nPublished: 16 September 2014\r\n\r\nText.", "2014-09-16"},

		// Dates that are not the publication date.
		{"body mention", "The invasion began on 20 March 2003, and the war went on for years.", ""},
		{"year only", "The 2003 invasion changed the region.", ""},
		{"sentence with date first", "On 11 September 2001 the towers fell.", ""},
		{"weekday sentence", "On Tuesday, September 16, 2014, the offer stood.", ""},
		{"date in sentence after place", "In Washington, officials said on Sept. 16, 2014 that talks had ended.", ""},
		{"date and words after", "16 September 2014 was the day the offer was refused.", ""},
		{"month and year only", "September 2014\nThe offer stood.", ""},
		{"month day only", "September 16\nThe offer stood.", ""},
		{"impossible day", "31 September 2014\nText.", ""},
		{"impossible month", "2014-13-45\nText.", ""},
		{"year out of range", "16 September 1066\nText.", ""},
		{"not a month", "16 Mayday 2014\nText.", ""},
		{"too far down", "a\nb\nc\nd\ne\nf\nPublished: 16 September 2014\nText.", ""},
		{"beyond 2 KB", strings.Repeat("word ", 500) + "\nPublished: 16 September 2014\n", ""},
		{"place is a sentence", "Officials in the capital said, 16 September 2014 (AP) - no.", ""},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := TextDate(tt.text); got != tt.want {
				t.Errorf("TextDate(%q) = %q; want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestTextDateCut checks that a head cut inside a rune neither panics nor
// loses the date before it.
func TestTextDateCut(t *testing.T) {
	text := "Published: 16 September 2014\n" + strings.Repeat("é", 2000)
	if got := TextDate(text); got != "2014-09-16" {
		t.Errorf("TextDate = %q; want 2014-09-16", got)
	}
}

// TestSettleDate checks each rung of the date rule: the document's own
// date, then its text's, then the user's, then today, assumed.
func TestSettleDate(t *testing.T) {
	today := time.Date(2026, 12, 7, 15, 4, 5, 0, time.UTC)
	const dateline = "WASHINGTON, Sept. 16, 2014 (AP) — Obama spoke."
	tests := []struct {
		name, given, text, fallback string
		want                        string
		assumed                     bool
	}{
		{"given beats text", "2014-09-17", dateline, "2020-01-01", "2014-09-17", false},
		{"text beats -date", "", dateline, "2020-01-01", "2014-09-16", false},
		{"-date when the text gives none", "", "Obama spoke.", "2020-01-01", "2020-01-01", false},
		{"today, assumed", "", "Obama spoke.", "", "2026-12-07", true},
		{"text without -date", "", dateline, "", "2014-09-16", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := doc.Document{ID: "doc-7", Date: tt.given, Text: tt.text}
			SettleDate(&d, tt.fallback, today)
			if d.Date != tt.want || d.DateAssumed != tt.assumed {
				t.Errorf("SettleDate(%q, %q, %q) = %s, assumed %v; want %s, assumed %v",
					tt.given, tt.text, tt.fallback, d.Date, d.DateAssumed, tt.want, tt.assumed)
			}
		})
	}
}

// TestReadDates checks that every reader dates its documents by
// SettleDate: metadata first, then the text, then Options.Date, then
// today with DateAssumed.
func TestReadDates(t *testing.T) {
	dir := t.TempDir()
	const dateline = "BEIRUT, 3 March 2015 (Reuters) - Syria and Iran met."
	files := []string{
		write(t, dir, "a.jsonl", `{"id":"given","date":"2015-03-04","text":"`+dateline+`"}
{"id":"text","text":"`+dateline+`"}
{"id":"none","text":"Syria and Iran met."}
`),
		write(t, dir, "b.txt", dateline),
		write(t, dir, "c.txt", "Syria and Iran met on 3 March 2015."),
		write(t, dir, "d.html", `<html><head><meta property="article:published_time" content="2015-03-05"></head><body><article><p>`+dateline+`</p></article></body></html>`),
		write(t, dir, "e.html", `<html><body><article><p>`+dateline+`</p><p>More.</p></article></body></html>`),
		write(t, dir, "f.xml", `<Sentences><Sentence id="x1" source="AFP"><Text>`+dateline+`</Text></Sentence></Sentences>`),
	}
	today := time.Now().UTC().Format(time.DateOnly)
	for _, tt := range []struct {
		flag string
		want []string
	}{
		{"", []string{"given 2015-03-04", "text 2015-03-03", "none " + today + " assumed", "b 2015-03-03", "c " + today + " assumed", "d 2015-03-05", "e 2015-03-03", "x1 2015-03-03"}},
		{testDate, []string{"given 2015-03-04", "text 2015-03-03", "none " + testDate, "b 2015-03-03", "c " + testDate, "d 2015-03-05", "e 2015-03-03", "x1 2015-03-03"}},
	} {
		var got []string
		for d, err := range Read(t.Context(), files, Options{Date: tt.flag}) {
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			s := d.ID + " " + d.Date
			if d.DateAssumed {
				s += " assumed"
			}
			got = append(got, s)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Read(Date %q) dates =\n%s\nwant\n%s", tt.flag, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
		}
	}
}

// TestFeedDates checks the date rule on fetched articles: the item's
// date, then the page's text, then FetchOptions.Date, then today,
// assumed.
func TestFeedDates(t *testing.T) {
	mux := http.NewServeMux()
	var srv *httptest.Server
	mux.HandleFunc("GET /feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>A</title><link>`+srv.URL+`/a.html</link><pubDate>Wed, 04 Mar 2015 08:00:00 +0000</pubDate></item>
<item><title>B</title><link>`+srv.URL+`/b.html</link></item>
<item><title>C</title><link>`+srv.URL+`/c.html</link></item>
</channel></rss>`)
	})
	page := func(body string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprintf(w, `<html><body><article><p>%s</p><p>More words here.</p></article></body></html>`, body)
		}
	}
	mux.HandleFunc("GET /a.html", page("BEIRUT, 3 March 2015 (Reuters) - Syria and Iran met."))
	mux.HandleFunc("GET /b.html", page("BEIRUT, 3 March 2015 (Reuters) - Syria and Iran met."))
	mux.HandleFunc("GET /c.html", page("Syria and Iran met."))
	srv = httptest.NewServer(mux)
	defer srv.Close()
	today := time.Now().UTC().Format(time.DateOnly)
	for _, tt := range []struct {
		flag string
		want []string
	}{
		{"", []string{"a 2015-03-04", "b 2015-03-03", "c " + today + " assumed"}},
		{testDate, []string{"a 2015-03-04", "b 2015-03-03", "c " + testDate}},
	} {
		var got []string
		for d, err := range NewFetcher(FetchOptions{Date: tt.flag, AllowPrivate: true}).Feed(t.Context(), srv.URL+"/feed.xml") {
			if err != nil {
				t.Fatalf("Feed: %v", err)
			}
			s := strings.TrimSuffix(strings.TrimPrefix(d.ID, srv.URL+"/"), ".html") + " " + d.Date
			if d.DateAssumed {
				s += " assumed"
			}
			got = append(got, s)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Feed(Date %q) dates =\n%s\nwant\n%s", tt.flag, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
		}
	}
}

// BenchmarkTextDate reads the date of every document of the shared
// corpus, none of which has a dateline: the cost for an undated document.
func BenchmarkTextDate(b *testing.B) {
	need(b, guardianDev)
	var texts []string
	for d, err := range Read(b.Context(), []string{guardianDev}, Options{}) {
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, d.Text)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range texts {
			TextDate(s)
		}
	}
}

// FuzzTextDate checks that TextDate never panics, gives "" or a real
// date, and reads only the top of a text: what follows the first 2 KB
// changes nothing.
func FuzzTextDate(f *testing.F) {
	for _, s := range []string{"WASHINGTON, Sept. 16, 2014 (AP) — x", "Published: 16 September 2014\n", "16/09/2014", "2014-09-16T12:03:00Z", "é\n\n31 September 2014"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := TextDate(s)
		if got != "" {
			if _, err := time.Parse(time.DateOnly, got); err != nil {
				t.Fatalf("TextDate(%q) = %q, not a date", s, got)
			}
		}
		if len(s) > textDateBytes {
			if again := TextDate(s + "\nPublished: 16 September 2014\n"); again != got {
				t.Fatalf("TextDate changed with text after 2 KB: %q, then %q", got, again)
			}
		}
	})
}
