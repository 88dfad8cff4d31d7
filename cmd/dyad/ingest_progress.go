package main

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// progress is the one updating line an ingest shows on a terminal. A nil
// *progress shows nothing: stderr is not a terminal, or CI is set.
type progress struct {
	w    io.Writer
	last time.Time
	wide int // length of the line on screen
}

// newProgress returns a progress line on w when w is a terminal.
func newProgress(w io.Writer) *progress {
	f, ok := w.(*os.File)
	if !ok || os.Getenv("CI") != "" || os.Getenv("TERM") == "dumb" {
		return nil
	}
	st, err := f.Stat()
	if err != nil || st.Mode()&os.ModeCharDevice == 0 {
		return nil
	}
	return &progress{w: w}
}

// update redraws the line, at most four times a second.
func (p *progress) update(r *ingestRun) {
	if p == nil || time.Since(p.last) < 250*time.Millisecond {
		return
	}
	p.last = time.Now()
	el := time.Since(r.start)
	docs := rate(r.read, el)
	line := fmt.Sprintf("%d documents (%.1f/s), %d new, %d events (%.1f/s)", r.read, docs, r.added, r.events, rate(r.events, el))
	if total := int(r.total.Load()); total > 0 && docs > 0 && r.read <= total {
		left := time.Duration(float64(total-r.read) / docs * float64(time.Second))
		line += fmt.Sprintf(", %d%%, %s left", 100*r.read/total, left.Round(time.Second))
	}
	pad := max(0, p.wide-len(line))
	fmt.Fprintf(p.w, "\r%s%s", line, strings.Repeat(" ", pad))
	p.wide = len(line)
}

// clear erases the line, so that an error or the summary prints on a
// clean line.
func (p *progress) clear() {
	if p == nil || p.wide == 0 {
		return
	}
	fmt.Fprintf(p.w, "\r%s\r", strings.Repeat(" ", p.wide))
	p.wide = 0
}

// countDocuments counts the documents of the inputs when that is cheap:
// one per text or HTML file, one per non-blank line of JSON Lines files
// (counting newlines runs at disk speed). It returns -1 when some input's
// count is unknown (standard input, .json, .xml).
func countDocuments(inputs []string) int {
	total := 0
	for _, in := range inputs {
		if in == "-" {
			return -1
		}
		err := filepath.WalkDir(in, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil // Read reports it
			}
			if path != in && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				return nil
			}
			switch strings.ToLower(filepath.Ext(path)) {
			case ".jsonl", ".ndjson":
				n, err := countLines(path)
				if err != nil {
					return err
				}
				total += n
			case ".json", ".xml":
				return fs.ErrInvalid
			case ".txt", ".text", ".html", ".htm":
				total++
			default:
				if path == in {
					total++ // named explicitly: read as text
				}
			}
			return nil
		})
		if err != nil {
			return -1
		}
	}
	return total
}

// countLines counts the lines of a file that are not blank.
func countLines(path string) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	buf := make([]byte, 256<<10)
	n, blank := 0, true
	for {
		m, err := f.Read(buf)
		chunk := buf[:m]
		for len(chunk) > 0 {
			i := bytes.IndexByte(chunk, '\n')
			if i < 0 {
				if len(bytes.TrimSpace(chunk)) > 0 {
					blank = false
				}
				break
			}
			if len(bytes.TrimSpace(chunk[:i])) > 0 {
				blank = false
			}
			if !blank {
				n++
			}
			blank = true
			chunk = chunk[i+1:]
		}
		if err == io.EOF {
			if !blank {
				n++
			}
			return n, nil
		}
		if err != nil {
			return 0, err
		}
	}
}
