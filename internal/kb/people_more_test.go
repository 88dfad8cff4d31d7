package kb

import (
	"strings"
	"testing"
	"time"
)

// loadPeopleMore parses data/people-more.txt as blocks.
func loadPeopleMore(t testing.TB) []Block {
	t.Helper()
	f, err := Data.Open("data/people-more.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	blocks, errs := ParseBlocks(f, "people-more.txt")
	for _, err := range errs {
		t.Error(err)
	}
	return blocks
}

// TestPeopleMoreLoads loads the embedded dictionaries: no errors, and
// people.txt with people-more.txt give at least 1,500 people.
func TestPeopleMoreLoads(t *testing.T) {
	k, errs := Default(nil)
	for _, err := range errs {
		t.Error(err)
	}
	if n := len(k.People); n < 1500 {
		t.Errorf("%d people loaded, want at least 1500", n)
	}
	blocks := loadPeopleMore(t)
	t.Logf("%d people loaded, %d from people-more.txt", len(k.People), len(blocks))
	if len(blocks) < 220 {
		t.Errorf("people-more.txt has %d people, want at least 220", len(blocks))
	}
}

// TestPeopleMoreBlocks checks the fields of people-more.txt: known keys,
// role country codes of countries.txt (or IGO codes), PLOVER sectors, and
// a group: for armed-group leaders.
func TestPeopleMoreBlocks(t *testing.T) {
	codes := map[string]bool{}
	for _, b := range loadCountries(t) {
		codes[b.Code] = true
	}
	sectors := map[string]bool{"GOV": true, "MIL": true, "LEG": true, "JUD": true, "SPY": true, "REB": true, "OPP": true, "REL": true, "IGO": true}
	keys := map[string]bool{"name": true, "short": true, "role": true, "group": true, "born": true}
	for _, b := range loadPeopleMore(t) {
		if len(b.Get("name")) == 0 {
			t.Errorf("%s: no name", b.Code)
		}
		for _, f := range b.Fields {
			if !keys[f.Key] {
				t.Errorf("%s: unknown field %q", b.Code, f.Key)
			}
			if f.Key != "role" {
				continue
			}
			r, err := parseRole(f.Values)
			if err != nil {
				t.Errorf("%s: %v", b.Code, err)
				continue
			}
			if !codes[r.Country] && !strings.HasPrefix(r.Country, "IGO") {
				t.Errorf("%s: unknown country %s", b.Code, r.Country)
			}
			if !sectors[r.Sector] {
				t.Errorf("%s: unknown sector %s", b.Code, r.Sector)
			}
		}
	}
}

// TestPeopleMoreNoOverlap checks that, in the middle of each term written
// in people-more.txt, the dictionaries know exactly one holder of that
// office: two people in one office at once is a wrong date or a duplicate.
func TestPeopleMoreNoOverlap(t *testing.T) {
	k, _ := Default(nil)
	for _, b := range loadPeopleMore(t) {
		p := k.People[b.Code]
		if p == nil {
			t.Errorf("%s: not loaded", b.Code)
			continue
		}
		for _, r := range p.Roles {
			if r.Office == "leader" || r.Office == "military leader" {
				continue // several armed groups in one country
			}
			to := r.To
			if to == "" {
				to = "2026-06-01"
			}
			mid := midDate(r.From, to)
			who, _, ok := k.Holder(r.Country, r.Office, mid)
			if !ok {
				t.Errorf("%s %s %s on %s: not one holder", b.Code, r.Country, r.Office, mid)
			} else if who != p {
				t.Errorf("%s %s %s on %s: holder %s", b.Code, r.Country, r.Office, mid, who.ID)
			}
		}
	}
}

// midDate is the date halfway between two YYYY-MM-DD dates.
func midDate(from, to string) string {
	a, err1 := time.Parse("2006-01-02", from)
	b, err2 := time.Parse("2006-01-02", to)
	if err1 != nil || err2 != nil {
		return from
	}
	return a.Add(b.Sub(a) / 2).Format("2006-01-02")
}

// TestPeopleMoreHolders spot-checks offices on dates either side of a
// handover.
func TestPeopleMoreHolders(t *testing.T) {
	k, _ := Default(nil)
	for _, c := range []struct{ country, office, date, want string }{
		{"CUB", "president", "2010-01-01", "castro-raul"},
		{"CUB", "president", "2019-01-01", "diazcanel-miguel"},
		{"POL", "defence minister", "2016-06-01", "macierewicz-antoni"},
		{"POL", "defence minister", "2019-06-01", "blaszczak-mariusz"},
		{"XKX", "prime minister", "2010-06-01", "thaci-hashim"},
		{"XKX", "prime minister", "2022-06-01", "kurti-albin"},
		{"HRV", "president", "2005-06-01", "mesic-stjepan"},
		{"HRV", "president", "2012-06-01", "josipovic-ivo"},
		{"BIH", "serb presidency member", "2020-06-01", "dodik-milorad"},
		{"ESP", "defence minister", "2017-06-01", "cospedal-mariadolores"},
		{"ESP", "defence minister", "2019-06-01", "robles-margarita"},
		{"PER", "president", "2019-06-01", "vizcarra-martin"},
		{"PER", "president", "2023-06-01", "boluarte-dina"},
		{"KEN", "president", "2012-06-01", "kibaki-mwai"},
		{"KEN", "president", "2015-06-01", "kenyatta-uhuru"},
		{"LKA", "president", "2010-06-01", "rajapaksa-mahinda"},
		{"LKA", "president", "2017-06-01", "sirisena-maithripala"},
		{"THA", "prime minister", "2012-06-01", "shinawatra-yingluck"},
		{"THA", "prime minister", "2016-06-01", "prayut-chanocha"},
		{"COD", "prime minister", "2014-06-01", "matataponyo-augustin"},
		{"COD", "prime minister", "2022-06-01", "sammalukonde-jeanmichel"},
		{"ARM", "foreign minister", "2015-06-01", "nalbandian-edward"},
		{"ARM", "foreign minister", "2019-06-01", "mnatsakanyan-zohrab"},
	} {
		who, _, ok := k.Holder(c.country, c.office, c.date)
		if !ok || who.ID != c.want {
			got := "none"
			if who != nil {
				got = who.ID
			}
			t.Errorf("%s %s on %s: %s (unique %v), want %s", c.country, c.office, c.date, got, ok, c.want)
		}
	}
}
