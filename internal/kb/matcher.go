package kb

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"dyad/internal/doc"
	"dyad/internal/text"
)

// Entry is one meaning of a dictionary phrase: what a mention of it codes.
type Entry struct {
	Kind    doc.MentionKind
	Code    string // actor code: "IRN", "IGOUNO", "IMGISL"; for an agent its sector ("GOV")
	Country string // ISO 3166-1 alpha-3, "" for non-state and international actors
	Sector  string // role code for agents and sector-bearing organisations
	ID      string // the entry's key in its file (a person's or organisation's id)
	File    string // where the entry was defined, for --explain and errors
	Line    int
	// From and To bound the days the entry applies on (YYYY-MM-DD, both
	// included; "" is open): the date restrictions of TABARI/PETRARCH
	// actor codes ("[USAGOV 20090120-20170120]"). Both "" for an entry
	// that always applies.
	From, To string
	// Affix is set for TABARI/PETRARCH agents: how their code joins the
	// actor's.
	Affix doc.Affix
	// Exact phrases match only as written, not through a noun's lemma:
	// TABARI/PETRARCH files list their plurals ("POLICE {}" has none, so
	// "polices" is not police).
	Exact bool
}

// caseRule says how a token of a phrase must be written in the text.
type caseRule uint8

const (
	anyCase   caseRule = iota // "president" matches President, PRESIDENT
	capital                   // "Turkey" needs a capital: not "turkey"
	exactCase                 // "US", "IS": all capitals, written so
	acronym                   // "ISIS", "NATO": all capitals, or title case read as a proper noun ("Isis")

	// needArticle, added to a rule, asks for the article the phrase word
	// has ("al-Mayadeen", the channel, is not "Mayadeen", the town); a
	// word of the text may have an article its phrase word lacks
	// ("al-Gaddafi" is "Gaddafi").
	needArticle caseRule = 0x80
)

// base is the rule without needArticle.
func (r caseRule) base() caseRule { return r &^ needArticle }

