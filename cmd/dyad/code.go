package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"dyad/internal/doc"
	"dyad/internal/ingest"
	"dyad/internal/kb"
	"dyad/internal/pipeline"
)

func cmdCode(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	c := newInputCommand("code", stdout, "jsonl", "tsv")
	fs := c.fs
	explain := fs.Bool("explain", false, "after each event, show the sentence with the matched actors, verb and pattern")
	workers := fs.Int("workers", 0, "documents coded at once (0: one per core)")
	var dicts stringList
	fs.Var(&dicts, "dict", "add a dictionary `file` or directory (repeatable; later files extend earlier ones; docs/dictionaries.md)")
	if err := c.parse(args); err != nil {
		return err
	}
	in, format := c.in, c.format
	cfg, err := loadConfig(in, dicts, stderr)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(stdout)
	defer w.Flush()
	if *format == "tsv" {
		fmt.Fprintln(w, "doc_id\tsentence\tdate\tsource\ttarget\tcameo\tplover\tgoldstein\tverb\tstatus\tmodality\treported_by")
	}
	return c.run(ctx, cfg, *workers, stdin, stderr, func(res *doc.Result) error {
		for i := range res.Events {
			e := &res.Events[i]
			if *format == "tsv" {
				writeEventTSV(w, e)
			} else {
				b, err := json.Marshal(e)
				if err != nil {
					return err
				}
				w.Write(b)
				w.WriteByte('\n')
			}
			if *explain {
				writeExplain(w, res, e)
			}
		}
		return nil
	})
}

// isWarning reports whether err only tells of a repair or a file left out
// (ingest.Warning): the batch has not failed.
func isWarning(err error) bool {
	var w *ingest.Warning
	return errors.As(err, &w)
}

// run codes the command's inputs with workers goroutines, reports each
// document that fails on its own line, and calls emit with each result in
// input order; errPartial when some document failed. When ctx ends (an
// interrupt or SIGTERM, by main's signal.NotifyContext) coding stops
// within a sentence and the error says so; the documents emitted before
// are complete.
func (c *inputCommand) run(ctx context.Context, cfg pipeline.Config, workers int, stdin io.Reader, stderr io.Writer, emit func(*doc.Result) error) error {
	failed := 0
	err := pipeline.Run(ctx, cfg, workers, ingest.Read(ctx, c.fs.Args(), c.in.options(stdin)), func(res doc.Result, err error) error {
		if err != nil {
			fmt.Fprintln(stderr, oneLine(err.Error()))
			if !isWarning(err) {
				failed++
			}
			return nil
		}
		warnAssumed(stderr, &res.Document)
		return emit(&res)
	})
	if err != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("stopped (%v); the documents written before are complete", context.Cause(ctx))
		}
		return err
	}
	if failed > 0 {
		return errPartial
	}
	return nil
}

// loadConfig loads the tagger model, the embedded dictionaries and the
// user's (-dict).
func loadConfig(in inputFlags, dicts []string, stderr io.Writer) (pipeline.Config, error) {
	cfg, err := pipeline.Default()
	if err != nil {
		return cfg, err
	}
	if in.shallow {
		cfg.Parser = nil
	}
	k := cfg.KB
	for _, d := range dicts {
		files, err := dictFiles(d)
		if err != nil {
			return pipeline.Config{}, err
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				return pipeline.Config{}, err
			}
			if len(files) > 1 && !kb.Readable(f, b) {
				fmt.Fprintf(stderr, "%s: skipped: not a dictionary kind dyad reads\n", f)
				continue
			}
			// Bad entries are reported and skipped; the good ones are kept.
			for _, e := range k.AddFile(f, b) {
				fmt.Fprintln(stderr, oneLine(e.Error()))
			}
		}
	}
	cfg.MaxSentenceTokens = in.maxToks
	return cfg, nil
}

// dictFiles returns the file, or the .txt files of a directory in order.
func dictFiles(p string) ([]string, error) {
	st, err := os.Stat(p)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		return []string{p}, nil
	}
	return filepath.Glob(filepath.Join(p, "*.txt"))
}

