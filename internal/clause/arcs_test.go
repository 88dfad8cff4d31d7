package clause

import (
	"strconv"
	"strings"
	"testing"

	"dyad/internal/doc"
	"dyad/internal/text"
)

// withArcs sets the tokens' heads and relations from spec, one
// "HEAD:REL" per token as in CoNLL-U (heads count from 1, 0 is the root).
func withArcs(t *testing.T, txt string, toks []doc.Token, spec string) {
	t.Helper()
	f := strings.Fields(spec)
	if len(f) != len(toks) {
		var words []string
		for _, tk := range toks {
			words = append(words, tk.Text(txt))
		}
		t.Fatalf("%d arcs for %d tokens %q", len(f), len(toks), words)
	}
	for i, a := range f {
		h, r, ok := strings.Cut(a, ":")
		n, err := strconv.Atoi(h)
		rel, known := doc.ParseRel(r)
		if !ok || err != nil || !known {
			t.Fatalf("bad arc %q", a)
		}
		toks[i].Head, toks[i].Rel = int16(n-1), rel
	}
}

// TestParseArcs checks that a parsed sentence's arguments follow its
// arcs, one construction a case: the arcs are written here by hand as a
// treebank annotator would, so the test pins the clause stage and not the
// parser.
func TestParseArcs(t *testing.T) {
	m, err := text.DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	an := text.NewAnalyzer(m)
	tests := []struct{ in, arcs, want string }{
		// The subject of a "that" clause.
		{"Iran warned that Israel would pay a heavy price.",
			"2:nsubj 0:root 6:mark 6:nsubj 6:aux 2:ccomp 9:det 9:amod 6:obj 2:punct",
			"[warn subj=Iran obj=- comp=pay] [pay hypothetical subj=Israel obj=a heavy price]"},
		// A time word is not part of the subject.
		{"Moscow today warned Kiev against using force.",
			"3:nsubj 3:obl:unmarked 0:root 3:obj 6:mark 3:advcl 6:obj 3:punct",
			"[warn subj=Moscow obj=Kiev]"},
		// A quantity's "of" phrase names the actor.
		{"Thousands of Lebanese protesters attacked the parliament.",
			"5:nsubj 4:case 4:amod 1:nmod 0:root 7:det 5:obj 5:punct",
			"[attack subj=Lebanese protesters obj=the parliament]"},
		// A subject relative clause and its antecedent.
		{"Militants who stormed a mall killed dozens of people.",
			"6:nsubj 3:nsubj 1:acl:relcl 5:det 3:obj 0:root 6:obj 9:case 7:nmod 6:punct",
			"[storm subj=Militants obj=a mall] [kill subj=Militants obj=people]"},
		// An object relative clause.
		{"The tanker that Iran seized was taken to Bandar Abbas.",
			"2:det 7:nsubj:pass 5:obj 5:nsubj 2:acl:relcl 7:aux:pass 0:root 9:case 7:obl 9:flat 7:punct",
			"[seize subj=Iran obj=The tanker] [take PASS subj=The tanker obj=- to=Bandar Abbas]"},
		// "along with" adds a member to the subject.
		{"Saudi Arabia, along with the UAE, condemned the attacks.",
			"2:compound 9:nsubj 7:punct 7:case 4:fixed 7:det 2:nmod 7:punct 0:root 11:det 9:obj 9:punct",
			"[condemn subj=Saudi Arabia, along with the UAE obj=the attacks]"},
		// Passive agents, of the verb and of a participle after a noun.
		{"Saudi facilities were attacked by drones launched by Houthi rebels.",
			"2:amod 4:nsubj:pass 4:aux:pass 0:root 6:case 4:obl:agent 6:acl 10:case 10:compound 7:obl:agent 4:punct",
			"[attack PASS subj=Saudi facilities obj=- by=drones] [launch PASS subj=drones obj=- by=Houthi rebels]"},
		// An infinitive complement and its own prepositional target.
		{"Russia agreed to send troops to Syria.",
			"2:nsubj 0:root 4:mark 2:xcomp 4:obj 7:case 4:obl 2:punct",
			"[agree subj=Russia obj=- xcomp=send] [send subj=Russia obj=troops to=Syria]"},
		// Coordinated verbs share the subject; the object's "with" phrase
		// is an argument of its verb.
		{"The United States suspended talks with Russia and accused Moscow of war crimes.",
			"3:det 3:compound 4:nsubj 0:root 4:obj 7:case 5:nmod 9:cc 4:conj 9:obj 13:case 13:compound 9:obl 4:punct",
			"[suspend subj=The United States obj=talks with=Russia] [accuse subj=The United States obj=Moscow of=war crimes]"},
		// A copula's clause: "is ready to".
		{"Cuba is ready to restore relations with the United States.",
			"3:nsubj 3:cop 0:root 5:mark 3:xcomp 5:obj 10:case 10:det 10:compound 6:nmod 3:punct",
			"[be subj=Cuba obj=- xcomp=restore] [restore subj=Cuba obj=relations with=the United States]"},
		// A trailing attribution reports the clause before it.
		{"The talks failed, the minister said.",
			"2:det 3:nsubj 0:root 3:punct 6:det 7:nsubj 3:parataxis 3:punct",
			"[fail subj=The talks obj=-] [say subj=the minister obj=- comp=fail]"},
		// Coordinated objects beyond the chunker's reach.
		{"Britain, as well as France and Germany, condemned Russia.",
			"10:nsubj 6:punct 6:cc 3:fixed 3:fixed 1:conj 8:cc 1:conj 6:punct 0:root 10:obj 10:punct",
			"[condemn subj=Britain, as well as France and Germany obj=Russia]"},
	}
	for _, tc := range tests {
		var got string
		for _, s := range an.Analyze(tc.in) {
			withArcs(t, tc.in, s.Tokens, tc.arcs)
			got += describe(tc.in, s.Tokens, parseSentence(tc.in, s.Tokens, nil, false))
		}
		if got != tc.want {
			t.Errorf("ParseSentence(%q) =\n  %s\nwant\n  %s", tc.in, got, tc.want)
		}
	}
}

