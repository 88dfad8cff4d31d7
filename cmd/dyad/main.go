// Command dyad turns news text into political event data.
//
// Usage:
//
//	dyad code FILE...                 events, one JSON object per line
//	dyad text FILE...                 sentences and tagged tokens of documents
//	dyad tagger train -o MODEL FILE.conllu...
//	dyad tagger eval [-model MODEL] FILE.conllu...
//	dyad parser train -o MODEL FILE.conllu...
//	dyad parser eval [-model MODEL] FILE.conllu...
//
// Run "dyad help" for the full list.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

const usage = `dyad turns news text into political event data.

Usage:
  dyad code [flags] FILE...            code political events (JSON Lines)
  dyad quotes [flags] FILE...          quotations with their speakers (JSON Lines)
  dyad ingest -db DB [flags] INPUT...  code documents and feeds into a store (SQLite or PostgreSQL)
  dyad export -db DB [flags]           a store's event records: JSON Lines, CSV or GDELT TSV
  dyad serve -db DB [flags]            serve the JSON API and the web page over a store (docs/api.md)
  dyad dict lookup [-date D] "TEXT"    how a phrase resolves in the dictionaries
  dyad validate [-v] SUITE.xml         run a PETRARCH validation file: failures, then "N passed, M failed"
  dyad text [flags] FILE...            print sentences and tagged tokens
  dyad tagger train [flags] FILE...    train the part-of-speech tagger on CoNLL-U files
  dyad tagger eval [flags] FILE...     tagger accuracy and speed against CoNLL-U files
  dyad parser train [flags] FILE...    train the dependency parser on CoNLL-U files
  dyad parser eval [flags] FILE...     parser attachment scores and speed against CoNLL-U files

Run "dyad COMMAND -h" for a command's flags.
`

// errUsage marks a command-line mistake: the message is printed with the
// usage and the exit status is 2.
var errUsage = errors.New("usage")

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run executes one command and returns the exit status: 0 success, 1 when
// some input failed, 2 for a usage error.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	var err error
	switch args[0] {
	case "code":
		err = cmdCode(ctx, args[1:], stdin, stdout, stderr)
	case "dict":
		err = cmdDict(ctx, args[1:], stdout, stderr)
	case "ingest":
		err = cmdIngest(ctx, args[1:], stdin, stderr)
	case "export":
		err = cmdExport(ctx, args[1:], stdout, stderr)
	case "quotes":
		err = cmdQuotes(ctx, args[1:], stdin, stdout, stderr)
	case "serve":
		err = cmdServe(ctx, args[1:], stderr)
	case "text":
		err = cmdText(ctx, args[1:], stdin, stdout, stderr)
	case "tagger":
		err = cmdTagger(ctx, args[1:], stdout, stderr)
	case "parser":
		err = cmdParser(ctx, args[1:], stdout, stderr)
	case "validate":
		err = cmdValidate(ctx, args[1:], stdout, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "dyad: unknown command %q\n\n%s", args[0], usage)
		return 2
	}
	switch {
	case err == nil:
		return 0
	case errors.Is(err, errUsage):
		fmt.Fprintf(stderr, "dyad %s: %v\n", args[0], err)
		return 2
	case errors.Is(err, errPartial):
		return 1
	default:
		fmt.Fprintf(stderr, "dyad %s: %v\n", args[0], err)
		return 1
	}
}

// errPartial reports that some inputs failed and were reported already.
var errPartial = errors.New("some inputs failed")
