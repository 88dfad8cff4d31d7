package text

import (
	"dyad/internal/doc"
	"slices"
)

// Model is a trained two-pass averaged-perceptron tagger. It is read-only
// after loading and safe to share between goroutines; each goroutine tags
// through its own Tagger.
//
// The first pass tags left to right from word features and the tags already
// chosen; the second pass tags again with the first pass's tags to the
// right as extra features. Frequent unambiguous words skip scoring.
type Model struct {
	words map[uint64]wordEntry // tag dictionary, by normalised-word hash
	w     weights
}

type wordEntry struct {
	amb uint64 // bit i set when tag i was seen with the word
	// allowed is, for a word seen allowCount times, every tag it was seen
	// with: the only tags it may take (0: any).
	allowed uint64
	fixed   doc.Tag // the word's tag when it is frequent and unambiguous
}

// nScores is the length of a score vector: the tags of both passes, the
// second pass's tag t at index NumTags+t.
const nScores = 2 * int(doc.NumTags)

// weights maps feature hashes to rows of quantised weights, for both
// passes at once, in an open-addressing table (linear probing, load at
// most 2/3). One row serves both passes, so a word feature costs one
// lookup per token rather than one per pass.
//
// Layout, measured on the Guardian articles: a scored token reads 55
// features and, before dense rows, summed 2,359 row entries, the main cost
// of tagging. Rows with more than denseMin entries (the frequent, general
// features: bias, shapes, tags to the left) are stored dense, nScores
// int16 summed without decoding; the rest are sparse, first-pass entries
// before second-pass ones, so a pass reads only its own. A slot is 8
// bytes (the key's high 32 bits as a check, and the row offset).
type weights struct {
	slots []slot
	rows  []uint32 // sparse rows: n1 | n2<<16, then n1 first-pass and n2 second-pass entries
	dense []int16  // dense rows, nScores weights each
	mask  uint64
	// keys and offs list the features and their row offsets in build
	// order, for writing the model; tagging does not read them.
	keys []uint64
	offs []uint32
}

// denseMin is the entry count above which a row is stored dense.
const denseMin = 24

// denseBit marks a slot offset that indexes dense rows.
const denseBit = 1 << 31

type slot struct {
	check uint32 // key >> 32, never 0 in a used slot
	off   uint32
}

func slotCheck(key uint64) uint32 { return uint32(key>>32) | 1 }

// find returns the row offset of key, or -1.
func (ws *weights) find(key uint64) int64 {
	c := slotCheck(key)
	for i := key & ws.mask; ; i = (i + 1) & ws.mask {
		s := ws.slots[i]
		if s.check == c {
			return int64(s.off)
		}
		if s.check == 0 {
			return -1
		}
	}
}

// entries returns the row at off as packed entries (score index << 16 |
// uint16(weight)), in score-index order.
func (ws *weights) entries(off uint32) []uint32 {
	if off&denseBit != 0 {
		d := ws.dense[int(off&^denseBit)*nScores:][:nScores]
		var out []uint32
		for idx, w := range d {
			if w != 0 {
				out = append(out, packEntry(idx, w))
			}
		}
		return out
	}
	h := ws.rows[off]
	n := h&0xffff + h>>16
	return ws.rows[off+1 : off+1+n]
}

// row returns the entries of key's row, nil when the model lacks it.
func (ws *weights) row(key uint64) []uint32 {
	off := ws.find(key)
	if off < 0 {
		return nil
	}
	return ws.entries(uint32(off))
}

// lookup finds the rows of all features before reading any, so the
// processor overlaps their cache misses.
func (ws *weights) lookup(feats []uint64, offs []int64) []int64 {
	offs = offs[:len(feats)]
	for k, key := range feats {
		offs[k] = ws.find(key)
	}
	return offs
}

// lookupAppend appends the row offsets of the features found to offs.
func (ws *weights) lookupAppend(offs []int64, feats []uint64) []int64 {
	for _, key := range feats {
		if off := ws.find(key); off >= 0 {
			offs = append(offs, off)
		}
	}
	return offs
}

// addRows adds one pass's weights of the rows at offs to scores. When
// cand is not nil only the scores of those tags are wanted: dense rows add
// just them (a word seen 10 or more times takes 2 to 4 tags, not 52;
// measured: tagging 1.2x faster, the same tags).
func (ws *weights) addRows(offs []int64, scores *[doc.NumTags]int32, pass int, cand []uint8) {
	const nt = int64(doc.NumTags)
	base := uint32(pass) * uint32(doc.NumTags)
	for _, off := range offs {
		switch {
		case off < 0:
		case off&denseBit != 0:
			d := (*[doc.NumTags]int16)(ws.dense[(off&^denseBit)*int64(nScores)+int64(pass)*nt:])
			if cand != nil {
				for _, k := range cand {
					scores[k] += int32(d[k])
				}
				continue
			}
			for k := range scores {
				scores[k] += int32(d[k])
			}
		default:
			h := int64(ws.rows[off])
			from, to := off+1, off+1+h&0xffff
			if pass == 1 {
				from, to = to, to+h>>16
			}
			for _, e := range ws.rows[from:to] {
				scores[e>>16-base] += int32(int16(e))
			}
		}
	}
}

