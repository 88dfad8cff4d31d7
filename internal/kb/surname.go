package kb

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"dyad/internal/doc"
)

// surnameFits reports whether the one-word short form of a person at
// token i is a name where it stands, not a word that is also a surname
// ("Ban on exports", "in May", "Lake Victoria", "Dwayne Johnson"). The
// rule, for every one-word short form (a list of "common words" would
// always be short of one):
//
//   - at the start of a sentence or quote, where a capital says nothing,
//     the tagger reads it as a proper noun, or it is followed by a finite
//     verb, a modal or a possessive, so it is the subject or possessor
//     ("May said", where "May" is tagged as the modal; not "Ban on
//     exports"); elsewhere its capital is the evidence ("a Trump request");
//   - the next word is not a capitalised proper noun (other than a day,
//     a month, or the first word of a dictionary phrase: "Putin Monday
//     said", "the Trump White House"): the surname is then the first part
//     of a longer name ("Johnson Controls", "Lake Chad");
//   - the word before is not a capitalised proper noun that no dictionary
//     phrase covered: the surname is then the end of someone else's name
//     ("Dwayne Johnson", "El Chapo"); titles ("President Bush", agents)
//     and Mr, Mrs, Ms, Dr are fine;
//   - a month name ("May") is no name before a number ("May 5") or after
//     a word of time ("in May", "since May", "last May", "by May").
//
// The cost, measured on the Guardian development set, is in
// docs/dictionaries.md. Untagged tokens (NoTag) are taken as names.
// prev holds the mentions found so far in the sentence.
func surnameFits(m *Matcher, txt string, toks []doc.Token, i int, prev []doc.Mention) bool {
	t := &toks[i]
	if t.Tag != doc.NoTag && !t.Tag.IsProper() && sentenceStart(toks, i) {
		if i+1 >= len(toks) {
			return false
		}
		switch toks[i+1].Tag {
		case doc.VBD, doc.VBZ, doc.MD, doc.POS:
		default:
			return false
		}
	}
	if !neighboursFit(m, txt, toks, i, i+1, prev) {
		return false
	}
	if isMonth(t.Text(txt)) {
		if i+1 < len(toks) && toks[i+1].Tag == doc.CD {
			return false
		}
		var buf [16]byte
		if i > 0 && timeWords[string(lowerASCII(toks[i-1].Text(txt), buf[:0]))] {
			return false
		}
	}
	return true
}

// neighboursFit reports whether the name in tokens [i, j) stands alone:
// the next word is not capitalised (other than a day, a month, or the
// first word of a dictionary name not a person's: "Ryan Lock", tagged a
// common noun, is someone else), and the word before is
// not a capitalised proper noun that no mention covers (other than Mr,
// Mrs, Ms, Dr).
func neighboursFit(m *Matcher, txt string, toks []doc.Token, i, j int, prev []doc.Mention) bool {
	if j < len(toks) && capitalised(toks[j].Text(txt)) {
		w := toks[j].Text(txt)
		var buf [64]byte
		if !isDay(w) && !isMonth(w) && !m.named[string(normKey(w, buf[:0]))] {
			return false
		}
	}
	if i > 0 && capitalProper(txt, &toks[i-1]) && !honorific(toks[i-1].Text(txt)) {
		for k := range prev {
			if prev[k].Last == i {
				return true
			}
		}
		return false
	}
	return true
}

// titleAcronym reports whether a phrase with an acronym rule matched a
// token written in title case ("Isis" for ISIS).
func titleAcronym(rules []caseRule, txt string, toks []doc.Token) bool {
	for k, r := range rules {
		if r.base() == acronym && hasLower(toks[k].Text(txt)) {
			return true
		}
	}
	return false
}

// sentenceStart reports whether token i starts its sentence or a quote,
// where a capital says nothing.
func sentenceStart(toks []doc.Token, i int) bool {
	if i == 0 {
		return true
	}
	switch toks[i-1].Tag {
	case doc.LQuote, doc.LRB, doc.Colon:
		return true
	}
	return false
}

// capitalProper reports whether t is written with a capital and tagged as
// a proper noun.
func capitalProper(txt string, t *doc.Token) bool {
	w := stripArticle(t.Text(txt))
	return t.Tag.IsProper() && w != "" && w[0] >= 'A' && w[0] <= 'Z'
}

func capitalised(w string) bool {
	w = stripArticle(w)
	if w == "" {
		return false
	}
	if c := w[0]; c < utf8.RuneSelf {
		return c >= 'A' && c <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func honorific(w string) bool {
	switch strings.TrimSuffix(w, ".") { // no allocation: a substring
	case "Mr", "Mrs", "Ms", "Miss", "Dr", "Mme", "Herr", "Frau":
		return true
	}
	return false
}

var months = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
}

var days = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
}

func isDay(w string) bool {
	var buf [16]byte
	return len(w) <= 9 && days[string(lowerASCII(w, buf[:0]))]
}

func isMonth(w string) bool {
	var buf [16]byte
	return len(w) <= 9 && months[string(lowerASCII(w, buf[:0]))]
}

// lowerASCII appends w with ASCII capitals lowered, without allocating
// (a map index of string(b) does not copy).
func lowerASCII(w string, dst []byte) []byte {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// timeWords come before a month named as a time ("in May").
var timeWords = map[string]bool{
	"in": true, "since": true, "until": true, "till": true, "by": true, "from": true, "through": true,
	"during": true, "before": true, "after": true, "of": true, "last": true, "next": true, "this": true,
	"early": true, "late": true, "that": true, "mid": true, "mid-": true, "throughout": true, "on": true, "to": true,
	"between": true, "and": true, "or": true, "each": true, "every": true,
}
