package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

// The version reads the module version and the commit from the build
// information, and hashes the embedded files as they are on disk.
func TestVersion(t *testing.T) {
	bi := &debug.BuildInfo{Main: debug.Module{Path: "dyad", Version: "v1.2.3"}, Settings: []debug.BuildSetting{
		{Key: "vcs.revision", Value: "57da76c0123456789abcdef0123456789abcdef0"},
		{Key: "vcs.time", Value: "2026-12-07T18:00:00Z"},
		{Key: "vcs.modified", Value: "true"},
	}}
	v := versionOf(bi)
	if v.Module != "v1.2.3" || v.Commit != "57da76c0123456789abcdef0123456789abcdef0" || !v.Modified || v.Time != "2026-12-07T18:00:00Z" {
		t.Errorf("versionOf = %+v", v)
	}
	if got, want := v.Coder(), "v1.2.3 57da76c01234+modified data="+v.DataHash; got != want {
		t.Errorf("Coder() = %q; want %q", got, want)
	}
	if got := versionOf(nil).Coder(); got != "(devel) unknown data="+v.DataHash {
		t.Errorf("Coder() without build information = %q", got)
	}

	want := map[string]string{}
	for _, dir := range []string{"kb/data", "code", "text", "text/model", "parse/model"} {
		files, _ := filepath.Glob(filepath.Join("..", dir, "*"))
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				continue // a directory
			}
			s := sha256.Sum256(b)
			want[filepath.ToSlash(strings.TrimPrefix(f, ".."+string(filepath.Separator)))] = hex.EncodeToString(s[:])[:12]
		}
	}
	names := map[string]bool{}
	for _, e := range v.Data {
		names[e.Name] = true
		if want[e.Name] != e.Hash || len(e.Hash) != 12 {
			t.Errorf("%s: hash %q; want %q, the SHA-256 of the file", e.Name, e.Hash, want[e.Name])
		}
	}
	for _, n := range []string{"kb/data/verbs.txt", "kb/data/people.txt", "code/cameo.txt", "text/model/tagger.bin.gz", "text/lemma_irregular.txt", "parse/model/parser.bin.gz"} {
		if !names[n] {
			t.Errorf("no hash of %s among %+v", n, v.Data)
		}
	}
	if again := versionOf(bi); again.DataHash != v.DataHash || len(v.DataHash) != 12 {
		t.Errorf("data hash %q, then %q: want one 12-digit hash", v.DataHash, again.DataHash)
	}
}
