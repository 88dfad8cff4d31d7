package kb

import (
	"strings"
	"testing"
)

// TestSurnameContext: a one-word short form is a name only where the
// words around it make it one (surnameFits); both sides of each rule.
func TestSurnameContext(t *testing.T) {
	k := defaultKBT(t)
	for _, c := range []struct {
		in   string
		id   string // the person id a mention must have
		want bool
	}{
		{"Ban said the talks would go on.", "ban-kimoon", true},
		{"Ban on exports was lifted in March.", "ban-kimoon", false},
		{"The ban on exports was lifted.", "ban-kimoon", false},
		{"Prime Minister Khan urged restraint.", "khan-imran", true},
		{"May said she would not resign.", "may-theresa", true},
		{"Talks with May in the cabinet were tense.", "may-theresa", true},
		{"By the end of May the talks had failed.", "may-theresa", false}, // also "critics of May": the cost
		{"In May, the army moved north.", "may-theresa", false},
		{"The talks resume on May 5.", "may-theresa", false},
		{"Elections are due by May.", "may-theresa", false},
		{"Johnson said the deal was done.", "johnson-boris", true},
		{"Mr Johnson said the deal was done.", "johnson-boris", true},
		{"Dwayne Johnson said the film was done.", "johnson-boris", false},
		{"Johnson Controls said sales rose.", "johnson-boris", false},
		{"Trump met Johnson Monday in London.", "johnson-boris", true},
		{"It followed a Trump request to Nato.", "trump-donald", true},
		{"The Trump White House said no.", "trump-donald", true},
		{"Khan said the vote was rigged.", "khan-imran", true},
		{"Toledo said he was innocent.", "toledo-alejandro", true},
		{"El Chapo was extradited.", "chapo-daniel", false},
		{"Ismail al-Abdullah, a teacher, spoke.", "ismail-sherif", false},
		{"Ryan Lock was killed in Raqqa.", "ryan-paul", false},
		{"She was killed in an airstrike that May.", "may-theresa", false},
	} {
		ms := matchText(t, k.Actors, c.in)
		got := false
		var all []string
		for _, m := range ms {
			all = append(all, m.Text+"="+m.ID)
			if m.ID == c.id {
				got = true
			}
		}
		if got != c.want {
			t.Errorf("Match(%q) = [%s]; want %s: %v", c.in, strings.Join(all, " "), c.id, c.want)
		}
	}
}
