// Package code is the event-coding stage of dyad's pipeline. Today it holds
// the reference table of event codes that the rest of the stage will use;
// coding events from clauses (verb patterns to CAMEO, actors to source and
// target, compounds, passives, reported speech) is to come.
//
// The table (cameo.go, cameo.txt): every CAMEO event code, 2-, 3- and
// 4-digit, with its short name, Goldstein value, GDELT quad class and PLOVER
// type, mode and context. Lookup takes a code such as "0871" and gives its
// Info; Codes, Valid and PloverTypes list and check codes and types.
//
// cameo.txt is embedded with go:embed and is what the binary uses. It is
// generated from the reference files beside the repository
// (../shared/reference from the repository root: the CAMEO
// codebook of the icews R package, MIT; the PLOVER project's CAMEO to
// PLOVER mapping, CC BY-SA 4.0) by internal/gencameo; from the repository
// root:
//
//	go run ./internal/code/internal/gencameo -shared ../shared > internal/code/cameo.txt
//
// Its header comment lists the sources, licences and every place where the
// PLOVER manual (draft 0.8) overrode the mapping. The roots 01 (make public
// statement) and 02 (appeal), which PLOVER drops, have no PLOVER type.
//
// Concurrency: the table is parsed once, on first use, and only read
// afterwards; every function is safe for concurrent use.
package code
