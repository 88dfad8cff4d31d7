package pipeline

import (
	"math/rand/v2"
	"slices"
	"strconv"
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

// pairwiseContests is linkContests as it was: every pair of events
// through contested, no bound. The grouped version must give the same
// links on any document that stays under the bound.
func pairwiseContests(evs []doc.Event) {
	for i := range evs {
		for j := i + 1; j < len(evs); j++ {
			if contested(&evs[i], &evs[j]) {
				evs[i].Contests = append(evs[i].Contests, evs[j].ID)
				evs[j].Contests = append(evs[j].Contests, evs[i].ID)
			}
		}
	}
}

// randomEvents draws n events from a few sides, types, statuses and
// claimants, so that every case of contested comes up.
func randomEvents(r *rand.Rand, n int) []doc.Event {
	actors := []doc.Actor{
		{Code: "IRNGOV", Country: "IRN"}, {Code: "USAGOV", Country: "USA"}, {Code: "USAMIL", Country: "USA"},
		{Code: "IMGISL"}, {Code: "IGOUNO"}, {Code: "SAUGOV", Country: "SAU"},
	}
	plovers := []string{"REJECT", "ASSAULT", "CONSULT", "COOPERATE", "ACCUSE", ""}
	statuses := []string{"asserted", "claimed", "denied", "negated", "hypothetical"}
	evs := make([]doc.Event, n)
	for i := range evs {
		e := &evs[i]
		e.ID = "d#e" + strconv.Itoa(i+1)
		e.Contests = []string{}
		e.Source = actors[r.IntN(len(actors))]
		if r.IntN(8) > 0 {
			t := actors[r.IntN(len(actors))]
			e.Target = &t
		}
		e.PLOVER = plovers[r.IntN(len(plovers))]
		e.Status = statuses[r.IntN(len(statuses))]
		for range r.IntN(3) {
			e.ReportedBy = append(e.ReportedBy, actors[r.IntN(len(actors))])
		}
	}
	return evs
}

// TestLinkContestsPairwise checks the grouped linkContests against every
// pair compared, on random documents small enough for the bound not to
// matter.
func TestLinkContestsPairwise(t *testing.T) {
	r := rand.New(rand.NewPCG(16, 7))
	links := 0
	for round := range 600 {
		evs := randomEvents(r, 1+r.IntN(60))
		want := slices.Clone(evs)
		for i := range want {
			want[i].Contests = []string{}
		}
		pairwiseContests(want)
		linkContests(evs)
		for i := range evs {
			if !slices.Equal(evs[i].Contests, want[i].Contests) {
				t.Fatalf("round %d: linkContests: event %s contests %v; want %v (pairwise)", round, evs[i].ID, evs[i].Contests, want[i].Contests)
			}
			links += len(evs[i].Contests)
		}
	}
	if links < 100 {
		t.Errorf("the random documents have %d links; want enough to test the rule (100 or more)", links)
	}
}

// TestLinkContestsBounded: a document that repeats one claim and its
// denial thousands of times links each event to at most maxContests
// others (pairwise, each listed every event of the other claimant:
// 3000 here), the first ones in document order.
func TestLinkContestsBounded(t *testing.T) {
	irn := doc.Actor{Code: "IRNGOV", Country: "IRN"}
	isl := doc.Actor{Code: "IMGISL"}
	evs := make([]doc.Event, 6000)
	for i := range evs {
		e := &evs[i]
		e.ID = "d#e" + strconv.Itoa(i+1)
		e.Source, e.Target, e.PLOVER = isl, &irn, "ASSAULT"
		if i%2 == 0 {
			e.Status, e.ReportedBy = "claimed", []doc.Actor{irn}
		} else {
			e.Status, e.ReportedBy = "denied", []doc.Actor{isl}
		}
	}
	linkContests(evs)
	for i := range evs {
		if n := len(evs[i].Contests); n != maxContests {
			t.Fatalf("event %d lists %d contests; want %d", i+1, n, maxContests)
		}
	}
	if got := evs[0].Contests[:3]; !slices.Equal(got, []string{"d#e2", "d#e4", "d#e6"}) {
		t.Errorf("first contests of e1 = %v; want [d#e2 d#e4 d#e6]", got)
	}
}
