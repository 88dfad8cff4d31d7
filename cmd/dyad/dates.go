package main

import (
	"fmt"
	"io"
	"time"

	"dyad/internal/doc"
)

// checkDate checks a -date flag: "" or a real YYYY-MM-DD date; a bad one
// is a usage mistake (exit 2), the same for every command.
func checkDate(s string) error {
	if s == "" {
		return nil
	}
	if _, err := time.Parse(time.DateOnly, s); err != nil {
		return fmt.Errorf("%w: -date %q: want YYYY-MM-DD", errUsage, s)
	}
	return nil
}

// warnAssumed says, on one line naming the document, that its date was
// neither given nor found in its text but assumed: people resolve to
// their roles on that day, which may be years after the article.
func warnAssumed(w io.Writer, d *doc.Document) {
	if d.DateAssumed {
		fmt.Fprintf(w, "%s: no date given or found in the text; assumed %s (roles resolve on that day); pass -date\n", d.ID, d.Date)
	}
}