// stringList is a repeatable string flag.
type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ",") }
func (l *stringList) Set(s string) error { *l = append(*l, s); return nil }

func actorCode(a *doc.Actor) string {
	if a == nil {
		return "-"
	}
	return a.Code
}

func writeEventTSV(w *bufio.Writer, e *doc.Event) {
	var rep []string
	for i := range e.ReportedBy {
		rep = append(rep, e.ReportedBy[i].Code)
	}
	fmt.Fprintf(w, "%s\t%d\t%s\t%s\t%s\t%s\t%s\t%.1f\t%s\t%s\t%s\t%s\n",
		e.DocID, e.Sentence, e.Date, e.Source.Code, actorCode(e.Target), e.CAMEO, e.PLOVER,
		e.Goldstein, e.Verb.Text, e.Status, e.Modality, strings.Join(rep, ","))
}

// writeExplain shows why an event was coded: the sentence with the source,
// verb and target marked, and the pattern.
func writeExplain(w *bufio.Writer, res *doc.Result, e *doc.Event) {
	s := res.Sentences[e.Sentence]
	type mark struct {
		at   int
		text string
	}
	var marks []mark
	add := func(sp doc.Span, label string) {
		marks = append(marks, mark{sp.Start, "["}, mark{sp.End, "]" + label})
	}
	add(e.Source.Span, "source:"+e.Source.Code)
	add(e.Verb.Span, "verb")
	if e.Target != nil {
		add(e.Target.Span, "target:"+e.Target.Code)
	}
	var b strings.Builder
	pos := s.Span.Start
	for pos <= s.Span.End {
		for _, m := range marks {
			if m.at == pos && strings.HasPrefix(m.text, "]") {
				b.WriteString(m.text)
			}
		}
		for _, m := range marks {
			if m.at == pos && m.text == "[" {
				b.WriteString(m.text)
			}
		}
		if pos < s.Span.End {
			b.WriteByte(res.Document.Text[pos])
		}
		pos++
	}
	fmt.Fprintf(w, "  # %s\n  # pattern %q -> %s\n", oneLine(b.String()), e.Pattern, e.CAMEO)
	if arcs := explainArcs(res.Document.Text, s, e); arcs != "" {
		fmt.Fprintf(w, "  # arcs %s\n", arcs)
	}
}

// explainArcs lists, for a parsed sentence, the dependency arcs the
// event read: the verb's dependents, and the path from the source's and
// the target's words up to the verb ("met -nsubj-> Ministers"). It is ""
// for a sentence the parser did not parse.
func explainArcs(txt string, s doc.Sentence, e *doc.Event) string {
	toks := s.Tokens
	at := func(sp doc.Span) int {
		for i, t := range toks {
			if int(t.Start) <= sp.Start && sp.Start < int(t.End) {
				return i
			}
		}
		return -1
	}
	v := at(e.Verb.Span)
	if v < 0 || toks[v].Rel == doc.NoRel {
		return ""
	}
	word := func(i int) string { return toks[i].Text(txt) }
	var out []string
	seen := map[[2]int]bool{}
	arc := func(h, d int) {
		if k := [2]int{h, d}; !seen[k] {
			seen[k] = true
			out = append(out, fmt.Sprintf("%s -%s-> %s", word(h), toks[d].Rel, word(d)))
		}
	}
	for d := range toks {
		if int(toks[d].Head) == v && toks[d].Rel != doc.RelPunct {
			arc(v, d)
		}
	}
	path := func(sp doc.Span) {
		// the phrase's last word, then up its heads to the verb
		end := sp.End
		i := at(doc.Span{Start: end - 1, End: end})
		for steps := 0; i >= 0 && i != v && steps < len(toks); steps++ {
			h := int(toks[i].Head)
			if h < 0 || h >= len(toks) {
				break
			}
			arc(h, i)
			i = h
		}
	}
	path(e.Source.Span)
	if e.Target != nil {
		path(e.Target.Span)
	}
	return strings.Join(out, ", ")
}
