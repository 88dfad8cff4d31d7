package validate

import (
	"context"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"dyad/internal/doc"
	"dyad/internal/kb"
	"dyad/internal/parse"
	"dyad/internal/pipeline"
	"dyad/internal/text"
)

// Dictionaries builds the KB a suite names: its actors, agents, verbs and
// discards files, read from fsys at paths relative to dir (the suite
// file's directory), and nothing else. Verb codes are not checked against
// the CAMEO table. Bad lines are returned as errors; the rest is kept. A
// file the environment names but fsys lacks is an error.
func (s *Suite) Dictionaries(fsys fs.FS, dir string) (*kb.KB, []error) {
	k := kb.New()
	var errs []error
	for _, f := range []struct{ kind, name string }{
		{"actors", s.Env.Actorfile}, {"agents", s.Env.Agentfile},
		{"verbs", s.Env.Verbfile}, {"discards", s.Env.Discardfile},
	} {
		if f.name == "" {
			continue
		}
		p := path.Join(dir, f.name)
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s file: %w", f.kind, err))
			continue
		}
		errs = append(errs, k.AddPETRARCHAs(f.kind, p, b)...)
	}
	return k, errs
}

// Result is one record's outcome.
type Result struct {
	Record *Record
	Got    []Event // sorted, no duplicates
	Pass   bool
	// Differs is the reason a failing record is listed as a deliberate
	// difference of dyad's (see Differences), "" when it is not.
	Differs string
}

// Report is the outcome of a suite.
type Report struct {
	Results        []Result
	Passed, Failed int
}

// Tally is the pass count of one category.
type Tally struct {
	Category       string
	Passed, Failed int
}

// ByCategory returns the counts per category, in the order categories
// first appear.
func (r *Report) ByCategory() []Tally {
	var out []Tally
	for _, res := range r.Results {
		i := slices.IndexFunc(out, func(t Tally) bool { return t.Category == res.Record.Category })
		if i < 0 {
			out = append(out, Tally{Category: res.Record.Category})
			i = len(out) - 1
		}
		if res.Pass {
			out[i].Passed++
		} else {
			out[i].Failed++
		}
	}
	return out
}

// Run codes every record of the suite with the model and KB, each at its
// own date, and scores it (see Score). differs maps record ids to the
// reasons they are deliberate differences (may be nil).
func Run(ctx context.Context, s *Suite, m *text.Model, k *kb.KB, differs map[string]string) (*Report, error) {
	pm, err := parse.DefaultModel()
	if err != nil {
		return nil, err
	}
	c := pipeline.NewCoder(pipeline.Config{Model: m, KB: k, Parser: pm})
	rep := &Report{}
	for i := range s.Records {
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		rec := &s.Records[i]
		d := doc.Document{ID: rec.ID, Date: rec.Date, Text: rec.Text}
		res, err := c.Code(d)
		if err != nil {
			return rep, fmt.Errorf("record %s: %w", rec.ID, err)
		}
		got := Events(res.Events, rec.RequireDyad)
		r := Result{Record: rec, Got: got, Pass: Score(rec.Expect, got)}
		if !r.Pass {
			r.Differs = differs[rec.ID]
			rep.Failed++
		} else {
			rep.Passed++
		}
		rep.Results = append(rep.Results, r)
	}
	return rep, nil
}

// Events turns dyad's events into PETRARCH's terms: actor codes as
// PETRARCH writes them (ActorCode), "---" for no target, sorted, without
// duplicates. With requireDyad, events without a target are left out, as
// PETRARCH leaves them out under its require_dyad option.
func Events(evs []doc.Event, requireDyad bool) []Event {
	var out []Event
	for i := range evs {
		e := &evs[i]
		tgt := "---"
		if e.Target != nil {
			tgt = ActorCode(e.Target)
		} else if requireDyad {
			continue
		}
		out = append(out, Event{Source: ActorCode(&e.Source), Target: tgt, Code: e.CAMEO})
	}
	slices.SortFunc(out, func(a, b Event) int { return strings.Compare(a.String(), b.String()) })
	return slices.Compact(out)
}

// ActorCode is an actor's code as PETRARCH writes it: an agent that no
// country or named actor owns gets "---" before its code ("---GOV").
func ActorCode(a *doc.Actor) string {
	if a.Country == "" && a.Identifier == "" && a.Code != "" {
		return "---" + a.Code
	}
	return a.Code
}

// Score reports whether the coded events (deduplicated) are exactly the
// expected ones: every expected event coded, and no other. A record that
// expects no events passes when nothing is coded.
func Score(expect, got []Event) bool {
	want := slices.Clone(expect)
	slices.SortFunc(want, func(a, b Event) int { return strings.Compare(a.String(), b.String()) })
	want = slices.Compact(want)
	return slices.Equal(want, got)
}
