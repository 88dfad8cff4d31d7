// Command dyad turns news text into political event data.
//
// Usage:
//
//	dyad code FILE...                 events, one JSON object per line
//	dyad text FILE...                 sentences and tagged tokens of documents
//	dyad tagger train -o MODEL FILE.conllu...
//	dyad tagger eval [-model MODEL] FILE.conllu...
//
// Run "dyad help" for the full list (usage.go), "dyad COMMAND -h" for a
// command's flags.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"slices"
	"strings"
	"syscall"
)

// errUsage marks a command-line mistake: the message is printed with the
// usage and the exit status is 2.
var errUsage = errors.New("usage")

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run executes one command and returns the exit status: 0 success (and
// -h), 1 when the command or some input failed, 2 for a usage mistake.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, topUsage())
		return 2
	}
	var err error
	switch args[0] {
	case "code":
		err = cmdCode(ctx, args[1:], stdin, stdout, stderr)
	case "dict":
		err = cmdDict(ctx, args[1:], stdout, stderr)
	case "ingest":
		err = cmdIngest(ctx, args[1:], stdin, stdout, stderr)
	case "export":
		err = cmdExport(ctx, args[1:], stdout, stderr)
	case "quotes":
		err = cmdQuotes(ctx, args[1:], stdin, stdout, stderr)
	case "serve":
		err = cmdServe(ctx, args[1:], stdout, stderr)
	case "text":
		err = cmdText(ctx, args[1:], stdin, stdout, stderr)
	case "tagger":
		err = cmdTagger(ctx, args[1:], stdout, stderr)
	case "validate":
		err = cmdValidate(ctx, args[1:], stdout, stderr)
	case "version", "-version", "--version":
		err = cmdVersion(args[1:], stdout)
	case "help", "-h", "-help", "--help":
		if args[0] == "help" && len(args) > 1 && !isHelp(args[1]) {
			// dyad help tagger train: the usage of tagger train.
			return run(ctx, append(slices.Clone(args[1:]), "-h"), stdin, stdout, stderr)
		}
		fmt.Fprint(stdout, topUsage())
		return 0
	default:
		fmt.Fprintf(stderr, "dyad: unknown command %q\n\n%s", args[0], topUsage())
		return 2
	}
	name := commandName(args)
	switch {
	case err == nil, errors.Is(err, errHelp):
		return 0
	case errors.Is(err, errUsage):
		fmt.Fprintf(stderr, "dyad %s: %s\nRun \"dyad %s -h\" for usage.\n", name, strings.TrimPrefix(err.Error(), errUsage.Error()+": "), name)
		return 2
	case errors.Is(err, errPartial):
		return 1
	default:
		fmt.Fprintf(stderr, "dyad %s: %v\n", name, err)
		return 1
	}
}

// commandName is the command args run: "export", or "tagger train" for
// a command of a group.
func commandName(args []string) string {
	if len(args) > 1 {
		for _, c := range commandTable {
			if c.name == args[0]+" "+args[1] {
				return c.name
			}
		}
	}
	return args[0]
}

// errPartial reports that some inputs failed and were reported already.
var errPartial = errors.New("some inputs failed")
