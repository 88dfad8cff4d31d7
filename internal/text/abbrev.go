package text

// Word lists for the tokenizer and the sentence splitter, written for dyad
// from general knowledge of English news style. Each list is a switch over a
// lower-cased copy of the word held in a stack buffer: Go compiles a string
// switch into a binary search, so a look-up costs a few comparisons and
// allocates nothing. Look-ups happen once per candidate period, line break
// or closing quote, never per character.

// lowerBuf holds a lower-cased copy of a short ASCII word.
type lowerBuf [16]byte

// lower returns word lower-cased in buf, or false when the word is longer
// than the buffer or holds a byte outside ASCII (no list entry does).
func (buf *lowerBuf) lower(word string) ([]byte, bool) {
	if len(word) > len(buf) {
		return nil, false
	}
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c >= 0x80 {
			return nil, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return buf[:len(word)], true
}

// abbrevKind tells whether word (without its final period) is an
// abbreviation that keeps its period, and how the splitter treats it:
//
//   - kAbbrTitle: precedes a name or a number (Mr., Gen., Sec., No. 5) and
//     never ends a sentence;
//   - kAbbrInner: only ever inside a sentence (e.g., vs., approx.);
//   - kAbbr: may end a sentence (U.S., Inc., Jan., a.m.): it does when the
//     next word is a common sentence starter;
//   - kAbbrFinal: usually ends a sentence when a capitalised word follows
//     (etc., et al.).
//
// It returns kNone for any other word. beforeDigit reports whether a digit
// follows the period, which makes No./Art./Vol. abbreviations. Titles and
// months count only when capitalised (“Sec.” is Secretary; “sec.” is not).
func abbrevKind(word string, beforeDigit bool) kind {
	var buf lowerBuf
	b, ok := buf.lower(word)
	if !ok || len(b) == 0 {
		return kNone
	}
	capital := 'A' <= word[0] && word[0] <= 'Z'
	switch string(b) {
	// Titles before a name.
	case "mr", "mrs", "ms", "messrs", "mme", "mlle", "dr", "drs", "prof",
		"rev", "revd", "hon", "pres", "sec", "secy", "gov", "govs", "sen",
		"sens", "rep", "reps", "gen", "gens", "lt", "col", "cols", "maj",
		"capt", "cpt", "sgt", "cpl", "pvt", "pte", "adm", "cmdr", "cdr",
		"comdr", "brig", "lieut", "insp", "supt", "det", "atty", "amb",
		"fr", "msgr", "mt", "ft", "sheik", "rt", "cmdt":
		if capital {
			return kAbbrTitle
		}
	// Before a number only: No. 10, Art. 5, Vol. 2.
	case "no", "nos", "nr", "art", "arts", "vol", "vols", "fig", "figs",
		"pp", "ch", "chap", "sect", "para", "op", "ex":
		if beforeDigit {
			return kAbbrTitle
		}
	// Months (not May, June, July) and weekdays, capitalised.
	case "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
		"oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur",
		"thurs", "fri":
		if capital {
			return kAbbr
		}
	// Company and name suffixes, places, departments: may end a sentence.
	case "inc", "corp", "co", "cos", "ltd", "llc", "bros", "jr", "sr",
		"st", "ste", "ave", "blvd", "rd", "hwy", "dept", "depts", "univ",
		"assn", "intl", "natl", "govt", "est", "a.m", "p.m", "u.s", "u.k",
		"u.n", "ph.d", "d.c":
		return kAbbr
	// Lower-case Latin and short forms that sit inside a sentence.
	case "e.g", "i.e", "vs", "cf", "viz", "approx", "incl", "esp", "resp",
		"a.k.a", "min", "max", "ca", "var", "ed", "eds", "trans":
		if !capital || string(b) == "vs" {
			return kAbbrInner
		}
	case "v":
		if !capital {
			return kAbbrInner // Roe v. Wade
		}
	case "etc", "al":
		return kAbbrFinal
	}
	return kNone
}

// isStarter reports whether a capitalised word commonly begins a sentence in
// news. After an ambiguous abbreviation (“in the U.S. He said”) or an
// ellipsis, such a word decides for a boundary; any other capitalised word
// (“U.S. Army”, “George W. Bush”) does not.
func isStarter(word string) bool {
	var buf lowerBuf
	b, ok := buf.lower(word)
	if !ok {
		return false
	}
	switch string(b) {
	case "a", "an", "the", "this", "that", "these", "those", "there", "here",
		"he", "she", "it", "they", "we", "i", "you", "his", "her", "its",
		"their", "our", "my", "your", "one", "some", "many", "most", "all",
		"both", "each", "every", "no", "none", "not", "nor", "neither",
		"either", "such", "other", "others", "another", "several", "few",
		"much", "more", "less", "any", "and", "but", "or", "so", "yet",
		"however", "meanwhile", "moreover", "nevertheless", "nonetheless",
		"still", "also", "then", "now", "later", "earlier", "today",
		"yesterday", "tomorrow", "last", "next", "in", "on", "at", "for",
		"with", "from", "by", "of", "to", "after", "before", "during",
		"since", "until", "while", "when", "where", "what", "who", "whom",
		"whose", "why", "how", "which", "if", "as", "although", "though",
		"because", "despite", "under", "over", "among", "amid", "against",
		"according", "asked", "instead", "indeed", "thus", "therefore",
		"even", "only", "just", "perhaps", "maybe", "yes", "well", "once",
		"two", "three", "four", "five", "six", "seven", "eight", "nine",
		"ten", "mr", "mrs", "ms", "is", "are", "was", "were", "do", "does",
		"did", "has", "have", "had", "will", "would", "can", "could",
		"should", "may", "might", "must", "let", "please", "sources",
		"officials", "analysts", "critics", "residents", "witnesses",
		"separately", "similarly", "likewise",
		"finally", "further", "furthermore",
		"overall", "elsewhere", "currently", "recently", "already":
		return true
	}
	return false
}

// isConnecting reports whether a lower-case word at the end of a line shows
// that the sentence goes on in the next line (“talks with\nIran”).
func isConnecting(word string) bool {
	var buf lowerBuf
	b, ok := buf.lower(word)
	if !ok {
		return false
	}
	switch string(b) {
	case "a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on",
		"at", "by", "for", "with", "from", "into", "onto", "upon", "about",
		"after", "before", "between", "against", "during", "over", "under",
		"via", "per", "than", "as", "that", "which", "who", "whom", "whose",
		"is", "are", "was", "were", "be", "been", "being", "has", "have",
		"had", "will", "would", "could", "should", "may", "might", "must",
		"can", "shall", "do", "does", "did", "its", "his", "her", "their",
		"our", "your", "my", "this", "these", "those", "said", "says",
		"told", "not", "also", "if", "when", "while", "where", "whether",
		"because", "since", "although", "though", "so", "such", "both",
		"either", "neither", "any", "some", "all", "each", "every", "no",
		"more", "most", "very", "up", "out", "off", "down", "near", "among",
		"amid", "across", "through", "throughout", "without", "within",
		"including", "according", "towards", "toward", "like",
		"until", "despite", "around", "behind", "beyond", "along":
		return true
	}
	return false
}

// speechVerb tells whether a lower-case word is a verb of saying, as in
// “Why?” Kerry asked. After a question or exclamation closed by a quotation
// mark, a capitalised name followed by such a verb continues the sentence.
// clause is true for verbs that also take a reported clause (said, added):
// then what follows decides (“Stop!” Kerry said Iran had ... is two
// sentences).
func speechVerb(word string) (ok, clause bool) {
	var buf lowerBuf
	b, ok := buf.lower(word)
	if !ok {
		return false, false
	}
	switch string(b) {
	case "said", "says", "added", "adds", "wrote", "writes", "insisted",
		"insists", "continued", "explained", "noted", "recalled", "recalls",
		"warned", "warns", "declared", "tweeted", "answered", "replied",
		"replies":
		return true, true
	case "asked", "asks", "told", "tells", "shouted", "shouts", "exclaimed",
		"wondered", "wonders", "demanded", "demands", "cried", "yelled",
		"quipped", "chanted", "screamed", "joked", "pleaded", "begged":
		return true, false
	}
	return false, false
}

// isClauseStart reports whether a lower-case word after a speech verb opens
// a reported clause (said that ..., said they ...).
func isClauseStart(word string) bool {
	switch word {
	case "that", "he", "she", "it", "they", "we", "i", "you", "there",
		"this", "these", "those", "the", "his", "her", "its", "their", "our",
		"if", "whether", "how", "why", "what", "when":
		return true
	}
	return false
}

// isTLD reports whether the lower-case segment after a period is a common
// top-level or second-level domain label, so that “Amazon.com” and
// “bbc.co.uk” stay one token while “Syria.The” (a missing space) splits.
func isTLD(seg string) bool {
	switch seg {
	case "com", "org", "net", "gov", "edu", "mil", "int", "info", "io",
		"co", "uk", "us", "eu", "fr", "de", "ru", "ir", "iq", "sy", "tr",
		"il", "ps", "sa", "ae", "qa", "lb", "jo", "eg", "ly", "af", "pk",
		"cn", "jp", "au", "ca", "ch", "nl", "es", "it", "tv", "biz", "ac",
		"ua", "kr", "ng", "ke", "za", "ye", "kw", "bh", "om",
		"se", "dk", "fi", "pl", "gr", "ie", "nz", "br", "mx", "in", "sg",
		"hk", "tw", "ph", "th", "vn", "bd", "lk", "tn", "dz", "sd":
		return true
	}
	return false
}
