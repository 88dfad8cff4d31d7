package main

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every command, and dyad itself, prints its usage on stdout for -h,
// -help and --help and exits 0; the usage is one synopsis line, one line
// of what the command does, and the flags.
func TestHelp(t *testing.T) {
	cmds := [][]string{{}, {"help"}}
	for _, c := range commandTable {
		cmds = append(cmds, strings.Fields(c.name))
	}
	for _, cmd := range cmds {
		for _, h := range []string{"-h", "-help", "--help"} {
			args := append(append([]string(nil), cmd...), h)
			code, out, errs := runDyad(t, "", args...)
			if code != 0 || errs != "" {
				t.Errorf("dyad %s: exit %d, stderr %q; want 0 and nothing", strings.Join(args, " "), code, errs)
				continue
			}
			name := strings.Join(cmd, " ")
			if name == "" || name == "help" {
				name = "COMMAND"
			}
			lines := strings.Split(out, "\n")
			if len(lines) < 4 || !strings.HasPrefix(lines[0], "usage: dyad "+name) || lines[1] != "" || lines[2] == "" || lines[3] != "" {
				t.Errorf("dyad %s: usage starts %q; want a synopsis line, a blank line, a description", strings.Join(args, " "), lines[:min(4, len(lines))])
			}
		}
	}
	// Commands with flags list them; groups list their commands.
	for args, want := range map[string]string{
		"export -h":       "\nflags:\n  -actor string\n",
		"ingest --help":   "  -db string\n",
		"tagger train -h": "  -iter int\n",
		"tagger -h":       "\ncommands:\n  dyad tagger train ",
		"dict -help":      "\ncommands:\n  dyad dict lookup ",
		"help serve":      "usage: dyad serve -db DB [flags]\n",
		"-h":              "  dyad version ",
	} {
		if _, out, _ := runDyad(t, "", strings.Fields(args)...); !strings.Contains(out, want) {
			t.Errorf("dyad %s:\n%s\nwant it to contain %q", args, out, want)
		}
	}
}

// A usage mistake exits 2 with one message naming the command and a
// pointer to its -h, on stderr only.
func TestUsageMistake(t *testing.T) {
	for _, tc := range []struct{ args, want string }{
		{"export -nope", "dyad export: flag provided but not defined: -nope\nRun \"dyad export -h\" for usage.\n"},
		{"tagger train -iter x a.conllu", "dyad tagger train: invalid value \"x\" for flag -iter: parse error\nRun \"dyad tagger train -h\" for usage.\n"},
		{"dict", "dyad dict: dict needs a command (lookup)\nRun \"dyad dict -h\" for usage.\n"},
		{"tagger fly", "dyad tagger: unknown tagger command \"fly\" (train, eval)\nRun \"dyad tagger -h\" for usage.\n"},
		{"version x", "dyad version: version takes no arguments (got [\"x\"])\nRun \"dyad version -h\" for usage.\n"},
	} {
		code, out, errs := runDyad(t, "", strings.Fields(tc.args)...)
		if code != 2 || out != "" || errs != tc.want {
			t.Errorf("dyad %s: exit %d, stdout %q, stderr %q; want 2 and %q", tc.args, code, out, errs, tc.want)
		}
	}
}

// dyad version names the module version, the commit, and a hash of each
// embedded dictionary and model: the SHA-256 of the file it was built from.
func TestVersionCommand(t *testing.T) {
	code, out, errs := runDyad(t, "", "version")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"dyad (devel)\n", "\ncommit ", "\ngo go1.", "\ndata ", "\ncoder (devel) "} {
		if !strings.Contains(out, want) {
			t.Errorf("dyad version:\n%s\nwant %q", out, want)
		}
	}
	for _, f := range []string{"kb/data/verbs.txt", "kb/data/countries.txt", "text/model/tagger.bin.gz", "code/cameo.txt"} {
		b, err := os.ReadFile(filepath.Join("..", "..", "internal", filepath.FromSlash(f)))
		if err != nil {
			t.Fatal(err)
		}
		s := sha256.Sum256(b)
		if want := "  " + hex.EncodeToString(s[:6]) + " " + f + " "; !strings.Contains(out, want) {
			t.Errorf("dyad version:\n%s\nwant a line %q", out, want)
		}
	}
	if _, again, _ := runDyad(t, "", "--version"); again != out {
		t.Errorf("dyad --version differs from dyad version:\n%s", again)
	}
}
