package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"dyad/internal/doc"
	"dyad/internal/ingest"
	"dyad/internal/parse"
	"dyad/internal/text"
)

// inputFlags are the flags every command that reads documents shares.
type inputFlags struct {
	date     string
	maxBytes int
	maxToks  int
	shallow  bool // the shallow clause parser alone, no dependency parser
}

func (f *inputFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.date, "date", "", "date (YYYY-MM-DD) for documents that give none, in metadata or in a dateline (default: today, with a warning per document)")
	fs.IntVar(&f.maxBytes, "max-doc-bytes", ingest.DefaultMaxBytes, "largest document accepted, in bytes")
	fs.IntVar(&f.maxToks, "max-sentence-tokens", text.DefaultMaxSentenceTokens, "force a sentence break after this many tokens")
	fs.BoolVar(&f.shallow, "shallow", false, "read arguments by word order alone, without the dependency parser: about 3x faster, fewer sources and targets found (docs/parser.md)")
}

// check validates the flags' values.
func (f *inputFlags) check() error {
	if _, err := time.Parse(time.DateOnly, f.date); f.date != "" && err != nil {
		return fmt.Errorf("%w: -date %q: want YYYY-MM-DD", errUsage, f.date)
	}
	return nil
}

func (f *inputFlags) options(stdin io.Reader) ingest.Options {
	return ingest.Options{Date: f.date, MaxBytes: f.maxBytes, Stdin: stdin}
}

// inputCommand is the flag set of a command that reads documents: the
// input flags, a -format among formats (the first is the default), and a
// usage text.
type inputCommand struct {
	fs      *flagSet
	in      inputFlags
	format  *string
	formats []string
}

func newInputCommand(name string, stdout io.Writer, formats ...string) *inputCommand {
	c := &inputCommand{fs: newFlagSet(name, stdout), formats: formats}
	c.in.register(c.fs.FlagSet)
	c.format = c.fs.String("format", formats[0], "output: "+strings.Join(formats, " or "))
	return c
}

// parse parses args and checks that inputs were named, and the format
// and -date are valid.
func (c *inputCommand) parse(args []string) error {
	if err := c.fs.parse(args); err != nil {
		return err
	}
	if err := checkDate(c.in.date); err != nil {
		return err
	}
	if c.fs.NArg() == 0 {
		return fmt.Errorf("%w: %s needs at least one INPUT (a file, a directory, or - for stdin)", errUsage, c.fs.Name())
	}
	if !slices.Contains(c.formats, *c.format) {
		return fmt.Errorf("%w: unknown -format %q (%s)", errUsage, *c.format, strings.Join(c.formats, ", "))
	}
	return c.in.check()
}

func cmdText(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	c := newInputCommand("text", stdout, "text", "jsonl")
	if err := c.parse(args); err != nil {
		return err
	}
	fs, in, format := c.fs, c.in, c.format
	m, err := text.DefaultModel()
	if err != nil {
		return err
	}
	pm, err := parse.DefaultModel()
	if err != nil {
		return err
	}
	an := text.NewAnalyzer(m)
	an.SetMaxSentenceTokens(in.maxToks)
	ps := parse.NewParser(pm)
	w := bufio.NewWriter(stdout)
	defer w.Flush()
	failed := 0
	for d, err := range ingest.Read(ctx, fs.Args(), in.options(stdin)) {
		if err != nil {
			fmt.Fprintln(stderr, err)
			if !isWarning(err) {
				failed++
			}
			continue
		}
		if *format == "text" {
			fmt.Fprintf(w, "# %s %s\n", d.ID, d.Date)
		}
		n := 0
		an.Each(d.Text, func(s doc.Sentence) bool {
			if !in.shallow {
				// As the coder does: the tagger's participle for a past
				// tense fixed, then the arcs.
				text.RetagMainVerb(s.Tokens)
				ps.Parse(d.Text, s.Tokens)
			}
			if *format == "jsonl" {
				writeSentenceJSON(w, &d, n, s)
			} else {
				writeSentenceText(w, d.Text, n, s)
			}
			n++
			return true
		})
	}
	if failed > 0 {
		return errPartial
	}
	return nil
}

func writeSentenceText(w *bufio.Writer, txt string, n int, s doc.Sentence) {
	fmt.Fprintf(w, "%d [%d:%d] %s\n ", n, s.Span.Start, s.Span.End, oneLine(s.Span.In(txt)))
	for _, t := range s.Tokens {
		word := t.Text(txt)
		fmt.Fprintf(w, " %s/%s", word, t.Tag)
		if t.Lemma != word && t.Lemma != "" {
			fmt.Fprintf(w, "(%s)", t.Lemma)
		}
		if t.Rel != doc.NoRel {
			// The head counted from 1, 0 for the root, as in CoNLL-U.
			fmt.Fprintf(w, "<-%d:%s", t.Head+1, t.Rel)
		}
	}
	w.WriteString("\n")
}

type jsonToken struct {
	Text  string `json:"text"`
	Span  [2]int `json:"span"`
	Tag   string `json:"tag"`
	Lemma string `json:"lemma"`
	Head  int    `json:"head"` // index in tokens of the head, -1 for the root
	Rel   string `json:"rel"`  // UD relation to the head
}

type jsonSentence struct {
	DocID    string      `json:"doc_id"`
	Sentence int         `json:"sentence"`
	Span     [2]int      `json:"span"`
	Text     string      `json:"text"`
	Tokens   []jsonToken `json:"tokens"`
}

func writeSentenceJSON(w *bufio.Writer, d *doc.Document, n int, s doc.Sentence) {
	js := jsonSentence{DocID: d.ID, Sentence: n, Span: [2]int{s.Span.Start, s.Span.End}, Text: s.Span.In(d.Text)}
	js.Tokens = make([]jsonToken, len(s.Tokens))
	for i, t := range s.Tokens {
		js.Tokens[i] = jsonToken{Text: t.Text(d.Text), Span: [2]int{int(t.Start), int(t.End)}, Tag: t.Tag.String(), Lemma: t.Lemma, Head: int(t.Head), Rel: t.Rel.String()}
	}
	b, _ := json.Marshal(js) // only strings and ints: cannot fail
	w.Write(b)
	w.WriteByte('\n')
}

// oneLine folds line breaks so a sentence prints on one line.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}
