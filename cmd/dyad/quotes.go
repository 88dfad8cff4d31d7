package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"

	"dyad/internal/doc"
)

func cmdQuotes(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	c := newInputCommand("quotes", stdout, "jsonl")
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
	return c.run(ctx, cfg, 0, stdin, stderr, func(res *doc.Result) error {
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
}
