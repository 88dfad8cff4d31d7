package parse

import (
	"bytes"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"

	"dyad/internal/doc"
	"dyad/internal/learn"
)

// The model file: gzip of
//
//	magic "DYADPRS1"
//	relation names, '\n'-separated, u16 length first (this build's doc.Rel order)
//	nMoveKeys u32, then per feature: key u64, 3 × weight i16 (shift, left, right)
//	nRelKeys u32, then per feature: key u64, n u8, n × (relation u8, weight i16)
//
// little-endian, keys in ascending order.
const modelMagic = "DYADPRS1"

// ErrBadModel is returned for a file that is not a dyad parser model or
// does not fit the relations of this build.
var ErrBadModel = errors.New("parse: not a dyad parser model")

func relList() string {
	var names []string
	for r := doc.Rel(1); r < doc.NumRels; r++ {
		names = append(names, r.String())
	}
	return strings.Join(names, "\n")
}

// WriteModel writes a model made by Train in the model file format.
func WriteModel(w io.Writer, m *Model) error {
	if m.moveKeys == nil {
		return errors.New("parse: WriteModel needs a model made by Train")
	}
	le := binary.LittleEndian
	var b []byte
	b = append(b, modelMagic...)
	rl := relList()
	b = le.AppendUint16(b, uint16(len(rl)))
	b = append(b, rl...)
	b = le.AppendUint32(b, uint32(len(m.moveKeys)))
	for k, key := range m.moveKeys {
		b = le.AppendUint64(b, key)
		for _, v := range m.moveRows[k] {
			b = le.AppendUint16(b, uint16(v))
		}
	}
	b = le.AppendUint32(b, uint32(len(m.relKeys)))
	for k, key := range m.relKeys {
		b = le.AppendUint64(b, key)
		n := 0
		for _, v := range m.relRows[k] {
			if v != 0 {
				n++
			}
		}
		b = append(b, byte(n))
		for r, v := range m.relRows[k] {
			if v != 0 {
				b = append(b, byte(r))
				b = le.AppendUint16(b, uint16(v))
			}
		}
	}
	return learn.WriteGzip(w, b)
}

// ReadModel reads a model written by WriteModel. A file that is not one
// (truncated, corrupt, another build's relations) is an error wrapping
// ErrBadModel.
func ReadModel(r io.Reader) (*Model, error) {
	d, err := learn.Open(r, modelMagic, ErrBadModel)
	if err != nil {
		return nil, err
	}
	rl := relList()
	if n := int(d.U16()); n != len(rl) || string(d.Next(n)) != rl {
		return nil, fmt.Errorf("%w: relations differ from this build's", ErrBadModel)
	}
	nm, err := d.Count(8 + 2*nMoves)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadModel, err)
	}
	mk, mr := make([]uint64, nm), make([][]int16, nm)
	flat := make([]int16, nm*nMoves)
	for i := range nm {
		mk[i] = d.U64()
		mr[i] = flat[i*nMoves : (i+1)*nMoves]
		for c := range nMoves {
			mr[i][c] = int16(d.U16())
		}
	}
	nr, err := d.Count(9)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadModel, err)
	}
	rk, rr := make([]uint64, nr), make([][]int16, nr)
	for i := 0; i < nr && d.Err == nil; i++ {
		rk[i] = d.U64()
		row := make([]int16, doc.NumRels)
		for range int(d.U8()) {
			rel, w := d.U8(), int16(d.U16())
			if rel == 0 || rel >= uint8(doc.NumRels) {
				return nil, fmt.Errorf("%w: relation %d out of range", ErrBadModel, rel)
			}
			row[rel] = w
		}
		rr[i] = row
	}
	if err := d.Done(); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadModel, err)
	}
	m := &Model{}
	m.moves.build(mk, mr)
	m.rels.build(rk, rr)
	return m, nil
}

//go:embed model/parser.bin.gz
var embeddedModel []byte

var defaultModel = sync.OnceValues(func() (*Model, error) {
	return ReadModel(bytes.NewReader(embeddedModel))
})

// DefaultModel returns the embedded model, trained by `dyad parser train`
// on the UD English treebanks (see NOTICE). It is loaded once.
func DefaultModel() (*Model, error) { return defaultModel() }