// build fills the table from rows given per feature key, each row's
// entries in score-index order. Two keys with the same low bits and the
// same check are one feature: the later is dropped (at 2^-32 per pair, it
// does not happen at real sizes).
func (ws *weights) build(feats map[uint64][]uint32) {
	size := 16
	for size < len(feats)+len(feats)/2 {
		size *= 2
	}
	ws.slots = make([]slot, size)
	ws.mask = uint64(size - 1)
	ws.rows = make([]uint32, 0, len(feats)*6)
	ws.dense = ws.dense[:0]
	for _, key := range sortedKeys(feats) {
		if ws.find(key) >= 0 {
			continue
		}
		row := feats[key]
		// Sorted by score index (a packed entry sorts by it), so the
		// first-pass entries come first whatever order the file had.
		slices.Sort(row)
		var off uint32
		if len(row) > denseMin {
			off = uint32(len(ws.dense)/nScores) | denseBit
			d := make([]int16, nScores)
			for _, e := range row {
				idx, w := unpackEntry(e)
				d[idx] = int16(w)
			}
			ws.dense = append(ws.dense, d...)
		} else {
			off = uint32(len(ws.rows))
			n1 := 0
			for _, e := range row {
				if idx, _ := unpackEntry(e); idx < int(doc.NumTags) {
					n1++
				}
			}
			ws.rows = append(ws.rows, uint32(n1)|uint32(len(row)-n1)<<16)
			ws.rows = append(ws.rows, row...)
		}
		i := key & ws.mask
		for ws.slots[i].check != 0 {
			i = (i + 1) & ws.mask
		}
		ws.slots[i] = slot{check: slotCheck(key), off: off}
		ws.keys = append(ws.keys, key)
		ws.offs = append(ws.offs, off)
	}
}

func packEntry(idx int, w int16) uint32 { return uint32(idx)<<16 | uint32(uint16(w)) }

func unpackEntry(e uint32) (int, int32) { return int(e >> 16), int32(int16(e)) }

// Tagger tags sentences with a shared Model. It holds scratch buffers: one
// per goroutine.
type Tagger struct {
	m      *Model
	info   []wordInfo
	first  []doc.Tag
	tags   []doc.Tag
	margin []int32 // first-pass score of the best tag over the second best
	// span[i] is where token i's static feature rows sit in rows: found in
	// the first pass, read again in the second.
	span []struct{ from, to int32 }
	rows []int64
	sc   scratch
	skip int32 // skipMargin; tests raise it to run every second pass
}

// scratch holds the feature buffers of one token.
type scratch struct {
	feats []uint64
	offs  []int64
}

func (sc *scratch) offsets(n int) []int64 {
	if cap(sc.offs) < n {
		sc.offs = make([]int64, n, 2*n)
	}
	return sc.offs[:n]
}

// NewTagger returns a Tagger using m.
func NewTagger(m *Model) *Tagger { return &Tagger{m: m, skip: skipMargin} }

// TagTokens sets the Tag of each token of one sentence; text is the
// document text the token spans point into.
func (t *Tagger) TagTokens(text string, toks []doc.Token) {
	n := len(toks)
	t.prepare(n)
	for i := range toks {
		before := toks[i].Flags&doc.SpaceBefore != 0
		after := i+1 == n || toks[i+1].Flags&doc.SpaceBefore != 0
		t.m.describe(text[toks[i].Start:toks[i].End], i == 0, spaceBits(before, after), &t.info[i])
	}
	t.run(2)
	for i := range toks {
		toks[i].Tag = t.tags[i]
	}
}

// TagWords returns the tags of a sentence given as words (as in a
// treebank); spaceAfter[i] tells whether white space follows word i (nil:
// everywhere). The result is reused by the next call.
func (t *Tagger) TagWords(words []string, spaceAfter []bool) []doc.Tag {
	t.prepare(len(words))
	for i, w := range words {
		t.m.describe(w, i == 0, wordSpace(spaceAfter, i), &t.info[i])
	}
	return t.run(2)
}

func (t *Tagger) prepare(n int) {
	if cap(t.info) < n {
		c := n + n/2
		t.info = make([]wordInfo, n, c)
		t.first = make([]doc.Tag, n, c)
		t.tags = make([]doc.Tag, n, c)
		t.margin = make([]int32, n, c)
		t.span = make([]struct{ from, to int32 }, n, c)
	}
	t.info, t.first, t.tags = t.info[:n], t.first[:n], t.tags[:n]
	t.margin, t.span = t.margin[:n], t.span[:n]
}

