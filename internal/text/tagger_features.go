package text

import (
	"sync"
	"unicode"
	"unicode/utf8"

	"dyad/internal/doc"
)

// Feature templates of the tagger. A feature is a 64-bit hash of its
// template and the word facts it reads; the model maps feature hashes to
// weight rows. Renumbering templates invalidates trained models.
const (
	fBias uint64 = iota + 1
	fWord
	fSuf1
	fSuf2
	fSuf3
	fSuf4
	fSuf5
	fPre1
	fPre2
	fPre3
	fShape
	fFlags
	fAmb
	fAmbPrev
	fAmbNext
	fAmbNext2
	fAmbPair
	fWordPrev
	fWordPrev2
	fWordNext
	fWordNext2
	fSufPrev
	fSufNext
	fShapePrev
	fShapeNext
	fWordWordNext
	fWordPrevWord
	fTagPrev
	fTagPrev2
	fTagPrevPrev2
	fTagPrevWord
	fTagPrevAmb
	fTagPrevSuf
	fFirstShape
	fForm
	fSpace
	fShapePrevCur
	fShapeCurNext
	fWordPrevNext
	fTagPrevShape
	fTagPrevWordNext
	// Second pass only: tags to the right, from the first pass.
	fTagNext
	fTagNext2
	fTagNextNext2
	fTagPrevNext
	fTagNextWord
	fTagNextSuf
	fSufCaps
	fAux
	fLex
)

// wordInfo holds the facts about one token that features read; computed
// once per token per sentence.
type wordInfo struct {
	word    uint64 // normalised lowercase form
	form    uint64 // the form as written
	suf     [5]uint64
	pre     [3]uint64
	shape   uint64
	flags   uint64
	space   uint64 // flagSpaceBefore, flagSpaceAfter
	amb     uint64 // bit mask of tags seen with the word in training (0 if unknown)
	allowed uint64 // the tags the word may take (0: any)
	fixed   doc.Tag
	lex     uint64 // tags the lemmatizer's tables list the word under (irregular forms)
	isAux   uint64 // the word's hash when it is a form of be, have or get
	aux     uint64 // the nearest such word to the left in the clause, with distance
}

const (
	flagDigit = 1 << iota
	flagHyphen
	flagUpper
	flagAllUpper
	flagLower
	flagPeriod
	flagNonASCII
	flagFirst
	flagSpaceBefore
	flagSpaceAfter
)

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// mix combines a template with up to two values into a feature hash.
func mix(t, a, b uint64) uint64 {
	h := t*0x9E3779B97F4A7C15 ^ a
	h ^= h >> 29
	h *= 0xBF58476D1CE4E5B9
	h ^= b + 0x94D049BB133111EB
	h ^= h >> 32
	h *= 0x94D049BB133111EB
	h ^= h >> 29
	return h
}

func hashString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

