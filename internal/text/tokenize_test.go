package text

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"dyad/internal/doc"
)

// tokenTexts returns the text of each token of text.
func tokenTexts(text string) []string {
	var out []string
	for _, t := range Tokenize(text) {
		out = append(out, t.Text(text))
	}
	return out
}

var tokenizeTests = []struct {
	in   string
	want []string
}{
	// Clitics, straight and curly.
	{"don't", []string{"do", "n't"}},
	{"can't won't", []string{"ca", "n't", "wo", "n't"}},
	{"didn’t DON'T", []string{"did", "n’t", "DO", "N'T"}},
	{"Iran's Iran’s IRAN'S", []string{"Iran", "'s", "Iran", "’s", "IRAN", "'S"}},
	{"they're they'll they've they'd I'm", []string{"they", "'re", "they", "'ll", "they", "'ve", "they", "'d", "I", "'m"}},
	{"we’re you’ll", []string{"we", "’re", "you", "’ll"}},
	{"the Saudis' plan", []string{"the", "Saudis", "'", "plan"}},
	{"the Saudis’ plan", []string{"the", "Saudis", "’", "plan"}},
	{"O'Brien Shi'ite Qur'an rock'n'roll o'clock", []string{"O'Brien", "Shi'ite", "Qur'an", "rock'n'roll", "o'clock"}},
	{"Ba’ath Ra’ad d’Ancona", []string{"Ba’ath", "Ra’ad", "d’Ancona"}},
	{"O'Brien's view", []string{"O'Brien", "'s", "view"}},
	{"U.S.'s role", []string{"U.S.", "'s", "role"}},
	{"cannot gonna Cannot", []string{"can", "not", "gon", "na", "Can", "not"}},
	{"the '90s", []string{"the", "'90s"}},
	{"it's n't", []string{"it", "'s", "n't"}},

	// Hyphens and dashes.
	{"US-led surface-to-air non-lethal Al-Qaeda week-long anti-Islamic",
		[]string{"US-led", "surface-to-air", "non-lethal", "Al-Qaeda", "week-long", "anti-Islamic"}},
	{"U.S.-led forces", []string{"U.S.-led", "forces"}},
	{"Assad’s forces - and each other - in Syria", []string{"Assad", "’s", "forces", "-", "and", "each", "other", "-", "in", "Syria"}},
	{"Iraq – and Syria — and Iran -- all", []string{"Iraq", "–", "and", "Syria", "—", "and", "Iran", "--", "all"}},
	{"pro- and anti-war", []string{"pro", "-", "and", "anti-war"}},
	{"Syria–Iraq 2010–2014", []string{"Syria", "–", "Iraq", "2010", "–", "2014"}},
	{"non‑state", []string{"non‑state"}}, // U+2011 non-breaking hyphen

	// Numbers and currency.
	{"1,000 1,000,000 3.5 10.5%", []string{"1,000", "1,000,000", "3.5", "10.5", "%"}},
	{"$10bn £5m €3 US$10bn HK$2", []string{"$", "10bn", "£", "5m", "€", "3", "US$", "10bn", "HK$", "2"}},
	{"21st 10:30 2014-09-15 1/2 9/11", []string{"21st", "10:30", "2014-09-15", "1/2", "9/11"}},
	{"in 2014,2015 and 2016.", []string{"in", "2014", ",", "2015", "and", "2016", "."}},
	{"rose by .5 points", []string{"rose", "by", ".5", "points"}},
	{"on Aug 26. Iraq", []string{"on", "Aug", "26", ".", "Iraq"}},
	{"5.5. The", []string{"5.5", ".", "The"}},

	// Abbreviations keep their period.
	{"U.S. U.N. U.S.A. U.K. Ph.D.", []string{"U.S.", "U.N.", "U.S.A.", "U.K.", "Ph.D."}},
	{"Sec. Gen. Lt. Col. Dr. Mr. Mrs. Ms. Rev. Pres. Capt. Sgt. Gov. Sen. Rep. St.",
		[]string{"Sec.", "Gen.", "Lt.", "Col.", "Dr.", "Mr.", "Mrs.", "Ms.", "Rev.", "Pres.", "Capt.", "Sgt.", "Gov.", "Sen.", "Rep.", "St."}},
	{"Jan. Feb. Sept. Dec. May.", []string{"Jan.", "Feb.", "Sept.", "Dec.", "May", "."}},
	{"No. 5 and No.6 but no. No.", []string{"No.", "5", "and", "No.", "6", "but", "no", ".", "No", "."}},
	{"vs. etc. Inc. Corp. Co. Ltd. Jr. Sr. Dept. approx.",
		[]string{"vs.", "etc.", "Inc.", "Corp.", "Co.", "Ltd.", "Jr.", "Sr.", "Dept.", "approx."}},
	{"a.m. p.m. e.g. i.e.", []string{"a.m.", "p.m.", "e.g.", "i.e."}},
	{"George W. Bush", []string{"George", "W.", "Bush"}},
	{"in the U.S.", []string{"in", "the", "U.S."}},
	{"said Kerry.", []string{"said", "Kerry", "."}},
	{"in the US.", []string{"in", "the", "US", "."}},
	{"sec. rev.", []string{"sec", ".", "rev", "."}},
	{"Mr.Smith Syria.The", []string{"Mr.", "Smith", "Syria", ".", "The"}},
	{"etc... U.S...", []string{"etc", "...", "U.S", "..."}},

	// Links.
	{"see https://www.example.com/a?b=1&c=(2). Then", []string{"see", "https://www.example.com/a?b=1&c=(2)", ".", "Then"}},
	{"(see www.bbc.co.uk/news)", []string{"(", "see", "www.bbc.co.uk/news", ")"}},
	{"visit gu.com/letters •", []string{"visit", "gu.com/letters", "•"}},
	{"HTTP://EXAMPLE.ORG, ok", []string{"HTTP://EXAMPLE.ORG", ",", "ok"}},
	{"email guardian.letters@theguardian.com.", []string{"email", "guardian.letters@theguardian.com", "."}},
	{"write to a.b-c@mail.example.org now", []string{"write", "to", "a.b-c@mail.example.org", "now"}},
	{"Amazon.com and bbc.co.uk.", []string{"Amazon.com", "and", "bbc.co.uk", "."}},
	{"@UN_News #Syria #1 @ 5", []string{"@UN_News", "#Syria", "#", "1", "@", "5"}},
	{"AT&T R&D & co", []string{"AT&T", "R&D", "&", "co"}},

	// Quotes, brackets, stops.
	{`"We refuse," he said.`, []string{`"`, "We", "refuse", ",", `"`, "he", "said", "."}},
	{"“We refuse,” he said.", []string{"“", "We", "refuse", ",", "”", "he", "said", "."}},
	{"‘loyalty’, ‘no’", []string{"‘", "loyalty", "’", ",", "‘", "no", "’"}},
	{"``Hello'' ok", []string{"``", "Hello", "''", "ok"}},
	{"wait... what… really?! (yes) [no] {x}", []string{"wait", "...", "what", "…", "really", "?!", "(", "yes", ")", "[", "no", "]", "{", "x", "}"}},
	{"them?’”", []string{"them", "?", "’", "”"}},
	{"a;b:c", []string{"a", ";", "b", ":", "c"}},
	{"***** ==== __", []string{"*****", "====", "__"}},

	// Other scripts.
	{"Москва заявила, что", []string{"Москва", "заявила", ",", "что"}},
	{"قال المتحدث، إن القوات؟", []string{"قال", "المتحدث", "،", "إن", "القوات", "؟"}},
	{"北京。上海、东京", []string{"北京", "。", "上海", "、", "东京"}},
	{"Erdoğan's İdlib", []string{"Erdoğan", "'s", "İdlib"}},
	{"نمی‌خواهم", []string{"نمی‌خواهم"}}, // ZWNJ inside a Persian word

	// White space of all kinds, invalid UTF-8.
	{"a\u00a0b\u2003c\u200bd\ufeffe", []string{"a", "b", "c", "d", "e"}},
	{"ab\xffcd ef", []string{"ab\xffcd", "ef"}},
	{"\xff", []string{"\xff"}},
	{"\xe2\x80 s", []string{"\xe2\x80", "s"}},
	{"", nil},
	{" \t\n", nil},
}