// ruleOf returns the rule of a phrase word, read without its article
// ("al-Assad" needs the capital of "Assad").
func ruleOf(tok string) caseRule {
	if core := stripArticle(tok); core != tok {
		return ruleOf(core) | needArticle
	}
	r, _ := utf8.DecodeRuneInString(tok)
	if !unicode.IsUpper(r) {
		return anyCase
	}
	letters, upper := 0, 0
	for _, r := range tok {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	switch {
	case letters >= 4 && upper == letters:
		return acronym
	case letters >= 2 && upper == letters:
		return exactCase
	}
	return capital
}

// ok reports whether token t of txt is written as the rule wants.
func (r caseRule) ok(txt string, t *doc.Token) bool {
	w := t.Text(txt)
	tok := stripArticle(w)
	if r&needArticle != 0 && tok == w {
		return false
	}
	switch r.base() {
	case capital:
		c, _ := utf8.DecodeRuneInString(tok)
		return unicode.IsUpper(c)
	case exactCase:
		return !hasLower(tok)
	case acronym:
		if !hasLower(tok) {
			return true
		}
		c, size := utf8.DecodeRuneInString(tok)
		return unicode.IsUpper(c) && !hasUpper(tok[size:]) && (t.Tag == doc.NoTag || t.Tag.IsProper())
	}
	return true
}

func hasLower(s string) bool {
	for _, c := range s {
		if unicode.IsLower(c) {
			return true
		}
	}
	return false
}

func hasUpper(s string) bool {
	for _, c := range s {
		if unicode.IsUpper(c) {
			return true
		}
	}
	return false
}

// phrase is one dictionary phrase with the entry it codes.
type phrase struct {
	entry   int32
	rules   []caseRule
	lemma   bool // matched through a lemma: a plural of the written form
	exact   bool // never matched through a lemma (Entry.Exact)
	surname bool // a person's one-word short form: see surnameFits
	short   bool // a person's short form (AddSurname), dated by settleShared
}

type node struct {
	next    map[string]int32
	phrases []phrase
}

// Matcher finds dictionary phrases in tagged sentences: a trie over
// normalised tokens, compiled once and read-only after, so it is safe to
// share between goroutines.
type Matcher struct {
	nodes   []node
	entries []Entry
	phrases int
	// named holds the first words (keys) of phrases that start with a
	// capital (not acronyms) and are not people: the names a surname may stand before
	// ("the Trump White House"), for surnameFits.
	named map[string]bool
}

// NewMatcher returns an empty Matcher; add phrases with Add.
func NewMatcher() *Matcher { return &Matcher{nodes: []node{{}}} }

// Len returns the number of phrases added.
func (m *Matcher) Len() int { return m.phrases }

// Entries returns the entries, indexed as Match reports them.
func (m *Matcher) Entries() []Entry { return m.entries }

// Add adds a phrase meaning e. The phrase is tokenized as text is; each
// token must be written in the text as in the phrase when it has capitals
// ("Turkey" needs its capital, "US" all of them), in any case otherwise.
func (m *Matcher) Add(p string, e Entry) error { return m.addVariants(p, e, false) }

// AddSurname adds a person's short form meaning e. A one-word short form
// ("May", "Ban", "Johnson") matches only where the words around it make it
// a name (surnameFits); a longer one ("Sheikh Tamim") as Add.
func (m *Matcher) AddSurname(p string, e Entry) error { return m.addVariants(p, e, true) }

// addVariants adds p and, when a word of it has a hyphen ("Ki-moon",
// "Boutros-Ghali"), p with those words written apart ("Ki moon").
func (m *Matcher) addVariants(p string, e Entry, surname bool) error {
	if err := m.add(p, e, surname); err != nil {
		return err
	}
	if v, ok := hyphensApart(p); ok {
		return m.add(v, e, surname)
	}
	return nil
}

// hyphensApart returns p with the hyphens inside its words (not an
// article's: "al-Assad" folds by stripArticle) turned into spaces.
func hyphensApart(p string) (string, bool) {
	var b []byte
	changed := false
	for _, t := range text.Tokenize(p) {
		w := t.Text(p)
		core := stripArticle(w)
		start := int(t.Start) + len(w) - len(core)
		for i := 1; i+1 < len(core); i++ {
			if core[i] == '-' && isLetterByte(core[i-1]) && isLetterByte(core[i+1]) {
				if b == nil {
					b = []byte(p)
				}
				b[start+i] = ' '
				changed = true
			}
		}
	}
	return string(b), changed
}

func (m *Matcher) add(p string, e Entry, surname bool) error {
	toks := text.Tokenize(p)
	if len(toks) == 0 {
		return fmt.Errorf("empty phrase")
	}
	ph := phrase{entry: int32(len(m.entries)), rules: make([]caseRule, len(toks)), exact: e.Exact, surname: surname && len(toks) == 1, short: surname}
	m.entries = append(m.entries, e)
	n := int32(0)
	var buf [64]byte
	for i, t := range toks {
		w := t.Text(p)
		ph.rules[i] = ruleOf(w)
		key := string(normKey(w, buf[:0]))
		if i == 0 && ph.rules[0].base() == capital && e.Kind != doc.Person {
			if m.named == nil {
				m.named = map[string]bool{}
			}
			m.named[key] = true
		}
		next, ok := m.nodes[n].next[key]
		if !ok {
			next = int32(len(m.nodes))
			m.nodes = append(m.nodes, node{})
			if m.nodes[n].next == nil {
				m.nodes[n].next = map[string]int32{}
			}
			m.nodes[n].next[key] = next
		}
		n = next
	}
	m.nodes[n].phrases = append(m.nodes[n].phrases, ph)
	m.phrases++
	m.settleAcronyms(n)
	return nil
}

// settleAcronyms keeps an acronym's title-case spelling for the acronym
// alone: when the same word is also a phrase written in title or lower
// case ("SADR", Western Sahara, and "Sadr", Muqtada al-Sadr), the acronym
// matches in capitals only.
func (m *Matcher) settleAcronyms(n int32) {
	ps := m.nodes[n].phrases
	worded := false
	for _, ph := range ps {
		if r := ph.rules[len(ph.rules)-1].base(); r == capital || r == anyCase {
			worded = true
		}
	}
	if !worded {
		return
	}
	for i := range ps {
		if k := len(ps[i].rules) - 1; ps[i].rules[k].base() == acronym {
			ps[i].rules[k] = exactCase | ps[i].rules[k]&needArticle
		}
	}
}

// keyOf returns the trie path of a phrase as one string.
func (m *Matcher) keyOf(p string) string {
	var b []byte
	for i, t := range text.Tokenize(p) {
		if i > 0 {
			b = append(b, ' ')
		}
		b = normKey(t.Text(p), b)
	}
	return string(b)
}

// nodeOf returns the trie node of a phrase added before.
func (m *Matcher) nodeOf(p string) (int32, bool) {
	n := int32(0)
	var buf [64]byte
	for _, t := range text.Tokenize(p) {
		next, ok := m.nodes[n].next[string(normKey(t.Text(p), buf[:0]))]
		if !ok {
			return 0, false
		}
		n = next
	}
	return n, true
}

// dropShort removes the short-form phrases of node n (settleShared adds
// them again with their days).
func (m *Matcher) dropShort(n int32) {
	ps := m.nodes[n].phrases
	kept := ps[:0]
	for _, ph := range ps {
		if !ph.short {
			kept = append(kept, ph)
		}
	}
	m.phrases -= len(ps) - len(kept)
	m.nodes[n].phrases = kept
}

// Match appends to dst the mentions in one sentence: at each token the
// longest phrase that starts there and whose case rules hold, then on
// after it. A token matches a phrase token by its written form or, for
// nouns, by its lemma ("officials" matches "official"); with the same
// length, a written-form match wins. Each entry of the phrase gives one
// mention (a phrase may have several meanings).
func (m *Matcher) Match(txt string, toks []doc.Token, dst []doc.Mention) []doc.Mention {
	w := walker{m: m, txt: txt, toks: toks}
	base := len(dst)
	for i := 0; i < len(toks); {
		w.start, w.best, w.bestLen, w.bestLemma, w.bestExtra = i, -1, 0, true, 0
		w.walk(0, i, false, 0)
		if w.best < 0 {
			i++
			continue
		}
		j := i + w.bestLen
		here := len(dst)
		for _, ph := range m.nodes[w.best].phrases {
			if len(ph.rules) != j-i+w.bestExtra || w.bestExtra == 0 && !rulesHold(ph.rules, txt, toks[i:j]) || ph.exact && w.bestLemma {
				continue
			}
			if ph.surname && !surnameFits(m, txt, toks, i, dst[base:]) {
				continue
			}
			if titleAcronym(ph.rules, txt, toks[i:j]) && !neighboursFit(m, txt, toks, i, j, dst[base:]) {
				continue // "Martin Amis", "Medical Care and Relief"
			}
			e := &m.entries[ph.entry]
			if emitted(dst[here:], e) {
				continue // one meaning written twice ("Traore", "Traoré")
			}
			dst = append(dst, doc.Mention{
				Span:  doc.Span{Start: int(toks[i].Start), End: int(toks[j-1].End)},
				First: i, Last: j,
				Kind: e.Kind, Code: e.Code, Country: e.Country, Sector: e.Sector, ID: e.ID,
				From: e.From, To: e.To, Affix: e.Affix,
			})
		}
		i = j
	}
	return dst
}

// emitted reports whether ms has a mention of e's meaning already.
func emitted(ms []doc.Mention, e *Entry) bool {
	for k := range ms {
		m := &ms[k]
		if m.Kind == e.Kind && m.Code == e.Code && m.ID == e.ID && m.Country == e.Country && m.Sector == e.Sector &&
			m.From == e.From && m.To == e.To && m.Affix == e.Affix {
			return true
		}
	}
	return false
}

// walker is the state of one longest-match search.
type walker struct {
	m         *Matcher
	txt       string
	toks      []doc.Token
	start     int
	best      int32 // trie node of the best match, -1 for none
	bestLen   int
	bestLemma bool
	bestExtra int // phrase words beyond the tokens, from words joined by '_'
	buf       [64]byte
}

// walk follows the trie from node n at token j, by written form and, for
// nouns, by lemma.
func (w *walker) walk(n int32, j int, viaLemma bool, extra int) {
	m := w.m
	if j > w.start {
		for _, ph := range m.nodes[n].phrases {
			if ph.exact && viaLemma || extra == 0 && !rulesHold(ph.rules, w.txt, w.toks[w.start:j]) {
				continue
			}
			if l := j - w.start; l > w.bestLen || l == w.bestLen && w.bestLemma && !viaLemma {
				w.best, w.bestLen, w.bestLemma, w.bestExtra = n, l, viaLemma, extra
			}
		}
	}
	if j == len(w.toks) || m.nodes[n].next == nil {
		return
	}
	t := &w.toks[j]
	form := t.Text(w.txt)
	if next, ok := m.nodes[n].next[string(normKey(form, w.buf[:0]))]; ok {
		w.walk(next, j+1, viaLemma, extra)
	}
	if t.Tag.IsNoun() && t.Lemma != "" && t.Lemma != form {
		if next, ok := m.nodes[n].next[string(normKey(t.Lemma, w.buf[:0]))]; ok {
			w.walk(next, j+1, true, extra)
		}
	}
	if strings.IndexByte(form, '_') > 0 {
		// "Dol_Amroth": words joined by '_' as TABARI/PETRARCH texts and
		// dictionaries write them are the phrase's words.
		next, parts := n, 0
		for part := range strings.SplitSeq(form, "_") {
			if part == "" {
				continue
			}
			k, ok := m.nodes[next].next[string(normKey(part, w.buf[:0]))]
			if !ok {
				return
			}
			next, parts = k, parts+1
		}
		if parts > 1 {
			w.walk(next, j+1, viaLemma, extra+parts-1)
		}
	}
}

func rulesHold(rules []caseRule, txt string, toks []doc.Token) bool {
	for k, r := range rules {
		if r != anyCase && !r.ok(txt, &toks[k]) {
			return false
		}
	}
	return true
}

// String describes the matcher's size, for logs.
func (m *Matcher) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d phrases, %d entries, %d trie nodes", m.phrases, len(m.entries), len(m.nodes))
	return b.String()
}
