package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"dyad/internal/doc"
)

// Lemmatizer gives the dictionary forms of words, following the conventions
// of the LEMMA column of the UD English treebanks: verbs and nouns lose
// their inflection (found -> find, countries -> country), comparatives
// become their positive (bigger -> big, best -> good), pronouns their
// nominative (them -> they), and every word but a proper noun is lowercased.
// Proper nouns keep their case; NNPS only loses its plural (Americans ->
// American).
//
// A Lemmatizer is not safe for concurrent use: it owns an arena that the
// lemmas it builds are written into. Use one per worker. The tables it reads
// are compiled once and shared read-only by all Lemmatizers.
type Lemmatizer struct {
	t *lemmaTables

	// arena holds the lemmas that are neither a substring of their word nor
	// a table constant, such as "refuse" for "Refused" or "country" for
	// "countries". Invariant: bytes in arena[:len(arena)] have been handed
	// out inside returned strings and are never written again. New lemmas
	// are only appended past len(arena); when a lemma does not fit in the
	// remaining capacity a fresh chunk is allocated and the old one is left
	// alone, kept alive by the strings that point into it.
	arena []byte

	// cache remembers recently built lemmas by hash, so that a word that
	// recurs ("Countries", "Refused") costs arena space only once in a while:
	// it cuts the arena's growth over the EWT test corpus from 5.8 KB to
	// 2.5 KB a pass (BenchmarkLemmaCorpus), at no measurable cost in time.
	cache [lemmaCacheSize]string
}

const (
	// lemmaArenaChunk is the size of one arena chunk. At about 6 bytes per
	// built lemma, a chunk serves a thousand or so of them.
	lemmaArenaChunk = 8 << 10
	lemmaCacheSize  = 512 // a power of two
)

// NewLemmatizer returns a Lemmatizer over the shared, embedded tables.
func NewLemmatizer() *Lemmatizer {
	return &Lemmatizer{t: lemmaData()}
}

// Lemma returns the dictionary form of word, whose Penn tag is tag.
//
// The result is a substring of word when the lemma is a prefix of it (and
// word is already lowercase), a shared table constant for irregular forms
// and common words, and otherwise a string in the Lemmatizer's arena. In
// steady state Lemma allocates nothing: BenchmarkLemma measures 45-70 ns
// and 0 allocations a token on a shared 2-core machine; the arena takes a
// new 8 KB chunk every three passes or so over the 25,000 tokens of EWT test.
func (l *Lemmatizer) Lemma(word string, tag doc.Tag) string {
	if word == "" {
		return word
	}
	if tag >= doc.NumTags {
		tag = doc.NoTag // not a tag: lowercase only
	}
	switch tag {
	case doc.NNP, doc.ADD, doc.GW, doc.LS, doc.Dollar:
		return word
	case doc.Period, doc.Comma, doc.Colon, doc.LQuote, doc.RQuote, doc.LRB,
		doc.RRB, doc.Hash, doc.HYPH, doc.NFP, doc.SYM:
		return punctLemma(word)
	}
	var buf [64]byte
	w, changed := lemmaFold(buf[:0], word)
	t := l.t

	// A form listed for this tag wins over every rule.
	if m := t.byTag[tag]; m != nil {
		if s, ok := m[string(w)]; ok {
			if tag == doc.NNPS {
				return l.apply(word, w, changed, lemmaEdit{0, s}, true)
			}
			return s
		}
	}

	var e lemmaEdit
	keepCase := false
	if tag.IsNoun() && lemmaHasDigit(word) {
		if n := len(w); tag == doc.NNS && n > 2 && w[n-2] == '\'' && w[n-1] == 's' {
			return l.finish(append(w[:n-2], 's')) // 1980's -> 1980s
		}
		return word // a code or a decade: EB3326, 01-Feb-02, 1960s
	}
	switch tag {
	case doc.NNS, doc.VBZ, doc.VBG, doc.VBD, doc.VBN, doc.JJR, doc.RBR, doc.JJS, doc.RBS:
		e = t.inflected(w, tag)
	case doc.NNPS:
		e = t.inflected(w, tag)
		keepCase = true
	case doc.JJ:
		if s, ok := t.properAdj(word, w); ok {
			return s
		}
		e = keepWord(w)
	case doc.NN:
		if len(word) == 1 && lemmaUpper(word[0]) {
			return word // a letter used as a name: "plan B", "vitamin D"
		}
		e = keepWord(w)
	case doc.CD:
		if s, ok := l.number(word, w); ok {
			return s
		}
		e = keepWord(w)
	default:
		e = keepWord(w)
	}
	return l.apply(word, w, changed, e, keepCase)
}

// apply materialises the edit e of the folded word w. With keepCase the edit is
// applied to word itself, so that a proper noun keeps its capitals.
func (l *Lemmatizer) apply(word string, w []byte, changed bool, e lemmaEdit, keepCase bool) string {
	// Move the common prefix of e.add and w into e.n, so that a lemma that
	// is a prefix of the word becomes a plain substring.
	for e.n < len(w) && len(e.add) > 0 && w[e.n] == e.add[0] {
		e.n++
		e.add = e.add[1:]
	}
	if e.n == 0 && e.add == "" {
		e = keepWord(w) // never return an empty lemma
	}
	if keepCase && len(word) == len(w) {
		if e.add == "" {
			return word[:e.n]
		}
		b := append(w[:0], word[:e.n]...)
		return l.finish(append(b, e.add...))
	}
	if e.n == 0 {
		return e.add // a table constant
	}
	if e.add == "" && !changed {
		return word[:e.n]
	}
	return l.finish(append(w[:e.n], e.add...))
}

