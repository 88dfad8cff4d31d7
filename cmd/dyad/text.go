package main

import (
	"context"
	"fmt"
	"io"
)

func cmdText(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	return fmt.Errorf("not wired yet")
}
