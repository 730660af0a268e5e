// The site's stylesheet and its one script, kept as strings so they ship inside the compiled
// package. The script only sorts tables: all data is already in the HTML, so nothing is fetched
// (fetch() of file:// JSON is blocked in Chromium anyway).

export const STYLE_CSS = `
:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1b1f24; --muted: #5b6570; --line: #d8dee4; --soft: #f3f5f7; --link: #0b5cad;
  --band: rgba(46, 125, 50, 0.12); --band-fg: #2e7d32; --tie: #b26a00; --lead: #1f7a35;
  --c0: #0072b2; --c1: #d55e00; --c2: #009e73; --c3: #cc79a7; --c4: #7a5c00; --c5: #56b4e9; --c6: #8c564b; --c7: #6a3d9a; --c8: #e69f00; --c9: #4d4d4d;
  --h0: #fbe3e1; --h1: #fbe9dc; --h2: #fcefd8; --h3: #fbf4d6; --h4: #f4f6d6; --h5: #e9f4d8; --h6: #dcf0da; --h7: #cfeadb; --h8: #c0e3da; --h9: #b1dcd8; --h10: #a3d5d6;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0f1419; --fg: #e3e8ee; --muted: #98a3ae; --line: #2c3640; --soft: #18212a; --link: #79b8ff;
    --band: rgba(102, 187, 106, 0.16); --band-fg: #81c784; --tie: #ffb74d; --lead: #81c784;
    --c0: #56b4e9; --c1: #ff8a50; --c2: #3ddc97; --c3: #f08cc8; --c4: #e6c25a; --c5: #8fd3ff; --c6: #c99a8f; --c7: #b39ddb; --c8: #ffc24d; --c9: #b0b0b0;
    --h0: #4a2323; --h1: #4a2d20; --h2: #4a3720; --h3: #474020; --h4: #3e4522; --h5: #334626; --h6: #29452b; --h7: #214331; --h8: #1c4036; --h9: #1a3c3b; --h10: #193840;
  }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
a { color: var(--link); text-decoration: none; }
a:hover { text-decoration: underline; }
header.top { border-bottom: 1px solid var(--line); padding: 10px 20px; display: flex; flex-wrap: wrap; gap: 4px 18px; align-items: baseline; }
header.top .brand { font-weight: 700; color: var(--fg); }
nav.crumbs { color: var(--muted); font-size: 14px; }
nav.crumbs a { color: var(--muted); }
main { padding: 8px 20px 40px; max-width: 1400px; }
h1 { font-size: 22px; margin: 14px 0 6px; }
h2 { font-size: 18px; margin: 28px 0 8px; }
h3 { font-size: 15px; margin: 18px 0 6px; }
p, li { max-width: 78ch; }
.muted, .note { color: var(--muted); }
.note { font-size: 13px; }
.warning { color: var(--tie); }
code, pre, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px; }
pre { background: var(--soft); border: 1px solid var(--line); border-radius: 6px; padding: 10px; overflow-x: auto; white-space: pre-wrap; word-break: break-word; max-height: 60vh; overflow-y: auto; }
.table-wrap { overflow-x: auto; -webkit-overflow-scrolling: touch; margin: 6px 0 4px; border: 1px solid var(--line); border-radius: 6px; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; width: max-content; min-width: 100%; }
th, td { padding: 5px 9px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
thead th { background: var(--soft); font-weight: 600; font-size: 13px; white-space: nowrap; }
thead tr.group th { text-align: center; border-left: 1px solid var(--line); }
tbody tr:hover { background: var(--soft); }
td.num, th.num { text-align: right; white-space: nowrap; }
td.first, th.first { position: sticky; left: 0; background: var(--bg); z-index: 1; max-width: 34ch; overflow-wrap: anywhere; }
thead th.first { background: var(--soft); }
td.sep, th.sep { border-left: 1px solid var(--line); }
.est { font-weight: 600; }
.ci { color: var(--muted); font-size: 12px; display: block; }
td.lead .est { color: var(--lead); }
.tie { color: var(--tie); font-size: 11px; margin-left: 3px; }
td.partial .est::after { content: " †"; color: var(--tie); }
td.unsupported { color: var(--muted); font-style: italic; }
td.first, th.first { position: sticky; left: 0; background: var(--bg); z-index: 1; }
.filters, .compare-picker { display: flex; flex-wrap: wrap; gap: 6px 14px; align-items: center; margin: 8px 0; font-size: 14px; }
.filters input[type=search] { min-width: 16ch; }
.turn { border-left: 3px solid var(--line); padding-left: 10px; margin: 8px 0; }
.turn h4 { margin: 4px 0; font-size: 14px; }
th button.sort { all: unset; cursor: pointer; }
th button.sort::after { content: " ↕"; color: var(--muted); font-size: 11px; }
th[aria-sort="descending"] button.sort::after { content: " ↓"; color: var(--fg); }
th[aria-sort="ascending"] button.sort::after { content: " ↑"; color: var(--fg); }
th button.sort:focus-visible { outline: 2px solid var(--link); }
.matrices { display: grid; grid-template-columns: repeat(auto-fill, minmax(320px, 1fr)); gap: 4px 18px; }
.matrices .table-wrap { width: max-content; max-width: 100%; }
.matrices .table-wrap table { min-width: 0; }
.charts { display: flex; flex-wrap: wrap; gap: 18px; align-items: flex-start; }
figure { margin: 0; flex: 1 1 420px; max-width: 700px; }
figure.small { flex: 0 1 360px; }
figcaption { font-size: 13px; color: var(--muted); margin-top: 4px; }
svg.chart { width: 100%; height: auto; display: block; background: var(--bg); }
svg .grid { stroke: var(--line); stroke-width: 1; }
svg .axis { stroke: var(--muted); stroke-width: 1; }
svg .diagonal { stroke: var(--muted); stroke-dasharray: 4 4; }
svg .tick, svg .axis-label, svg .id-label { fill: var(--muted); font-size: 11px; }
svg .axis-label { font-size: 12px; }
svg .id-band { fill: var(--band); }
svg .id-label { fill: var(--band-fg); font-weight: 700; }
svg .series polyline { fill: none; stroke-width: 2; }
svg .series .whisker { stroke-width: 1.5; }
svg .series.dashed polyline { stroke-dasharray: 6 3; }
${[0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => `.c${i} { --c: var(--c${i}); }`).join('\n')}
svg .series polyline, svg .series .whisker { stroke: var(--c); }
svg .series circle { fill: var(--c); stroke: var(--bg); stroke-width: 1; }
ul.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 16px; font-size: 13px; margin: 6px 0; }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 3px; background: var(--c); margin-right: 6px; vertical-align: -1px; }
${Array.from({ length: 11 }, (_, i) => `.h${i} { background: var(--h${i}); }`).join('\n')}
.verdict-ok { color: var(--lead); font-weight: 600; }
.verdict-bad { color: #c62828; font-weight: 600; }
@media (prefers-color-scheme: dark) { .verdict-bad { color: #ef9a9a; } }
.chips { display: flex; flex-wrap: wrap; gap: 3px; }
.chips a { display: inline-block; min-width: 2.2em; text-align: center; padding: 1px 4px; border-radius: 4px; font-size: 12px; border: 1px solid var(--line); color: var(--fg); }
.answer { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; margin: 10px 0; }
.answer h3 { margin: 0 0 4px; }
dl.kv { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; font-size: 14px; }
dl.kv dt { color: var(--muted); }
dl.kv dd { margin: 0; overflow-wrap: anywhere; }
img.prompt { max-width: 100%; height: auto; border: 1px solid var(--line); border-radius: 4px; }
footer { color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); padding: 12px 20px; }
@media (max-width: 640px) {
  body { font-size: 14px; }
  main { padding: 6px 10px 30px; }
  header.top { padding: 8px 10px; }
  th, td { padding: 4px 6px; }
  td.first, th.first { max-width: 18ch; }
}
`;