func hashBytes(b []byte) uint64 {
	h := uint64(fnvOffset)
	for _, c := range b {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

// maxWordBytes bounds the normalised form kept per token: longer tokens
// (URLs, junk) hash their first maxWordBytes bytes and their suffix.
const maxWordBytes = 48

// normalize writes the feature form of word into buf: lowercase, curly
// quotes and dashes folded to ASCII, numbers reduced to a class. It returns
// the normalised bytes and the flags.
func normalize(word string, buf *[maxWordBytes + 8]byte) ([]byte, uint64) {
	var flags uint64
	n := 0
	upper, lower, digits, other := 0, 0, 0, 0
	for i := 0; i < len(word); {
		c := word[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c >= 'a' && c <= 'z':
				lower++
			case c >= 'A' && c <= 'Z':
				upper++
				c += 'a' - 'A'
			case c >= '0' && c <= '9':
				digits++
			case c == '-':
				flags |= flagHyphen
				other++
			case c == '.':
				flags |= flagPeriod
				other++
			default:
				other++
			}
			if n < maxWordBytes {
				buf[n] = c
				n++
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(word[i:])
		i += size
		flags |= flagNonASCII
		var fold string
		switch r {
		case '‘', '’', '′', '`':
			fold = "'"
		case '“', '”', '„', '«', '»', '″':
			fold = `"`
		case '–', '—', '―', '−':
			fold = "--"
		case '…':
			fold = "..."
		}
		if fold != "" {
			other++
			if n+len(fold) <= maxWordBytes {
				n += copy(buf[n:], fold)
			}
			continue
		}
		if unicode.IsUpper(r) {
			upper++
			r = unicode.ToLower(r)
		} else if unicode.IsLetter(r) {
			lower++
		} else {
			other++
		}
		if n+utf8.RuneLen(r) <= maxWordBytes {
			n += utf8.EncodeRune(buf[n:], r)
		}
	}
	if digits > 0 {
		flags |= flagDigit
	}
	if upper > 0 {
		flags |= flagUpper
		if lower == 0 {
			flags |= flagAllUpper
		}
	}
	if lower > 0 {
		flags |= flagLower
	}
	if digits > 0 && upper+lower == 0 {
		// 2014, 1,000, 3.5, 10:30: the class, not the number.
		cls := "!num"
		if digits == 4 && other == 0 {
			cls = "!year"
		}
		n = copy(buf[:], cls)
	}
	return buf[:n], flags
}

// shapeOf hashes the compressed shape of word: runs of upper (X), lower (x),
// digit (d) and other bytes, each run at most twice ("Xx", "X.X.", "dd,ddd"
// becomes "dd,dd").
func shapeOf(word string) uint64 {
	h := uint64(fnvOffset)
	var last byte
	run := 0
	for i := 0; i < len(word) && i < 64; {
		c := word[i]
		var k byte
		if c < utf8.RuneSelf {
			i++
			switch {
			case c >= 'a' && c <= 'z':
				k = 'x'
			case c >= 'A' && c <= 'Z':
				k = 'X'
			case c >= '0' && c <= '9':
				k = 'd'
			default:
				k = c
			}
		} else {
			r, size := utf8.DecodeRuneInString(word[i:])
			i += size
			switch {
			case unicode.IsUpper(r):
				k = 'X'
			case unicode.IsLetter(r):
				k = 'x'
			case unicode.IsDigit(r):
				k = 'd'
			default:
				k = '*'
			}
		}
		if k == last {
			run++
			if run >= 2 {
				continue
			}
		} else {
			run = 0
			last = k
		}
		h ^= uint64(k)
		h *= fnvPrime
	}
	return h
}

// describe fills in the word facts of one token.
// space holds flagSpaceBefore and flagSpaceAfter as the text has them.
func (m *Model) describe(word string, first bool, space uint64, w *wordInfo) {
	var buf [maxWordBytes + 8]byte
	norm, flags := normalize(word, &buf)
	if first {
		flags |= flagFirst
	}
	w.word = hashBytes(norm)
	w.isAux = 0
	w.lex = lexicon()[string(norm)]
	if isAuxiliary(norm) {
		w.isAux = w.word
	}
	w.form = hashString(word)
	w.space = space
	w.flags = flags
	w.shape = shapeOf(word)
	// Suffixes and prefixes count bytes of the normalised form; multi-byte
	// letters make some of them cut mid-rune, which is harmless for hashing.
	for k := 0; k < len(w.suf); k++ {
		if k < len(norm) {
			w.suf[k] = hashBytes(norm[len(norm)-k-1:])
		} else {
			w.suf[k] = 0
		}
	}
	for k := 0; k < len(w.pre); k++ {
		if k < len(norm) {
			w.pre[k] = hashBytes(norm[:k+1])
		} else {
			w.pre[k] = 0
		}
	}
	w.amb, w.allowed, w.fixed = 0, 0, doc.NoTag
	if m != nil {
		if e, ok := m.words[w.word]; ok {
			w.amb, w.allowed, w.fixed = e.amb, e.allowed, e.fixed
			if flags&flagAllUpper != 0 && len(word) > 1 {
				// "IS", "US": an acronym may not be the word it spells.
				w.fixed = doc.NoTag
			}
		}
	}
}

// padding stands for the words before the start and after the end.
var padStart = wordInfo{word: 1, form: 1, shape: 1, amb: 1 << 62}
var padEnd = wordInfo{word: 2, form: 2, shape: 2, amb: 1 << 63}

// staticFeatures appends the features of position i that read words only:
// those of the word itself, of its neighbours by role, and of pairs.
func staticFeatures(ws []wordInfo, i int, dst []uint64) []uint64 {
	dst = selfFeatures(&ws[i], dst)
	for r := range roleCount {
		dst = roleFeatures(r, neighbour(ws, i, r), dst)
	}
	return pairFeatures(ws, i, dst)
}

// The roles a neighbour plays in the features of a word.
const (
	rolePrev = iota
	rolePrev2
	roleNext
	roleNext2
	roleCount
)

var roleOffset = [roleCount]int{-1, -2, 1, 2}

// neighbour returns the word at the role's offset from i, or the padding.
func neighbour(ws []wordInfo, i, role int) *wordInfo {
	j := i + roleOffset[role]
	switch {
	case j < 0:
		return &padStart
	case j >= len(ws):
		return &padEnd
	}
	return &ws[j]
}

// selfFeatures appends the features that read only the word itself; they
// depend on its form, its place first or not, and for punctuation its
// spacing.
func selfFeatures(w *wordInfo, dst []uint64) []uint64 {
	dst = append(dst,
		mix(fBias, 0, 0),
		mix(fWord, w.word, 0),
		mix(fShape, w.shape, 0),
		mix(fFlags, w.flags, 0),
		mix(fAmb, w.amb, 0),
		mix(fFirstShape, w.shape, w.flags&flagFirst),
		mix(fForm, w.form, 0),
		mix(fSufCaps, w.suf[2], w.flags&(flagUpper|flagFirst)),
	)
	if w.lex != 0 {
		dst = append(dst, mix(fLex, w.lex, 0))
	}
	if isPunct(w) {
		// Spacing tells opening from closing quotes; on words it misleads.
		dst = append(dst, mix(fSpace, w.space, w.shape))
	}
	for k, s := range w.suf {
		if s != 0 {
			dst = append(dst, mix(fSuf1+uint64(k), s, 0))
		}
	}
	for k, p := range w.pre {
		if p != 0 {
			dst = append(dst, mix(fPre1+uint64(k), p, 0))
		}
	}
	return dst
}

func isPunct(w *wordInfo) bool { return w.flags&(flagLower|flagUpper|flagDigit) == 0 }

// roleFeatures appends the features that read only the neighbour n in
// the given role.
func roleFeatures(role int, n *wordInfo, dst []uint64) []uint64 {
	switch role {
	case rolePrev:
		return append(dst,
			mix(fAmbPrev, n.amb, 0),
			mix(fWordPrev, n.word, 0),
			mix(fSufPrev, n.suf[2], 0),
			mix(fShapePrev, n.shape, 0))
	case rolePrev2:
		return append(dst, mix(fWordPrev2, n.word, 0))
	case roleNext:
		return append(dst,
			mix(fAmbNext, n.amb, 0),
			mix(fWordNext, n.word, 0),
			mix(fSufNext, n.suf[2], 0),
			mix(fShapeNext, n.shape, 0))
	default: // roleNext2
		return append(dst,
			mix(fAmbNext2, n.amb, 0),
			mix(fWordNext2, n.word, 0))
	}
}

// pairFeatures appends the features that read two words at once.
func pairFeatures(ws []wordInfo, i int, dst []uint64) []uint64 {
	w := &ws[i]
	prev, next := neighbour(ws, i, rolePrev), neighbour(ws, i, roleNext)
	return append(dst,
		mix(fAmbPair, w.amb, next.amb),
		mix(fWordWordNext, w.word, next.word),
		mix(fWordPrevWord, prev.word, w.word),
		mix(fShapePrevCur, prev.shape, w.shape),
		mix(fShapeCurNext, w.shape, next.shape),
		mix(fWordPrevNext, prev.word, next.word),
		mix(fAux, w.aux, w.suf[1]),
	)
}

// historyFeatures appends the features of position i that read the tags
// already chosen to its left (and, in the second pass, the first pass's
// tags to its right; right is nil in the first pass).
func historyFeatures(ws []wordInfo, tags []doc.Tag, right []doc.Tag, i int, dst []uint64) []uint64 {
	c := tagContextAt(tags, right, i)
	dst = tagContextFeatures(c, dst)
	return tagWordFeatures(ws, c, i, dst)
}

// tagContext is the tags around a position: two to the left, and in the
// second pass two to the right (second is false in the first pass).
type tagContext struct {
	p1, p2, n1, n2 uint64
	second         bool
}

func tagContextAt(tags, right []doc.Tag, i int) tagContext {
	const start, end = uint64(doc.NumTags), uint64(doc.NumTags + 1)
	c := tagContext{p1: start, p2: start, n1: end, n2: end, second: right != nil}
	if i > 0 {
		c.p1 = uint64(tags[i-1])
		if i > 1 {
			c.p2 = uint64(tags[i-2])
		}
	}
	if right != nil && i+1 < len(right) {
		c.n1 = uint64(right[i+1])
		if i+2 < len(right) {
			c.n2 = uint64(right[i+2])
		}
	}
	return c
}

// tagContextFeatures appends the features that read only tags.
func tagContextFeatures(c tagContext, dst []uint64) []uint64 {
	dst = append(dst,
		mix(fTagPrev, c.p1, 0),
		mix(fTagPrev2, c.p2, 0),
		mix(fTagPrevPrev2, c.p1, c.p2),
	)
	if !c.second {
		return dst
	}
	return append(dst,
		mix(fTagNext, c.n1, 0),
		mix(fTagNext2, c.n2, 0),
		mix(fTagNextNext2, c.n1, c.n2),
		mix(fTagPrevNext, c.p1, c.n1),
	)
}

// tagWordFeatures appends the features that read tags and words.
func tagWordFeatures(ws []wordInfo, c tagContext, i int, dst []uint64) []uint64 {
	w := &ws[i]
	dst = append(dst,
		mix(fTagPrevWord, c.p1, w.word),
		mix(fTagPrevAmb, c.p1, w.amb),
		mix(fTagPrevSuf, c.p1, w.suf[2]),
		mix(fTagPrevShape, c.p1, w.shape),
		mix(fTagPrevWordNext, c.p1, next(ws, i)),
	)
	if !c.second {
		return dst
	}
	return append(dst,
		mix(fTagNextWord, c.n1, w.word),
		mix(fTagNextSuf, c.n1, w.suf[2]),
	)
}

func next(ws []wordInfo, i int) uint64 {
	if i+1 < len(ws) {
		return ws[i+1].word
	}
	return padEnd.word
}

// isAuxiliary reports whether a normalised word is a form of be, have or
// get, whose presence to the left tells VBN from VBD ("was excluded",
// "has refused") better than the tags next to the word do.
func isAuxiliary(norm []byte) bool {
	switch string(norm) {
	case "be", "am", "is", "are", "was", "were", "been", "being", "'s", "'re", "'m",
		"have", "has", "had", "having", "'ve", "'d",
		"get", "gets", "got", "gotten", "getting":
		return true
	}
	return false
}

// auxWindow is how far left markAux looks for an auxiliary.
const auxWindow = 4

// markAux sets, for each word, the nearest auxiliary to its left within
// auxWindow words and not across punctuation, with the distance.
func markAux(ws []wordInfo) {
	for i := range ws {
		ws[i].aux = 0
		for j := i - 1; j >= 0 && j >= i-auxWindow; j-- {
			if ws[j].flags&(flagLower|flagUpper|flagDigit) == 0 {
				break
			}
			if ws[j].isAux != 0 {
				ws[i].aux = mix(ws[j].isAux, uint64(i-j), 0)
				break
			}
		}
	}
}

// lexicon maps a lowercase word to the tags under which the lemmatizer's
// tables list it: knowledge of English written here, not learnt from the
// treebanks, so it tells the tagger that a word it rarely saw in training
// ("fought", "sought", "geese") is an irregular verb form or plural.
var lexicon = sync.OnceValue(func() map[string]uint64 {
	out := map[string]uint64{}
	for tg, forms := range lemmaData().byTag {
		for form := range forms {
			out[form] |= 1 << tg
		}
	}
	return out
})
