package clause

import (
	"testing"

	"dyad/internal/text"
)

// Sentences written here; the parse is pinned in describe's notation.
func TestParse(t *testing.T) {
	m, err := text.DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	an := text.NewAnalyzer(m)
	tests := []struct{ in, want string }{
		{"Chile has refused an offer from Peru to join the alliance.",
			"[refuse subj=Chile obj=an offer from=Peru] [join subj=- obj=the alliance]"},
		{"The minister was excluded from the talks by the president.",
			"[exclude PASS subj=The minister obj=- by=the president from=the talks]"},
		{"Norway will not sign the accord.",
			"[sign NEG future subj=Norway obj=the accord]"},
		{"The ambassador in Oslo said Monday that Chile offered to discuss trade with Peru.",
			"[say subj=The ambassador obj=- comp=offer] [offer subj=Chile obj=- xcomp=discuss] [discuss subj=Chile obj=trade with=Peru]"},
		{"Brazil pressured Argentina to release the prisoners.",
			"[pressure subj=Brazil obj=Argentina xcomp=release] [release subj=Argentina obj=the prisoners]"},
		{"\"We reject the plan,\" said the spokesman.",
			"[reject subj=We obj=the plan] [say subj=the spokesman obj=- comp=reject]"},
		{"Kenya and Uganda have agreed to share intelligence.",
			"[agree subj=Kenya and Uganda obj=- xcomp=share] [share subj=Kenya and Uganda obj=intelligence]"},
		{"Police arrested the protesters and released them later.",
			"[arrest subj=Police obj=the protesters] [release subj=Police obj=them]"},
		{"The spokeswoman did not rule out talks with the rebels.",
			"[rule out NEG subj=The spokeswoman obj=talks with=the rebels]"},
		{"It was the army that attacked the village.",
			"[be subj=It obj=-] [attack subj=the army obj=the village]"},
		{"Chile is about to sign the accord.",
			"[be subj=Chile obj=- xcomp=sign] [sign subj=Chile obj=the accord]"},
		{"Peru's awful and evil minister left.",
			"[leave subj=Peru's awful and evil minister obj=-]"},
		{"Chile abandoned efforts to stop the march.",
			"[abandon subj=Chile obj=efforts] [stop subj=- obj=the march]"},
		{"Chile's minister, in remarks published Monday, urged Peru to act.",
			"[publish PASS subj=remarks obj=-] [urge subj=Chile's minister obj=Peru xcomp=act] [act subj=Peru obj=-]"},
		// A time word after a name is not part of its phrase.
		{"Chile Monday rejected the offer.",
			"[reject subj=Chile obj=the offer]"},
		{"Peru last night attacked the border post.",
			"[attack subj=Peru obj=the border post]"},
		{"Neither Chile nor Peru signed.",
			"[sign subj=Chile nor Peru obj=-]"}, // "nor" coordinates
		// Subjects past what stands between them and their verb.
		{"A Chilean diplomat who travelled to Lima has said the talks failed.",
			"[travel subj=A Chilean diplomat obj=- to=Lima] [say subj=A Chilean diplomat obj=the talks comp=fail] [fail subj=the talks obj=-]"},
		{"The envoy, who was expelled from Lima, said he would return.",
			"[expel PASS subj=The envoy obj=- from=Lima] [say subj=The envoy obj=he comp=return] [return hypothetical subj=he obj=-]"},
		{"Ana Torres, however, insisted the border was closed.",
			"[insist subj=Ana Torres obj=the border comp=be] [be subj=the border obj=-]"},
		{"Johannes Berg, the Norwegian envoy, said: \"We will stay.\"",
			"[say subj=Johannes Berg obj=- comp=stay] [stay future subj=We obj=-]"},
		{"\"We will stay,\" said the envoy, a former minister.",
			"[stay future subj=We obj=-] [say subj=the envoy obj=- comp=stay]"},
	}
	for _, tc := range tests {
		var got string
		for _, s := range an.Analyze(tc.in) {
			got += describe(tc.in, s.Tokens, ParseSentence(tc.in, s.Tokens, nil))
		}
		if got != tc.want {
			t.Errorf("ParseSentence(%q) =\n  %s\nwant\n  %s", tc.in, got, tc.want)
		}
	}
}
