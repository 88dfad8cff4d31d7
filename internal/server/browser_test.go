package server

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image/png"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"dyad/internal/store"
	"dyad/internal/testenv"
)

// wait is an action that polls a JavaScript condition until it holds.
func wait(expr string, opts ...chromedp.PollOption) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.Poll[bool](expr, opts...)(ctx, t)
		return err
	})
}

// viewIs is a condition on the page's own state for the hash it shows
// now: the router has taken up the current location.hash (data-route), and
// the view is in state (ready, error). Keying on data-route keeps a wait
// from passing on the state the last route left behind, between a hash
// change and the router's hashchange handler.
func viewIs(state string) string {
	return fmt.Sprintf(`(() => { const v = document.querySelector('#view');
		return v.dataset.route === location.hash && v.dataset.state === %q; })()`, state)
}

// chromium returns the browser the end-to-end test drives:
// $DYAD_TEST_CHROMIUM, or a chromium on the PATH; the test skips without.
func chromium(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("DYAD_TEST_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	testenv.Absent(t, "no browser: set DYAD_TEST_CHROMIUM to a Chromium binary, or put chromium on the PATH (apt-get install chromium)")
	return ""
}

// browserLog collects what the page says on its console, its uncaught
// exceptions, and any dialog it opens (an alert means injected script ran).
type browserLog struct {
	mu       sync.Mutex
	messages []string
	dialogs  []string
}

func (l *browserLog) add(dst *[]string, s string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	*dst = append(*dst, s)
}

func (l *browserLog) snapshot() (messages, dialogs []string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]string(nil), l.messages...), append([]string(nil), l.dialogs...)
}

