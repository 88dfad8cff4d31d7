package kb

import (
	"slices"
	"strings"
	"time"
)

// A short form that several people share ("Bush", "Castro", "Kim",
// "Sheikh Khalifa") names, on a given day, the one of them the news of
// that day means. settleShared gives each sharer's short-form phrase the
// days it holds (Entry.From and To, one phrase per stretch of days), so a
// mention of another sharer's days is left out by the actor stage as a
// dated code of another period is. On a day:
//
//  1. among the sharers holding a role that day, or who left the office
//     of a head of state or government less than formerTopYears years
//     before, the most senior (sharedWinner), when exactly one is; on a
//     handover day the incoming holder wins;
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
		oneWord := !strings.Contains(key, " ")
		var spans map[*Person][][2]string
		switch {
		case len(people) > 1:
			spans = sharedSpans(people)
		case oneWord && surnameEnd(people[0]) != "":
			spans = map[*Person][][2]string{people[0]: {{"", ""}}}
		default:
			continue // one person, no end: the phrase as added
		}
		if oneWord {
			for p, ss := range spans {
				spans[p] = clipSpans(ss, surnameEnd(p))
			}
		}
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

// A surname alone ("Jones") names an office-holder while the news still
// calls them by it: without end for a head of state or government ("Rabin",
// "Arafat", "Khomeini" in history), surnameYears after another office
// ("Jones", a national security adviser until 2010, is someone else in
// 2020). Their full names match on any date.
const surnameYears = 8

// surnameEnd returns the last day a one-word short form of p names p, or
// "" when it has no end (in office now, ever a head of state or
// government, or no dated role).
func surnameEnd(p *Person) string {
	last := ""
	for _, r := range p.Roles {
		if r.To == "" || officeRank(r) == 0 {
			return ""
		}
		last = max(last, r.To)
	}
	if last == "" {
		return ""
	}
	return addYears(last, surnameYears)
}

// clipSpans cuts the spans [from, to] ("" open) at end ("" none).
func clipSpans(ss [][2]string, end string) [][2]string {
	if end == "" {
		return ss
	}
	var out [][2]string
	for _, s := range ss {
		if s[0] != "" && s[0] > end {
			continue
		}
		if s[1] == "" || s[1] > end {
			s[1] = end
		}
		out = append(out, s)
	}
	return out
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
// Ranks: a head of state or government in office (0), a senior cabinet
// office (1: "Clinton" in 2011 is Hillary, the secretary of state), one who
// left the head's office less than formerTopYears years before (2: "Blair"
// in 2019 is Tony, not a Canadian minister of public safety), another
// government office (3), any other role (4).
func sharedWinner(people []*Person, date string) *Person {
	var best *Person
	bestRank, tie, bestEnds := 99, false, false
	for _, p := range people {
		rank, ends, ok := rankOn(p, date)
		if ok && rank >= 2 {
			rank++ // below a recent former head of state or government
		}
		if rank > 2 && formerTop(p, date) {
			rank, ends, ok = 2, false, true
		}
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

// formerTopYears: how long a former head of state or government outranks
// a minister in office who shares the surname.
const formerTopYears = 12

// formerTop reports whether p left the office of a head of state or
// government less than formerTopYears years before date.
func formerTop(p *Person, date string) bool {
	for _, r := range p.Roles {
		if officeRank(r) == 0 && r.To != "" && r.To < date && date <= addYears(r.To, formerTopYears) {
			return true
		}
	}
	return false
}

func addYears(d string, n int) string {
	t, err := time.Parse("2006-01-02", d)
	if err != nil {
		return d
	}
	return t.AddDate(n, 0, 0).Format("2006-01-02")
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

// seniorOffices are the senior cabinet offices.
var seniorOffices = map[string]bool{
	"vice president": true, "foreign minister": true, "secretary of state": true, "foreign secretary": true,
	"defence minister": true, "defense secretary": true, "defence secretary": true, "finance minister": true,
	"interior minister": true, "home secretary": true, "chancellor of the exchequer": true,
	"treasury secretary": true, "deputy prime minister": true,
}

// officeRank: 0 head of state or government (or an armed group's or an
// organisation's head), 1 a senior cabinet office, 2 another government
// office, 3 any other role.
func officeRank(r Role) int {
	switch {
	case topOffices[r.Office] || r.Sector == "REB" && r.Office == "leader":
		return 0
	case seniorOffices[r.Office]:
		return 1
	case r.Sector == "GOV":
		return 2
	}
	return 3
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
