// Package learn is the small training and model-file layer that dyad's
// trained models share: an averaged multi-class perceptron over hashed
// features (Perceptron), 16-bit quantisation of its averaged weights, and
// the reading side of the model files (Decoder, ReadGzip).
//
// Takes: feature hashes and class numbers from a model's own feature
// extraction. Gives: weights by feature, for the model to lay out in its
// own lookup table.
//
// Concurrency: a Perceptron belongs to one goroutine; a Decoder too.
package learn
