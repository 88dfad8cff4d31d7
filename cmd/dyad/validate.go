package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"dyad/internal/text"
	"dyad/internal/validate"
)

func cmdValidate(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("validate", stdout)
	verbose := fs.Bool("v", false, "also print the records that pass")
	if err := fs.parse(args); err != nil {
		return err
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
