package learn

import (
	"compress/gzip"
	"encoding/binary"
	"fmt"
	"io"
)

// MaxModelBytes caps the unpacked size of a model file, so a corrupt or
// hostile file cannot make a reader allocate without bound.
const MaxModelBytes = 1 << 30

// ReadGzip returns the unpacked bytes of a gzipped model file.
func ReadGzip(r io.Reader) ([]byte, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	data, err := io.ReadAll(io.LimitReader(zr, MaxModelBytes))
	if err != nil {
		return nil, err
	}
	return data, nil
}

// WriteGzip writes b gzipped at the best compression.
func WriteGzip(w io.Writer, b []byte) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	if _, err := zw.Write(b); err != nil {
		return err
	}
	return zw.Close()
}

// Decoder reads little-endian values from a byte slice. After the first
// short read every value is zero and Err is io.ErrUnexpectedEOF, so a
// reader checks once, at the end of a loop.
type Decoder struct {
	B   []byte
	Err error
}

// Open reads a gzipped model file and checks that it starts with magic;
// the Decoder is positioned after it. Any failure is an error wrapping
// bad, the caller's "not a model of mine".
func Open(r io.Reader, magic string, bad error) (*Decoder, error) {
	data, err := ReadGzip(r)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", bad, err)
	}
	d := &Decoder{B: data}
	if string(d.Next(len(magic))) != magic {
		return nil, bad
	}
	return d, nil
}

// Next returns the next n bytes.
func (d *Decoder) Next(n int) []byte {
	if d.Err != nil {
		return make([]byte, n)
	}
	if len(d.B) < n {
		d.Err = io.ErrUnexpectedEOF
		d.B = nil
		return make([]byte, n)
	}
	out := d.B[:n]
	d.B = d.B[n:]
	return out
}

// U8 reads one byte.
func (d *Decoder) U8() uint8 { return d.Next(1)[0] }

// U16 reads a uint16.
func (d *Decoder) U16() uint16 { return binary.LittleEndian.Uint16(d.Next(2)) }

// U32 reads a uint32.
func (d *Decoder) U32() uint32 { return binary.LittleEndian.Uint32(d.Next(4)) }

// U64 reads a uint64.
func (d *Decoder) U64() uint64 { return binary.LittleEndian.Uint64(d.Next(8)) }

// Count reads a uint32 count of records of at least size bytes each and
// checks that the rest of the data can hold them.
func (d *Decoder) Count(size int) (int, error) {
	n := d.U32()
	if d.Err != nil {
		return 0, d.Err
	}
	if uint64(n)*uint64(size) > uint64(len(d.B)) {
		return 0, fmt.Errorf("truncated: %d records of %d bytes, %d bytes left", n, size, len(d.B))
	}
	return int(n), nil
}

// Done returns the decoder's error, or an error when bytes remain.
func (d *Decoder) Done() error {
	if d.Err != nil {
		return d.Err
	}
	if len(d.B) != 0 {
		return fmt.Errorf("%d trailing bytes", len(d.B))
	}
	return nil
}