export const APP_JS = `'use strict';
// Click a column header to sort the table by it: numbers largest first, text A to Z; a second
// click reverses. Rows without a value stay at the bottom. Cells carry their sort key in data-v.
(function () {
  function value(row, col) {
    var cell = row.cells[col];
    if (!cell) return null;
    var v = cell.getAttribute('data-v');
    if (v === null) v = cell.textContent.trim();
    if (v === '' || v === 'NaN') return null;
    var n = Number(v);
    return isNaN(n) ? v.toLowerCase() : n;
  }
  function sortBy(table, th) {
    var col = Number(th.getAttribute('data-col'));
    var numeric = th.getAttribute('data-type') !== 'text';
    var current = th.getAttribute('aria-sort');
    var dir = current === (numeric ? 'descending' : 'ascending') ? (numeric ? 'ascending' : 'descending') : (numeric ? 'descending' : 'ascending');
    var sign = dir === 'ascending' ? 1 : -1;
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = value(a, col), y = value(b, col);
      if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
      return x < y ? -sign : x > y ? sign : 0;
    });
    rows.forEach(function (r) { body.appendChild(r); });
    table.querySelectorAll('th[aria-sort]').forEach(function (h) { h.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', dir);
  }
  document.querySelectorAll('table.sortable').forEach(function (table) {
    table.querySelectorAll('th[data-col]').forEach(function (th) {
      var button = document.createElement('button');
      button.className = 'sort';
      button.type = 'button';
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener('click', function () { sortBy(table, th); });
    });
  });
})();
// Compare picker: two selects of a suite's models open their precomputed paired-comparison page.
(function () {
  document.querySelectorAll('.compare-picker').forEach(function (box) {
    var pairs = {};
    JSON.parse(box.getAttribute('data-pairs') || '[]').forEach(function (p) { pairs[JSON.stringify([p[0], p[1]])] = p[2]; });
    box.querySelector('.cmp-go').addEventListener('click', function () {
      var a = box.querySelector('.cmp-a').value, b = box.querySelector('.cmp-b').value;
      var to = pairs[JSON.stringify([a, b])];
      if (to) window.location.href = to;
    });
  });
})();
`;

