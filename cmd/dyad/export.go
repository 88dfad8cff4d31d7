package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"dyad/internal/export"
	"dyad/internal/store"
)

func cmdExport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("export", stdout)
	db := fs.String("db", "", "the store: a SQLite file or a postgres:// URL")
	format := fs.String("format", export.Formats[0], "output: "+strings.Join(export.Formats, ", "))
	var f store.EventFilter
	fs.StringVar(&f.From, "from", "", "records whose last date is on or after this date (YYYY-MM-DD)")
	fs.StringVar(&f.To, "to", "", "records whose first date is on or before this date (YYYY-MM-DD)")
	fs.StringVar(&f.Actor, "actor", "", "actor code prefix on either side (IRN matches IRNGOV)")
	fs.StringVar(&f.Source, "source", "", "source actor code prefix")
	fs.StringVar(&f.Target, "target", "", "target actor code prefix")
	fs.StringVar(&f.PLOVER, "plover", "", "PLOVER event type (REJECT)")
	fs.StringVar(&f.CAMEO, "cameo", "", "CAMEO code prefix (12 matches 120 to 129x)")
	status := fs.String("status", "", "records with a report of these statuses, comma-separated, or all: "+
		strings.Join(store.Statuses, ",")+" (default: asserted,claimed; gdelt takes those two only)")
	limit := fs.Int("limit", 0, "at most this many records (0: all)")
	if err := fs.parse(args); err != nil {
		return err
	}
	switch {
	case *db == "":
		return fmt.Errorf("%w: export needs -db", errUsage)
	case fs.NArg() > 0:
		return fmt.Errorf("%w: export takes no arguments (got %q)", errUsage, fs.Args())
	case !slices.Contains(export.Formats, *format):
		return fmt.Errorf("%w: unknown -format %q (%s)", errUsage, *format, strings.Join(export.Formats, ", "))
	}
	if *status != "" {
		f.Status = strings.Split(*status, ",")
		if *status == "all" {
			f.Status = store.Statuses
		}
	}
	if err := checkEventFilter(f); err != nil {
		return err
	}
	if *format == "gdelt" {
		for _, st := range f.Status {
			if !slices.Contains(store.CountedStatuses, st) {
				return fmt.Errorf("%w: -status %q: GDELT rows are events: asserted and claimed reports only", errUsage, *status)
			}
		}
	}
	st, err := openStore(ctx, *db, false, "dyad ingest creates one")
	if err != nil {
		return err
	}
	defer st.Close()
	bw := bufio.NewWriter(stdout)
	w, err := export.NewWriter(bw, *format)
	if err != nil {
		return err
	}
	if _, err := export.Run(ctx, st, f, *limit, w); err != nil {
		bw.Flush()
		return err
	}
	return bw.Flush()
}
