package text

import (
	"testing"

	"dyad/internal/doc"
)

// segmentSeeds are hard inputs for both fuzzers: news constructions, every
// kind of quote and space, and broken UTF-8.
var segmentSeeds = []string{
	"",
	" ",
	"Sec. Kerry met officials in the U.S. He said: “We refuse. They lied.” Then...",
	`"Why?" he asked. "Why?" John F. Kerry asked the envoy.`,
	"BAGHDAD (Reuters) - Iraqi forces retook the town.\n\nHeadline\nNext line,\ngoes on",
	"Prices rose 10.5% to $10bn (£7.6bn) on Aug 26. Iraq’s army… didn’t move.",
	"U.S.-led O'Brien's Saudis' n't 'n 's ’ ' '' `` 1,000,000 3.5 .5 2014-09-15",
	"see https://x.com/a_(b)). www.bbc.co.uk/news a.b@c.org @h_1 #tag # @",
	"1. Iraq\n2. Syria\r\n3. Iran\u2029• bullet • bullet",
	"Москва. قال المتحدث؟ 北京。上海 Erdoğan İdlib نمی‌خواهم",
	"\xff\xfe\xfd",
	"ab\xffcd. \xe2\x80\x99s \xe2\x80 \xe2 n\xe2\x80\x99t n\xe2\x80",
	"\x00\x01\x7f\u0085\u2028\u200b\ufeff text",
	"e.g. i.e. vs. etc. a.m. p.m. No. 5 No. Ph.D. J. K. U.S.A. St.",
	"a.\n\n\n\"\"\"???!!!.......…… —— -- ** __",
	"“‘”’«»„‚‹›「」（）【】",
	"wait... Then. And the U.S. “will” Mr. \"Go.\" (x.) [y!] ?”",
	"\u0301\u0301a\u200d\u200c",
}

// checkSentences asserts that sentences are non-empty, in order, with spans
// that cover their tokens, and that together they hold every token of the
// text once.
func checkSentences(t *testing.T, text string, sents []doc.Sentence) {
	t.Helper()
	var flat []doc.Token
	prev := 0
	for i, s := range sents {
		if len(s.Tokens) == 0 {
			t.Fatalf("Sentences(%q): sentence %d is empty", text, i)
		}
		if s.Span.Start < prev || s.Span.End <= s.Span.Start || s.Span.End > len(text) {
			t.Fatalf("Sentences(%q): sentence %d span %v after %d", text, i, s.Span, prev)
		}
		if s.Span.Start != int(s.Tokens[0].Start) || s.Span.End != int(s.Tokens[len(s.Tokens)-1].End) {
			t.Fatalf("Sentences(%q): sentence %d span %v does not match its tokens", text, i, s.Span)
		}
		if len(s.Tokens) > DefaultMaxSentenceTokens {
			t.Fatalf("Sentences(%q): sentence %d has %d tokens", text, i, len(s.Tokens))
		}
		prev = s.Span.End
		flat = append(flat, s.Tokens...)
	}
	checkTokens(t, text, flat)
	all := Tokenize(text)
	if len(all) != len(flat) {
		t.Fatalf("Sentences(%q): %d tokens; Tokenize gives %d", text, len(flat), len(all))
	}
	for i := range all {
		if all[i] != flat[i] {
			t.Fatalf("Sentences(%q): token %d is %v; Tokenize gives %v", text, i, flat[i], all[i])
		}
	}
}

func FuzzSegment(f *testing.F) {
	for _, s := range segmentSeeds {
		f.Add(s)
	}
	for _, tc := range sentenceTests {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkSentences(t, text, Sentences(text))
		// A small MaxSentenceTokens forces breaks anywhere.
		s := Segmenter{MaxSentenceTokens: 3}
		s.Reset(text)
		var dst []doc.Token
		for {
			var span doc.Span
			var ok bool
			dst, span, ok = s.Next(dst)
			if !ok {
				break
			}
			if len(dst) == 0 || len(dst) > 3 || span.Start != int(dst[0].Start) || span.End != int(dst[len(dst)-1].End) {
				t.Fatalf("Next(%q) with MaxSentenceTokens 3: %d tokens, span %v", text, len(dst), span)
			}
		}
	})
}

func FuzzTokenize(f *testing.F) {
	for _, s := range segmentSeeds {
		f.Add(s)
	}
	for _, tc := range tokenizeTests {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkTokens(t, text, Tokenize(text))
	})
}
