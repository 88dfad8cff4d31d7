package pipeline

import (
	"slices"
	"testing"

	"dyad/internal/doc"
)

func TestLinkContests(t *testing.T) {
	irn := doc.Actor{Code: "IRNGOV", Country: "IRN", Sector: "GOV"}
	usa := doc.Actor{Code: "USAGOV", Country: "USA", Sector: "GOV"}
	isl := doc.Actor{Code: "IMGISL"}
	ev := func(src, tgt doc.Actor, plover, status string, claimant ...doc.Actor) doc.Event {
		return doc.Event{Source: src, Target: &tgt, PLOVER: plover, Status: status, ReportedBy: claimant}
	}
	tests := []struct {
		name string
		a, b doc.Event
		want bool
	}{
		{"each side says it acted", ev(irn, usa, "REJECT", "claimed", irn), ev(usa, irn, "REJECT", "claimed", usa), true},
		{"each side blames the other", ev(isl, irn, "ASSAULT", "claimed", irn), ev(irn, isl, "ASSAULT", "claimed", isl), true},
		{"one claimant tells both", ev(irn, usa, "REJECT", "claimed", irn), ev(usa, irn, "REJECT", "claimed", irn), false},
		{"mutual type", ev(irn, usa, "CONSULT", "claimed", irn), ev(usa, irn, "CONSULT", "claimed", usa), false},
		{"claimant off the dyad", ev(irn, usa, "REJECT", "claimed", isl), ev(usa, irn, "REJECT", "claimed", usa), false},
		{"claimed and denied", ev(isl, irn, "ASSAULT", "claimed", irn), ev(isl, irn, "ASSAULT", "denied", isl), true},
		{"both deny", ev(isl, irn, "ASSAULT", "denied", irn), ev(isl, irn, "ASSAULT", "negated", isl), false},
		{"hypothetical", ev(isl, irn, "ASSAULT", "claimed", irn), ev(isl, irn, "ASSAULT", "hypothetical", isl), false},
		{"other type", ev(irn, usa, "REJECT", "claimed", irn), ev(usa, irn, "ACCUSE", "claimed", usa), false},
		{"writer asserts one", ev(irn, usa, "REJECT", "asserted"), ev(usa, irn, "REJECT", "claimed", usa), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs := []doc.Event{tt.a, tt.b}
			evs[0].ID, evs[1].ID = "d#e1", "d#e2"
			linkContests(evs)
			got := slices.Equal(evs[0].Contests, []string{"d#e2"}) && slices.Equal(evs[1].Contests, []string{"d#e1"})
			if got != tt.want || !tt.want && (len(evs[0].Contests) > 0 || len(evs[1].Contests) > 0) {
				t.Errorf("linkContests(%s) = %v, %v; want linked %v", tt.name, evs[0].Contests, evs[1].Contests, tt.want)
			}
		})
	}
}
