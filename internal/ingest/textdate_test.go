package ingest

import (
	"strings"
	"testing"
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
