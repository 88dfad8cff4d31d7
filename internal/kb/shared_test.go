package kb

import (
	"strings"
	"testing"
)

// TestSharedShortByDate: a short form several people share names the one
// who held a role on the document's date (the senior one when several
// did, the incoming one on a handover day, the latest former holder when
// none did), and only that one.
func TestSharedShortByDate(t *testing.T) {
	k := defaultKBT(t)
	for _, c := range []struct{ in, date, want string }{
		{"Ban said the talks would go on.", "2010-05-01", "ban-kimoon"},
		{"Bush said the war was over.", "1991-03-01", "bush-georgehw"},
		{"Bush said the war was over.", "2003-05-01", "bush-georgew"},
		{"Bush said the war was a mistake.", "2015-05-01", "bush-georgew"},
		{"Clinton said the talks would go on.", "1996-05-01", "clinton-bill"},
		{"Clinton said the talks would go on.", "2011-05-01", "clinton-hillary"},
		{"Castro said the embargo must end.", "2000-05-01", "castro-fidel"},
		{"Castro said the embargo must end.", "2015-05-01", "castro-raul"},
		{"Maliki said the army would retake Mosul.", "2008-05-01", "maliki-nouri"},
		{"Herzog said the hostages must come home.", "2023-11-01", "herzog-isaac"},
		{"Herzog said the hostages must come home.", "1990-11-01", "herzog-chaim"},
		{"Aoun said the army would deploy.", "2018-05-01", "aoun-michel"},
		{"Aoun said the army would deploy.", "2025-05-01", "aoun-joseph"},
		{"Sharif said the talks would go on.", "2015-05-01", "sharif-nawaz"},
		{"Sharif said the talks would go on.", "2023-05-01", "sharif-shehbaz"},
		{"Traore said the junta would stay.", "2023-05-01", "traore-ibrahim"},
		{"Blair said the war was right.", "2019-05-01", "blair-tony"},
		{"Jones said the talks would go on.", "2009-05-01", "jones-james"},
		{"Jones said the talks would go on.", "2020-05-01", "-"},             // a surname alone, 8 years after a non-top office
		{"Rabin said the talks would go on.", "2018-05-01", "rabin-yitzhak"}, // a head of government: no end
		{"Kim said the tests would go on.", "2017-05-01", ""},                // Moon's South Korea has no Kim in office: checked below
	} {
		var got []string
		for _, m := range matchText(t, k.Actors, c.in) {
			if m.ID != "" && m.ValidOn(c.date) && strings.Contains(c.in, m.Text) && m.Kind.String() == "person" {
				got = append(got, m.ID)
			}
		}
		g := strings.Join(got, " ")
		if c.want == "-" {
			if len(got) > 0 {
				t.Errorf("%q on %s: [%s]; want no one", c.in, c.date, g)
			}
			continue
		}
		if c.want == "" {
			if len(got) > 1 {
				t.Errorf("%q on %s: %s; want at most one person", c.in, c.date, g)
			}
			continue
		}
		if g != c.want {
			t.Errorf("%q on %s: [%s]; want %s", c.in, c.date, g, c.want)
		}
	}
}

// TestSharedWinner checks the rule on made-up people: seniority, the
// handover day, the latest former holder, and a tie.
func TestSharedWinner(t *testing.T) {
	a := &Person{ID: "a", Roles: []Role{{Country: "XXX", Sector: "GOV", Office: "president", From: "2000-01-01", To: "2005-01-01"}}}
	b := &Person{ID: "b", Roles: []Role{{Country: "XXX", Sector: "GOV", Office: "president", From: "2005-01-01", To: ""}}}
	c := &Person{ID: "c", Roles: []Role{{Country: "XXX", Sector: "MIL", Office: "army chief", From: "2001-01-01", To: "2009-01-01"}}}
	d := &Person{ID: "d", Roles: []Role{{Country: "YYY", Sector: "GOV", Office: "president", From: "2003-01-01", To: "2004-01-01"}}}
	people := []*Person{a, b, c, d}
	for _, tc := range []struct{ date, want string }{
		{"1999-01-01", ""},  // no one yet
		{"2002-01-01", "a"}, // a president, c army chief
		{"2003-06-01", ""},  // two presidents
		{"2005-01-01", "b"}, // handover day: the incoming one
		{"2010-01-01", "b"}, // b still in office
	} {
		w := sharedWinner(people, tc.date)
		got := ""
		if w != nil {
			got = w.ID
		}
		if got != tc.want {
			t.Errorf("sharedWinner(%s) = %q; want %q", tc.date, got, tc.want)
		}
	}
	if w := sharedWinner([]*Person{a, c}, "2012-01-01"); w != a {
		t.Errorf("former head of state within %d years: got %v; want a (left 2005)", formerTopYears, w)
	}
	if w := sharedWinner([]*Person{a, c}, "2018-01-01"); w != c {
		t.Errorf("latest former holder: got %v; want c (left 2009)", w)
	}
	spans := sharedSpans([]*Person{a, b})
	if s := spans[a]; len(s) != 1 || s[0] != [2]string{"2000-01-01", "2004-12-31"} {
		t.Errorf("spans of a = %v", s)
	}
	if s := spans[b]; len(s) != 1 || s[0] != [2]string{"2005-01-01", ""} {
		t.Errorf("spans of b = %v", s)
	}
}
