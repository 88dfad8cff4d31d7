package pipeline

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"io/fs"
	"maps"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"

	"dyad/internal/code"
	"dyad/internal/kb"
	"dyad/internal/parse"
	"dyad/internal/text"
)

// Embedded is one file of the data built into dyad that decides what it
// codes: a dictionary, a table or a model.
type Embedded struct {
	Name string // as "kb/data/verbs.txt" or "text/model/tagger.bin.gz"
	Size int    // bytes
	Hash string // Hash of its bytes
}

// Version says what built this coder: the module version, the commit of
// the checkout it was built from, and the embedded data.
type Version struct {
	Module   string // the module version; "(devel)" for a build from a checkout
	Commit   string // the VCS revision; "" when the build recorded none (go test, go run)
	Time     string // the commit's time, RFC 3339; "" when unknown
	Modified bool   // the checkout had uncommitted changes
	Go       string // the toolchain, as "go1.26.0 linux/amd64"
	Data     []Embedded
	DataHash string // Hash of every file of Data, names and bytes, in order
}

// Hash is a stable short hash of b: the first 12 hex digits of its
// SHA-256.
func Hash(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:6])
}

// BuildVersion returns the version of the running binary. It is computed
// once; the result must not be modified.
func BuildVersion() Version { return buildVersion() }

var buildVersion = sync.OnceValue(func() Version {
	bi, _ := debug.ReadBuildInfo()
	return versionOf(bi)
})

// versionOf reads the version of a build from its build information (nil
// when the binary has none).
func versionOf(bi *debug.BuildInfo) Version {
	v := Version{Module: "(devel)", Go: runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH}
	if bi != nil {
		if bi.Main.Version != "" {
			v.Module = bi.Main.Version
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				v.Commit = s.Value
			case "vcs.time":
				v.Time = s.Value
			case "vcs.modified":
				v.Modified = s.Value == "true"
			}
		}
	}
	v.Data = EmbeddedData()
	all := sha256.New()
	for _, e := range v.Data {
		all.Write([]byte(e.Name))
		all.Write(binary.AppendUvarint(nil, uint64(e.Size)))
		all.Write([]byte(e.Hash))
	}
	v.DataHash = hex.EncodeToString(all.Sum(nil)[:6])
	return v
}

// EmbeddedData lists the dictionaries, tables and models built into dyad,
// by name, each with the Hash of its bytes.
func EmbeddedData() []Embedded {
	var out []Embedded
	add := func(prefix string, files map[string][]byte) {
		for _, name := range slices.Sorted(maps.Keys(files)) {
			b := files[name]
			out = append(out, Embedded{Name: prefix + name, Size: len(b), Hash: Hash(b)})
		}
	}
	dicts := map[string][]byte{}
	names, _ := fs.Glob(kb.Data, "data/*.txt") // the pattern is valid
	for _, name := range names {
		b, err := fs.ReadFile(kb.Data, name)
		if err == nil {
			dicts[name] = b
		}
	}
	add("kb/", dicts)
	add("code/", code.EmbeddedFiles())
	add("text/", text.EmbeddedFiles())
	add("parse/", parse.EmbeddedFiles())
	return out
}

// Coder returns one short string that names the code and the data that
// coded an event, for storing beside it: "MODULE COMMIT data=HASH", the
// commit cut to 12 digits and marked "+modified" for a dirty checkout,
// "unknown" when the build recorded none.
func (v Version) Coder() string {
	commit := "unknown"
	if v.Commit != "" {
		commit = v.Commit[:min(12, len(v.Commit))]
		if v.Modified {
			commit += "+modified"
		}
	}
	return strings.Join([]string{v.Module, commit, "data=" + v.DataHash}, " ")
}