func TestTokenize(t *testing.T) {
	for _, tc := range tokenizeTests {
		got := tokenTexts(tc.in)
		if !slices.Equal(got, tc.want) {
			t.Errorf("Tokenize(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
}

func TestTokenizeOffsets(t *testing.T) {
	const text = "“Iran’s offer,” said U.S. officials, don't."
	want := [][2]int32{
		{0, 3},   // “
		{3, 7},   // Iran
		{7, 11},  // ’s
		{12, 17}, // offer
		{17, 18}, // ,
		{18, 21}, // ”
		{22, 26}, // said
		{27, 31}, // U.S.
		{32, 41}, // officials
		{41, 42}, // ,
		{43, 45}, // do
		{45, 48}, // n't
		{48, 49}, // .
	}
	var got [][2]int32
	for _, tk := range Tokenize(text) {
		got = append(got, [2]int32{tk.Start, tk.End})
		if tk.Tag != doc.NoTag || tk.Lemma != "" {
			t.Errorf("Tokenize(%q): token %q has Tag %v, Lemma %q", text, tk.Text(text), tk.Tag, tk.Lemma)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("Tokenize(%q) offsets = %v; want %v", text, got, want)
	}
}

func TestTokenizeFlags(t *testing.T) {
	const text = "  A b\nc\n \nd\r\n\r\ne,f\u2029g"
	const (
		sp = doc.SpaceBefore
		nl = doc.NewlineBefore
		pa = doc.ParaBefore
	)
	want := map[string]uint8{
		"A": sp | pa, "b": sp, "c": sp | nl, "d": sp | nl | pa, "e": sp | nl | pa, ",": 0, "f": 0, "g": sp | nl | pa,
	}
	toks := Tokenize(text)
	if len(toks) != len(want) {
		t.Fatalf("Tokenize(%q) = %d tokens; want %d", text, len(toks), len(want))
	}
	for _, tk := range toks {
		if w := want[tk.Text(text)]; tk.Flags != w {
			t.Errorf("Tokenize(%q): %q has flags %03b; want %03b", text, tk.Text(text), tk.Flags, w)
		}
	}
	if f := Tokenize("x")[0].Flags; f != pa {
		t.Errorf(`Tokenize("x"): flags %03b; want ParaBefore only`, f)
	}
}

// isGapRune reports whether r may stand between tokens: white space,
// control characters and the invisible spaces.
func isGapRune(r rune) bool {
	switch r {
	case 0x200B, 0x2060, 0xFEFF, 0x180E:
		return true
	}
	return r != utf8.RuneError && (unicode.IsSpace(r) || unicode.IsControl(r))
}

// checkTokens asserts the properties every tokenization has: tokens in
// order, non-empty, non-overlapping and inside the text, only white space
// between them, flags that match that white space, and token ends on rune
// boundaries when the text is valid UTF-8.
func checkTokens(t *testing.T, text string, toks []doc.Token) {
	t.Helper()
	valid := utf8.ValidString(text)
	prev := 0
	for i, tk := range toks {
		s, e := int(tk.Start), int(tk.End)
		if s < prev || e <= s || e > len(text) {
			t.Fatalf("Tokenize(%q): token %d at [%d,%d) after %d", text, i, s, e, prev)
		}
		gap := text[prev:s]
		for _, r := range gap {
			if !isGapRune(r) {
				t.Fatalf("Tokenize(%q): %q between tokens %d and %d is not white space", text, gap, i-1, i)
			}
		}
		if hasSpace := gap != ""; hasSpace != (tk.Flags&doc.SpaceBefore != 0) {
			t.Fatalf("Tokenize(%q): token %d %q: SpaceBefore %v, gap %q", text, i, tk.Text(text), !hasSpace, gap)
		}
		if hasNL := strings.ContainsAny(gap, "\n\r\v\f\u0085\u2028\u2029"); hasNL != (tk.Flags&doc.NewlineBefore != 0) {
			t.Fatalf("Tokenize(%q): token %d %q: NewlineBefore %v, gap %q", text, i, tk.Text(text), !hasNL, gap)
		}
		if i == 0 && tk.Flags&doc.ParaBefore == 0 {
			t.Fatalf("Tokenize(%q): first token lacks ParaBefore", text)
		}
		if valid && (!utf8.RuneStart(text[s]) || e < len(text) && !utf8.RuneStart(text[e])) {
			t.Fatalf("Tokenize(%q): token %d [%d,%d) splits a UTF-8 sequence", text, i, s, e)
		}
		prev = e
	}
	for _, r := range text[prev:] {
		if !isGapRune(r) {
			t.Fatalf("Tokenize(%q): text %q after the last token", text, text[prev:])
		}
	}
}

// propertyPieces are the fragments random texts are made of.
var propertyPieces = []string{
	"Iran", "U.S.", "U.S", "Mr.", "said", "don't", "Saudis'", "’s", "n't", "O'Brien",
	"US-led", "-", "--", "–", "—", "1,000", "3.5", "10.5%", "$10bn", "US$", "£", "21st",
	"10:30", "2014-09-15", "1/2", ".", "..", "...", "…", "?", "!", "?!", ",", ";", ":",
	"\"", "“", "”", "‘", "’", "'", "(", ")", "[", "]", "http://x.com/a(b).", "www.",
	"a@b.com", "@h", "#t", "#", "@", " ", "  ", "\n", "\n\n", "\r\n", "\t", "\u00a0",
	"\u2029", "\u200b", "Москва", "قال", "北京", "。", "\xff", "\xe2\x80", "\xe2", "e.g.",
	"No.", "5", "etc.", "•", "&", "AT&T", "cannot", "é", "\u0301", "😀", "\x00",
}

func TestTokenizeProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	for range 3000 {
		b.Reset()
		for n := r.IntN(30); n >= 0; n-- {
			b.WriteString(propertyPieces[r.IntN(len(propertyPieces))])
			if r.IntN(3) == 0 {
				b.WriteByte(' ')
			}
		}
		text := b.String()
		checkTokens(t, text, Tokenize(text))
		checkSentences(t, text, Sentences(text))
	}
}

// adversarialUnits are repeated to build inputs that a careless scanner
// handles in quadratic time.
var adversarialUnits = []string{
	")", "a'", "'", "’", "\"", "“", "?”", "-", "a-", ".", ".5 ", "#", "@", "a@",
	"www.", "x.com/", "aa.", "a.", "U.S. ", "Mr. ", "n't", "1,000,", "\u00a0", "\n",
	"\xff", "…", "e.g.", "“Why?” ",
}

// TestTokenizeLinear checks that tokenizing and segmenting stay linear in
// the input (Next with a reused buffer, so that allocation does not blur
// the measure): eight times the input may take at most 30 times as long (a
// quadratic path would take 64 times). The best of three runs damps noise.
func TestTokenizeLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test: skipped in -short mode")
	}
	var s Segmenter
	dst := make([]doc.Token, 0, DefaultMaxSentenceTokens)
	timeOf := func(text string) time.Duration {
		best := time.Duration(math.MaxInt64)
		for range 3 {
			start := time.Now()
			s.Reset(text)
			for ok := true; ok; {
				dst, _, ok = s.Next(dst)
			}
			best = min(best, time.Since(start))
		}
		return best
	}
	for _, u := range adversarialUnits {
		n := 20000 / len(u)
		for _, prefix := range []string{"", "http://x/"} {
			t1 := timeOf(prefix + strings.Repeat(u, n))
			t8 := timeOf(prefix + strings.Repeat(u, 8*n))
			if t8 > 30*t1 && t8 > 50*time.Millisecond {
				t.Errorf("Segmenter on %q + %q × %d: 8 times the input took %v against %v", prefix, u, n, t8, t1)
			}
		}
	}
}