// finish returns b as a string: a shared constant when the tables know it,
// a recently built copy from the cache, or a new copy in the arena.
func (l *Lemmatizer) finish(b []byte) string {
	if s, ok := l.t.intern[string(b)]; ok {
		return s
	}
	h := uint32(2166136261) // FNV-1a
	for _, c := range b {
		h = (h ^ uint32(c)) * 16777619
	}
	slot := &l.cache[h&(lemmaCacheSize-1)]
	if *slot == string(b) {
		return *slot
	}
	s := l.save(b)
	*slot = s
	return s
}

// save copies b into the arena and returns the copy. It only appends: see
// the invariant on Lemmatizer.arena.
func (l *Lemmatizer) save(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if len(b) > cap(l.arena)-len(l.arena) {
		l.arena = make([]byte, 0, max(lemmaArenaChunk, len(b)))
	}
	start := len(l.arena)
	l.arena = append(l.arena, b...)
	return unsafe.String(&l.arena[start], len(b))
}

// number gives the lemma of a cardinal whose lemma is not its lowercase
// form: "1,993,045" -> "1993045", and Roman numerals, which keep their case.
func (l *Lemmatizer) number(word string, w []byte) (string, bool) {
	digits, commas, roman := 0, 0, 0
	for i := 0; i < len(word); i++ {
		switch c := word[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == ',':
			commas++
		case strings.IndexByte("IVXLCDM", c) >= 0:
			roman++
		case c == '.':
		default:
			return "", false
		}
	}
	switch {
	case roman == len(word):
		return word, true // II, XVII
	case commas > 0 && digits > 0 && roman == 0:
		b := w[:0]
		for i := 0; i < len(word); i++ {
			if word[i] != ',' {
				b = append(b, word[i])
			}
		}
		return l.finish(b), true
	}
	return "", false
}

// properAdj gives the lemma of an adjective that keeps a capital: one of
// [proper-adj] (Iraqi, Chinese; "irish" -> Irish), a capitalised word with
// the ending of one (-ese, -i: Congolese, Bahraini; -an and -ish are too
// common in other adjectives to guess from), or one built on a proper name
// (pro-Beijing, anti-American).
func (t *lemmaTables) properAdj(word string, w []byte) (string, bool) {
	for i := 1; i+1 < len(word); i++ {
		if word[i] == '-' && lemmaUpper(word[i+1]) {
			return word, true
		}
	}
	if s, ok := t.properAdjs[string(w)]; ok && lemmaUpper(s[0]) {
		return s, true
	}
	if len(word) < 2 || !lemmaUpper(word[0]) || lemmaUpper(word[1]) {
		return "", false // lowercase, or all capitals (as in a shouted headline)
	}
	if _, ok := t.properAdjs[string(w)]; ok {
		return word, true // Democratic
	}
	n := len(w)
	if n >= 6 && string(w[n-3:]) == "ese" {
		return word, true // Chinese, Lebanese
	}
	return word, n >= 5 && w[n-1] == 'i' && !lemmaIsVowel(w[n-2]) // Iraqi, Israeli
}

// punctLemma folds typographic quotes and the en dash to their ASCII forms,
// as the treebanks do.
func punctLemma(word string) string {
	switch word {
	case "“", "”", "„":
		return `"`
	case "‘", "’":
		return "'"
	case "‘’", "’’":
		return "''"
	case "–":
		return "-"
	}
	return word
}

// lemmaFold appends the lowercase form of word to dst, with typographic
// apostrophes and the backtick written as ', and reports whether the result
// differs from word. ASCII takes the fast path; other letters are lowered
// with Unicode rules, and invalid UTF-8 is copied as it is.
func lemmaFold(dst []byte, word string) ([]byte, bool) {
	changed := false
	for i := 0; i < len(word); i++ {
		c := word[i]
		switch {
		case c >= utf8.RuneSelf:
			return lemmaFoldRest(dst, word, i, changed)
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
			changed = true
		case c == '`':
			c = '\''
			changed = true
		}
		dst = append(dst, c)
	}
	return dst, changed
}

// lemmaFoldRest is lemmaFold's path for non-ASCII text, from byte i on.
func lemmaFoldRest(dst []byte, word string, i int, changed bool) ([]byte, bool) {
	for i < len(word) {
		c := word[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
				changed = true
			} else if c == '`' {
				c = '\''
				changed = true
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(word[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			dst = append(dst, c)
		case r == '’' || r == '‘' || r == 'ʼ' || r == '´' || r == '′':
			dst = append(dst, '\'')
			changed = true
		default:
			if lr := unicode.ToLower(r); lr != r {
				dst = utf8.AppendRune(dst, lr)
				changed = true
			} else {
				dst = append(dst, word[i:i+size]...)
			}
		}
		i += size
	}
	return dst, changed
}

func lemmaHasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if '0' <= s[i] && s[i] <= '9' {
			return true
		}
	}
	return false
}

func lemmaUpper(c byte) bool { return 'A' <= c && c <= 'Z' }
