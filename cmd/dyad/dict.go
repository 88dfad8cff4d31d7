package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"dyad/internal/actor"
	"dyad/internal/clause"
	"dyad/internal/doc"
	"dyad/internal/text"
)

func cmdDict(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	switch {
	case len(args) == 0:
		return fmt.Errorf("%w: dict needs a command (lookup)", errUsage)
	case isHelp(args[0]):
		fmt.Fprint(stdout, groupUsage("dict"))
		return errHelp
	case args[0] != "lookup":
		return fmt.Errorf("%w: unknown dict command %q (lookup)", errUsage, args[0])
	}
	fs := newFlagSet("dict lookup", stdout)
	date := fs.String("date", time.Now().UTC().Format("2006-01-02"), "the date roles are resolved on (YYYY-MM-DD)")
	var dicts stringList
	fs.Var(&dicts, "dict", "add a dictionary `file` or directory (repeatable)")
	if err := fs.parse(args[1:]); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("%w: dict lookup needs a phrase or sentence to look up", errUsage)
	}
	if _, err := time.Parse("2006-01-02", *date); err != nil {
		return fmt.Errorf("%w: -date %q is not YYYY-MM-DD", errUsage, *date)
	}
	cfg, err := loadConfig(inputFlags{maxToks: text.DefaultMaxSentenceTokens}, dicts, stderr)
	if err != nil {
		return err
	}
	d := &doc.Document{ID: "lookup", Date: *date, Text: strings.Join(fs.Args(), " ")}
	w := bufio.NewWriter(stdout)
	defer w.Flush()
	found := 0
	for _, s := range text.NewAnalyzer(cfg.Model).Analyze(d.Text) {
		ms := cfg.KB.Actors.Match(d.Text, s.Tokens, nil)
		for _, m := range ms {
			found++
			fmt.Fprintf(w, "mention %q: %s code=%s country=%s sector=%s", m.Span.In(d.Text), m.Kind, m.Code, m.Country, m.Sector)
			if m.ID != "" {
				fmt.Fprintf(w, " id=%s", m.ID)
			}
			if m.From != "" || m.To != "" {
				fmt.Fprintf(w, " dates=%s..%s", m.From, m.To)
			}
			if !m.ValidOn(d.Date) {
				w.WriteString(" (not valid on " + d.Date + ")")
			}
			if p := cfg.KB.People[m.ID]; m.Kind == doc.Person && p != nil {
				if r, ok := p.RoleOn(d.Date); ok {
					fmt.Fprintf(w, " role on %s: %s %s %s (%s..%s)", d.Date, r.Country, r.Sector, r.Office, r.From, r.To)
				} else {
					fmt.Fprintf(w, " no role on %s", d.Date)
				}
			}
			w.WriteByte('\n')
		}
		p := clause.ParseSentence(d.Text, s.Tokens, ms)
		as := actor.Sentence{KB: cfg.KB, Doc: d, S: s, Mentions: ms, P: p}
		for np, x := range p.NPs {
			if p.NPOf[x.First] != np {
				continue // inside a larger phrase
			}
			for _, a := range as.Actors(np) {
				found++
				fmt.Fprintf(w, "actor %q: %s", a.Text, a.Code)
				if a.Identifier != "" {
					fmt.Fprintf(w, " identifier=%s", a.Identifier)
				}
				w.WriteByte('\n')
			}
		}
	}
	if found == 0 {
		// Exit status 1, as grep's for no match.
		return fmt.Errorf("no dictionary entry matches %q", d.Text)
	}
	return nil
}
