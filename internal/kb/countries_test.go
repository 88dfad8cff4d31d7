package kb

import (
	"slices"
	"strings"
	"testing"
)

// countryKeys are the fields a countries.txt block may have.
var countryKeys = []string{"name", "adj", "people", "capital", "seat", "seat-mil", "seat-leg", "part", "region", "iso2", "note", "shared"}

// phraseKeys are the fields whose values the matcher will look for in text.
var phraseKeys = []string{"name", "adj", "people", "capital", "seat", "seat-mil", "seat-leg", "part"}

var regions = []string{"africa", "americas", "asia", "europe", "middle-east", "oceania"}

func loadCountries(t testing.TB) []Block {
	t.Helper()
	f, err := Data.Open("data/countries.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	blocks, errs := ParseBlocks(f, "countries.txt")
	for _, err := range errs {
		t.Error(err)
	}
	return blocks
}

func isUpper(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

func TestCountriesBlocks(t *testing.T) {
	blocks := loadCountries(t)
	if len(blocks) < 200 {
		t.Errorf("countries.txt has %d blocks; want at least 200", len(blocks))
	}
	codes := map[string]int{}
	iso2s := map[string]string{}
	for _, b := range blocks {
		if !isUpper(b.Code, 3) {
			t.Errorf("line %d: code %q is not three uppercase letters", b.Line, b.Code)
		}
		if prev, ok := codes[b.Code]; ok {
			t.Errorf("line %d: code %s already used at line %d", b.Line, b.Code, prev)
		}
		codes[b.Code] = b.Line
		if b.Name == "" {
			t.Errorf("%s: header has no display name", b.Code)
		}
		for _, f := range b.Fields {
			if !slices.Contains(countryKeys, f.Key) {
				t.Errorf("%s line %d: unknown key %q", b.Code, f.Line, f.Key)
			}
		}
		if len(b.Get("name")) == 0 {
			t.Errorf("%s: no name", b.Code)
		}
		if r := b.Get("region"); len(r) != 1 || !slices.Contains(regions, r[0]) {
			t.Errorf("%s: region %q; want exactly one of %v", b.Code, r, regions)
		}
		iso2 := b.Get("iso2")
		if len(iso2) != 1 || !isUpper(iso2[0], 2) {
			t.Errorf("%s: iso2 %q; want exactly one code of two uppercase letters", b.Code, iso2)
			continue
		}
		if prev, ok := iso2s[iso2[0]]; ok {
			t.Errorf("%s: iso2 %s already used by %s", b.Code, iso2[0], prev)
		}
		iso2s[iso2[0]] = b.Code
	}
}

// TestCountriesPhrases checks that every phrase has one default owner: a
// phrase (case-insensitively) in two blocks must be listed as shared in all
// but one of them, and a shared phrase must really be in its block and in
// another one. Within a block, a phrase appears once.
func TestCountriesPhrases(t *testing.T) {
	blocks := loadCountries(t)
	owners := map[string][]string{} // lowercased phrase -> codes not marking it shared
	all := map[string][]string{}    // lowercased phrase -> every code using it
	for _, b := range blocks {
		shared := map[string]bool{}
		for _, s := range b.Get("shared") {
			shared[strings.ToLower(s)] = true
		}
		seen := map[string]string{}
		for _, key := range phraseKeys {
			for _, v := range b.Get(key) {
				p := strings.ToLower(v)
				if prev, ok := seen[p]; ok {
					t.Errorf("%s: phrase %q in %s repeats %s", b.Code, v, key, prev)
					continue
				}
				seen[p] = key
				all[p] = append(all[p], b.Code)
				if !shared[p] {
					owners[p] = append(owners[p], b.Code)
				}
			}
		}
		for s := range shared {
			if _, ok := seen[s]; !ok {
				t.Errorf("%s: shared %q is not one of its phrases", b.Code, s)
			}
		}
	}
	for p, codes := range all {
		if len(codes) < 2 {
			if len(owners[p]) == 0 {
				t.Errorf("phrase %q is marked shared in %v but no other block has it", p, codes)
			}
			continue
		}
		if len(owners[p]) != 1 {
			t.Errorf("phrase %q is in %v; default owners %v; want exactly one (mark the others shared)", p, codes, owners[p])
		}
	}
}

func TestCountriesSpotChecks(t *testing.T) {
	byCode := map[string]*Block{}
	blocks := loadCountries(t)
	for i := range blocks {
		byCode[blocks[i].Code] = &blocks[i]
	}
	tests := []struct {
		code, key, want string
	}{
		{"IRN", "adj", "Iranian"},
		{"IRN", "capital", "Tehran"},
		{"USA", "name", "United States"},
		{"USA", "name", "US"},
		{"USA", "seat", "White House"},
		{"USA", "seat-mil", "Pentagon"},
		{"ARE", "adj", "Emirati"},
		{"ARE", "name", "UAE"},
		{"SAU", "people", "Saudis"},
		{"SAU", "adj", "Saudi"},
		{"GBR", "name", "Britain"},
		{"GBR", "people", "Britons"},
		{"RUS", "seat", "Kremlin"},
		{"UKR", "capital", "Kyiv"},
		{"UKR", "capital", "Kiev"},
		{"MMR", "name", "Burma"},
		{"CIV", "name", "Ivory Coast"},
		{"SWZ", "name", "Swaziland"},
		{"CZE", "name", "Czech Republic"},
		{"COD", "name", "DRC"},
		{"XKX", "name", "Kosovo"},
		{"PSE", "name", "Palestine"},
		{"TWN", "name", "Taiwan"},
		{"COG", "shared", "Congo"},
		{"DMA", "shared", "Dominican"},
		{"PRK", "shared", "Korea"},
		{"GNB", "shared", "Guinean"},
	}
	for _, tt := range tests {
		b := byCode[tt.code]
		if b == nil {
			t.Errorf("no block %s", tt.code)
			continue
		}
		if got := b.Get(tt.key); !slices.Contains(got, tt.want) {
			t.Errorf("%s.Get(%q) = %q; want it to contain %q", tt.code, tt.key, got, tt.want)
		}
	}
	// Names that are also common words or names carry a note.
	for _, code := range []string{"TCD", "JOR", "GEO", "TUR", "NER", "GIN", "CHN", "USA"} {
		if b := byCode[code]; b == nil || len(b.Get("note")) == 0 {
			t.Errorf("%s: no note on its ambiguous name", code)
		}
	}
	// Every UN member state, observer state and Kosovo is present.
	for _, code := range strings.Fields(unMembers + " VAT PSE XKX") {
		if byCode[code] == nil {
			t.Errorf("no block for %s", code)
		}
	}
}

// unMembers are the ISO 3166-1 alpha-3 codes of the 193 UN member states.
const unMembers = `
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN
BTN BOL BIH BWA BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM
COG COD CRI CIV HRV CUB CYP CZE PRK DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST
SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN
ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN
LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MDA MCO
MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN
PNG PRY PER PHL POL PRT QAT KOR ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN
SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK TZA
THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR USA URY UZB VUT VEN VNM
YEM ZMB ZWE`

func TestUNMembersList(t *testing.T) {
	codes := strings.Fields(unMembers)
	if len(codes) != 193 {
		t.Errorf("unMembers has %d codes; want 193", len(codes))
	}
	slices.Sort(codes)
	if c := slices.Compact(codes); len(c) != 193 {
		t.Errorf("unMembers has %d distinct codes; want 193", len(c))
	}
}
