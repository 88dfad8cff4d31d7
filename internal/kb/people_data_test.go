package kb

import (
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"unicode"
)

// peopleBlocks parses every embedded people*.txt file as blocks.
func peopleBlocks(t testing.TB) []Block {
	t.Helper()
	names, err := fs.Glob(Data, "data/people*.txt")
	if err != nil || len(names) == 0 {
		t.Fatalf("no people files: %v", err)
	}
	var all []Block
	for _, name := range names {
		b, err := Data.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		blocks, errs := ParseBlocks(strings.NewReader(string(b)), name)
		for _, err := range errs {
			t.Error(err)
		}
		all = append(all, blocks...)
	}
	return all
}

// TestPeopleNamesNotNumbers: no name or short form of a person is a bare
// number ("short: 1975" made "In 1975 the army..." code 1975 as a person).
// A birth year belongs in born:.
func TestPeopleNamesNotNumbers(t *testing.T) {
	bad := 0
	for _, b := range peopleBlocks(t) {
		for _, f := range b.Fields {
			if f.Key != "name" && f.Key != "short" {
				continue
			}
			for _, v := range f.Values {
				if !strings.ContainsFunc(v, unicode.IsLetter) {
					bad++
					if bad <= 20 {
						t.Errorf("%s:%d: %s: %s %q has no letter", b.File, f.Line, b.Code, f.Key, v)
					}
				}
			}
		}
		for _, y := range b.Get("born") {
			if len(y) != 4 || strings.ContainsFunc(y, func(r rune) bool { return r < '0' || r > '9' }) {
				t.Errorf("%s:%d: %s: born %q is not a year", b.File, b.Line, b.Code, y)
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d names or short forms without a letter", bad)
	}
}

// TestPeopleOrganisationCodes: a role in an organisation uses a code an
// organisation entry of groups.txt uses ("IGOEEC" and "IGOWHO" coded
// people as organisations that no entry, and no analyst's filter, knows:
// the EU is IGOEUR, the WHO IGOUNOWHO).
func TestPeopleOrganisationCodes(t *testing.T) {
	orgs := map[string]bool{}
	gb, err := Data.ReadFile("data/groups.txt")
	if err != nil {
		t.Fatal(err)
	}
	blocks, _ := ParseBlocks(strings.NewReader(string(gb)), "groups.txt")
	for _, b := range blocks {
		orgs[b.Code] = true
	}
	countries := map[string]bool{}
	for _, b := range loadCountries(t) {
		countries[b.Code] = true
	}
	for _, b := range peopleBlocks(t) {
		for _, f := range b.Fields {
			if f.Key != "role" {
				continue
			}
			r, err := parseRole(f.Values)
			if err != nil {
				t.Errorf("%s:%d: %v", b.File, f.Line, err)
				continue
			}
			switch {
			case len(r.Country) == 3 && countries[r.Country]:
			case len(r.Country) > 3 && orgs[r.Country]:
			default:
				t.Errorf("%s:%d: %s: role code %s is neither a country of countries.txt nor an organisation of groups.txt", b.File, f.Line, b.Code, r.Country)
			}
		}
	}
}

// TestPartiesOwnBlocks: parties that news tells apart are separate actors:
// a phrase of one party never codes as another ("AfD" was DEUPTYCDU).
func TestPartiesOwnBlocks(t *testing.T) {
	k := defaultKBT(t)
	for _, set := range [][]string{
		{"CDU", "SPD", "AfD", "FDP", "Die Linke", "BSW", "CSU"},
	} {
		seen := map[string]string{}
		for _, p := range set {
			ms := matchText(t, k.Actors, p)
			if len(ms) != 1 {
				t.Errorf("%q: %d mentions, want 1", p, len(ms))
				continue
			}
			code := ms[0].Code
			if other, dup := seen[code]; dup {
				t.Errorf("%q and %q both code as %s", p, other, code)
			}
			seen[code] = p
		}
	}
	for p, want := range map[string]string{
		"Alternative for Germany": "DEUPTYAFD", "AfD": "DEUPTYAFD",
		"Christian Democratic Union": "DEUPTYCDU", "Social Democratic Party of Germany": "DEUPTYSPD",
	} {
		ms := matchText(t, k.Actors, p)
		if len(ms) != 1 || ms[0].Code != want {
			t.Errorf("%q: %v; want %s", p, codesOf(ms), want)
		}
	}
}

func codesOf(ms []mentionLike) []string {
	var out []string
	for _, m := range ms {
		out = append(out, fmt.Sprintf("%s/%s", m.Code, m.ID))
	}
	return out
}
