package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"sort"
	"time"

	"dyad/internal/doc"
	"dyad/internal/text"
)

func cmdTagger(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return fmt.Errorf("%w: tagger needs a command (train, eval)", errUsage)
	}
	if isHelp(args[0]) {
		fmt.Fprint(stdout, groupUsage("tagger"))
		return errHelp
	}
	switch args[0] {
	case "train":
		return cmdTaggerTrain(args[1:], stdout, stderr)
	case "eval":
		return cmdTaggerEval(args[1:], stdout, stderr)
	}
	return fmt.Errorf("%w: unknown tagger command %q (train, eval)", errUsage, args[0])
}

func readTreebanks(paths []string) ([]text.TaggedSentence, error) {
	var all []text.TaggedSentence
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return nil, err
		}
		s, err := text.ReadCoNLLU(f, p)
		f.Close()
		if err != nil {
			return nil, err
		}
		all = append(all, s...)
	}
	return all, nil
}

func cmdTaggerTrain(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("tagger train", stdout)
	out := fs.String("o", "tagger.bin.gz", "write the model to this file")
	var opt text.TrainOptions
	fs.IntVar(&opt.Iterations, "iter", 10, "perceptron epochs per pass")
	fs.IntVar(&opt.Folds, "folds", 4, "jackknife folds for the second pass")
	seed := fs.Uint64("seed", 1, "shuffling seed")
	fs.IntVar(&opt.MinCount, "min-count", 1, "drop features seen fewer times")
	if err := fs.parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("%w: tagger train needs CoNLL-U files", errUsage)
	}
	opt.Seed = *seed
	opt.Log = stderr
	sents, err := readTreebanks(fs.Args())
	if err != nil {
		return err
	}
	sents = text.AugmentHyphens(sents)
	m, err := text.Train(sents, opt)
	if err != nil {
		return err
	}
	f, err := os.Create(*out)
	if err != nil {
		return err
	}
	if err := text.WriteModel(f, m); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s\n", *out)
	return nil
}

func cmdTaggerEval(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("tagger eval", stdout)
	modelPath := fs.String("model", "", "model file (default: the embedded model)")
	confusions := fs.Int("confusions", 0, "also print the N most frequent errors (gold -> got)")
	if err := fs.parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("%w: tagger eval needs CoNLL-U files", errUsage)
	}
	m, err := loadModel(*modelPath)
	if err != nil {
		return err
	}
	sents, err := readTreebanks(fs.Args())
	if err != nil {
		return err
	}
	runtime.GC()
	a := text.Evaluate(m, sents)
	fmt.Fprintf(stdout, "verbs accuracy=%.2f%% tokens=%d\n", text.Percent(a.VerbsCorrect, a.Verbs), a.Verbs)
	fmt.Fprintf(stdout, "unknown-word accuracy=%.2f%% tokens=%d\n", text.Percent(a.UnknownCorrect, a.Unknown), a.Unknown)
	if *confusions > 0 {
		pairs := text.ConfusionPairs(m, sents)
		keys := make([][2]doc.Tag, 0, len(pairs))
		for k := range pairs {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool { return pairs[keys[i]] > pairs[keys[j]] })
		for i, k := range keys {
			if i == *confusions {
				break
			}
			fmt.Fprintf(stdout, "  %5d %s -> %s\n", pairs[k], k[0], k[1])
		}
	}
	tps := float64(a.Tokens) / max(a.Elapsed, time.Microsecond).Seconds()
	fmt.Fprintf(stdout, "tagger accuracy=%.2f%% tokens=%d tokens/s=%.0f\n", text.Percent(a.Correct, a.Tokens), a.Tokens, tps)
	return nil
}

func loadModel(path string) (*text.Model, error) {
	if path == "" {
		return text.DefaultModel()
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m, err := text.ReadModel(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}
