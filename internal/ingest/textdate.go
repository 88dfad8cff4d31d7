package ingest

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"dyad/internal/doc"
)

// Where TextDate looks: the first textDateLines lines that are not blank,
// within the first textDateBytes bytes. A publication date stands at the
// top of an article (a dateline, a "Published:" line); a date further down
// is one the story mentions ("on 11 September 2001").
const (
	textDateBytes = 2048
	textDateLines = 6
)

// The date forms TextDate reads. Month names full or abbreviated, with or
// without a period ("Sept.", "Sep", "Sept"); days with or without an
// ordinal suffix; a four-digit year always (Reuters' "Sept 16 (Reuters)"
// has none, and guessing one is how a date goes wrong).
const (
	reMonth   = `(?i:(january|february|march|april|may|june|july|august|september|october|november|december|sept|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)\.?)`
	reDay     = `(\d{1,2})(?i:st|nd|rd|th)?`
	reYear    = `(\d{4})`
	reWeekday = `(?:(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)\.?,?\s+)?`
)

var (
	// Month day, year: "Sept. 16, 2014", "September 16th 2014".
	dateMDY = regexp.MustCompile(`^` + reWeekday + reMonth + `\s+` + reDay + `,?\s+` + reYear + `\b`)
	// Day month year: "16 September 2014", "3rd of March, 2015".
	dateDMY = regexp.MustCompile(`^` + reWeekday + reDay + `(?:\s+of)?\s+` + reMonth + `,?\s+` + reYear + `\b`)
	// ISO 8601: "2014-09-16", "2014/09/16", "2014-09-16T12:03:00Z".
	dateISO = regexp.MustCompile(`^` + reWeekday + `(\d{4})([-/])(\d{2})([-/])(\d{2})(?:[T\s]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b`)
	// Numbers: "16/09/2014" (day or month first: read only when one of the
	// two is over 12 or both are equal), "16.09.2014" (day first).
	dateNum = regexp.MustCompile(`^` + reWeekday + `(\d{1,2})([/.])(\d{1,2})([/.])(\d{4})\b`)

	// A time after a date: "12:03 ET", "12.03 BST", "at 9:30 a.m. EDT",
	// "- 10:15 GMT+1", "15:04:05 +0100".
	timeAfter = regexp.MustCompile(`^\s*(?:,|at|-|–|—|\||/)?\s*\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*(?i:[ap]\.?m\.?))?(?:\s*\(?[A-Z]{1,5}(?:[+-]\d{1,2})?\)?|\s*[+-]\d{2}:?\d{2}|Z)?`)
	// A news agency in brackets after a dateline's date: "(AP)", "(Reuters)".
	agency = regexp.MustCompile(`^\s*\([^()\n]{1,40}\)`)
	// What may stand before a date on a date line: a label.
	dateLabel = regexp.MustCompile(`^(?i:(?:first\s+|last\s+)?(?:published|updated|posted|modified|filed|dated?|created|issued)(?:\s+(?:on|at))?(?:\s+\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{1,5})?)?)\s*[:,]?\s*$`)
	// A dateline's place: capitalised words (and the small words of place
	// names), parts separated by commas, ending with a comma: "WASHINGTON,",
	// "KIEV, Ukraine,", "Rio de Janeiro,".
	placeWord = regexp.MustCompile(`^(?:\p{Lu}[\p{L}\p{M}.'’-]*|de|del|da|do|dos|la|le|el|al|al-|of|upon|am|an|on|sur|the)$`)
)

// TextDate returns the publication date the top of a text gives, as
// YYYY-MM-DD, or "" when it gives none. It reads, in the first six lines
// that are not blank and the first 2 KB:
//
//   - a dateline: a place, a comma, a date, then the agency in brackets or
//     a dash ("WASHINGTON, Sept. 16, 2014 (AP) —", "BEIRUT, 3 March 2015
//     (Reuters) -");
//   - a date line: a line that is a date, alone or after a label
//     ("Published:", "Updated", "Posted on") or before a time ("September
//     16, 2014 12:03 ET", "Tue 16 Sep 2014 12.03 BST", "2014-09-16");
//   - a date opening a line and followed by a dash ("16 September 2014 —
//     The ...").
//
// A date inside a sentence is never taken, nor one without a year, nor
// "04/05/2014" (April or May?). A line labelled "updated" or "modified"
// gives the date only when no other line does.
func TextDate(text string) string {
	head := text
	if len(head) > textDateBytes {
		n := textDateBytes
		for n > 0 && !utf8.RuneStart(text[n]) {
			n-- // cut at a rune boundary
		}
		head = head[:n]
	}
	updated := ""
	lines := 0
	for line := range strings.Lines(head) {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if lines++; lines > textDateLines {
			break
		}
		date, label := lineDate(line)
		switch {
		case date == "":
		case isUpdateLabel(label):
			if updated == "" {
				updated = date
			}
		default:
			return date
		}
	}
	return updated
}

// lineDate returns the date a line gives (see TextDate) and the text
// before it.
func lineDate(line string) (date, prefix string) {
	// A date may start at the line's start or after a word boundary of a
	// short prefix; the prefix and the rest decide whether it is the
	// line's date.
	for i := 0; i < len(line) && i <= 80; i++ {
		if i > 0 && !startsDate(line, i) {
			continue
		}
		d, n := parseDateAt(line[i:])
		if d == "" {
			continue
		}
		prefix, rest := strings.TrimSpace(line[:i]), line[i+n:]
		if acceptDate(prefix, rest) {
			return d, prefix
		}
		// Only the first date of a line is its date.
		return "", ""
	}
	return "", ""
}

