package main

import (
	"bufio"
	"fmt"
	"io"

	"dyad/internal/pipeline"
)

// cmdVersion prints what built dyad: the module version, the commit, the
// toolchain, and a hash of each embedded dictionary, table and model,
// then the one line (coder) that names them all.
func cmdVersion(args []string, stdout io.Writer) error {
	fs := newFlagSet("version", stdout)
	if err := fs.parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: version takes no arguments (got %q)", errUsage, fs.Args())
	}
	v := pipeline.BuildVersion()
	w := bufio.NewWriter(stdout)
	commit := v.Commit
	switch {
	case commit == "":
		commit = "unknown (built without version control information, as by go run or go test)"
	case v.Modified:
		commit += " (modified)"
	}
	fmt.Fprintf(w, "dyad %s\n", v.Module)
	fmt.Fprintf(w, "commit %s\n", commit)
	if v.Time != "" {
		fmt.Fprintf(w, "commit time %s\n", v.Time)
	}
	fmt.Fprintf(w, "go %s\n", v.Go)
	fmt.Fprintf(w, "data %s\n", v.DataHash)
	for _, e := range v.Data {
		fmt.Fprintf(w, "  %s %s %d bytes\n", e.Hash, e.Name, e.Size)
	}
	fmt.Fprintf(w, "coder %s\n", v.Coder())
	return w.Flush()
}
