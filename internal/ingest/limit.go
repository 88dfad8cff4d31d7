package ingest

import "io"

// capReader fails a read past limit, an absolute offset that the reader of
// a streaming decoder moves forward as the decoder consumes input. It bounds
// the memory of decoders (encoding/xml, encoding/json) that buffer a whole
// token or value: one giant token is an error, not an allocation.
type capReader struct {
	r     io.Reader
	n     int64 // bytes read so far
	limit int64
	err   error // returned once the limit is reached
}

func (c *capReader) Read(p []byte) (int, error) {
	if c.n >= c.limit {
		return 0, c.err
	}
	if int64(len(p)) > c.limit-c.n {
		p = p[:c.limit-c.n]
	}
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// window returns how far past the decoder's position a capReader lets it
// read: one document at the limit, plus room for the decoder's read-ahead.
func window(max int64) int64 { return max + 64<<10 }
