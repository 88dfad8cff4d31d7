package doc

import "testing"

func TestTagNamesRoundTrip(t *testing.T) {
	for tg := Tag(1); tg < NumTags; tg++ {
		name := tg.String()
		if name == "" || name == "?" {
			t.Fatalf("Tag(%d) has no name", tg)
		}
		got, ok := ParseTag(name)
		if !ok || got != tg {
			t.Errorf("ParseTag(%q) = %v, %v; want %v", name, got, ok, tg)
		}
	}
	if _, ok := ParseTag("NOPE"); ok {
		t.Error(`ParseTag("NOPE") succeeded`)
	}
}

func TestTagClasses(t *testing.T) {
	tests := []struct {
		tag              Tag
		verb, noun, prop bool
	}{
		{VBD, true, false, false},
		{VBN, true, false, false},
		{NNP, false, true, true},
		{NNS, false, true, false},
		{JJ, false, false, false},
		{MD, false, false, false},
	}
	for _, tc := range tests {
		if tc.tag.IsVerb() != tc.verb || tc.tag.IsNoun() != tc.noun || tc.tag.IsProper() != tc.prop {
			t.Errorf("%v: IsVerb=%v IsNoun=%v IsProper=%v", tc.tag, tc.tag.IsVerb(), tc.tag.IsNoun(), tc.tag.IsProper())
		}
	}
}
