package kb

import (
	"slices"
	"time"
)

// A short form that several people share ("Bush", "Castro", "Kim",
// "Sheikh Khalifa") names, on a given day, the one of them the news of
// that day means. settleShared gives each sharer's short-form phrase the
// days it holds (Entry.From and To, one phrase per stretch of days), so a
// mention of another sharer's days is left out by the actor stage as a
// dated code of another period is. On a day:
//
//  1. among the sharers holding a role that day, the one whose role is
//     the most senior (head of state or government, or an armed group's
//     leader; then other government offices; then the rest), when
//     exactly one is; on a handover day the incoming holder wins;
//  2. when none holds a role, the one whose last role ended most
//     recently ("Bush" in 2010 is George W. Bush);
//  3. otherwise (two heads of state named Kim, no sharer in office yet),
//     no one: the short form names no one that day.
//
// A short form of one person alone keeps every day.

// shortRef is one short form of one person, as written in people*.txt.
type shortRef struct {
	phrase string
	who    *Person
	entry  Entry
}

// settleShared redoes the dated phrases of every shared short form; it
// runs after each people file, so it sees everyone loaded so far.
func (k *KB) settleShared() {
	groups := map[string][]shortRef{}
	var order []string
	for _, r := range k.shorts {
		key := k.Actors.keyOf(r.phrase)
		if _, ok := groups[key]; !ok {
			order = append(order, key)
		}
		groups[key] = append(groups[key], r)
	}
	for _, key := range order {
		refs := groups[key]
		var people []*Person
		for _, r := range refs {
			if !slices.Contains(people, r.who) {
				people = append(people, r.who)
			}
		}
		if len(people) < 2 {
			continue
		}
		spans := sharedSpans(people)
		n, ok := k.Actors.nodeOf(refs[0].phrase)
		if !ok {
			continue
		}
		k.Actors.dropShort(n)
		for _, r := range refs {
			for _, s := range spans[r.who] {
				e := r.entry
				e.From, e.To = s[0], s[1]
				k.Actors.add(r.phrase, e, true)
			}
		}
	}
}

// sharedSpans returns, for each person, the stretches of days [from, to]
// ("" open) on which they are the one a shared short form names.
func sharedSpans(people []*Person) map[*Person][][2]string {
	var bounds []string
	for _, p := range people {
		for _, r := range p.Roles {
			bounds = append(bounds, r.From)
			if r.To != "" {
				bounds = append(bounds, r.To, nextDay(r.To))
			}
		}
	}
	slices.Sort(bounds)
	bounds = slices.Compact(bounds)
	out := map[*Person][][2]string{}
	var cur *Person
	start := ""
	for i, b := range bounds {
		w := sharedWinner(people, b)
		if w == cur {
			continue
		}
		if cur != nil {
			out[cur] = append(out[cur], [2]string{start, prevDay(b)})
		}
		cur, start = w, b
		_ = i
	}
	if cur != nil {
		out[cur] = append(out[cur], [2]string{start, ""})
	}
	return out
}

// sharedWinner returns the sharer a short form names on date, or nil.
func sharedWinner(people []*Person, date string) *Person {
	var best *Person
	bestRank, tie, bestEnds := 99, false, false
	for _, p := range people {
		rank, ends, ok := rankOn(p, date)
		if !ok {
			continue
		}
		switch {
		case best == nil || rank < bestRank || rank == bestRank && bestEnds && !ends:
			best, bestRank, tie, bestEnds = p, rank, false, ends
		case rank == bestRank && ends && !bestEnds:
			// the outgoing holder yields on a handover day
		case rank == bestRank:
			tie = true
		}
	}
	if best != nil {
		if tie {
			return nil
		}
		return best
	}
	last, tie := "", false
	for _, p := range people {
		end := ""
		for _, r := range p.Roles {
			if r.To != "" && r.To < date && r.To > end {
				end = r.To
			}
		}
		switch {
		case end == "":
		case end > last:
			best, last, tie = p, end, false
		case end == last:
			tie = true
		}
	}
	if tie {
		return nil
	}
	return best
}

// rankOn returns the seniority of the most senior role p holds on date
// (0 highest), whether every role held ends that day, and false when p
// holds none.
func rankOn(p *Person, date string) (rank int, ends, ok bool) {
	rank, ends = 99, true
	for _, r := range p.Roles {
		if r.From > date || r.To != "" && date > r.To {
			continue
		}
		ok = true
		rank = min(rank, officeRank(r))
		if r.To != date {
			ends = false
		}
	}
	return rank, ends, ok
}

// topOffices are the offices of heads of state and government (and an
// organisation's head).
var topOffices = map[string]bool{
	"president": true, "prime minister": true, "premier": true, "chancellor": true, "king": true,
	"queen": true, "emir": true, "sultan": true, "supreme leader": true, "first secretary": true,
	"general secretary": true, "secretary-general": true, "state counsellor": true,
	"president of the european commission": true, "director-general": true,
}

func officeRank(r Role) int {
	switch {
	case topOffices[r.Office] || r.Sector == "REB" && r.Office == "leader":
		return 0
	case r.Sector == "GOV":
		return 1
	}
	return 2
}

func nextDay(d string) string { return addDays(d, 1) }
func prevDay(d string) string { return addDays(d, -1) }

func addDays(d string, n int) string {
	t, err := time.Parse("2006-01-02", d)
	if err != nil {
		return d
	}
	return t.AddDate(0, 0, n).Format("2006-01-02")
}
