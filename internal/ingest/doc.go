// Package ingest is the first stage of dyad's pipeline: it reads documents
// from files, directories and standard input, checks them, and hands them
// on as doc.Document values.
//
// Takes: paths (files or directories, "-" for standard input) and Options
// (a default date, a size limit). Gives: an iterator of documents and
// per-document errors, in input order (Read). The formats, one reader each:
//
//   - plain text (text.go): .txt, .text, or any file named explicitly whose
//     extension is not one of the others; the whole file is one document,
//     its ID the file name without extension;
//   - JSON Lines (jsonl.go): .jsonl, .ndjson; one object per line with id,
//     date, text and optional title, url, source;
//   - JSON (json.go): .json; an array of such objects, or JSON Lines;
//   - PETRARCH XML (xml.go): .xml; <Sentence id date source><Text>
//     records, read as a token stream;
//   - HTML (html.go): .html, .htm; a web page, of which readability keeps
//     the article text (paragraphs separated by blank lines), the title
//     and the date of its meta tags. HTML also reads fetched pages.
//
// Feeds (feed.go, feed_fetch.go, feed_addr.go): a Fetcher fetches RSS,
// Atom and JSON feeds and the articles they link over HTTP(S) only, with
// timeouts, a size cap, a memory of the links already fetched, at most
// MaxItems new articles a feed a call, a few at a time (PerHost to one
// host); it connects only to public addresses, checked at dial time
// (ErrPrivateAddress; FetchOptions.AllowPrivate lifts it), and reads as
// articles only HTML and plain text (ErrContentType). Feed yields the
// articles of one feed as documents; a feed that cannot be read is an
// error wrapping ErrFeed.
//
// Dates (textdate.go): a document keeps the date given with it (JSON date,
// XML date attribute, HTML meta tags, a feed item's date); without one,
// TextDate reads it from a dateline or date line at the top of its text;
// without that, the Date option (the -date flag) gives it; without that it
// is today, and Document.DateAssumed says so. SettleDate is the rule.
//
// Standard input is sniffed: JSON Lines when it starts with '{', HTML with
// <html or <!DOCTYPE html, PETRARCH XML with another '<', plain text
// otherwise.
//
// Every document is checked: not empty, not binary, within the size limit,
// dated YYYY-MM-DD. A bad document, line or record is one *DocError whose
// one-line message names it ("file.jsonl:17: empty document"), with a
// sentinel (ErrEmpty, ErrBinary, ErrTooLarge, ErrBadDate, ErrMalformed,
// ErrNoDocuments) for errors.Is; the rest of the batch goes on. Invalid
// UTF-8 fails nothing (utf8.go): each bad byte becomes U+FFFD, the
// document's Text is the repaired text, and a *Warning before the document
// says how many bytes were replaced (ErrInvalidUTF8). A *Warning also
// names each file of a directory, or link of a feed, that is skipped, and
// why; it is not a *DocError, so callers count it apart from failures. Memory stays bounded by the size limit
// whatever the input: files over it are not read, over-long lines are
// skipped, XML and JSON tokens are read through a cap.
//
// Concurrency: the iterator Read returns reads on the goroutine that ranges
// over it and holds no state between iterations, so it may be ranged over
// again (standard input excepted: it is read once). The documents it yields
// are plain values, safe to hand to other goroutines.
package ingest
