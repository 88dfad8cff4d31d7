package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"
)

// commandInfo is what dyad's usage says of one command: the synopsis
// after its name and one line of what it does. Every command's -h and
// the list of "dyad help" come from the one table below.
type commandInfo struct {
	name     string // "export", "tagger train"
	synopsis string // after the name
	brief    string // for the list of commands
	what     string // the command's own usage: one line
}

var commandTable = []commandInfo{
	{"code", "[flags] INPUT...", "code political events (JSON Lines or TSV)",
		"Codes the events of documents (files, directories, - for stdin): one JSON object per event."},
	{"quotes", "[flags] INPUT...", "quotations with their speakers (JSON Lines)",
		"Prints the quotations of documents (files, directories, - for stdin) with their speakers: one JSON object per quote."},
	{"ingest", "-db DB [flags] [INPUT...]", "code documents and feeds into a store (SQLite or PostgreSQL)",
		"Codes documents (files, directories, - for stdin, HTML pages, and the articles of -feed URLs) and stores them with their events in DB (a SQLite file, created when absent, or a postgres:// URL); a document already stored is skipped, and one stored with other metadata (date, source, URL, title) is updated and its events replaced."},
	{"export", "-db DB [flags]", "a store's event records: JSON Lines, CSV or GDELT TSV",
		"Writes the event records of an existing store, newest first: JSON Lines, CSV, or the GDELT 2.0 event table (docs/operations.md)."},
	{"serve", "-db DB [flags]", "serve the JSON API and the web page over a store (docs/api.md)",
		"Serves the JSON API and the web page over an existing store (docs/api.md) until interrupted."},
	{"dict", "lookup [flags] TEXT...", "", "Looks phrases up in the dictionaries."},
	{"dict lookup", "[flags] TEXT...", "how a phrase resolves in the dictionaries",
		"Prints the mentions and actors the dictionaries find in a phrase or sentence, and the roles of people on -date."},
	{"validate", "[flags] SUITE.xml", `run a PETRARCH validation file: failures, then "N passed, M failed"`,
		`Runs a PETRARCH/TABARI validation file with the dictionaries its <Environment> names (paths relative to the file); prints each failing record and ends with "N passed, M failed".`},
	{"text", "[flags] INPUT...", "print sentences, tagged tokens and their dependency arcs",
		"Prints the sentences and the tagged, parsed tokens of documents (files, directories, - for stdin)."},
	{"tagger", "train|eval [flags] FILE.conllu...", "", "Trains and evaluates the part-of-speech tagger."},
	{"tagger train", "[flags] FILE.conllu...", "train the part-of-speech tagger on CoNLL-U files",
		"Trains the part-of-speech tagger on CoNLL-U files and writes the model to -o."},
	{"tagger eval", "[flags] FILE.conllu...", "tagger accuracy and speed against CoNLL-U files",
		"Prints the tagger's accuracy and speed against CoNLL-U files."},
	{"parser", "train|eval [flags] FILE.conllu...", "", "Trains and evaluates the dependency parser."},
	{"parser train", "[flags] FILE.conllu...", "train the dependency parser on CoNLL-U files",
		"Trains the dependency parser on CoNLL-U files (with tags predicted by jackknifed taggers) and writes the model to -o (docs/parser.md)."},
	{"parser eval", "[flags] FILE.conllu...", "parser attachment scores and speed against CoNLL-U files",
		`Parses CoNLL-U files from their gold tokens and dyad's own tags and prints each relation's scores and a closing "parser uas=... las=... tokens=... tokens/s=..." line.`},
	{"version", "", "dyad's version, commit, and hashes of its dictionaries and models",
		"Prints the module version, the commit dyad was built from, and a hash of each embedded dictionary, table and model."},
	{"help", "[COMMAND]", "this list, or a command's usage", "Prints the list of commands, or a command's usage."},
}

// info returns the table's entry for a command.
func info(name string) commandInfo {
	for _, c := range commandTable {
		if c.name == name {
			return c
		}
	}
	panic("dyad: no usage for command " + name)
}

// topUsage is the usage of dyad itself: every command that does work.
func topUsage() string {
	var b strings.Builder
	b.WriteString("usage: dyad COMMAND [flags] [ARGS...]\n\ndyad turns news text into political event data.\n\ncommands:\n")
	for _, c := range commandTable {
		if c.brief == "" {
			continue // a group: its commands are listed
		}
		fmt.Fprintf(&b, "  %-42s %s\n", strings.TrimSpace("dyad "+c.name+" "+c.synopsis), c.brief)
	}
	b.WriteString("\nRun \"dyad COMMAND -h\" for a command's flags.\n")
	return b.String()
}

// groupUsage is the usage of a command made of commands (dict, tagger,
// parser).
func groupUsage(name string) string {
	c := info(name)
	var b strings.Builder
	fmt.Fprintf(&b, "usage: dyad %s %s\n\n%s\n\ncommands:\n", c.name, c.synopsis, c.what)
	for _, s := range commandTable {
		if strings.HasPrefix(s.name, name+" ") {
			fmt.Fprintf(&b, "  %-42s %s\n", "dyad "+s.name+" "+s.synopsis, s.brief)
		}
	}
	fmt.Fprintf(&b, "\nRun \"dyad %s COMMAND -h\" for a command's flags.\n", name)
	return b.String()
}

// errHelp reports that -h was given and the usage printed: exit status 0.
var errHelp = errors.New("help printed")

// isHelp reports whether arg asks for help.
func isHelp(arg string) bool { return arg == "-h" || arg == "-help" || arg == "--help" }

// flagSet is the flag set of one command. Its usage, printed to stdout
// for -h, is one synopsis line, one line of what the command does, and
// the flags; a mistake is returned as an errUsage error, for run to
// print on stderr with a pointer to -h.
type flagSet struct {
	*flag.FlagSet
	info   commandInfo
	stdout io.Writer
}

// newFlagSet returns the flag set of the command name (as in commandTable).
func newFlagSet(name string, stdout io.Writer) *flagSet {
	fs := &flagSet{FlagSet: flag.NewFlagSet(name, flag.ContinueOnError), info: info(name), stdout: stdout}
	fs.SetOutput(io.Discard) // the error is printed once, by run
	fs.Usage = func() {}
	return fs
}

// usage writes the command's usage to w.
func (fs *flagSet) usage(w io.Writer) {
	fmt.Fprintf(w, "usage: dyad %s\n\n%s\n", strings.TrimSpace(fs.info.name+" "+fs.info.synopsis), fs.info.what)
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	if n > 0 {
		fmt.Fprint(w, "\nflags:\n")
		fs.SetOutput(w)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
	}
}

// parse parses args: errHelp once -h has printed the usage, an errUsage
// error for a mistake. No count, size or duration flag of dyad's takes a
// negative value, so one given is a mistake too.
func (fs *flagSet) parse(args []string) error {
	err := fs.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fs.usage(fs.stdout)
		return errHelp
	case err != nil:
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	fs.Visit(func(f *flag.Flag) {
		g, ok := f.Value.(flag.Getter)
		if !ok || err != nil {
			return
		}
		neg := false
		switch v := g.Get().(type) {
		case int:
			neg = v < 0
		case int64:
			neg = v < 0
		case time.Duration:
			neg = v < 0
		}
		if neg {
			err = fmt.Errorf("%w: -%s %s: must not be negative", errUsage, f.Name, f.Value)
		}
	})
	return err
}
