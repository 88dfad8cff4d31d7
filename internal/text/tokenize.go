package text

import (
	"unicode"
	"unicode/utf8"

	"dyad/internal/doc"
)

// The tokenizer follows Penn Treebank / UD English conventions, since the
// tagger learns from UD tokens: clitics split off (do n't, Iran 's), hyphened
// words stay whole (US-led), abbreviations keep their period (U.S., Gen.),
// punctuation stands alone except runs (..., ?!, --). It slices the text:
// a token is a byte range, nothing is copied or normalised.

// kind classifies a token for the sentence splitter. It stays inside the
// package: later stages see only doc.Token.
type kind uint8

const (
	kNone         kind = iota
	kWord              // starts with a letter (its case is item.lead)
	kNumber            // starts with a digit: 3.5, 1,000, 21st, 10bn
	kAbbrTitle         // keeps its period, never ends a sentence: Mr. Gen. No. 5
	kAbbrInner         // keeps its period, only inside a sentence: e.g. vs.
	kAbbr              // keeps its period, may end a sentence: U.S. Inc. Jan. J.
	kAbbrFinal         // keeps its period, usually ends a sentence: etc.
	kPeriod            // .
	kEllipsis          // ... … ..
	kStop              // ? ! ?! and the full stops of other scripts (。 ؟)
	kComma             // , ، 、
	kColon             // : ;
	kDash              // - -- – —
	kOpenQuote         // “ ‘ « `` and a straight quote that opens
	kCloseQuote        // ” ’ » '' and a straight quote that closes
	kOpenBracket       // ( [ {
	kCloseBracket      // ) ] }
	kBullet            // • and similar list marks: a new item begins
	kLink              // URL, e-mail address, @handle, #hashtag
	kSymbol            // anything else: % $ £ & emoji ...
)

// ends reports whether a token of kind k may end a sentence.
func (k kind) ends() bool { return k >= kAbbr && k <= kStop }

// Letter case of a token's first character.
const (
	caseNone uint8 = iota
	caseUpper
	caseLower
)

// item is a token with what the splitter needs to know about it.
type item struct {
	tok  doc.Token
	kind kind
	lead uint8 // caseUpper, caseLower or caseNone
}

// Classes of bytes. The table has 256 entries so that indexing by a byte
// needs no bounds check; bytes from 0x80 up are cHigh (a UTF-8 sequence).
const (
	cAlpha uint8 = 1 << iota // A-Z a-z
	cDigit                   // 0-9
	cUpper                   // A-Z
	cSpace                   // white space and control characters
	cBreak                   // \n \v \f (a \r counts unless \n follows)
	cWord                    // A-Z a-z 0-9 _: stays inside a word
	cHigh                    // 0x80-0xFF
)

var ctype = func() (t [256]uint8) {
	for c := 0; c < 256; c++ {
		switch {
		case 'A' <= c && c <= 'Z':
			t[c] = cAlpha | cUpper | cWord
		case 'a' <= c && c <= 'z':
			t[c] = cAlpha | cWord
		case '0' <= c && c <= '9':
			t[c] = cDigit | cWord
		case c <= ' ' || c == 0x7f:
			t[c] = cSpace
		case c >= utf8.RuneSelf:
			t[c] = cHigh
		}
	}
	t['_'] = cWord
	t['\n'] |= cBreak
	t['\v'] |= cBreak
	t['\f'] |= cBreak
	return t
}()

func isAlpha(c byte) bool { return ctype[c]&cAlpha != 0 }
func isDigit(c byte) bool { return '0' <= c && c <= '9' }
func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }
func isLower(c byte) bool { return 'a' <= c && c <= 'z' }
func isAlnum(c byte) bool { return ctype[c]&(cAlpha|cDigit) != 0 }

// isWordRune reports whether a non-ASCII rune belongs inside a word.
// Invalid bytes (RuneError of size 1) pass through as parts of words.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isAlnum(byte(r))
	}
	switch r {
	case utf8.RuneError, 0x200C, 0x200D, 0x00AD: // invalid, ZWNJ, ZWJ, soft hyphen
		return true
	}
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsNumber(r)
}

