package kb

import (
	"fmt"
	"strings"
	"testing"
)

func TestParsePattern(t *testing.T) {
	tests := []struct{ in, want string }{
		{"refuse + offer", "refuse [noun:offer]"},
		{"turn down + offer", "turn down [noun:offer]"},
		{"pledge + to use + airstrike", "pledge [to:use] [inner noun:airstrike]"},
		{"travel + to", "travel [prep:to]"},
		{"accuse + of war crime", "accuse [prep:of war crime]"},
		{"accuse + of + war crime", "accuse [prep:of war crime]"},
		{"volunteer + to conduct + airstrike + alongside", "volunteer [to:conduct] [inner noun:airstrike] [inner prep:alongside]"},
		{"Meet  +  With", "meet [prep:with]"},
	}
	for _, tc := range tests {
		p, err := ParsePattern(tc.in)
		if err != nil {
			t.Errorf("ParsePattern(%q): %v", tc.in, err)
			continue
		}
		var b strings.Builder
		b.WriteString(p.Verb)
		for _, e := range p.Elems {
			in := ""
			if e.Inner {
				in = "inner "
			}
			switch e.Kind {
			case NounElem:
				fmt.Fprintf(&b, " [%snoun:%s]", in, e.Word)
			case ToElem:
				fmt.Fprintf(&b, " [%sto:%s]", in, e.Word)
			case PrepElem:
				fmt.Fprintf(&b, " [%sprep:%s]", in, e.Prep)
			case PrepNounElem:
				fmt.Fprintf(&b, " [%sprep:%s %s]", in, e.Prep, e.Word)
			}
		}
		if got := b.String(); got != tc.want {
			t.Errorf("ParsePattern(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
	for _, bad := range []string{"refuse +", "+ offer", "refuse ++ offer", "ref(use"} {
		if _, err := ParsePattern(bad); err == nil {
			t.Errorf("ParsePattern(%q) succeeded; want error", bad)
		}
	}
}

func FuzzParsePattern(f *testing.F) {
	f.Add("pledge + to use + airstrike")
	f.Add("accuse + of + war crime")
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePattern(s)
		if err == nil && p.Verb == "" {
			t.Fatalf("ParsePattern(%q) gave no verb", s)
		}
	})
}
