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
// it. Events without a target or a claimant take no part. contested is
// the rule for one pair; an event lists at most maxContests events, the
// first in document order.
//
// Comparing every pair was quadratic: 2.5 s of a 2 MB document's 4.6 s
// (issue 16). Events are grouped instead by what a contesting event must
// share with them, so the work is linear in the events plus the links.
func linkContests(evs []doc.Event) {
	type revKey struct {
		plover, lo, hi, claimant string
		forward                  bool // the source is lo
	}
	type sameKey struct {
		plover, lo, hi    string
		forward, disputes bool
	}
	// same lists the events of one sameKey in order with their
	// claimants; skip[p] is the next position whose claimant differs
	// from p's, so the events of one's own claimant are passed at once.
	type same struct {
		at    []int
		claim []string
		skip  []int
	}
	type part struct {
		as, at, ca string
		ok         bool
	}
	var parts []part // made at the first event that takes part
	var rev map[revKey][]int
	var sam map[sameKey]*same
	for i := range evs {
		e := &evs[i]
		if e.Target == nil || e.PLOVER == "" || len(e.ReportedBy) == 0 || e.Status == "hypothetical" {
			continue
		}
		p := part{as: side(&e.Source), at: side(e.Target), ca: side(&e.ReportedBy[0])}
		if p.as == p.at {
			continue
		}
		p.ok = true
		if parts == nil {
			parts = make([]part, len(evs))
			rev, sam = map[revKey][]int{}, map[sameKey]*same{}
		}
		parts[i] = p
		lo, hi := min(p.as, p.at), max(p.as, p.at)
		fwd := p.as == lo
		if !mutual[e.PLOVER] && (p.ca == p.as || p.ca == p.at) {
			k := revKey{e.PLOVER, lo, hi, p.ca, fwd}
			rev[k] = append(rev[k], i)
		}
		k := sameKey{e.PLOVER, lo, hi, fwd, disputes(e.Status)}
		g := sam[k]
		if g == nil {
			g = &same{}
			sam[k] = g
		}
		g.at = append(g.at, i)
		g.claim = append(g.claim, p.ca)
	}
	for _, g := range sam {
		g.skip = make([]int, len(g.at))
		for p := len(g.at) - 1; p >= 0; p-- {
			if p+1 < len(g.at) && g.claim[p+1] == g.claim[p] {
				g.skip[p] = g.skip[p+1]
			} else {
				g.skip[p] = p + 1
			}
		}
	}
	if parts == nil {
		return
	}
	var a, b []int
	for i := range evs {
		p := &parts[i]
		if !p.ok {
			continue
		}
		e := &evs[i]
		lo, hi := min(p.as, p.at), max(p.as, p.at)
		fwd := p.as == lo
		a, b = a[:0], b[:0]
		if !mutual[e.PLOVER] && (p.ca == p.as || p.ca == p.at) {
			other := p.as
			if p.ca == p.as {
				other = p.at
			}
			r := rev[revKey{e.PLOVER, lo, hi, other, !fwd}]
			a = append(a, r[:min(len(r), maxContests)]...)
		}
		if g := sam[sameKey{e.PLOVER, lo, hi, fwd, !disputes(e.Status)}]; g != nil {
			for q := 0; q < len(g.at) && len(b) < maxContests; {
				if g.claim[q] == p.ca {
					q = g.skip[q]
					continue
				}
				b = append(b, g.at[q])
				q++
			}
		}
		// Merge the two ascending lists.
		for n := 0; n < maxContests && (len(a) > 0 || len(b) > 0); n++ {
			var j int
			if len(b) == 0 || len(a) > 0 && a[0] < b[0] {
				j, a = a[0], a[1:]
			} else {
				j, b = b[0], b[1:]
			}
			e.Contests = append(e.Contests, evs[j].ID)
		}
	}
}

// maxContests bounds the events one event lists as contesting it, so a
// document that repeats one claim and its denial thousands of times
// keeps a list of links per event that a reader can use (no news
// article comes near it: the most in the Guardian set is 1).
const maxContests = 100

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