// startsDate reports whether a date may start at line[i]: after a space
// or a separator, at a letter or digit.
func startsDate(line string, i int) bool {
	c, p := line[i], line[i-1]
	if !(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') {
		return false
	}
	switch p {
	case ' ', '\t', ',', ':', '|', '(':
		return true
	}
	return false
}

// acceptDate decides whether a date found after prefix and before rest is
// the line's date.
func acceptDate(prefix, rest string) bool {
	if m := timeAfter.FindString(rest); m != "" {
		rest = rest[len(m):]
	}
	rest = strings.TrimSpace(rest)
	switch {
	case rest == "", startsDash(rest), strings.HasPrefix(rest, "|"), strings.HasPrefix(rest, "•"), strings.HasPrefix(rest, "·"):
	case agency.MatchString(rest):
		// A dateline's agency ends it: "(AP) —", "(Reuters) -".
		after := strings.TrimSpace(rest[len(agency.FindString(rest)):])
		if after != "" && !startsDash(after) && !strings.HasPrefix(after, ":") {
			return false
		}
	default:
		return false // the date is part of a sentence
	}
	switch {
	case prefix == "":
		return true
	case dateLabel.MatchString(prefix), isPlace(prefix):
		return true
	case strings.HasSuffix(prefix, "|") || strings.HasSuffix(prefix, "•") || strings.HasSuffix(prefix, "·"):
		// "Politics | 16 September 2014": a header of fields.
		return len(prefix) <= 80 && !strings.Contains(prefix, ". ")
	}
	return false
}

// isPlace reports whether prefix is a dateline's place ending with a
// comma: "WASHINGTON,", "KIEV, Ukraine,".
func isPlace(prefix string) bool {
	p, ok := strings.CutSuffix(prefix, ",")
	if !ok || p == "" || len(p) > 60 {
		return false
	}
	words := 0
	for part := range strings.SplitSeq(p, ",") {
		ws := strings.Fields(part)
		if len(ws) == 0 {
			return false
		}
		first, _ := utf8.DecodeRuneInString(ws[0])
		if first < 'A' || first > 'Z' && first < 0x80 {
			return false // each part starts with a capital
		}
		for _, w := range ws {
			if !placeWord.MatchString(w) {
				return false
			}
			words++
		}
	}
	return words <= 6
}

func startsDash(s string) bool {
	return strings.HasPrefix(s, "-") || strings.HasPrefix(s, "–") || strings.HasPrefix(s, "—")
}

func isUpdateLabel(label string) bool {
	l := strings.ToLower(label)
	return strings.Contains(l, "updated") || strings.Contains(l, "modified")
}

// parseDateAt reads a date at the start of s: it returns the date as
// YYYY-MM-DD and the bytes it took, or "" when s does not start with one.
func parseDateAt(s string) (string, int) {
	if m := dateMDY.FindStringSubmatch(s); m != nil {
		return ymd(m[3], monthNum(m[1]), m[2]), len(m[0])
	}
	if m := dateDMY.FindStringSubmatch(s); m != nil {
		return ymd(m[3], monthNum(m[2]), m[1]), len(m[0])
	}
	if m := dateISO.FindStringSubmatch(s); m != nil && m[2] == m[4] {
		return ymd(m[1], atoi(m[3]), m[5]), len(m[0])
	}
	if m := dateNum.FindStringSubmatch(s); m != nil && m[2] == m[4] {
		a, b := atoi(m[1]), atoi(m[3])
		switch {
		case m[2] == ".", a > 12 && b <= 12, a == b: // day first
			return ymd(m[5], b, m[1]), len(m[0])
		case b > 12 && a <= 12: // month first
			return ymd(m[5], a, m[3]), len(m[0])
		}
	}
	return "", 0
}

// ymd returns the date as YYYY-MM-DD when it is a real day between the
// years 1800 and 2199, else "".
func ymd(year string, month int, day string) string {
	y, d := atoi(year), atoi(day)
	if y < 1800 || y > 2199 || month < 1 || month > 12 || d < 1 {
		return ""
	}
	t := time.Date(y, time.Month(month), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d { // 31 September
		return ""
	}
	return t.Format(time.DateOnly)
}

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return n
}

// monthNum returns the month a name or abbreviation names, 1 to 12.
func monthNum(name string) int {
	name = strings.ToLower(strings.TrimSuffix(name, "."))
	if name == "sept" {
		return 9
	}
	for m := time.January; m <= time.December; m++ {
		full := strings.ToLower(m.String())
		if name == full || name == full[:3] {
			return int(m)
		}
	}
	return 0
}

// SettleDate gives d a date by the rule every reader follows, best first:
//
//  1. the date given with the document (JSON, XML or HTML metadata, a
//     feed item), d.Date as it is;
//  2. the date its text gives (TextDate);
//  3. fallback, the date the user gave for documents without one (the
//     -date flag): the user said it, so it is not assumed;
//  4. today, the day it was read: d.DateAssumed is set, since people
//     resolve to their roles on that day, which may be years after the
//     article.
//
// fallback is "" or a valid YYYY-MM-DD date.
func SettleDate(d *doc.Document, fallback string, today time.Time) {
	if d.Date != "" {
		return
	}
	if d.Date = TextDate(d.Text); d.Date != "" {
		return
	}
	if d.Date = fallback; d.Date == "" {
		d.Date, d.DateAssumed = today.Format(time.DateOnly), true
	}
}