// The search page's script: filters the static item index (assets/search-index.js) in the page.
export const SEARCH_JS = `'use strict';
(function () {
  var data = window.GENBENCH_SEARCH;
  var count = document.getElementById('count');
  if (!data) { count.textContent = 'The search index did not load.'; return; }
  var MAX = 200;
  var q = document.getElementById('q'), task = document.getElementById('task'), split = document.getElementById('split');
  var verdict = document.getElementById('verdict'), model = document.getElementById('model'), disagree = document.getElementById('disagree');
  var body = document.querySelector('#results tbody');
  var depth = document.querySelector('link[rel=stylesheet]').getAttribute('href').split('../').length - 1;
  var up = new Array(depth + 1).join('../');
  function keep(it) {
    var t = data.tasks[it[1]], scores = it[2];
    var text = q.value.trim().toLowerCase();
    if (text && it[0].indexOf(text) < 0 && t[1].toLowerCase().indexOf(text) < 0) return false;
    if (task.value && t[1] !== task.value) return false;
    if (split.value && t[3] !== split.value) return false;
    var m = model.value ? data.models.indexOf(model.value) : -1;
    var vals = scores.filter(function (v, i) { return v !== null && (m < 0 || i === m); });
    if (!vals.length) return false;
    var right = vals.filter(function (v) { return v >= 0.5; }).length;
    if (verdict.value === 'correct' && right !== vals.length) return false;
    if (verdict.value === 'wrong' && right !== 0) return false;
    if (verdict.value === 'some-wrong' && right === vals.length) return false;
    if (disagree.checked) {
      var all = scores.filter(function (v) { return v !== null; });
      var ok = all.filter(function (v) { return v >= 0.5; }).length;
      if (ok === 0 || ok === all.length) return false;
    }
    return true;
  }
  function cell(text, cls) {
    var td = document.createElement('td');
    td.textContent = text;
    if (cls) td.className = cls;
    return td;
  }
  var shown = null;
  function render() {
    // Re-render only when a filter changed: a 'change' event as the text box loses focus must not
    // replace the link being clicked.
    var state = [q.value, task.value, split.value, verdict.value, model.value, disagree.checked].join('\u0001');
    if (state === shown) return;
    shown = state;
    var hits = data.items.filter(keep);
    while (body.firstChild) body.removeChild(body.firstChild);
    hits.slice(0, MAX).forEach(function (it) {
      var t = data.tasks[it[1]];
      var tr = document.createElement('tr');
      var first = cell('', 'first mono');
      if (it[3]) { var a = document.createElement('a'); a.href = up + it[3]; a.textContent = it[0]; first.appendChild(a); }
      else first.textContent = it[0];
      tr.appendChild(first);
      tr.appendChild(cell(t[1], 'mono'));
      tr.appendChild(cell(t[3]));
      tr.appendChild(cell(t[4]));
      it[2].forEach(function (v) { tr.appendChild(cell(v === null ? '—' : v >= 0.5 ? '✓' : '✗', v === null ? 'num muted' : v >= 0.5 ? 'num verdict-ok' : 'num verdict-bad')); });
      body.appendChild(tr);
    });
    count.textContent = hits.length + ' of ' + data.items.length + ' items match' + (hits.length > MAX ? ' (first ' + MAX + ' shown)' : '') + '.';
  }
  [q, task, split, verdict, model, disagree].forEach(function (el) { el.addEventListener('input', render); el.addEventListener('change', render); });
  render();
})();
`;
