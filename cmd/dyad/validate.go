package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"dyad/internal/text"
	"dyad/internal/validate"
)

func cmdValidate(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("validate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: dyad validate [flags] SUITE.xml\n\nRuns a PETRARCH/TABARI validation file with the dictionaries its <Environment> names\n(paths relative to the file); prints each failing record and ends with \"N passed, M failed\".")
		fs.PrintDefaults()
	}
	verbose := fs.Bool("v", false, "also print the records that pass")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("%w: validate takes one suite file", errUsage)
	}
	name := fs.Arg(0)
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	suite, err := validate.Parse(f, name)
	f.Close()
	if err != nil {
		return err
	}
	dir := filepath.Dir(name)
	k, errs := suite.Dictionaries(os.DirFS(dir), ".")
	for _, e := range errs {
		fmt.Fprintln(stderr, oneLine(e.Error()))
	}
	m, err := text.DefaultModel()
	if err != nil {
		return err
	}
	rep, err := validate.Run(ctx, suite, m, k, validate.Differences(filepath.Base(name)))
	if err != nil {
		return err
	}
	w := bufio.NewWriter(stdout)
	defer w.Flush()
	validate.Write(w, rep, *verbose)
	return nil
}