// tagInfo tags a sentence whose word facts are known (in training), with
// the first pass only or both; the result is reused by the next call.
func (t *Tagger) tagInfo(info []wordInfo, passes int) []doc.Tag {
	t.prepare(len(info))
	copy(t.info, info)
	return t.run(passes)
}

func (t *Tagger) run(passes int) []doc.Tag {
	markAux(t.info)
	t.firstPass()
	if passes == 1 {
		return t.first
	}
	t.secondPass()
	return t.tags
}

// skipMargin: a token whose first-pass best tag leads the second by this
// much (in quantised weight units) keeps it without a second pass. Read
// off the margins of EWT test and GUM news: the second pass changed no
// tag above 20,000 and 62% of scored tokens lie above 25,000; skipping
// them made tagging 1.3-1.4x faster (with dense rows). TestSkipMargin checks that skipping
// changes no accuracy on GUM news.
const skipMargin = 25000

// firstPass tags left to right from word features and the tags chosen so
// far, keeping each token's static feature rows for the second pass.
func (t *Tagger) firstPass() {
	info, sc, w := t.info, &t.sc, &t.m.w
	var candBuf [doc.NumTags]uint8
	t.rows = t.rows[:0]
	for i := range info {
		if f := info[i].fixed; f != doc.NoTag {
			t.first[i] = f
			continue
		}
		var scores [doc.NumTags]int32
		f := staticFeatures(info, i, sc.feats[:0])
		from := int32(len(t.rows))
		t.rows = w.lookupAppend(t.rows, f)
		t.span[i].from, t.span[i].to = from, int32(len(t.rows))
		cand := candidates(info[i].allowed, &candBuf)
		w.addRows(t.rows[from:], &scores, 0, cand)
		f = historyFeatures(info, t.first, nil, i, f[:0])
		sc.feats = f
		w.addRows(w.lookup(f, sc.offsets(len(f))), &scores, 0, cand)
		t.first[i], t.margin[i] = best(&scores, info[i].allowed)
	}
}

// secondPass tags again with the first pass's tags to the right.
func (t *Tagger) secondPass() {
	info, sc, w := t.info, &t.sc, &t.m.w
	var candBuf [doc.NumTags]uint8
	for i := range info {
		if info[i].fixed != doc.NoTag || t.margin[i] >= t.skip {
			t.tags[i] = t.first[i]
			continue
		}
		var scores [doc.NumTags]int32
		cand := candidates(info[i].allowed, &candBuf)
		w.addRows(t.rows[t.span[i].from:t.span[i].to], &scores, 1, cand)
		f := historyFeatures(info, t.tags, t.first, i, sc.feats[:0])
		sc.feats = f
		w.addRows(w.lookup(f, sc.offsets(len(f))), &scores, 1, cand)
		t.tags[i], _ = best(&scores, info[i].allowed)
	}
}

// best returns the highest-scoring tag and its lead over the next, among the tags in allowed when it
// is not 0: a word seen often enough in training to be in the tag
// dictionary takes only a tag it was seen with ("fought" is never RB,
// whatever its neighbours suggest).
func best[T int32 | float32](scores *[doc.NumTags]T, allowed uint64) (doc.Tag, T) {
	if allowed == 0 {
		allowed = ^uint64(0)
	}
	const none = -(1 << 30) // below any score: sums stay under 2^22
	bt, bs, second := doc.Tag(1), T(none), T(none)
	for tg := doc.Tag(1); tg < doc.NumTags; tg++ {
		if allowed&(1<<tg) == 0 {
			continue
		}
		if v := scores[tg]; v > bs {
			bt, bs, second = tg, v, bs
		} else if v > second {
			second = v
		}
	}
	return bt, bs - second
}

func spaceBits(before, after bool) uint64 {
	var b uint64
	if before {
		b |= flagSpaceBefore
	}
	if after {
		b |= flagSpaceAfter
	}
	return b
}

// wordSpace returns the space bits of word i given treebank SpaceAfter marks.
func wordSpace(spaceAfter []bool, i int) uint64 {
	if spaceAfter == nil {
		return spaceBits(true, true)
	}
	return spaceBits(i == 0 || spaceAfter[i-1], spaceAfter[i])
}

// candidates lists the tags of an allowed set (nil when any tag may be
// chosen).
func candidates(allowed uint64, buf *[doc.NumTags]uint8) []uint8 {
	if allowed == 0 {
		return nil
	}
	n := 0
	for tg := 1; tg < int(doc.NumTags); tg++ {
		if allowed&(1<<tg) != 0 {
			buf[n] = uint8(tg)
			n++
		}
	}
	return buf[:n]
}