// FuzzParseArcs gives sentences arbitrary heads and relations (cycles,
// heads out of range, every token a root): the clause stage must not
// panic, and every index it gives must be in range.
func FuzzParseArcs(f *testing.F) {
	m, err := text.DefaultModel()
	if err != nil {
		f.Fatal(err)
	}
	an := text.NewAnalyzer(m)
	in := "Militants who stormed a mall in Nairobi on Monday killed dozens of people, and the tanker that Iran seized was taken to Bandar Abbas, officials said."
	sents := an.Analyze(in)
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
	f.Add([]byte{255, 0, 255, 0, 17, 33})
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) == 0 {
			return
		}
		for _, s := range sents {
			toks := append([]doc.Token(nil), s.Tokens...)
			for i := range toks {
				x := b[i%len(b)]
				toks[i].Head = int16(int(x%byte(len(toks)+3)) - 2)
				toks[i].Rel = doc.Rel(1 + int(b[(i+1)%len(b)])%int(doc.NumRels-1))
			}
			p := ParseSentence(in, toks, nil)
			n := len(p.NPs)
			ok := func(np int) bool { return np >= -1 && np < n }
			for _, pr := range p.Preds {
				if !ok(pr.Subject) || !ok(pr.Object) || !ok(pr.Agent) || pr.Xcomp >= len(p.Preds) || pr.Comp >= len(p.Preds) || pr.Parent >= len(p.Preds) {
					t.Fatalf("index out of range: %+v", pr)
				}
				k := pr.Parent
				for steps := 0; k >= 0; steps++ {
					if steps > len(p.Preds) {
						t.Fatalf("Parent links cycle: %+v", p.Preds)
					}
					k = p.Preds[k].Parent
				}
				for _, a := range pr.Args {
					if !ok(a.NP) || a.NP < 0 {
						t.Fatalf("arg out of range: %+v", a)
					}
				}
			}
			for _, x := range p.NPs {
				if x.First < 0 || x.Last > len(toks) || x.First >= x.Last || x.Head < x.First || x.Head >= x.Last {
					t.Fatalf("bad NP %+v", x)
				}
			}
		}
	})
}
