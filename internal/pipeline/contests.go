package pipeline

import (
	"strconv"

	"dyad/internal/doc"
)

// numberEvents gives each event its ID, DocID#eN, N from 1 in order.
func numberEvents(res *doc.Result) {
	for i := range res.Events {
		e := &res.Events[i]
		e.ID = res.Document.ID + "#e" + strconv.Itoa(i+1)
		if e.Contests == nil {
			e.Contests = []string{} // [] in JSON, as every list of an event
		}
		if e.ReportedBy == nil {
			e.ReportedBy = []doc.Actor{}
		}
	}
}

// linkContests links the events of one document that tell the same
// thing between the same two sides otherwise, each by its own claimant:
//
//   - reversed: A→B and B→A of one PLOVER type, claimed by A's side and
//     B's side ("we refused them" by Iran, "we excluded them" by the US;
//     "they attacked us" by both). Types that are mutual by nature
//     (CONSULT, COOPERATE) are not contested by reversal;
//   - denied: A→B of one type stated or claimed by one claimant, denied
//     or negated by another.
//
// A side is an actor's country, or its code when it has none (IGOs,
// armed groups); a claimant is the innermost reporter, the one who says
// it. Events without a target or a claimant take no part.
func linkContests(evs []doc.Event) {
	for i := range evs {
		for j := i + 1; j < len(evs); j++ {
			if contested(&evs[i], &evs[j]) {
				evs[i].Contests = append(evs[i].Contests, evs[j].ID)
				evs[j].Contests = append(evs[j].Contests, evs[i].ID)
			}
		}
	}
}

func contested(a, b *doc.Event) bool {
	if a.Target == nil || b.Target == nil || a.PLOVER == "" || a.PLOVER != b.PLOVER ||
		len(a.ReportedBy) == 0 || len(b.ReportedBy) == 0 {
		return false
	}
	ca, cb := side(&a.ReportedBy[0]), side(&b.ReportedBy[0])
	as, at, bs, bt := side(&a.Source), side(a.Target), side(&b.Source), side(b.Target)
	if ca == cb || as == at {
		return false
	}
	switch {
	case as == bt && at == bs:
		if mutual[a.PLOVER] || a.Status == "hypothetical" || b.Status == "hypothetical" {
			return false
		}
		return (ca == as || ca == at) && (cb == as || cb == at)
	case as == bs && at == bt:
		return disputes(a.Status) != disputes(b.Status) &&
			a.Status != "hypothetical" && b.Status != "hypothetical"
	}
	return false
}

// mutual PLOVER types read the same in both directions.
var mutual = map[string]bool{"CONSULT": true, "COOPERATE": true}

func disputes(status string) bool { return status == "denied" || status == "negated" }

func side(a *doc.Actor) string {
	if a.Country != "" {
		return a.Country
	}
	return a.Code
}