// wordAt reports whether a word character starts at text[i].
func wordAt(text string, i int) bool {
	if i >= len(text) {
		return false
	}
	if c := text[i]; c < utf8.RuneSelf {
		return ctype[c]&(cAlpha|cDigit) != 0
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return isWordRune(r)
}

// spaceRune tells whether a non-ASCII rune is white space: -1 if not,
// otherwise the number of line breaks it makes (U+2029 makes a paragraph).
// Zero-width spaces, the BOM and C1 controls count as space.
func spaceRune(r rune) int {
	switch r {
	case 0x85, 0x2028:
		return 1
	case 0x2029:
		return 2
	case 0xA0, 0x1680, 0x180E, 0x200B, 0x202F, 0x205F, 0x2060, 0x3000, 0xFEFF:
		return 0
	}
	if 0x2000 <= r && r <= 0x200A || 0x80 <= r && r < 0xA0 {
		return 0
	}
	return -1
}

// tokenizer scans the tokens of a text left to right.
type tokenizer struct {
	text    string
	pos     int
	dq      bool // inside a straight double quotation (for "s with no side clear)
	started bool // a token was returned
}

func (z *tokenizer) reset(text string) { *z = tokenizer{text: text} }

// next stores the next token in it; it returns false at the end of the text.
func (z *tokenizer) next(it *item) bool {
	text := z.text
	n := len(text)
	i := z.pos
	var flags uint8
	breaks := 0
	for i < n {
		c := text[i]
		if c < utf8.RuneSelf {
			t := ctype[c]
			if t&cSpace == 0 {
				break
			}
			if t&cBreak != 0 || c == '\r' && (i+1 == n || text[i+1] != '\n') {
				breaks++
			}
			flags = doc.SpaceBefore
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		nl := spaceRune(r)
		if nl < 0 {
			break
		}
		breaks += nl
		flags = doc.SpaceBefore
		i += size
	}
	if i >= n {
		z.pos = n
		return false
	}
	if breaks > 0 {
		flags |= doc.NewlineBefore
	}
	if breaks >= 2 || !z.started {
		flags |= doc.ParaBefore
		z.dq = false
	}
	z.started = true
	end, k, lead := z.scan(i, flags)
	z.pos = end
	it.tok = doc.Token{Start: int32(i), End: int32(end), Flags: flags}
	it.kind = k
	it.lead = lead
	return true
}

// scan reads the token that starts at text[i] (not white space) and returns
// its end, kind and leading case.
func (z *tokenizer) scan(i int, flags uint8) (int, kind, uint8) {
	text := z.text
	n := len(text)
	c := text[i]
	if c < utf8.RuneSelf {
		if ctype[c]&(cAlpha|cDigit) != 0 {
			switch c {
			case 'n', 'N':
				if l := ntLen(text, i); l > 0 {
					return i + l, kWord, caseLower
				}
			case 'h', 'H', 'f', 'F', 'w', 'W':
				if isURLStart(text[i:]) {
					return z.scanURL(i), kLink, caseNone
				}
			}
			return z.scanWord(i)
		}
		switch c {
		case '.':
			j := run(text, i, '.')
			if j-i > 1 {
				return j, kEllipsis, caseNone
			}
			if j < n && isDigit(text[j]) && (i == 0 || flags&doc.SpaceBefore != 0) {
				e, _, _ := z.scanWord(j) // .5
				return e, kNumber, caseNone
			}
			return j, kPeriod, caseNone
		case '?', '!':
			j := i + 1
			for j < n && (text[j] == '?' || text[j] == '!') {
				j++
			}
			return j, kStop, caseNone
		case ',':
			return i + 1, kComma, caseNone
		case ';', ':':
			return i + 1, kColon, caseNone
		case '-':
			return run(text, i, '-'), kDash, caseNone
		case '(', '[', '{':
			return i + 1, kOpenBracket, caseNone
		case ')', ']', '}':
			return i + 1, kCloseBracket, caseNone
		case '"':
			return i + 1, z.doubleQuote(i, flags), caseNone
		case '\'':
			return z.apostrophe(i, 1, flags)
		case '`':
			return run(text, i, '`'), kOpenQuote, caseNone
		case '@':
			if i+1 < n && (isAlnum(text[i+1]) || text[i+1] == '_') {
				j := i + 1
				for j < n && (isAlnum(text[j]) || text[j] == '_') {
					j++
				}
				return j, kLink, caseNone
			}
		case '#':
			if wordAt(text, i+1) && !isDigit(text[i+1]) {
				e, _, _ := z.scanWord(i + 1)
				return e, kLink, caseNone
			}
			return run(text, i, c), kSymbol, caseNone
		case '*', '=', '~', '_', '+', '^', '|', '\\', '/', '<', '>':
			return run(text, i, c), kSymbol, caseNone
		}
		return i + 1, kSymbol, caseNone
	}
	r, size := utf8.DecodeRuneInString(text[i:])
	switch r {
	case '\u2019': // ’ apostrophe or right single quotation mark
		return z.apostrophe(i, size, flags)
	case '‘', '“', '„', '‚', '«', '‹', '‟', '‛':
		return i + size, kOpenQuote, caseNone
	case '”', '»', '›':
		return i + size, kCloseQuote, caseNone
	case '…':
		return runRune(text, i, r, size), kEllipsis, caseNone
	case '–', '—', '―', '‒', '‐', '‑', '−', '⁃':
		return runRune(text, i, r, size), kDash, caseNone
	case '。', '！', '？', '؟', '۔', '।', '॥', '‼', '⁇', '⁈', '⁉', '｡':
		return i + size, kStop, caseNone
	case '،', '、', '，':
		return i + size, kComma, caseNone
	case '؛', '；', '：':
		return i + size, kColon, caseNone
	case '（', '［', '｛', '【', '「', '『', '〈', '《', '〔':
		return i + size, kOpenBracket, caseNone
	case '）', '］', '｝', '】', '」', '』', '〉', '》', '〕':
		return i + size, kCloseBracket, caseNone
	case '•', '▪', '◦', '‣', '●', '■', '►', '◆', '▶':
		return i + size, kBullet, caseNone
	}
	if isWordRune(r) {
		return z.scanWord(i)
	}
	return i + size, kSymbol, caseNone
}

// scanWord reads a word, number, abbreviation or domain from text[s], a word
// character. Joiners stay inside: hyphens between word characters (US-led),
// digit groups (1,000 3.5 10:30 1/2), periods of acronyms (U.S.A.) and
// domains (bbc.co.uk), apostrophes not followed by a clitic (O'Brien), & in
// AT&T, and the $ of US$. A final period stays when the word is a known
// abbreviation, an initial or an acronym.
func (z *tokenizer) scanWord(s int) (int, kind, uint8) {
	text := z.text
	n := len(text)
	i := s
	seg := s // start of the current part between joiners
	var acronym, domain, email, at bool
scan:
	for {
		// The run of word characters: one table load and one bit test per
		// ASCII byte (with a separate '_' test and a < 0x80 branch the
		// tokenizer ran at 95 MB/s on the Guardian corpus; this way 124).
		for i < n {
			t := ctype[text[i]]
			if t&cWord != 0 {
				i++
				continue
			}
			if t&cHigh == 0 {
				break
			}
			r, size := utf8.DecodeRuneInString(text[i:])
			if !isWordRune(r) {
				break
			}
			i += size
		}
		if i >= n || i == s {
			break
		}
		switch c, prev := text[i], text[i-1]; c {
		case '-':
			if wordAt(text, i+1) {
				i++
				seg = i
				continue scan
			}
		case '.':
			if i+1 >= n {
				break scan
			}
			d := text[i+1]
			switch {
			case isDigit(prev) && isDigit(d): // 3.5
				i++
				seg = i
				continue scan
			case email && wordAt(text, i+1):
				i++
				seg = i
				continue scan
			case isAlpha(prev) && isAlpha(d):
				// U.S.A, e.g, Ph.D: a one-letter part on either side.
				if i-seg == 1 || i+2 < n && text[i+2] == '.' {
					acronym = true
					i++
					seg = i
					continue scan
				}
				if l := tldLen(text, i+1); l > 0 {
					if i+1+l < n && text[i+1+l] == '/' {
						return z.scanURL(s), kLink, caseNone
					}
					domain = true
					i++
					seg = i
					continue scan
				}
				if emailAhead(text, i+1) {
					email = true
					i++
					seg = i
					continue scan
				}
			case acronym && d == '-' && wordAt(text, i+2): // U.S.-led
				i += 2
				seg = i
				continue scan
			}
			break scan
		case ',':
			// 1,000: exactly three digits follow.
			if isDigit(prev) && i+3 < n && isDigit(text[i+1]) && isDigit(text[i+2]) &&
				isDigit(text[i+3]) && (i+4 == n || !isDigit(text[i+4])) {
				i++
				continue scan
			}
		case ':', '/':
			if isDigit(prev) && i+1 < n && isDigit(text[i+1]) { // 10:30 1/2
				i++
				continue scan
			}
		case '&':
			if isUpper(prev) && i+1 < n && isUpper(text[i+1]) { // AT&T
				i++
				continue scan
			}
		case '@':
			if !at && i+1 < n && isAlnum(text[i+1]) {
				email, at = true, true
				i++
				seg = i
				continue scan
			}
		case '$':
			if i-s <= 3 && allUpper(text[s:i]) { // US$ HK$ A$
				return i + 1, kWord, caseUpper
			}
		case '\'':
			e, more := z.wordApostrophe(s, i, 1)
			if more {
				i = e
				continue scan
			}
			i = e
			break scan
		case 0xE2: // ’ (E2 80 99), ‐ (E2 80 90), ‑ (E2 80 91)
			if i+2 < n && text[i+1] == 0x80 {
				switch text[i+2] {
				case 0x99:
					e, more := z.wordApostrophe(s, i, 3)
					if more {
						i = e
						continue scan
					}
					i = e
					break scan
				case 0x90, 0x91:
					if wordAt(text, i+3) {
						i += 3
						seg = i
						continue scan
					}
				}
			}
		}
		break
	}
	if i == s { // cannot happen for a word character; stay safe
		_, size := utf8.DecodeRuneInString(text[s:])
		return s + size, kSymbol, caseNone
	}
	lead := leadCase(text, s)
	switch {
	case email:
		return i, kLink, caseNone
	case isDigit(text[s]):
		return i, kNumber, lead
	}
	// A final period stays with an abbreviation.
	if !domain && i < n && text[i] == '.' && (i+1 == n || text[i+1] != '.') {
		if k := z.abbrevAt(s, i, acronym); k != kNone {
			return i + 1, k, lead
		}
	}
	// Fused forms that UD splits: can|not, gon|na, wan|na, got|ta.
	if l := i - s; l == 5 || l == 6 {
		if e := splitFused(text[s:i]); e > 0 {
			return s + e, kWord, lead
		}
	}
	return i, kWord, lead
}

// wordApostrophe decides on an apostrophe of width w at text[i] inside the
// word that starts at s. It returns where the word goes on (more is true:
// O'Brien, Shi'ite, Qur'an) or where it ends: before the apostrophe when a
// clitic ('s 're 'll 've 'd 'm) or nothing word-like follows (Saudis'),
// before the n of n't (do|n't, ca|n't, wo|n't).
func (z *tokenizer) wordApostrophe(s, i, w int) (int, bool) {
	text := z.text
	n := len(text)
	j := i + w
	k := j
	for k < n && isAlpha(text[k]) {
		k++
	}
	if k == j { // no ASCII letter follows
		if j < n && text[j] >= utf8.RuneSelf && wordAt(text, j) {
			return j, true // Ma’arrat
		}
		return i, false
	}
	if wordAt(text, k) { // letters then more word: not a clitic
		return k, true
	}
	switch l := text[j:k]; {
	case isClitic(l):
		return i, false
	case len(l) == 1 && l[0]|0x20 == 't' && i-1 > s && text[i-1]|0x20 == 'n':
		return i - 1, false
	}
	return k, true
}

// isClitic reports whether l (the letters after an apostrophe) is one of the
// clitics s, re, ll, ve, d, m, in any case.
func isClitic(l string) bool {
	switch len(l) {
	case 1:
		c := l[0] | 0x20
		return c == 's' || c == 'd' || c == 'm'
	case 2:
		a, b := l[0]|0x20, l[1]|0x20
		return a == 'r' && b == 'e' || a == 'l' && b == 'l' || a == 'v' && b == 'e'
	}
	return false
}

// ntLen returns the length of the clitic n't (or n’t) at text[i], or 0.
func ntLen(text string, i int) int {
	j := i + 1
	switch {
	case j < len(text) && text[j] == '\'':
		j++
	case j+2 < len(text) && text[j] == 0xE2 && text[j+1] == 0x80 && text[j+2] == 0x99:
		j += 3
	default:
		return 0
	}
	if j < len(text) && text[j]|0x20 == 't' && !wordAt(text, j+1) {
		return j + 1 - i
	}
	return 0
}

// apostrophe reads a token that starts with an apostrophe of width w: a
// clitic attached to the previous word ('s, ’re), a decade ('90s), a
// doubled apostrophe (Penn's closing quote) or a single quotation mark.
func (z *tokenizer) apostrophe(i, w int, flags uint8) (int, kind, uint8) {
	text := z.text
	n := len(text)
	j := i + w
	spaced := i == 0 || flags&doc.SpaceBefore != 0
	if !spaced {
		k := j
		for k < n && isAlpha(text[k]) {
			k++
		}
		if k > j && isClitic(text[j:k]) && !wordAt(text, k) {
			return k, kWord, caseLower
		}
	}
	if spaced && j+1 < n && isDigit(text[j]) && isDigit(text[j+1]) {
		k := j + 2
		if k < n && text[k] == 's' {
			k++
		}
		if !wordAt(text, k) {
			return k, kNumber, caseNone
		}
	}
	if w == 1 && j < n && text[j] == '\'' {
		return j + 1, kCloseQuote, caseNone // ''
	}
	if spaced && j < n && !isSpaceAt(text, j) {
		return j, kOpenQuote, caseNone
	}
	return j, kCloseQuote, caseNone
}

// doubleQuote tells whether the straight quote at text[i] opens or closes:
// by the spaces around it, else by alternation within the paragraph.
func (z *tokenizer) doubleQuote(i int, flags uint8) kind {
	text := z.text
	before := i == 0 || flags&doc.SpaceBefore != 0
	if !before {
		switch text[i-1] {
		case '(', '[', '{', '-', '/':
			before = true
		}
	}
	after := i+1 >= len(text) || isSpaceAt(text, i+1)
	if !after {
		switch text[i+1] {
		case ',', '.', ';', ':', '?', '!', ')', ']', '}':
			after = true
		}
	}
	open := !z.dq
	switch {
	case before && !after:
		open = true
	case after && !before:
		open = false
	}
	z.dq = open
	if open {
		return kOpenQuote
	}
	return kCloseQuote
}

// isSpaceAt reports whether white space starts at text[i].
func isSpaceAt(text string, i int) bool {
	if c := text[i]; c < utf8.RuneSelf {
		return ctype[c]&cSpace != 0
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return spaceRune(r) >= 0
}

// abbrevAt returns the abbreviation kind of the word text[s:i] that a
// period at text[i] follows, or kNone when the period is a token of its own.
func (z *tokenizer) abbrevAt(s, i int, acronym bool) kind {
	text := z.text
	j := i + 1
	for j < len(text) && j-i <= 2 && text[j] == ' ' {
		j++
	}
	word := text[s:i]
	if k := abbrevKind(word, j < len(text) && isDigit(text[j])); k != kNone {
		return k
	}
	if acronym {
		return kAbbr
	}
	// A single capital letter is an initial: George W. Bush.
	if r, size := utf8.DecodeRuneInString(word); size == len(word) && unicode.IsUpper(r) {
		return kAbbr
	}
	return kNone
}

// splitFused returns where UD splits a fused word (cannot -> can not,
// gonna -> gon na, wanna, gotta), or 0.
func splitFused(w string) int {
	switch w[0] | 0x20 {
	case 'c', 'g', 'w':
	default:
		return 0
	}
	var buf lowerBuf
	b, ok := buf.lower(w)
	if !ok {
		return 0
	}
	switch string(b) {
	case "cannot", "gonna", "wanna", "gotta":
		return 3
	}
	return 0
}

// leadCase returns the case of the first character of text[s:].
func leadCase(text string, s int) uint8 {
	c := text[s]
	if c < utf8.RuneSelf {
		switch {
		case isUpper(c):
			return caseUpper
		case isLower(c):
			return caseLower
		}
		return caseNone
	}
	r, _ := utf8.DecodeRuneInString(text[s:])
	switch {
	case unicode.IsUpper(r) || unicode.IsTitle(r):
		return caseUpper
	case unicode.IsLower(r):
		return caseLower
	}
	return caseNone
}

func allUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isUpper(s[i]) {
			return false
		}
	}
	return len(s) > 0
}

// run returns the end of the run of byte c that starts at text[i].
func run(text string, i int, c byte) int {
	j := i + 1
	for j < len(text) && text[j] == c {
		j++
	}
	return j
}

// runRune returns the end of the run of rune r (size bytes) at text[i].
func runRune(text string, i int, r rune, size int) int {
	j := i + size
	for j < len(text) {
		q, sz := utf8.DecodeRuneInString(text[j:])
		if q != r {
			break
		}
		j += sz
	}
	return j
}

// tldLen returns the length of a domain label after a period at text[j]
// (lower-case letters ending the word or followed by a period or slash)
// when it is a common top-level or country label, else 0.
func tldLen(text string, j int) int {
	k := j
	for k < len(text) && k-j < 5 && isLower(text[k]) {
		k++
	}
	if k-j < 2 || wordAt(text, k) || !isTLD(text[j:k]) {
		return 0
	}
	return k - j
}

// emailAhead reports whether an e-mail address goes on from text[j]: the
// local part continues up to an @ followed by a letter or digit.
func emailAhead(text string, j int) bool {
	for k := j; k < len(text) && k-j < 64; k++ {
		c := text[k]
		switch {
		case isAlnum(c) || c == '.' || c == '_' || c == '-' || c == '+' || c == '%':
		case c == '@':
			return k+1 < len(text) && isAlnum(text[k+1])
		default:
			return false
		}
	}
	return false
}

// isURLStart reports whether s starts with http://, https://, ftp:// or www.
// (any case).
func isURLStart(s string) bool {
	return hasPrefixFold(s, "http://") || hasPrefixFold(s, "https://") ||
		hasPrefixFold(s, "ftp://") || hasPrefixFold(s, "www.") && len(s) > 4 && isAlnum(s[4])
}

// hasPrefixFold reports whether s starts with the lower-case ASCII prefix p,
// ignoring case.
func hasPrefixFold(s, p string) bool {
	if len(s) < len(p) {
		return false
	}
	for i := 0; i < len(p); i++ {
		c := s[i]
		if isUpper(c) {
			c += 'a' - 'A'
		}
		if c != p[i] {
			return false
		}
	}
	return true
}

// scanURL reads a URL from text[s] up to white space or a quotation mark,
// then gives back the punctuation that ends the sentence around it and a
// closing bracket that the URL did not open.
func (z *tokenizer) scanURL(s int) int {
	text := z.text
	i := s
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if ctype[c]&cSpace != 0 || c == '"' || c == '<' || c == '>' {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if spaceRune(r) >= 0 || r == '“' || r == '”' || r == '‘' || r == '’' || r == '«' || r == '»' {
			break
		}
		i += size
	}
	// Count brackets once: trimming must stay linear in the URL's length.
	var paren, square int
	for j := s; j < i; j++ {
		switch text[j] {
		case '(':
			paren++
		case ')':
			paren--
		case '[':
			square++
		case ']':
			square--
		}
	}
	for i > s+1 {
		switch text[i-1] {
		case '.', ',', ';', ':', '!', '?', '\'', '*':
			i--
			continue
		case ')':
			if paren < 0 { // a bracket the URL did not open
				paren++
				i--
				continue
			}
		case ']':
			if square < 0 {
				square++
				i--
				continue
			}
		}
		break
	}
	return i
}

// Tokenize returns all tokens of text, with Tag and Lemma left empty for
// later stages. It allocates the result; a Segmenter reuses a buffer.
func Tokenize(text string) []doc.Token {
	var z tokenizer
	z.reset(clampText(text))
	toks := make([]doc.Token, 0, len(text)/6+1)
	var it item
	for z.next(&it) {
		toks = append(toks, it.tok)
	}
	return toks
}
