package text

import (
	"strings"
	"testing"

	"dyad/internal/doc"
)

func TestRetagMainVerb(t *testing.T) {
	tests := []struct{ in, want string }{
		// word/TAG, the sentence's tags as a tagger might give them.
		{"Israeli/JJ warplanes/NNS struck/VBN Hamas/NNP targets/NNS ./.", "struck/VBD"},
		{"Demonstrators/NNS rallied/VBN in/IN Kyiv/NNP ./.", "rallied/VBD"},
		{"Police/NNS reportedly/RB detained/VBN two/CD men/NNS ./.", "detained/VBD"},
		// A finite verb elsewhere: the participle is a reduced relative.
		{"Troops/NNS stationed/VBN in/IN Chad/NNP attacked/VBD rebels/NNS ./.", ""},
		// A headline passive.
		{"Embassy/NN attacked/VBN by/IN students/NNS", ""},
		// No subject before it.
		{"Asked/VBN about/IN the/DT talks/NNS ,/, no/DT comment/NN ./.", ""},
	}
	for _, tc := range tests {
		var toks []doc.Token
		var words []string
		for _, wt := range strings.Fields(tc.in) {
			w, tag, _ := strings.Cut(wt, "/")
			tg, _ := doc.ParseTag(tag)
			words = append(words, w)
			toks = append(toks, doc.Token{Tag: tg, Lemma: strings.ToLower(w)})
		}
		changed := RetagMainVerb(toks)
		got := ""
		for i, tk := range toks {
			if tk.Tag == doc.VBD && !strings.Contains(tc.in, words[i]+"/VBD") {
				got = words[i] + "/VBD"
			}
		}
		if got != tc.want || changed != (tc.want != "") {
			t.Errorf("RetagMainVerb(%q) = %q, %v; want %q", tc.in, got, changed, tc.want)
		}
	}
}
