package kb

import (
	"unicode"
	"unicode/utf8"
)

// Spelling folding: the rules by which a token of the text finds a
// dictionary phrase written another way, so that variants need not be
// listed by hand. Both sides, phrase and text, go through the same key
// (normKey), so each rule is symmetric:
//
//   - case: keys are lowercase; the phrase's capitals are checked apart
//     (caseRule). An all-capitals phrase word of four or more letters
//     ("ISIS", "ISIL", "NATO", "OPEC") also matches its title-case
//     spelling ("Isis", the Guardian's style) when the tagger reads that
//     as a proper noun; shorter ones ("IS", "US", "UN", "WHO") only in
//     capitals, so "is", "Is", "us" and "Who" never match them;
//   - diacritics: Latin letters fold to ASCII ("Pérez" is "Perez",
//     "Türk" is "Turk", "Łukaszenka" is "Lukaszenka", "ß" is "ss");
//   - apostrophes between letters are dropped, of any shape ("Khamene'i",
//     "Khamene’i", "Khameneʼi" are "Khamenei"; "O'Brien" is "OBrien");
//   - the Arabic article joined by a hyphen to a capitalised word is
//     dropped from the key ("al-Gaddafi", "el-Sisi", "as-Sadr" are
//     "Gaddafi", "Sisi", "Sadr"), so the text's "Muammar al-Gaddafi" is
//     the phrase "Muammar Gaddafi"; the other way round, a phrase word
//     written with its article wants it in the text (needArticle:
//     "al-Mayadeen", the channel, is not "Mayadeen", the town; "Al-Nour"
//     not a man named Nour);
//   - hyphens of any shape fold to '-', and a phrase word with a hyphen
//     ("Ki-moon") also matches its parts written apart ("Ki moon").
//
// The cost: a word that differs from a name only by its accents or
// article is taken for it (no such pair is known in the dictionaries; a
// test checks that every phrase keeps its meaning), and a title-case word
// of four letters or more that an acronym spells ("Care" for CARE) is
// matched where the tagger reads it as a proper noun.

// articles are the forms of the Arabic article written with a hyphen.
var articles = [...]string{"al", "el", "ad", "an", "ar", "as", "ash", "at", "az", "ul"}

// stripArticle returns w without a leading Arabic article joined by a
// hyphen to a word that starts with a capital ("al-Assad": "Assad").
func stripArticle(w string) string {
	// The guard first: it is the whole cost for almost every token
	// (BenchmarkMatch: stripArticle was 7% of matching without it).
	if len(w) < 4 || w[2] != '-' && w[3] != '-' {
		return w
	}
	h := -1
	for i := 2; i <= 3 && i < len(w); i++ {
		if w[i] == '-' {
			h = i
			break
		}
	}
	if h < 0 || h+1 >= len(w) || w[h+1] < 'A' || w[h+1] > 'Z' {
		return w
	}
	pre := w[:h]
	for _, a := range articles {
		if len(a) == len(pre) && (pre == a || pre[0] == a[0]-('a'-'A') && pre[1:] == a[1:]) {
			return w[h+1:]
		}
	}
	return w
}

// isApostrophe reports the apostrophes dropped between letters.
func isApostrophe(r rune) bool {
	return r == '\'' || r == '’' || r == '‘' || r == 'ʼ' || r == 'ʻ' || r == '`' || r == '´'
}

// isHyphen reports the hyphens that fold to '-'.
func isHyphen(r rune) bool { return r == '‐' || r == '‑' || r == '‒' }

// normKey appends the trie key of a token: its article dropped, then
// lowercase ASCII where the letters are Latin, apostrophes between letters
// dropped, hyphens folded. The ASCII loop runs first: almost every token
// of English news is plain ASCII.
func normKey(w string, dst []byte) []byte {
	w = stripArticle(w)
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			switch {
			case c >= 'A' && c <= 'Z':
				c += 'a' - 'A'
			case c == '\'' || c == '`':
				if i > 0 && i+1 < len(w) && letterAt(w, i+1) && len(dst) > 0 && isLetterByte(dst[len(dst)-1]) {
					i++
					continue
				}
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		switch {
		case isApostrophe(r):
			if i > 0 && i+size < len(w) && letterAt(w, i+size) {
				i += size
				continue
			}
			dst = append(dst, '\'')
		case isHyphen(r):
			dst = append(dst, '-')
		default:
			if f, ok := foldLatin[r]; ok {
				dst = append(dst, f...)
			} else {
				dst = utf8.AppendRune(dst, unicode.ToLower(r))
			}
		}
		i += size
	}
	return dst
}

// letterAt reports whether w has a letter at byte i.
func letterAt(w string, i int) bool {
	if c := w[i]; c < utf8.RuneSelf {
		return isLetterByte(c)
	}
	r, _ := utf8.DecodeRuneInString(w[i:])
	return unicode.IsLetter(r)
}

func isLetterByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf
}
