package validate

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"strings"
)

// Write prints a report: one line per failing record (id, category,
// expected, got, and the reason when it is a deliberate difference), with
// verbose one per passing record too, the counts by category, and last
// the line "N passed, M failed".
func Write(w io.Writer, r *Report, verbose bool) {
	for _, res := range r.Results {
		rec := res.Record
		if res.Pass && !verbose {
			continue
		}
		status := "FAIL"
		if res.Pass {
			status = "ok"
		}
		fmt.Fprintf(w, "%s %s (%s): expected %s; got %s\n", status, rec.ID, rec.Category, expectString(rec), eventsString(res.Got))
		if res.Differs != "" {
			fmt.Fprintf(w, "  differs: %s\n", res.Differs)
		}
	}
	for _, t := range r.ByCategory() {
		fmt.Fprintf(w, "%-10s %3d passed, %3d failed\n", t.Category, t.Passed, t.Failed)
	}
	fmt.Fprintf(w, "%d passed, %d failed\n", r.Passed, r.Failed)
}

func expectString(rec *Record) string {
	if len(rec.Expect) == 0 {
		if rec.Error != "" {
			return "no events (error " + rec.Error + ")"
		}
		return "no events"
	}
	return eventsString(rec.Expect)
}

func eventsString(evs []Event) string {
	if len(evs) == 0 {
		return "no events"
	}
	s := make([]string, len(evs))
	for i, e := range evs {
		s[i] = e.String()
	}
	return strings.Join(s, ", ")
}

//go:embed differs.txt
var differsFile string

// Differences returns the records of a suite (by its file's base name)
// whose expectation depends on something dyad deliberately does
// otherwise, with the reason: differs.txt, a "[suite file]" line and then
// "ID  reason" lines. A listed record still counts as failed when it
// fails; the reason is printed with it.
func Differences(suite string) map[string]string {
	return parseDifferences(differsFile, suite)
}

func parseDifferences(src, suite string) map[string]string {
	out := map[string]string{}
	in := false
	sc := bufio.NewScanner(strings.NewReader(src))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || line[0] == '#':
		case line[0] == '[' && line[len(line)-1] == ']':
			in = line[1:len(line)-1] == suite
		case in:
			id, reason, _ := strings.Cut(line, " ")
			out[id] = strings.TrimSpace(reason)
		}
	}
	return out
}
