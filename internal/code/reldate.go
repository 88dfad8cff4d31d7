package code

import (
	"strings"
	"time"

	"dyad/internal/clause"
	"dyad/internal/doc"
)

// dayRef is a relative day expression of a sentence ("on Monday", "last
// Tuesday", "yesterday"): tokens [first, last) and the day it names.
type dayRef struct {
	first, last int
	date        string // YYYY-MM-DD
}

// weekdays maps the names of the days to time.Weekday.
var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

// dayWords may stand, capitalised, before a day's name in a time
// expression ("On Monday", "Last Tuesday", "Early Sunday"); another
// capitalised word before it makes a name ("Black Friday", "Good
// Friday", "Super Tuesday").
var dayWords = map[string]bool{
	"on": true, "last": true, "since": true, "by": true, "until": true, "till": true,
	"from": true, "early": true, "late": true, "and": true, "or": true, "between": true,
	"before": true, "after": true, "through": true, "to": true,
}

// dayRefs finds the relative day expressions of sentence s and resolves
// them against the document's date, date:
//
//   - "today", "tonight", "this morning" (afternoon, evening): date;
//   - "yesterday", "last night": the day before; "the day before
//     yesterday": two days before;
//   - a day's name ("Monday", "on Monday", "Monday's talks"): the most
//     recent such day on or before date; "last Monday": the most recent
//     before it.
//
// Forward references ("next Monday", "this coming Monday", "tomorrow")
// and names that hold a day ("Black Friday", "the Sunday Times") are
// left out: a coded event has happened, or is said to have.
func dayRefs(text string, s doc.Sentence, date time.Time) []dayRef {
	toks := s.Tokens
	word := func(i int) string {
		if i < 0 || i >= len(toks) {
			return ""
		}
		return strings.ToLower(toks[i].Text(text))
	}
	capital := func(i int) bool {
		w := toks[i].Text(text)
		return w != "" && w[0] >= 'A' && w[0] <= 'Z'
	}
	day := func(n int) string { return date.AddDate(0, 0, n).Format(time.DateOnly) }
	var refs []dayRef
	for i := range toks {
		switch w := word(i); w {
		case "today", "tonight":
			refs = append(refs, dayRef{i, i + 1, day(0)})
		case "morning", "afternoon", "evening":
			if word(i-1) == "this" {
				refs = append(refs, dayRef{i - 1, i + 1, day(0)})
			}
		case "night":
			if word(i-1) == "last" {
				refs = append(refs, dayRef{i - 1, i + 1, day(-1)})
			}
		case "yesterday":
			if word(i-1) == "before" && word(i-2) == "day" && word(i-3) == "the" {
				refs = append(refs, dayRef{i - 3, i + 1, day(-2)})
			} else {
				refs = append(refs, dayRef{i, i + 1, day(-1)})
			}
		default:
			wd, ok := weekdays[w]
			if !ok {
				continue
			}
			prev := word(i - 1)
			switch {
			case prev == "next", prev == "coming", prev == "this", prev == "the", prev == "a", prev == "every":
				continue
			case i > 0 && capital(i-1) && !dayWords[prev]:
				continue // "Black Friday", "Super Tuesday"
			}
			back := (int(date.Weekday()) - int(wd) + 7) % 7 // 0..6: on or before
			first := i
			if prev == "on" {
				first = i - 1
			}
			if prev == "last" {
				first = i - 1
				if back == 0 {
					back = 7 // strictly before
				}
			}
			refs = append(refs, dayRef{first, i + 1, day(-back)})
		}
	}
	return refs
}

// eventDate returns the date of an event whose verb is token head of the
// sentence, with modality m: the day named by a relative expression of the
// verb's clause (nearest the verb, after it on a tie), else the
// document's date. An expression is in another clause when a clause bound
// stands between it and the verb (see bound): "Khamenei said Monday that
// the US offered" does not date the offer, "Iran refused, said Khamenei,
// who on Monday had left hospital" not the refusal.
//
// Only a known document date resolves them (not an assumed one), and only
// for an asserted event: "will meet on Monday" means a Monday to come.
func (sc *sentenceCoder) eventDate(head int, m clause.Modality) string {
	if sc.d.DateAssumed || m != clause.Asserted {
		return sc.d.Date
	}
	if !sc.refsDone {
		sc.refsDone = true
		if date, err := time.Parse(time.DateOnly, sc.d.Date); err == nil {
			sc.refs = dayRefs(sc.d.Text, sc.s, date)
		}
	}
	date, best := sc.d.Date, -1
	for _, r := range sc.refs {
		// Twice the tokens between verb and expression, one more before
		// the verb: a tie goes to the one after it.
		var score int
		if r.last <= head {
			if sc.bound(r.last, head) {
				continue
			}
			score = 2*(head-r.last) + 1
		} else {
			if sc.bound(head+1, r.first) {
				continue
			}
			score = 2 * (r.first - head - 1)
		}
		if best < 0 || score < best {
			date, best = r.date, score
		}
	}
	return date
}

// boundWords open a clause or end one; a comma does not ("On Monday,
// Iran refused").
var boundWords = map[string]bool{
	";": true, ":": true, "--": true, "—": true, "–": true, "\"": true, "“": true, "”": true,
	"that": true, "which": true, "who": true, "whom": true, "whose": true, "when": true,
	"while": true, "where": true, "because": true, "although": true, "but": true, "and": true,
}

// bound reports whether tokens [from, to) of the sentence hold a clause
// bound: a word or mark of boundWords, or the verb of another predicate.
func (sc *sentenceCoder) bound(from, to int) bool {
	for i := from; i < to; i++ {
		if boundWords[strings.ToLower(sc.s.Tokens[i].Text(sc.d.Text))] {
			return true
		}
	}
	for _, pr := range sc.p.Preds {
		if pr.Head >= from && pr.Head < to {
			return true
		}
	}
	return false
}
