// Package server is dyad's HTTP service: a JSON API over a store.Store
// (event records, their evidence, documents with spans, quotes, dyad time
// series, the actor network, and coding of submitted documents) and a web
// page that browses it, with its assets embedded.
//
// New takes a Config (the store, the pipeline configuration that codes
// submitted documents, the bearer token, a logger) and returns a Server;
// Server.Handler gives the http.Handler that routes.go assembles. Every
// query parameter is validated before it reaches the store; errors are
// mapped to a status and a safe message by one function (errors.go).
//
// A Server is safe for concurrent use: the store is, and documents posted
// at once are coded by a small pool of pipeline.Coders, each used by one
// request at a time.
package server