// TestBrowser drives the web page in headless Chromium over a SQLite
// store: the events table, a record, the article view (highlights right
// across multi-byte UTF-8, injected markup shown as text), the timeline
// and the network, with a screenshot of each page checked.
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	exe := chromium(t)
	dir := t.TempDir()
	shots := os.Getenv("DYAD_TEST_SCREENSHOTS")
	if shots == "" {
		shots = filepath.Join(dir, "screenshots")
	}
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}

	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(dir, "dyad.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	fill(t, st, fixtureDocs...)
	s, _ := newTest(t, st, testToken)
	ts := httptest.NewServer(s.Handler()) // 127.0.0.1:0
	defer ts.Close()

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox, // the tests may run as root
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(filepath.Join(dir, "chromium")),
		chromedp.WindowSize(1280, 900),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(actx)
	defer cancelBrowser()

	var blog browserLog
	if err := chromedp.Listen(bctx, func(ev any) {
		if d, ok := ev.(*page.EventJavascriptDialogOpening); ok {
			blog.add(&blog.dialogs, string(d.Type)+": "+d.Message)
			go chromedp.Call(bctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: true})
		}
	}); err != nil {
		t.Fatalf("starting %s: %v", exe, err)
	}
	go func() {
		for m, err := range chromedp.Console(bctx) {
			if err != nil {
				return
			}
			blog.add(&blog.messages, fmt.Sprintf("%s: %s", m.Type, m.Text))
		}
	}()

	// run runs steps with a deadline, failing the test on error.
	run := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		c, cancel := context.WithTimeout(bctx, 60*time.Second)
		defer cancel()
		if err := chromedp.Do(c, steps...); err != nil {
			msgs, _ := blog.snapshot()
			t.Fatalf("%s: %v\nconsole:\n%s", what, err, strings.Join(msgs, "\n"))
		}
	}
	eval := func(expr string, v any) {
		t.Helper()
		c, cancel := context.WithTimeout(bctx, 30*time.Second)
		defer cancel()
		res, err := chromedp.Run(c, chromedp.Evaluate[[]byte](expr))
		if err != nil {
			t.Fatalf("evaluating %s: %v", expr, err)
		}
		if err := json.Unmarshal(res, v); err != nil {
			t.Fatalf("decoding %s: %v", expr, err)
		}
	}
	// open navigates to a route and waits for its view to be drawn.
	open := func(route, view string) {
		t.Helper()
		run("open "+route,
			chromedp.Navigate(ts.URL+"/#"+route),
			wait(viewIs("ready")+" || "+viewIs("error"), chromedp.WithPollingTimeout(30*time.Second)))
		var state, shown string
		eval(`document.querySelector('#view').dataset.state`, &state)
		eval(`document.querySelector('#view').dataset.view`, &shown)
		if state != "ready" || shown != view {
			var msg string
			eval(`document.querySelector('#view').textContent`, &msg)
			t.Fatalf("%s: view %s %s, %q; want %s ready", route, shown, state, msg, view)
		}
	}
	screenshot := func(name string) {
		t.Helper()
		c, cancel := context.WithTimeout(bctx, 30*time.Second)
		defer cancel()
		b, err := chromedp.Run(c, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatalf("screenshot %s: %v", name, err)
		}
		checkScreenshot(t, name, b)
		p := filepath.Join(shots, name+".png")
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot %s", p)
	}

	c := counts(t, st)
	all, err := st.Events(ctx, store.EventFilter{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}

	t.Run("spans.js", func(t *testing.T) {
		open("/events", "events")
		// Byte offsets of "Iran" after 1-, 2-, 3- and 4-byte characters,
		// and marks that nest and cross.
		text := "aé—🌍 Iran said “no” today"
		i := strings.Index(text, "Iran")
		q := strings.Index(text, "“")
		c, cancel := context.WithTimeout(bctx, 30*time.Second)
		defer cancel()
		res, err := chromedp.Run(c, chromedp.Evaluate[[]byte](fmt.Sprintf(`import('/static/spans.js').then((m) => {
			const text = %q;
			const map = m.byteToUnit(text);
			const iran = m.toUnits(map, [%d, %d]);
			const div = document.createElement('div');
			const u = (a, b) => m.toUnits(map, [a, b]);
			const mk = (kind, a, b) => { const r = u(a, b); return {kind, start: r[0], end: r[1], key: kind + a}; };
			m.highlight(div, text, [mk('quote', %d, %d), mk('mention', %d, %d), mk('verb', %d, %d)]);
			const parts = {};
			for (const n of div.querySelectorAll('.hl')) parts[n.dataset.key] = (parts[n.dataset.key] || '') + n.textContent;
			return {bytes: map.length - 1, iran: text.slice(iran[0], iran[1]), text: div.textContent, parts,
				mid: m.toUnits(map, [2, 3]), outside: m.toUnits(map, [0, 999])};
		})`, text, i, i+4, q, len(text)-6, i, i+9, i+5, q+3+2),
			chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatal(err)
		}
		var got struct {
			Bytes   int
			Iran    string
			Text    string
			Parts   map[string]string
			Mid     []int
			Outside []int
		}
		if err := json.Unmarshal(res, &got); err != nil {
			t.Fatal(err)
		}
		want := map[string]string{
			fmt.Sprint("quote", q):   text[q : len(text)-6],
			fmt.Sprint("mention", i): text[i : i+9],
			fmt.Sprint("verb", i+5):  text[i+5 : q+5],
		}
		if got.Bytes != len(text) || got.Iran != "Iran" || got.Text != text || got.Outside != nil || len(got.Mid) != 2 {
			t.Errorf("spans.js: %+v", got)
		}
		for k, w := range want {
			if got.Parts[k] != w {
				t.Errorf("highlight %s = %q; want %q", k, got.Parts[k], w)
			}
		}
	})

	t.Run("events table", func(t *testing.T) {
		open("/events", "events")
		var rows []string
		eval(`[...document.querySelectorAll('table.events tbody tr')].map(r => r.dataset.id)`, &rows)
		if len(rows) != int(c.Records) {
			t.Errorf("events table has %d rows; want %d", len(rows), c.Records)
		}
		var header string
		eval(`document.querySelector('#counts').textContent`, &header)
		if !strings.Contains(header, fmt.Sprintf("%d documents", c.Documents)) {
			t.Errorf("header counts = %q", header)
		}
		screenshot("events")

		// The filter form: a lower-case code is sent upper-cased.
		run("filter by actor",
			chromedp.SetValue(`form.filters input[name=actor]`, "irn"),
			chromedp.Click(`form.filters button[type=submit]`),
			wait(`location.hash.includes('actor=IRN') && `+viewIs("ready"), chromedp.WithPollingTimeout(30*time.Second)))
		var cells [][]string
		eval(`[...document.querySelectorAll('table.events tbody tr')].map(r => [r.cells[2].textContent, r.cells[3].textContent])`, &cells)
		want := 0
		for _, r := range all {
			if strings.HasPrefix(r.Source, "IRN") || strings.HasPrefix(r.Target, "IRN") {
				want++
			}
		}
		if len(cells) != want || want == 0 {
			t.Errorf("actor=IRN: %d rows; want %d", len(cells), want)
		}
		for _, r := range cells {
			if !strings.HasPrefix(r[0], "IRN") && !strings.HasPrefix(r[1], "IRN") {
				t.Errorf("actor=IRN shows %v", r)
			}
		}

		// A bad filter typed into the address shows the API's message.
		run("bad filter", chromedp.Navigate(ts.URL+"/#/events?cameo=1x"),
			wait(viewIs("error"), chromedp.WithPollingTimeout(30*time.Second)))
		var msg string
		eval(`document.querySelector('#view .error').textContent`, &msg)
		if !strings.HasPrefix(msg, "cameo:") {
			t.Errorf("error shown = %q; want the cameo parameter named", msg)
		}
	})

	t.Run("event record", func(t *testing.T) {
		var rec store.Record
		for _, r := range all {
			if r.Source == "IRN" && r.Target == "USA" && r.Root == "12" {
				rec = r
			}
		}
		if rec.ID == 0 {
			t.Fatalf("no IRN→USA 12 record among %+v", all)
		}
		_, evidence, err := st.Event(ctx, rec.ID)
		if err != nil {
			t.Fatal(err)
		}
		open(fmt.Sprintf("/event/%d", rec.ID), "event")
		var reports []struct {
			Verb, Outlet, Doc, Link string
		}
		eval(`[...document.querySelectorAll('li.report')].map(li => ({
			Verb: li.querySelector('.sentence .hl-verb')?.textContent ?? '',
			Outlet: li.querySelector('.outlet').textContent,
			Doc: li.dataset.doc,
			Link: li.querySelector('.links a').getAttribute('href')}))`, &reports)
		if len(reports) != len(evidence) {
			t.Fatalf("%d reports shown; want %d", len(reports), len(evidence))
		}
		for i, r := range reports {
			e := evidence[i]
			if r.Verb != e.Event.Verb.Text || r.Outlet != e.Outlet || r.Link != "#/doc/"+e.DocKey {
				t.Errorf("report %d = %+v; want verb %q, outlet %q, link to %s", i, r, e.Event.Verb.Text, e.Outlet, e.DocKey)
			}
		}
		screenshot("record")
		run("follow the article link", chromedp.Click(`li.report .links a`),
			wait(`location.hash.startsWith('#/doc/') && document.querySelector('#view').dataset.view === 'doc' && `+viewIs("ready"), chromedp.WithPollingTimeout(30*time.Second)))
	})

	// highlights reads the article's highlights: text per data-key.
	highlights := func() map[string]string {
		var hs []struct{ Key, Text string }
		eval(`[...document.querySelectorAll('.article-text .hl')].map(n => ({Key: n.dataset.key, Text: n.textContent}))`, &hs)
		got := map[string]string{}
		for _, h := range hs {
			got[h.Key] += h.Text
		}
		return got
	}
	// wantHighlights gives what the article view must highlight.
	wantHighlights := func(d store.StoredDocument) map[string]string {
		want := map[string]string{}
		add := func(kind string, sp [2]int) {
			if sp[1] > sp[0] {
				want[fmt.Sprintf("%s:%d:%d", kind, sp[0], sp[1])] = d.Document.Text[sp[0]:sp[1]]
			}
		}
		for _, m := range d.Mentions {
			add("mention", [2]int{m.Span.Start, m.Span.End})
		}
		for _, e := range d.Events {
			add("verb", [2]int{e.Event.Verb.Span.Start, e.Event.Verb.Span.End})
		}
		for _, q := range d.Quotes {
			add("quote", [2]int{q.Content.Span.Start, q.Content.Span.End})
		}
		return want
	}

	t.Run("article", func(t *testing.T) {
		key := store.DocKey(fixtureDocs[0].Text)
		d, err := st.Document(ctx, key)
		if err != nil {
			t.Fatal(err)
		}
		open("/doc/"+key, "doc")
		var text string
		eval(`document.querySelector('.article-text').textContent`, &text)
		if text != fixtureDocs[0].Text {
			t.Errorf("article text = %q; want the document's", text)
		}
		got, want := highlights(), wantHighlights(d)
		if len(got) != len(want) {
			t.Errorf("%d highlights; want %d:\n got %v\nwant %v", len(got), len(want), got, want)
		}
		for k, w := range want {
			if got[k] != w {
				t.Errorf("highlight %s = %q; want %q", k, got[k], w)
			}
		}
		// The spans after the 2-, 3- and 4-byte characters are the test.
		for _, s := range []string{"Iran", "rejected", "Saudi Arabia", "We will never join,"} {
			found := false
			for _, g := range got {
				found = found || g == s
			}
			if !found {
				t.Errorf("no highlight reads %q: %v", s, got)
			}
		}
		var side int
		eval(`document.querySelectorAll('aside.doc-events li.doc-event').length`, &side)
		if side != len(d.Events) {
			t.Errorf("%d events beside the article; want %d", side, len(d.Events))
		}
		screenshot("article")
	})

	t.Run("injected markup", func(t *testing.T) {
		key := store.DocKey(fixtureDocs[1].Text)
		d, err := st.Document(ctx, key)
		if err != nil {
			t.Fatal(err)
		}
		open("/doc/"+key, "doc")
		var r struct {
			Scripts, Images, JSLinks int
			Flag                     string
			Title, Text              string
		}
		eval(`({
			Scripts: document.querySelectorAll('#view script, body > script').length,
			Images: document.querySelectorAll('img').length,
			JSLinks: document.querySelectorAll('a[href^="javascript"]').length,
			Flag: String(window.__dyadXSS),
			Title: document.querySelector('#view h1').textContent,
			Text: document.querySelector('.article-text').textContent})`, &r)
		if r.Scripts != 0 || r.Images != 0 || r.JSLinks != 0 || r.Flag != "undefined" {
			t.Errorf("injected markup became markup: %+v", r)
		}
		if r.Title != fixtureDocs[1].Title || r.Text != fixtureDocs[1].Text {
			t.Errorf("title %q, text %q; want them shown as text", r.Title, r.Text)
		}
		got, want := highlights(), wantHighlights(d)
		for k, w := range want {
			if got[k] != w {
				t.Errorf("highlight %s = %q; want %q", k, got[k], w)
			}
		}
		screenshot("injected")
		if len(d.Events) > 0 {
			open(fmt.Sprintf("/event/%d", d.Events[0].RecordID), "event")
			eval(`({Scripts: document.querySelectorAll('#view script').length, Images: document.querySelectorAll('img').length,
				JSLinks: document.querySelectorAll('a[href^="javascript"]').length, Flag: String(window.__dyadXSS)})`, &r)
			if r.Scripts != 0 || r.Images != 0 || r.JSLinks != 0 || r.Flag != "undefined" {
				t.Errorf("record view: injected markup became markup: %+v", r)
			}
		}
	})

	t.Run("timeline", func(t *testing.T) {
		open("/timeline?source=IRN&target=USA", "timeline")
		var r struct{ SVG, Bars, Conflict, Dots int }
		eval(`({SVG: document.querySelectorAll('svg.timeline').length,
			Bars: document.querySelectorAll('svg.timeline rect.bar').length,
			Conflict: document.querySelectorAll('svg.timeline rect.bar.conflict').length,
			Dots: document.querySelectorAll('svg.timeline circle.goldstein-dot').length})`, &r)
		days, err := st.Series(ctx, store.EventFilter{Source: "IRN", Target: "USA"})
		if err != nil {
			t.Fatal(err)
		}
		wantConflict := 0
		for _, d := range days {
			if d.Conflict > 0 {
				wantConflict++
			}
		}
		if r.SVG != 1 || r.Conflict != wantConflict || r.Bars < wantConflict || r.Dots != len(days) {
			t.Errorf("timeline: %+v; want 1 svg, %d conflict bars, a Goldstein dot for each of %d days", r, wantConflict, len(days))
		}
		screenshot("timeline")
	})

	t.Run("network", func(t *testing.T) {
		open("/network", "network")
		var r struct {
			Nodes []string
			Edges int
		}
		eval(`({Nodes: [...document.querySelectorAll('svg.network g.node')].map(g => g.dataset.code),
			Edges: document.querySelectorAll('svg.network line.edge').length})`, &r)
		edges, err := st.Network(ctx, store.EventFilter{Limit: 80})
		if err != nil {
			t.Fatal(err)
		}
		nodes := map[string]bool{}
		n := 0
		for _, e := range edges {
			if e.Source != "" && e.Target != "" {
				nodes[e.Source], nodes[e.Target] = true, true
				n++
			}
		}
		want := make([]string, 0, len(nodes))
		for k := range nodes {
			want = append(want, k)
		}
		sort.Strings(want)
		sort.Strings(r.Nodes)
		if strings.Join(r.Nodes, ",") != strings.Join(want, ",") || r.Edges != n || n == 0 {
			t.Errorf("network: nodes %v, %d edges; want %v, %d", r.Nodes, r.Edges, want, n)
		}
		screenshot("network")
	})

	msgs, dialogs := blog.snapshot()
	if len(dialogs) > 0 {
		t.Errorf("the page opened dialogs (injected script ran): %v", dialogs)
	}
	for _, m := range msgs {
		// The one error expected is the 400 of the bad filter.
		if strings.HasPrefix(m, "exception") || strings.HasPrefix(m, "error") && !strings.Contains(m, "400") {
			t.Errorf("console: %s", m)
		}
	}
}

// checkScreenshot checks that b is a PNG of a sane size that is not one
// flat colour.
func checkScreenshot(t *testing.T, name string, b []byte) {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	r := img.Bounds()
	if r.Dx() < 800 || r.Dy() < 400 || r.Dx() > 10000 || r.Dy() > 50000 {
		t.Errorf("screenshot %s is %dx%d", name, r.Dx(), r.Dy())
	}
	colours := map[[3]uint32]int{}
	for y := r.Min.Y; y < r.Max.Y; y += 3 {
		for x := r.Min.X; x < r.Max.X; x += 3 {
			cr, cg, cb, _ := img.At(x, y).RGBA()
			colours[[3]uint32{cr >> 8, cg >> 8, cb >> 8}]++
		}
	}
	if len(colours) < 16 {
		t.Errorf("screenshot %s has %d colours: a blank page?", name, len(colours))
	}
}
