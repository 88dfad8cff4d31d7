package doc

import "testing"

func TestParseRel(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Rel
		ok   bool
	}{
		{"nsubj", RelNsubj, true},
		{"nsubj:pass", RelNsubjPass, true},
		{"obl:tmod", RelObl, true},
		{"acl:relcl", RelAclRelcl, true},
		{"nonsense", RelDep, false},
	} {
		got, ok := ParseRel(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("ParseRel(%q) = %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
	for r := Rel(1); r < NumRels; r++ {
		if got, _ := ParseRel(r.String()); got != r {
			t.Errorf("ParseRel(%q) = %v; want %v", r.String(), got, r)
		}
		if b := r.Base(); b.Base() != b || len(b.String()) > len(r.String()) {
			t.Errorf("%v.Base() = %v", r, b)
		}
	}
}
