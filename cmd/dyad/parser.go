package main

import (
	"context"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"

	"dyad/internal/doc"
	"dyad/internal/parse"
	"dyad/internal/text"
)

func cmdParser(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return fmt.Errorf("%w: parser needs a command (train, eval)", errUsage)
	}
	if isHelp(args[0]) {
		fmt.Fprint(stdout, groupUsage("parser"))
		return errHelp
	}
	switch args[0] {
	case "train":
		return cmdParserTrain(args[1:], stdout, stderr)
	case "eval":
		return cmdParserEval(args[1:], stdout, stderr)
	}
	return fmt.Errorf("%w: unknown parser command %q (train, eval)", errUsage, args[0])
}

func cmdParserTrain(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("parser train", stdout)
	out := fs.String("o", "parser.bin.gz", "write the model to this file")
	var opt parse.TrainOptions
	fs.IntVar(&opt.Iterations, "iter", 15, "perceptron epochs")
	folds := fs.Int("folds", 4, "jackknife folds for the predicted tags")
	seed := fs.Uint64("seed", 1, "shuffling and exploration seed")
	fs.Float64Var(&opt.Explore, "explore", 0.9, "chance of following a wrong move after the first epoch")
	goldTags := fs.Bool("gold-tags", false, "train on the treebank's gold tags instead of jackknifed ones (for comparison)")
	fs.IntVar(&opt.MinUpdates, "min-updates", 1, "drop features updated fewer times in training (smaller model)")
	sweep := fs.String("sweep", "", "also write the model pruned at each of these comma-separated -min-updates values to FILE.muN (for experiments)")
	tagCache := fs.String("tag-cache", "", "keep the jackknifed tags in this file and reuse them (for experiments)")
	if err := fs.parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("%w: parser train needs CoNLL-U files", errUsage)
	}
	opt.Seed = *seed
	opt.Log = stderr
	tb, err := readTreebanks(fs.Args())
	if err != nil {
		return err
	}
	var sents []parse.Sentence
	if *goldTags {
		sents = parse.FromTreebank(parse.AugmentHyphens(tb))
	} else if sents, err = trainingSet(tb, *folds, *seed, *tagCache, stderr); err != nil {
		return err
	}
	ns, na := parse.Projectivize(sents)
	fmt.Fprintf(stderr, "%d sentences (%d hyphen-merged copies); projectivized %d non-projective sentences by lifting %d arcs\n",
		len(sents), len(sents)-len(tb), ns, na)
	m, err := parse.Train(sents, opt)
	if err != nil {
		return err
	}
	if err := writeParserModel(*out, m); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s\n", *out)
	if *sweep != "" {
		for _, v := range strings.Split(*sweep, ",") {
			n, err := strconv.Atoi(v)
			if err != nil {
				return fmt.Errorf("%w: -sweep %q", errUsage, v)
			}
			if err := writeParserModel(fmt.Sprintf("%s.mu%d", *out, n), m.Pruned(n)); err != nil {
				return err
			}
		}
	}
	return nil
}

func writeParserModel(path string, m *parse.Model) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := parse.WriteModel(f, m); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// trainingSet returns the jackknife-tagged training sentences, reading
// their tags from cache when it names a file written for the same data.
func trainingSet(tb []text.TaggedSentence, folds int, seed uint64, cache string, log io.Writer) ([]parse.Sentence, error) {
	if cache != "" {
		f, err := os.Open(cache)
		if err == nil {
			defer f.Close()
			var tags [][]doc.Tag
			if err := gob.NewDecoder(f).Decode(&tags); err != nil {
				return nil, fmt.Errorf("%s: %w", cache, err)
			}
			sents := parse.FromTreebank(tb)
			for _, t := range tb {
				if m, ok := parse.MergeHyphens(t); ok {
					sents = append(sents, parse.FromTreebank([]text.TaggedSentence{m})...)
				}
			}
			if len(tags) != len(sents) {
				return nil, fmt.Errorf("%s: tags of %d sentences, data has %d", cache, len(tags), len(sents))
			}
			for i := range sents {
				if len(tags[i]) != len(sents[i].Tags) {
					return nil, fmt.Errorf("%s: sentence %d: tag count differs", cache, i)
				}
				sents[i].Tags = tags[i]
			}
			fmt.Fprintf(log, "read the jackknifed tags from %s\n", cache)
			return sents, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	sents, err := parse.TrainingSet(tb, folds, seed, log)
	if err != nil || cache == "" {
		return sents, err
	}
	tags := make([][]doc.Tag, len(sents))
	for i := range sents {
		tags[i] = sents[i].Tags
	}
	f, err := os.Create(cache)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return sents, gob.NewEncoder(f).Encode(tags)
}

func cmdParserEval(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("parser eval", stdout)
	modelPath := fs.String("model", "", "model file (default: the embedded model)")
	if err := fs.parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("%w: parser eval needs CoNLL-U files", errUsage)
	}
	m, err := loadParserModel(*modelPath)
	if err != nil {
		return err
	}
	tm, err := text.DefaultModel()
	if err != nil {
		return err
	}
	tb, err := readTreebanks(fs.Args())
	if err != nil {
		return err
	}
	runtime.GC()
	sc := parse.Evaluate(m, tm, tb)
	fmt.Fprintf(stdout, "%-12s %6s %6s %7s %7s %7s\n", "relation", "gold", "pred", "prec", "recall", "f1")
	for r := doc.RelNsubj; r < doc.NumRels; r++ {
		if r.Base() != r {
			continue
		}
		c := sc.ByRel[r]
		if c.Gold == 0 && c.Pred == 0 {
			continue
		}
		p, rc := text.Percent(c.Correct, c.Pred), text.Percent(c.Correct, c.Gold)
		f1 := 0.0
		if p+rc > 0 {
			f1 = 2 * p * rc / (p + rc)
		}
		fmt.Fprintf(stdout, "%-12s %6d %6d %6.2f%% %6.2f%% %6.2f%%\n", r, c.Gold, c.Pred, p, rc, f1)
	}
	tps := float64(sc.Tokens) / max(sc.Elapsed, time.Microsecond).Seconds()
	fmt.Fprintf(stdout, "parser uas=%.2f%% las=%.2f%% tokens=%d tokens/s=%.0f\n", sc.UAS(), sc.LAS(), sc.Tokens, tps)
	return nil
}

func loadParserModel(path string) (*parse.Model, error) {
	if path == "" {
		return parse.DefaultModel()
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m, err := parse.ReadModel(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}
