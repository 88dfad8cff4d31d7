package main

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"dyad/internal/testenv"
)

// TestCommittedTableIsCurrent checks that internal/code/cameo.txt is what
// gencameo writes from the reference files, so the two cannot drift apart.
func TestCommittedTableIsCurrent(t *testing.T) {
	shared := filepath.Join("..", "..", "..", "..", "..", "shared")
	if _, err := os.Stat(filepath.Join(shared, "reference", "cameo2plover.txt")); errors.Is(err, fs.ErrNotExist) {
		testenv.Absent(t, "reference files not found under %s (they live beside the repository in shared/reference)", shared)
	}
	var got bytes.Buffer
	if err := generate(&got, shared); err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("..", "..", "cameo.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Errorf("internal/code/cameo.txt is stale; regenerate it from the repository root:\n\tgo run ./internal/code/internal/gencameo -shared ../shared > internal/code/cameo.txt")
	}
}
