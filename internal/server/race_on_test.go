//go:build race

package server

// raceEnabled is true when the race detector instruments the tests.
const raceEnabled = true
