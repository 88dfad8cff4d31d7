package kb

import (
	"strings"
	"testing"

	"dyad/internal/doc"
	"dyad/internal/text"
)

func testMatcher(t *testing.T) *Matcher {
	t.Helper()
	m := NewMatcher()
	for _, p := range []struct {
		phrase string
		e      Entry
	}{
		{"United States", Entry{Kind: doc.CountryName, Code: "USA", Country: "USA"}},
		{"US", Entry{Kind: doc.CountryName, Code: "USA", Country: "USA"}},
		{"Turkey", Entry{Kind: doc.CountryName, Code: "TUR", Country: "TUR"}},
		{"Iran", Entry{Kind: doc.CountryName, Code: "IRN", Country: "IRN"}},
		{"Iranian", Entry{Kind: doc.CountryAdj, Code: "IRN", Country: "IRN"}},
		{"Saudi", Entry{Kind: doc.CountryAdj, Code: "SAU", Country: "SAU"}},
		{"Saudis", Entry{Kind: doc.CountryPeople, Code: "SAU", Country: "SAU"}},
		{"Saudi Arabia", Entry{Kind: doc.CountryName, Code: "SAU", Country: "SAU"}},
		{"official", Entry{Kind: doc.Agent, Code: "GOV", Sector: "GOV"}},
		{"foreign minister", Entry{Kind: doc.Agent, Code: "GOV", Sector: "GOV"}},
		{"Islamic State", Entry{Kind: doc.ArmedGroup, Code: "IMGISL"}},
		{"IS", Entry{Kind: doc.ArmedGroup, Code: "IMGISL"}},
		{"prince of dol amroth", Entry{Kind: doc.Organisation, Code: "DOL"}},
		{"police", Entry{Kind: doc.Agent, Code: "COP", Sector: "COP", Exact: true}},
	} {
		if err := m.Add(p.phrase, p.e); err != nil {
			t.Fatal(err)
		}
	}
	return m
}

func TestMatch(t *testing.T) {
	m := testMatcher(t)
	model, err := text.DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	an := text.NewAnalyzer(model)
	tests := []struct {
		in   string
		want string // "text=CODE" of each mention
	}{
		{"Iran refused an offer from the United States.", "Iran=IRN United States=USA"},
		{"Iranian officials met the Saudis in Saudi Arabia.", "Iranian=IRN officials=GOV Saudis=SAU Saudi Arabia=SAU"},
		{"The US and us; Turkey and turkey.", "US=USA Turkey=TUR"},
		{"Islamic State (IS) is losing ground.", "Islamic State=IMGISL IS=IMGISL"},
		{"The Iranian foreign minister spoke.", "Iranian=IRN foreign minister=GOV"},
		{"Iran’s president", "Iran=IRN"},
		{"The Prince of Dol_Amroth and the Prince of Dol Amroth", "Prince of Dol_Amroth=DOL Prince of Dol Amroth=DOL"},
		{"Iranian police and Iranian polices", "Iranian=IRN police=COP Iranian=IRN"}, // Exact: no lemma
	}
	for _, tc := range tests {
		var got []string
		for _, s := range an.Analyze(tc.in) {
			for _, mn := range m.Match(tc.in, s.Tokens, nil) {
				got = append(got, mn.Span.In(tc.in)+"="+mn.Code)
			}
		}
		if g := strings.Join(got, " "); g != tc.want {
			t.Errorf("Match(%q) = %q; want %q", tc.in, g, tc.want)
		}
	}
}
