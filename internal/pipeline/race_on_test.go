//go:build race

package pipeline

// raceEnabled is true when the race detector instruments the tests.
const raceEnabled = true
