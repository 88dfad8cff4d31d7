package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"

	"dyad/internal/doc"
	"dyad/internal/ingest"
	"dyad/internal/pipeline"
)

func cmdQuotes(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	c := newInputCommand("quotes", "Prints the quotations of documents with their speakers: one JSON object per quote.", stderr, "jsonl")
	var dicts stringList
	c.fs.Var(&dicts, "dict", "add a dictionary `file` or directory (repeatable)")
	if err := c.parse(args); err != nil {
		return err
	}
	cfg, err := loadConfig(c.in, dicts, stderr)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(stdout)
	defer w.Flush()
	failed := 0
	err = pipeline.Run(ctx, cfg, 0, ingest.Read(ctx, c.fs.Args(), c.in.options(stdin)), func(res doc.Result, err error) error {
		if err != nil {
			fmt.Fprintln(stderr, oneLine(err.Error()))
			failed++
			return nil
		}
		for i := range res.Quotes {
			b, err := json.Marshal(&res.Quotes[i])
			if err != nil {
				return err
			}
			w.Write(b)
			w.WriteByte('\n')
		}
		return nil
	})
	if err != nil {
		return err
	}
	if failed > 0 {
		return errPartial
	}
	return nil
}
